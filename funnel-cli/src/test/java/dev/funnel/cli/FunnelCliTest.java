package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The exit rules of {@link FunnelCli} that no real command reaches on purpose. */
final class FunnelCliTest {
  @Command(name = "greedy")
  static final class Greedy implements Callable<Integer> {
    private final OutOfMemoryError error;

    Greedy(OutOfMemoryError error) {
      this.error = error;
    }

    @Override
    public Integer call() {
      throw error;
    }
  }

  private static Cli.Run runGreedy(OutOfMemoryError error) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = FunnelCli.commandLine(new PrintWriter(out), new PrintWriter(err));
    cl.addSubcommand("greedy", new CommandLine(new Greedy(error)));
    int status = FunnelCli.execute(cl, "greedy");
    return new Cli.Run(status, out.toString(), err.toString().replace("\r\n", "\n"));
  }

  /** Every command prints the version for -V, as the root does (they printed an empty line). */
  @Test
  void everyCommandPrintsTheVersion() {
    String version = Cli.run("--version").out();
    assertEquals("funnel 0.1.0-SNAPSHOT\n", version.replace("\r\n", "\n"));
    for (String command :
        List.of("validate", "report", "kpi", "forecast", "sequence", "demo", "shell")) {
      Cli.Run r = Cli.run(command, "-V");
      assertEquals(0, r.status(), command + ": " + r.err());
      assertEquals(version, r.out(), command);
    }
  }

  @Test
  void outOfMemoryAnywhereIsOneLineNamingTheHeapOptionAndExitsOne() {
    Cli.Run r = runGreedy(new OutOfMemoryError("Java heap space"));
    assertEquals(1, r.status());
    assertEquals(
        java.util.List.of(
            "funnel: out of memory (Java heap space): give the JVM more heap, e.g."
                + " JDK_JAVA_OPTIONS=-Xmx8g funnel ..."),
        r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void outOfMemoryWithoutAMessageIsStillOneLine() {
    Cli.Run r = runGreedy(new OutOfMemoryError());
    assertEquals(1, r.status());
    assertEquals(
        java.util.List.of(
            "funnel: out of memory: give the JVM more heap, e.g. JDK_JAVA_OPTIONS=-Xmx8g funnel ..."),
        r.errLines());
  }
}
