package dev.funnel.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/**
 * The entry point of {@code funnel.jar}. Exit status: 0 on success, 2 for unusable input or bad
 * options (one line per problem on standard error), 1 for an internal error.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits with its status. Standard output is written through its file
   * descriptor, not {@link System#out}: a {@link java.io.PrintStream} swallows write errors, and a
   * report lost to a full device or a closed pipe must not exit 0.
   */
  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), UTF_8)),
            true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true);
    int status = FunnelCli.run(out, err, args);
    out.flush();
    err.flush();
    System.exit(status);
  }
}
