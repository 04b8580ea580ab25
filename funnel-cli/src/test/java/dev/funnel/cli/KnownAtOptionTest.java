package dev.funnel.cli;

import static dev.funnel.cli.Cli.concat;
import static dev.funnel.cli.Cli.run;
import static dev.funnel.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report --known-at} over the four hand-made deals, where D2's loss on March 3 was entered
 * on March 6 and back-dated.
 */
final class KnownAtOptionTest {
  private static final JsonMapper MAPPER = new JsonMapper();

  @TempDir Path dir;

  private Cli.Run report(String... extra) throws IOException {
    String[] inputs = {
      "--pipeline",
      write(dir, "pipeline.json", Cli.PIPELINE).toString(),
      "--deals",
      write(dir, "deals.csv", Cli.DEALS).toString(),
      "--changes",
      write(
              dir,
              "stage_changes.csv",
              "deal_id,to_stage,occurred_at,recorded_at",
              "D1,qualified,2026-03-02T00:00:00Z,",
              "D1,won,2026-03-04T00:00:00Z,2026-03-04T00:00:00Z",
              "D2,lost,2026-03-03T00:00:00Z,2026-03-06T00:00:00Z",
              "D3,qualified,2026-03-03T00:00:00Z,")
          .toString()
    };
    return run(concat(concat(new String[] {"report"}, inputs), extra));
  }

  /**
   * Known at March 5: D2's loss is not recorded yet, so D2 is open in new (96 h old) beside D4 (72
   * h); D1 won, D3 open in qualified. The report is as of March 5.
   */
  @Test
  void theReportTheCrmShowedOnMarchFifth() throws IOException {
    Cli.Run r = report("--known-at", "2026-03-05T00:00:00Z", "--format", "json");
    assertEquals(0, r.status(), r.err());
    JsonNode json = MAPPER.readTree(r.out());
    assertEquals("2026-03-05T00:00:00Z", json.get("asOf").asString());
    assertEquals("2026-03-05T00:00:00Z", json.get("knownAt").asString());
    JsonNode deals = json.get("deals");
    assertEquals(4, deals.get("total").asLong());
    assertEquals(3, deals.get("open").asLong());
    assertEquals(1, deals.get("won").asLong());
    assertEquals(0, deals.get("lost").asLong());
    JsonNode neu = json.get("stages").get(0);
    assertEquals(2, neu.get("ageInStage").get("count").asLong());
    assertEquals("PT84H", neu.get("ageInStage").get("p50").asString());
    assertEquals(0, neu.get("lostAt").asLong());
    // The same day as the files now tell it: D2 lost on March 3.
    Cli.Run now = report("--as-of", "2026-03-05T00:00:00Z", "--format", "json");
    JsonNode nowJson = MAPPER.readTree(now.out());
    assertEquals(1, nowJson.get("deals").get("lost").asLong());
    assertEquals(2, nowJson.get("deals").get("open").asLong());
    assertEquals(null, nowJson.get("knownAt"));
  }

  /** FORMATS.md: {@code knownAt} follows {@code where} and precedes {@code breakdowns}. */
  @Test
  void theJsonFieldSitsBetweenWhereAndTheBreakdowns() throws IOException {
    Cli.Run r =
        report(
            "--known-at",
            "2026-03-05T00:00:00Z",
            "--where",
            "channel=ads",
            "--by",
            "owner",
            "--format",
            "json");
    assertEquals(0, r.status(), r.err());
    List<String> keys = new java.util.ArrayList<>(MAPPER.readTree(r.out()).propertyNames());
    assertEquals(
        List.of("where", "knownAt", "breakdowns"), keys.subList(keys.size() - 3, keys.size()));
  }

  @Test
  void aTableAndAPageSayWhen() throws IOException {
    String line =
        "as recorded by 2026-03-05T00:00:00Z (stage changes entered later, back-dated ones"
            + " included, are not seen)";
    Cli.Run table = report("--known-at", "2026-03-05T00:00:00Z", "--where", "channel=ads");
    assertEquals(0, table.status(), table.err());
    assertTrue(table.out().startsWith("deals where channel=ads\n" + line + "\n"), table.out());
    // D2 and D3, both open on March 5 as the CRM held it.
    assertTrue(table.out().contains("2 deals: 2 open, 0 won, 0 lost"), table.out());
    Cli.Run html = report("--known-at", "2026-03-05T00:00:00Z", "--format", "html");
    assertTrue(html.out().contains("</h1>\n<p>" + line + "</p>\n"), html.out());
  }

  @Test
  void anEarlierAsOfIsTakenALaterOneRefused() throws IOException {
    Cli.Run earlier =
        report(
            "--known-at",
            "2026-03-05T00:00:00Z",
            "--as-of",
            "2026-03-04T00:00:00Z",
            "--format",
            "json");
    assertEquals(0, earlier.status(), earlier.err());
    JsonNode json = MAPPER.readTree(earlier.out());
    assertEquals("2026-03-04T00:00:00Z", json.get("asOf").asString());
    assertEquals(0, json.get("deals").get("lost").asLong());
    Cli.Run later = report("--known-at", "2026-03-05T00:00:00Z", "--as-of", "2026-03-06T00:00:00Z");
    assertEquals(2, later.status());
    assertEquals(
        List.of(
            "funnel report: --as-of 2026-03-06T00:00:00Z is after --known-at"
                + " 2026-03-05T00:00:00Z: what happened after 2026-03-05T00:00:00Z was not known"
                + " then; give an as-of at or before it, or drop --known-at"),
        later.errLines());
    // Whole seconds: an as-of later within the same second is the same second.
    Cli.Run sameSecond =
        report("--known-at", "2026-03-05T00:00:00.5Z", "--as-of", "2026-03-05T00:00:00.7Z");
    assertEquals(0, sameSecond.status(), sameSecond.err());
    Cli.Run date = report("--known-at", "2026-03-05");
    assertEquals(2, date.status());
    assertTrue(date.err().contains("is a date, not an instant"), date.err());
  }

  /** Before the first deal nothing was known: an empty report as of that instant. */
  @Test
  void beforeTheFirstDealNothingIsKnown() throws IOException {
    Cli.Run r = report("--known-at", "2026-02-01T00:00:00Z", "--format", "json");
    assertEquals(0, r.status(), r.err());
    JsonNode json = MAPPER.readTree(r.out());
    assertEquals("2026-02-01T00:00:00Z", json.get("asOf").asString());
    assertEquals(0, json.get("deals").get("total").asLong());
  }
}
