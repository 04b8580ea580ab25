package dev.funnel.cli;

import static dev.funnel.cli.Cli.run;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.Dimension;
import dev.funnel.Funnel;
import dev.funnel.examples.SampleData;
import dev.funnel.examples.SampleSpec;
import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.tools.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoAndShellTest {
  @TempDir Path dir;

  @Test
  void demoPrintsTheSampleReportAndSequenceFunnel() {
    Cli.Run r = run("demo", "--dir", dir.toString());
    assertEquals(0, r.status(), r.err());
    // the same deals as the library's sample
    long deals = SampleData.dealLog(SampleSpec.defaults()).dealCount();
    assertTrue(r.out().contains("\n" + deals + " deals: "), r.out());
    assertTrue(r.out().contains("\nowner "), r.out());
    assertTrue(r.out().contains("\nchannel "), r.out());
    assertTrue(r.out().contains("sequence funnel: 5 steps, window 90d"), r.out());
    String out = r.out();
    List<String> sections =
        List.of(
            "Hygiene as of ",
            "SLA as of ",
            "business time",
            "Losses as of ",
            "top-1 share ",
            "Process audit as of ",
            "must-haves missing",
            "Scorecard ",
            "Activity-without-outcome alerts",
            "The vanity channel \"social\": the alert ",
            "weighted pipeline ",
            "won within 90 days: P10 ");
    int at = out.indexOf("sequence funnel: 5 steps");
    for (String s : sections) {
      int next = out.indexOf(s, at);
      assertTrue(next > at, s + " after the previous section in\n" + out);
      at = next;
    }
    long lines = out.lines().count();
    assertTrue(lines <= 150, lines + " lines");
    assertTrue(Files.isRegularFile(dir.resolve("deals.csv")));
  }

  @Test
  void demoRefusesToOverwriteFilesInDirUnlessForced() throws IOException {
    // review finding 5: an analyst's deals.csv was replaced by the sample without a word
    Path mine = dir.resolve("mydata");
    Files.createDirectories(mine);
    Path deals = Cli.write(mine, "deals.csv", "deal_id,created_at", "D-1,2026-03-02T09:00:00Z");
    Cli.write(mine, "spend.csv", "date,channel,cost,currency");
    String before = Files.readString(deals);
    Cli.Run r = run("demo", "--dir", mine.toString());
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "funnel demo: --dir "
                + mine
                + ": deals.csv, spend.csv exist already; the sample would overwrite them (give"
                + " --force to allow that, or another directory)"),
        r.errLines());
    assertEquals("", r.out());
    assertEquals(before, Files.readString(deals));
    assertEquals(List.of("deals.csv", "spend.csv"), names(mine));

    Cli.Run forced = run("demo", "--dir", mine.toString(), "--force", "--help");
    assertEquals(0, forced.status(), forced.err());
    assertTrue(forced.out().contains("--force"), forced.out());
  }

  @Test
  void theSampleFilesAreTheOnesDemoChecks() throws IOException {
    Path fresh = dir.resolve("fresh");
    Cli.Run r = run("demo", "--dir", fresh.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(DemoCommand.SAMPLE_FILES.stream().sorted().toList(), names(fresh));
    Cli.Run again = run("demo", "--dir", fresh.toString(), "--force");
    assertEquals(0, again.status(), again.err());
  }

  @Test
  void forceWithoutDirIsRefused() {
    // new-user review: it was accepted and did nothing
    Cli.Run r = Cli.run("demo", "--force");
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "funnel demo: --force only applies with --dir (without it the files go to a fresh"
                + " temporary directory)"),
        r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void demoDirThatIsAFileExitsTwoWithOneLine() throws IOException {
    // review finding 11: "funnel: internal error: java.io.UncheckedIOException ...", exit 1
    Path file = Cli.write(dir, "deals.csv", "deal_id,created_at");
    Cli.Run r = run("demo", "--dir", file.toString());
    assertEquals(2, r.status());
    assertEquals(List.of("funnel demo: --dir " + file + ": is not a directory"), r.errLines());
    Path below = file.resolve("sub");
    Cli.Run under = run("demo", "--dir", below.toString());
    assertEquals(2, under.status());
    assertEquals(
        List.of("funnel demo: --dir " + below + ": cannot be created: not a directory"),
        under.errLines());
  }

  private static List<String> names(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The outcome of snippets fed to JShell with the shell's startup, as {@code funnel shell}. */
  private record Shell(int status, String out, String err) {}

  private Shell jshell(String input) throws IOException {
    Tool jshell =
        ServiceLoader.load(Tool.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(t -> t.name().equals("jshell"))
            .findFirst()
            .orElseThrow();
    Path script = dir.resolve("startup.jsh");
    Files.writeString(script, ShellCommand.STARTUP, UTF_8);
    List<String> args = new ArrayList<>(ShellCommand.arguments(ShellCommand.classPath(), script));
    args.add("-");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        jshell.run(
            new ByteArrayInputStream(input.getBytes(UTF_8)), out, err, args.toArray(new String[0]));
    return new Shell(
        status,
        out.toString(UTF_8).replace("\r\n", "\n"),
        err.toString(UTF_8).replace("\r\n", "\n"));
  }

  @Test
  void readmeJavaSnippetPastesIntoTheShellAsIs() throws IOException {
    // review 2 finding 6: with the dots at the start of the next line JShell ended the statement
    // at "Pipeline.builder(\"b2b\")" and printed ten errors (and still exited 0)
    String readme = Files.readString(Path.of("..", "README.md"), UTF_8);
    int section = readme.indexOf("## 30 seconds in Java");
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    String snippet = readme.substring(start, readme.indexOf("```", start));
    assertTrue(snippet.contains("System.out.println(Funnel.of(log)"), snippet);
    Shell r = jshell(snippet);
    // the same code in Java (ReadmeSnippetTest checks that it is the README's)
    Pipeline b2b =
        Pipeline.builder("b2b")
            .open("new")
            .open("qualified")
            .open("proposal")
            .won("won")
            .lost("lost")
            .build();
    DealLog log =
        DealLog.builder(b2b)
            .deal(
                Deal.builder("D-1", Instant.parse("2026-03-02T09:00:00Z"))
                    .owner("ann")
                    .amount("1250.00", "EUR")
                    .build())
            .deal(Deal.builder("D-2", Instant.parse("2026-03-03T11:30:00Z")).owner("bob").build())
            .change("D-1", "qualified", Instant.parse("2026-03-04T10:00:00Z"))
            .change("D-1", "won", Instant.parse("2026-03-20T16:00:00Z"))
            .change("D-2", "lost", Instant.parse("2026-03-05T12:00:00Z"))
            .build();
    String report = Funnel.of(log).by(Dimension.OWNER).report().toString();
    assertEquals("", r.err());
    assertEquals(0, r.status());
    assertEquals(report + "\n", r.out());
    // one won (D-1, ann), one lost (D-2, bob)
    assertTrue(r.out().contains("win rate 50.0%"), r.out());
    assertTrue(r.out().contains("\nann ") && r.out().contains("\nbob "), r.out());
  }

  /**
   * The help's "Try:" snippets as a user pastes them. New-user review: the help wrapped them
   * mid-expression, and a bare expression's echo cut the report short; now each continued line ends
   * with a dot, and each snippet prints with println.
   */
  private static String helpSnippets() {
    List<String> lines =
        List.of(ShellCommand.class.getAnnotation(picocli.CommandLine.Command.class).description());
    StringBuilder input = new StringBuilder();
    boolean in = false;
    for (String line : lines) {
      in = line.startsWith("Try: ") || (in && line.startsWith(" "));
      if (in) {
        assertTrue(line.length() <= 78, "fits the help's width: " + line);
        input.append(line.startsWith("Try: ") ? line.substring(5) : line.strip()).append('\n');
      }
    }
    assertEquals(5, input.toString().split("\n").length, input.toString());
    return input.toString();
  }

  @Test
  void shellStartupLoadsTheSample() throws IOException {
    String input =
        "System.out.println(Funnel.of(sample).report().deals().total());\n"
            + "System.out.println(sampleEvents.entityCount() > 0);\n"
            + "println(Period.MONTH);\n"
            + "System.out.println(sampleLeads.size() > 0 && sampleTouches.size() > 0"
            + " && sampleSpend.size() > 0 && sampleActivity.size() > 0);\n"
            + "System.out.println(Sla.of(sampleLeads, sampleTouches).deals(sample)"
            + ".calendar(sampleCalendar).report().businessTime());\n"
            + "System.out.println(Kpis.of(sample).leads(sampleLeads).spend(sampleSpend)"
            + ".report().rows().size() > 0);\n"
            + "System.out.println(Hygiene.of(sample).report().deals() == sample.dealCount());\n";
    // one JShell run (10 s of start-up and sample) serves the help's snippets too
    Shell r = jshell(input + helpSnippets());
    DealLog sample = SampleData.dealLog(SampleSpec.defaults());
    String expected =
        Funnel.of(sample).report().deals().total() + "\ntrue\nMONTH\ntrue\ntrue\ntrue\ntrue\n";
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith(expected), r.out());
    String snippets = r.out().substring(expected.length());
    String funnel = Funnel.of(sample).by("owner").report() + "\n";
    assertTrue(snippets.startsWith(funnel), snippets);
    String rest = snippets.substring(funnel.length());
    assertTrue(rest.startsWith("SLA as of "), rest);
    assertTrue(rest.contains("\nKPIs as of ") && rest.contains("\nScorecard "), rest);
  }
}
