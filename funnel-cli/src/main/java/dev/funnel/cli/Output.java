package dev.funnel.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.funnel.log.Rejection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Where a report goes: standard output, or the file of {@code --out}. */
final class Output {
  private Output() {}

  /** Something that writes a report. */
  interface Body {
    void write(Writer w) throws IOException;
  }

  /**
   * Writes the report of the command to {@code file}, or to the command's standard output when
   * there is none.
   *
   * @throws InputException if {@code file} is one of the command's input files (the report would
   *     overwrite it), or the report cannot be written: a full device, a closed pipe (standard
   *     output swallows its errors, so they are checked after the flush)
   */
  static void write(CommandSpec spec, @Nullable Path file, Body body) {
    // The report is rendered whole before a byte goes out, so that a failure while rendering (an
    // internal error) leaves no half report behind: a JSON document whose writer closed its open
    // brackets would still parse, silently short of its last sections.
    StringWriter buffer = new StringWriter();
    try {
      body.write(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    String rendered = controlsShown(buffer.toString());
    if (file == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.write(rendered);
      flush(spec, "report");
      return;
    }
    if (file.toString().isEmpty()) {
      // The empty path is the working directory: it read "cannot be written: is a directory".
      throw new InputException(prefix(spec) + "--out \"\": the file name is empty");
    }
    refuseInputs(spec, file);
    try (Writer w = Files.newBufferedWriter(file, UTF_8)) {
      w.write(rendered);
    } catch (IOException e) {
      throw new InputException(
          prefix(spec)
              + "--out "
              + file
              + ": cannot be written: "
              + IoReasons.whyNotWritten(e, file));
    }
  }

  /**
   * The report with every control character but the line break written as its visible escape
   * ({@link Rejection#visible}). The tables already show the names in their cells so, and JSON
   * escapes its strings; this is the net under every other line a report prints from the data (a
   * title, an audit's evidence): a terminal escape from a CSV cell never reaches the terminal.
   */
  static String controlsShown(String report) {
    StringBuilder sb = null;
    for (int i = 0; i < report.length(); i++) {
      char c = report.charAt(i);
      if (Character.isISOControl(c) && c != '\n') {
        if (sb == null) {
          sb = new StringBuilder(report.length() + 16).append(report, 0, i);
        }
        sb.append(Rejection.visible(String.valueOf(c)));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? report : sb.toString();
  }

  /**
   * Flushes the command's standard output and checks that everything printed arrived.
   *
   * @param what what was printed, for the message ("report")
   * @throws InputException if it could not be written: a full device, a closed pipe (standard
   *     output swallows its errors, so they are checked after the flush)
   */
  static void flush(CommandSpec spec, String what) {
    PrintWriter out = spec.commandLine().getOut();
    out.flush();
    if (out.checkError()) {
      throw new InputException(
          prefix(spec)
              + "standard output: cannot be written (a full device or a closed pipe); the "
              + what
              + " is lost");
    }
  }

  /** {@code "funnel report: "}: how every problem line of the command starts. */
  private static String prefix(CommandSpec spec) {
    return spec.qualifiedName(" ") + ": ";
  }

  /** Refuses an output file that is the file of one of the command's input options. */
  private static void refuseInputs(CommandSpec spec, Path file) {
    for (OptionSpec o : spec.options()) {
      if (!o.longestName().equals("--out")
          && o.getValue() instanceof Path input
          && sameFile(input, file)) {
        throw new InputException(
            prefix(spec)
                + "--out "
                + file
                + ": is the file of "
                + o.longestName()
                + "; writing the report there would destroy an input");
      }
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException | SecurityException e) {
      return false; // not the same file as far as anyone can tell: writing will say more
    }
  }
}
