package dev.funnel.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.funnel.log.Rejection;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
    // The report streams out (a report of a million deals is not held twice in memory). A failure
    // while rendering (an internal error) cannot take back what standard output has printed, but
    // a JSON document is then left unclosed, so no reader takes it for a whole one, and an --out
    // file is removed.
    if (file == null) {
      PrintWriter out = spec.commandLine().getOut();
      try {
        body.write(new ControlsShown(out));
      } catch (IOException e) {
        throw new InputException(
            prefix(spec) + "standard output: cannot be written: " + e.getMessage());
      }
      flush(spec, "report");
      return;
    }
    if (file.toString().isEmpty()) {
      // The empty path is the working directory: it read "cannot be written: is a directory".
      throw new InputException(prefix(spec) + "--out \"\": the file name is empty");
    }
    refuseInputs(spec, file);
    Writer w;
    try {
      w = Files.newBufferedWriter(file, UTF_8);
    } catch (IOException e) {
      throw notWritten(spec, file, e);
    }
    // Only a file this command opened (and so truncated) is removed when the report fails.
    boolean whole = false;
    try {
      try (w) {
        body.write(new ControlsShown(w));
      }
      whole = true;
    } catch (IOException e) {
      throw notWritten(spec, file, e);
    } finally {
      if (!whole) {
        removeHalfReport(file);
      }
    }
  }

  private static InputException notWritten(CommandSpec spec, Path file, IOException e) {
    return new InputException(
        prefix(spec)
            + "--out "
            + file
            + ": cannot be written: "
            + IoReasons.whyNotWritten(e, file));
  }

  /** Deletes a report file left half written; a device or a link (and its target) is left alone. */
  private static void removeHalfReport(Path file) {
    try {
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(file);
      }
    } catch (IOException e) {
      // nothing more to do: the command already fails with the error that stopped the report
    }
  }

  /**
   * A writer that passes every character on but the control characters other than the line break
   * ({@code \n}), which it writes as their visible escapes ({@link Rejection#visible}): a carriage
   * return, a tab, a terminal escape. The tables already show names from the data so and JSON
   * escapes its strings; this is the net under every other line a report prints from the data (a
   * title, an audit's evidence), so that a terminal escape from a CSV cell never reaches the
   * terminal. Every report ends its lines with {@code \n} alone, on every platform.
   */
  static final class ControlsShown extends FilterWriter {
    ControlsShown(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      write(String.valueOf((char) c), 0, 1);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      shown(CharBuffer.wrap(buf), off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      shown(s, off, len);
    }

    /** Passes {@code text[off, off + len)} on, each control but the line break escaped. */
    private void shown(CharSequence text, int off, int len) throws IOException {
      int start = off;
      for (int i = off; i < off + len; i++) {
        char c = text.charAt(i);
        if (Character.isISOControl(c) && c != '\n') {
          pass(text, start, i);
          out.write(Rejection.visible(String.valueOf(c)));
          start = i + 1;
        }
      }
      pass(text, start, off + len);
    }

    /** Passes {@code text[from, to)} on unchanged, without copying it. */
    private void pass(CharSequence text, int from, int to) throws IOException {
      if (text instanceof CharBuffer b) {
        out.write(b.array(), from, to - from);
      } else {
        out.write(text.toString(), from, to - from);
      }
    }
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
