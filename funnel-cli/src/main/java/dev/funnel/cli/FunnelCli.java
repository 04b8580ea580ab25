package dev.funnel.cli;

import dev.funnel.io.InputFileException;
import dev.funnel.log.RejectedRecordException;
import dev.funnel.log.Rejection;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Builds the picocli command line with funnel's exit rules: 0 on success; 2 for unusable input (one
 * line per problem on standard error) and for bad options (one line and a hint); 1 for an internal
 * error (a one-line message; the stack trace only with {@code FUNNEL_DEBUG=1}) and for running out
 * of memory (one line naming the JVM option that gives more heap).
 */
final class FunnelCli {
  static final int OK = 0;
  static final int INTERNAL_ERROR = 1;
  static final int BAD_INPUT = 2;

  private FunnelCli() {}

  /**
   * The line printed when the JVM runs out of heap. The {@code funnel} script and {@code java -jar}
   * pass no JVM options of their own; the {@code java} launcher reads them from {@code
   * JDK_JAVA_OPTIONS}.
   */
  static String outOfMemory(OutOfMemoryError e) {
    return "funnel: out of memory"
        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
        + ": give the JVM more heap, e.g. JDK_JAVA_OPTIONS=-Xmx8g funnel ...";
  }

  /** Runs {@code funnel args...}, writing to these streams, and returns the exit status. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    return execute(commandLine(out, err), args);
  }

  /**
   * Runs a configured command line. picocli hands exceptions to {@link #failed} but lets errors
   * through; an {@link OutOfMemoryError} becomes one line here, where the command's data is no
   * longer reachable and printing has heap again.
   */
  static int execute(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      PrintWriter err = cl.getErr();
      err.println(outOfMemory(e));
      if ("1".equals(System.getenv("FUNNEL_DEBUG"))) {
        e.printStackTrace(err);
      }
      err.flush();
      return INTERNAL_ERROR;
    }
  }

  /**
   * A line for standard error that stays one line: escaped as {@link Rejection#visible} when it
   * holds a control character (a line break, an escape sequence, a NUL from an option value), as it
   * is otherwise. The rule of {@link Rejection#message()} for a file's name: the parts quoted from
   * files are escaped where the message is made, and a path with a narrow no-break space (as macOS
   * names screenshots) prints as the path one can paste.
   */
  static String line(String text) {
    return text.chars().anyMatch(Character::isISOControl) ? Rejection.visible(text) : text;
  }

  /** Prints a note on standard error as one {@link #line} and flushes. */
  static void note(PrintWriter err, String text) {
    err.println(line(text));
    err.flush();
  }

  /** The configured command line. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new FunnelCommand());
    // every command takes -V (mixinStandardHelpOptions): it printed an empty line below the root
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getCommandSpec().version(cl.getCommandSpec().version());
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(false);
    cl.setParameterExceptionHandler(FunnelCli::badOptions);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> failed(e, commandLine.getErr()));
    return cl;
  }

  private static int badOptions(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    // "funnel report: ...", as every other problem line of a command starts
    err.println(line(fullName(cl) + ": " + e.getMessage()));
    err.println("Try '" + fullName(cl) + " --help' for more information.");
    err.flush();
    return BAD_INPUT;
  }

  private static String fullName(CommandLine cl) {
    return cl.getCommandSpec().qualifiedName(" ");
  }

  private static int failed(Exception e, PrintWriter err) {
    if (e instanceof InputException) {
      ((InputException) e).lines().forEach(l -> err.println(line(l)));
      err.flush();
      return BAD_INPUT;
    }
    if (e instanceof RejectedRecordException || e instanceof InputFileException) {
      err.println(line(String.valueOf(e.getMessage())));
      err.flush();
      return BAD_INPUT;
    }
    err.println(line("funnel: internal error: " + e));
    if ("1".equals(System.getenv("FUNNEL_DEBUG"))) {
      e.printStackTrace(err);
    } else {
      err.println("(run with FUNNEL_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return INTERNAL_ERROR;
  }
}
