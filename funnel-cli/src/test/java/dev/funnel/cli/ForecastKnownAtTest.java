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
 * {@code forecast --known-at} over the four hand-made deals, where D2's loss on March 3 was entered
 * on March 6 and back-dated.
 */
final class ForecastKnownAtTest {
  private static final JsonMapper MAPPER = new JsonMapper();

  private static final String[] CHANGES = {
    "deal_id,to_stage,occurred_at,recorded_at",
    "D1,qualified,2026-03-02T00:00:00Z,",
    "D1,won,2026-03-04T00:00:00Z,2026-03-04T00:00:00Z",
    "D2,lost,2026-03-03T00:00:00Z,2026-03-06T00:00:00Z",
    "D3,qualified,2026-03-03T00:00:00Z,"
  };

  @TempDir Path dir;

  private Cli.Run forecast(String[] changes, String... extra) throws IOException {
    String[] inputs = {
      "--pipeline",
      write(dir, "pipeline.json", Cli.PIPELINE).toString(),
      "--deals",
      write(dir, "deals.csv", Cli.DEALS).toString(),
      "--changes",
      write(dir, "stage_changes.csv", changes).toString(),
      "--horizon",
      "P1D"
    };
    return run(concat(concat(new String[] {"forecast"}, inputs), extra));
  }

  /**
   * Known at March 5, D2 is still open in new: three open deals (D2 priced, D3 and D4 without an
   * amount), where the files now tell of two on that day. The forecast is as of March 5.
   */
  @Test
  void theOpenPipelineIsTheOneRecordedThen() throws IOException {
    Cli.Run r = forecast(CHANGES, "--known-at", "2026-03-05T00:00:00Z", "--format", "json");
    assertEquals(0, r.status(), r.err());
    JsonNode json = MAPPER.readTree(r.out());
    assertEquals("2026-03-05T00:00:00Z", json.get("asOf").asString());
    assertEquals("2026-03-05T00:00:00Z", json.get("knownAt").asString());
    assertEquals(3, json.get("openDeals").asLong());
    assertEquals(2, json.get("withoutAmount").asLong());
    Cli.Run now = forecast(CHANGES, "--as-of", "2026-03-05T00:00:00Z", "--format", "json");
    assertEquals(0, now.status(), now.err());
    JsonNode nowJson = MAPPER.readTree(now.out());
    assertEquals(2, nowJson.get("openDeals").asLong());
    assertEquals(2, nowJson.get("withoutAmount").asLong());
    assertEquals(null, nowJson.get("knownAt"));
  }

  /**
   * The view equals the files with the change recorded after March 5 left out, forecast as of March
   * 5: every figure but the records read and the {@code knownAt} field.
   */
  @Test
  void theViewIsTheFilesWithoutWhatWasRecordedLater() throws IOException {
    ObjectNode view =
        (ObjectNode)
            MAPPER.readTree(
                forecast(CHANGES, "--known-at", "2026-03-05T00:00:00Z", "--format", "json").out());
    String[] recordedBy = {CHANGES[0], CHANGES[1], CHANGES[2], CHANGES[4]};
    ObjectNode filtered =
        (ObjectNode)
            MAPPER.readTree(
                forecast(recordedBy, "--as-of", "2026-03-05T00:00:00Z", "--format", "json").out());
    // 4 deals and 4 changes read, against 4 and 3.
    assertEquals(8, view.get("records").get("accepted").asLong(), view.toString());
    assertEquals(7, filtered.get("records").get("accepted").asLong());
    view.remove(List.of("knownAt", "records"));
    filtered.remove("records");
    assertEquals(filtered, view);
  }

  /** FORMATS.md: {@code knownAt} comes last, after {@code where}; a table names the view first. */
  @Test
  void theJsonFieldAndTheTableLine() throws IOException {
    Cli.Run json =
        forecast(
            CHANGES,
            "--known-at",
            "2026-03-05T00:00:00Z",
            "--where",
            "channel=ads",
            "--format",
            "json");
    assertEquals(0, json.status(), json.err());
    List<String> keys = new ArrayList<>(MAPPER.readTree(json.out()).propertyNames());
    assertEquals(List.of("where", "knownAt"), keys.subList(keys.size() - 2, keys.size()));
    Cli.Run table = forecast(CHANGES, "--known-at", "2026-03-05T00:00:00Z");
    assertEquals(0, table.status(), table.err());
    assertTrue(
        table
            .out()
            .startsWith(
                "as recorded by 2026-03-05T00:00:00Z (stage changes entered later, back-dated"
                    + " ones included, are not seen)\nForecast as of 2026-03-05T00:00:00Z"),
        table.out());
  }

