package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.stats.Proportion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's Java example is this code: compiled, run, and compared with the README text. */
final class ReadmeSnippetTest {

  @Test
  void readmeExampleRunsAndPrintsTheReport() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PrintStream system = System.out;
    System.setOut(out);
    FunnelReport report;
    try {
      // README:begin
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
      System.out.println(Funnel.of(log).by(Dimension.OWNER).report());
      // README:end
      report = Funnel.of(log).by(Dimension.OWNER).report();
    } finally {
      System.setOut(system);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(report + System.lineSeparator(), printed);
    // one won, one lost: 50% win rate; D-1 qualified on the 4th, won on the 20th
    assertEquals(Proportion.of(1, 2), report.winRate());
    assertTrue(printed.contains("win rate 50.0%"), printed);
    assertTrue(printed.contains("ann"), printed);
  }

  @Test
  void readmeShowsExactlyThisCode() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("## 30 seconds in Java");
    int start = readme.indexOf("```java", section) + "```java".length();
    int end = readme.indexOf("```", start);
    String shown = readme.substring(start, end);
    String source = Files.readString(Path.of("src/test/java/dev/funnel/ReadmeSnippetTest.java"));
    String code =
        source.substring(
            source.indexOf("// README:begin") + "// README:begin".length(),
            source.indexOf("      // README:end"));
    assertEquals(squeeze(code), squeeze(shown));
  }

  @Test
  void readmeLinksToFilesOfTheRepository() throws IOException {
    // The README cites the metric and format contracts; a fresh clone must have them.
    String readme = Files.readString(Path.of("..", "README.md"));
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("\\]\\(([^)#:]+)\\)").matcher(readme);
    java.util.List<String> targets = new java.util.ArrayList<>();
    while (link.find()) {
      targets.add(link.group(1));
    }
    assertTrue(targets.contains("docs/METRICS.md"), targets.toString());
    assertTrue(targets.contains("docs/FORMATS.md"), targets.toString());
    for (String target : targets) {
      assertTrue(Files.isRegularFile(Path.of("..", target)), target + " is not a file");
    }
    for (String contract : java.util.List.of("METRICS.md", "FORMATS.md")) {
      String doc = Files.readString(Path.of("..", "docs", contract));
      assertTrue(doc.contains("\n## Additions in this implementation\n"), contract);
    }
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }
}
