package dev.funnel.cli;

import static dev.funnel.cli.Cli.concat;
import static dev.funnel.cli.Cli.run;
import static dev.funnel.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kpi --known-at} over the four hand-made deals, where D1's win on March 4 (1000.00 EUR) was
 * entered on April 2 and back-dated into March: the March scorecard closed on April 1 had no win.
 */
final class KpiKnownAtTest {
  private static final JsonMapper MAPPER = new JsonMapper();

  private static final String[] CHANGES = {
    "deal_id,to_stage,occurred_at,recorded_at",
    "D1,qualified,2026-03-02T00:00:00Z,",
    "D1,won,2026-03-04T00:00:00Z,2026-04-02T00:00:00Z",
    "D2,lost,2026-03-03T00:00:00Z,",
    "D3,qualified,2026-03-03T00:00:00Z,"
  };

  @TempDir Path dir;

  private Cli.Run kpi(String[] changes, String... extra) throws IOException {
    String[] inputs = {
      "--pipeline",
      write(dir, "pipeline.json", Cli.PIPELINE).toString(),
      "--deals",
      write(dir, "deals.csv", Cli.DEALS).toString(),
      "--changes",
      write(dir, "stage_changes.csv", changes).toString(),
      "--spend",
      write(
              dir,
              "spend.csv",
              "date,channel,cost,currency",
              "2026-03-01,web,30.00,EUR",
              "2026-03-02,ads,20.00,EUR")
          .toString()
    };
    return run(concat(concat(new String[] {"kpi"}, inputs), extra));
  }

  private static JsonNode kpi(JsonNode report, String period, String id) {
    for (JsonNode row : report.get("periods")) {
      if (row.get("period").asString().equals(period)
          && row.get("scope").asString().equals("all")) {
        for (JsonNode k : row.get("kpis")) {
          if (k.get("id").asString().equals(id)) {
            return k.get("value");
          }
        }
      }
    }
    throw new AssertionError(period + " " + id + " not in the report");
  }

  /**
   * Known at April 1, March had no won deal and no revenue; as the files now tell it (as of the
   * same instant), one won deal of 1000.00 EUR and a CAC of 50.00 / 1.
   */
  @Test
  void theMarchScorecardAsClosedOnAprilFirst() throws IOException {
    Cli.Run then = kpi(CHANGES, "--known-at", "2026-04-01T00:00:00Z", "--format", "json");
    assertEquals(0, then.status(), then.err());
    JsonNode json = MAPPER.readTree(then.out());
    assertEquals("2026-04-01T00:00:00Z", json.get("asOf").asString());
    assertEquals("2026-04-01T00:00:00Z", json.get("knownAt").asString());
    assertEquals(0.0, kpi(json, "2026-03", "won_deals").asDouble());
    assertEquals(0.0, kpi(json, "2026-03", "revenue").asDouble());
    assertTrue(kpi(json, "2026-03", "cac").isNull(), json.toString());
    // D2 lost, nothing won: 0 of 1 closed.
    assertEquals(0.0, kpi(json, "2026-03", "win_rate").asDouble());
    Cli.Run now = kpi(CHANGES, "--as-of", "2026-04-01T00:00:00Z", "--format", "json");
    assertEquals(0, now.status(), now.err());
    JsonNode nowJson = MAPPER.readTree(now.out());
    assertEquals(1.0, kpi(nowJson, "2026-03", "won_deals").asDouble());
    assertEquals(1000.0, kpi(nowJson, "2026-03", "revenue").asDouble());
    assertEquals(50.0, kpi(nowJson, "2026-03", "cac").asDouble());
    // D1 won, D2 lost: 1 of 2.
    assertEquals(0.5, kpi(nowJson, "2026-03", "win_rate").asDouble());
    assertEquals(null, nowJson.get("knownAt"));
  }

  /**
   * The view equals the files without the change recorded after April 1, as of April 1: every
   * figure but the records read and {@code knownAt}, which comes last.
   */
  @Test
  void theViewIsTheFilesWithoutWhatWasRecordedLater() throws IOException {
    ObjectNode view =
        (ObjectNode)
            MAPPER.readTree(
                kpi(CHANGES, "--known-at", "2026-04-01T00:00:00Z", "--format", "json").out());
    List<String> keys = new ArrayList<>(view.propertyNames());
    assertEquals("knownAt", keys.get(keys.size() - 1));
    String[] recordedBy = {CHANGES[0], CHANGES[1], CHANGES[3], CHANGES[4]};
    ObjectNode filtered =
        (ObjectNode)
            MAPPER.readTree(
                kpi(recordedBy, "--as-of", "2026-04-01T00:00:00Z", "--format", "json").out());
    // 4 deals, 4 changes and 2 spend rows read, against 4, 3 and 2.
    assertEquals(10, view.get("records").get("accepted").asLong(), view.toString());
    assertEquals(9, filtered.get("records").get("accepted").asLong());
    view.remove(List.of("knownAt", "records"));
    filtered.remove("records");
    assertEquals(filtered, view);
  }

  /** An as-of the log cannot measure is refused naming the option it came from (CLI review). */
  @Test
  void anAsOfBeyondTheLogsYearsNamesItsOption() throws IOException {
    Cli.Run asOf = kpi(CHANGES, "--as-of", "2200-01-01T00:00:00Z");
    assertEquals(2, asOf.status());
    assertEquals(
        List.of(
            "funnel kpi: --as-of: as-of"
                + " 2200-01-01T00:00:00Z is 2^31 seconds (68 years) or more after the log's first instant"
                + " 2026-03-01T00:00:00Z; a log measures ages in int seconds"),
        asOf.errLines());
    Cli.Run knownAt = kpi(CHANGES, "--known-at", "2200-01-01T00:00:00Z");
    assertEquals(2, knownAt.status());
    assertTrue(knownAt.err().startsWith("funnel kpi: --known-at: as-of 2200"), knownAt.err());
  }

  @Test
  void aTableNamesTheViewAndALaterAsOfIsRefused() throws IOException {
    Cli.Run table = kpi(CHANGES, "--known-at", "2026-04-01T00:00:00Z");
    assertEquals(0, table.status(), table.err());
    assertTrue(
        table
            .out()
            .startsWith(
                "as recorded by 2026-04-01T00:00:00Z (stage changes entered later, back-dated"
                    + " ones included, are not seen)\n"),
        table.out());
    Cli.Run later =
        kpi(CHANGES, "--known-at", "2026-04-01T00:00:00Z", "--as-of", "2026-04-02T00:00:00Z");
    assertEquals(2, later.status());
    assertEquals(
        List.of(
            "funnel kpi: --as-of 2026-04-02T00:00:00Z is after --known-at"
                + " 2026-04-01T00:00:00Z: what happened after 2026-04-01T00:00:00Z was not known"
                + " then; give an as-of at or before it, or drop --known-at"),
        later.errLines());
  }
}
