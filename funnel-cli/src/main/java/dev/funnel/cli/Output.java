package dev.funnel.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Where a report goes: standard output, or the file of {@code --out}. */
final class Output {
  private Output() {}

  /** Something that writes a report. */
  interface Body {
    void write(Writer w) throws IOException;
  }

  static void write(@Nullable Path file, PrintWriter out, Body body) {
    if (file == null) {
      try {
        body.write(out);
      } catch (IOException e) {
        throw new InputException("standard output: cannot be written: " + e.getMessage());
      }
      out.flush();
      return;
    }
    try (Writer w = Files.newBufferedWriter(file, UTF_8)) {
      body.write(w);
    } catch (IOException e) {
      throw new InputException(
          "--out " + file + ": cannot be written: " + IoReasons.whyNotWritten(e, file));
    }
  }
}