  /**
   * A view or segment without deals is refused naming the option that emptied it, not the files
   * ("--pipeline, --deals, --changes: the deal log is empty": diff review).
   */
  @Test
  void anEmptyViewOrSegmentNamesItsOption() throws IOException {
    Cli.Run before = forecast(CHANGES, "--known-at", "2026-02-01T00:00:00Z");
    assertEquals(2, before.status());
    assertEquals(
        List.of(
            "funnel forecast: --known-at 2026-02-01T00:00:00Z: no deal was created by then, so"
                + " there is no pipeline to forecast"),
        before.errLines());
    Cli.Run none = forecast(CHANGES, "--where", "channel=ads", "--where", "channel=web");
    assertEquals(2, none.status());
    assertEquals(
        List.of(
            "funnel forecast: --where channel=ads --where channel=web: no deal meets every"
                + " condition, so there is no pipeline to forecast"),
        none.errLines());
  }

  /** An as-of the log cannot measure is refused naming the option it came from (CLI review). */
  @Test
  void anAsOfBeyondTheLogsYearsNamesItsOption() throws IOException {
    Cli.Run asOf = forecast(CHANGES, "--as-of", "2200-01-01T00:00:00Z");
    assertEquals(2, asOf.status());
    assertEquals(
        List.of(
            "funnel forecast: --as-of: as-of"
                + " 2200-01-01T00:00:00Z is 2^31 seconds (68 years) or more after the log's first instant"
                + " 2026-03-01T00:00:00Z; a log measures ages in int seconds"),
        asOf.errLines());
    Cli.Run knownAt = forecast(CHANGES, "--known-at", "2200-01-01T00:00:00Z");
    assertEquals(2, knownAt.status());
    assertTrue(knownAt.err().startsWith("funnel forecast: --known-at: as-of 2200"), knownAt.err());
  }

  /**
   * An earlier as-of is taken, a later one refused; a backtest reads the view, and its window must
   * end by the view's instant.
   */
  @Test
  void asOfAndBacktestStayWithinWhatWasKnown() throws IOException {
    Cli.Run earlier =
        forecast(
            CHANGES,
            "--known-at",
            "2026-03-05T00:00:00Z",
            "--as-of",
            "2026-03-03T12:00:00Z",
            "--format",
            "json");
    assertEquals(0, earlier.status(), earlier.err());
    JsonNode json = MAPPER.readTree(earlier.out());
    assertEquals("2026-03-03T12:00:00Z", json.get("asOf").asString());
    // D1 in qualified, D2 in new (its loss unrecorded), D3 in qualified, D4 in new.
    assertEquals(4, json.get("openDeals").asLong());
    Cli.Run later =
        forecast(CHANGES, "--known-at", "2026-03-05T00:00:00Z", "--as-of", "2026-03-06T00:00:00Z");
    assertEquals(2, later.status());
    assertEquals(
        List.of(
            "funnel forecast: --as-of 2026-03-06T00:00:00Z is after --known-at"
                + " 2026-03-05T00:00:00Z: what happened after 2026-03-05T00:00:00Z was not known"
                + " then; give an as-of at or before it, or drop --known-at"),
        later.errLines());
    // A backtest at March 3 over one day reads the view: D1's win at noon on March 3, entered on
    // March 6, is not in the view of March 5, so nothing was won in the window; the files as they
    // now read (as of the same March 5) have D1's 1000.00 EUR won in it.
    String[] lateWin = {
      CHANGES[0],
      "D1,qualified,2026-03-02T00:00:00Z,",
      "D1,won,2026-03-03T12:00:00Z,2026-03-06T00:00:00Z",
      "D2,lost,2026-03-03T00:00:00Z,2026-03-06T00:00:00Z",
      CHANGES[4]
    };
    Cli.Run view =
        forecast(
            lateWin,
            "--known-at",
            "2026-03-05T00:00:00Z",
            "--backtest-at",
            "2026-03-03T00:00:00Z",
            "--format",
            "json");
    assertEquals(0, view.status(), view.err());
    JsonNode bt = MAPPER.readTree(view.out()).get("backtest");
    // open at March 3 as recorded then: D1 (qualified), D2 (its loss entered March 6), D3, D4
    assertEquals(4, bt.get("openDeals").asLong(), bt.toString());
    assertEquals(0, bt.get("actual").get("amount").decimalValue().signum(), bt.toString());
    Cli.Run files =
        forecast(
            lateWin,
            "--as-of",
            "2026-03-05T00:00:00Z",
            "--backtest-at",
            "2026-03-03T00:00:00Z",
            "--format",
            "json");
    assertEquals(0, files.status(), files.err());
    JsonNode filesBt = MAPPER.readTree(files.out()).get("backtest");
    assertEquals(4, filesBt.get("openDeals").asLong(), filesBt.toString());
    assertEquals(1000.0, filesBt.get("actual").get("amount").asDouble(), filesBt.toString());
    Cli.Run tooLate =
        forecast(
            CHANGES, "--known-at", "2026-03-05T00:00:00Z", "--backtest-at", "2026-03-04T12:00:00Z");
    assertEquals(2, tooLate.status());
    assertTrue(tooLate.err().contains("ends after as-of 2026-03-05T00:00:00Z"), tooLate.err());
  }
}
