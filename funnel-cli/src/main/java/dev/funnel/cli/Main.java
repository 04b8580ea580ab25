package dev.funnel.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/**
 * The entry point of {@code funnel.jar}. Exit status: 0 on success, 2 for unusable input or bad
 * options (one line per problem on standard error), 1 for an internal error.
 */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true);
    int status = FunnelCli.run(out, err, args);
    out.flush();
    err.flush();
    System.exit(status);
  }
}
