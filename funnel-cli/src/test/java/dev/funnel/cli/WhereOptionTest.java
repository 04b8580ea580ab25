package dev.funnel.cli;

import static dev.funnel.cli.Cli.concat;
import static dev.funnel.cli.Cli.fourDeals;
import static dev.funnel.cli.Cli.inputs;
import static dev.funnel.cli.Cli.run;
import static dev.funnel.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.forecast.Forecast;
import dev.funnel.forecast.ForecastReport;
import dev.funnel.io.ForecastJson;
import dev.funnel.io.FunnelFiles;
import dev.funnel.log.DealLog;
import dev.funnel.model.Pipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code --where} on {@code report} and {@code forecast}, over the four hand-made deals. */
final class WhereOptionTest {
  private static final JsonMapper MAPPER = new JsonMapper();

  @TempDir Path dir;

  private Cli.Run report(String... extra) throws IOException {
    return run(concat(concat(new String[] {"report"}, inputs(fourDeals(dir))), extra));
  }

  /**
   * channel=ads keeps D2 (bob, lost from new on day 2) and D3 (ann, qualified on day 2, open), seen
   * as of day 3, the latest event of the files (D1's win, outside the segment): new was left after
   * 48 h (D2) and 24 h (D3), D3 has been in qualified for 24 h, D2's lost cycle is 48 h. Every
   * record read is still counted.
   */
  @Test
  void aChannelsDealsAreReportedAsOfTheLatestEventOfAllFiles() throws IOException {
    Cli.Run r = report("--where", "channel=ads", "--format", "json");
    assertEquals(0, r.status(), r.err());
    JsonNode json = MAPPER.readTree(r.out());
    assertEquals("2026-03-04T00:00:00Z", json.get("asOf").asString());
    assertEquals(8, json.get("records").get("read").asLong());
    assertEquals(8, json.get("records").get("accepted").asLong());
    JsonNode deals = json.get("deals");
    assertEquals(List.of(2L, 1L, 0L, 1L), counts(deals, "total", "open", "won", "lost"));
    assertEquals(0, json.get("winRate").get("successes").asLong());
    assertEquals(1, json.get("winRate").get("trials").asLong());
    JsonNode neu = json.get("stages").get(0);
    assertEquals(2, neu.get("reached").asLong());
    assertEquals(1, neu.get("lostAt").asLong());
    assertEquals(2, neu.get("timeInStage").get("count").asLong());
    assertEquals("PT36H", neu.get("timeInStage").get("mean").asString());
    JsonNode qualified = json.get("stages").get(1);
    assertEquals(1, qualified.get("reached").asLong());
    assertEquals("PT24H", qualified.get("ageInStage").get("p50").asString());
    assertEquals("PT48H", json.get("cycleTime").get("lost").get("p50").asString());
    assertEquals("[\"channel=ads\"]", json.get("where").toString());
  }

  @Test
  void severalValuesAndSeveralConditions() throws IOException {
    Cli.Run either = report("--where", "channel=ads,web", "--by", "owner");
    assertEquals(0, either.status(), either.err());
    assertTrue(either.out().contains("4 deals: 2 open, 1 won, 1 lost"), either.out());
    // ann's deals of channel web: D1 only; the missing owner is (unspecified): D4.
    Cli.Run both = report("--where", "owner=ann", "--where", "channel=web");
    assertTrue(both.out().startsWith("deals where owner=ann and channel=web\n"), both.out());
    assertTrue(both.out().contains("1 deals: 0 open, 1 won, 0 lost"), both.out());
    Cli.Run html = report("--where", "owner=ann", "--where", "channel=web", "--format", "html");
    assertTrue(
        html.out().contains("</h1>\n<p>deals where owner=ann and channel=web</p>\n"), html.out());
    Cli.Run none = report("--where", "owner=(unspecified)");
    assertTrue(none.out().contains("1 deals: 1 open, 0 won, 0 lost"), none.out());
  }

  @Test
  void aColumnOfDealsCsvSelectsToo() throws IOException {
    List<Path> files = Cli.fourDealsWithQuarter(dir);
    Cli.Run r =
        run(
            concat(
                concat(new String[] {"report"}, inputs(files)),
                "--where",
                "attribute=quarter=FY27-Q1"));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("3 deals: 2 open, 0 won, 1 lost"), r.out());
  }

  /**
   * {@code --where Owner=...} means the deal owner even when deals.csv has a column {@code Owner}:
   * a note says so and how to name the column, as for {@code --by} (CLI review).
   */
  @Test
  void aColumnShadowedByABuiltInNameGetsANote() throws IOException {
    Path deals =
        write(
            dir,
            "deals.csv",
            "deal_id,created_at,owner,channel,Owner",
            "D1,2026-03-01T00:00:00Z,ann,web,X",
            "D2,2026-03-01T00:00:00Z,bob,ads,Y");
    Path changes = write(dir, "stage_changes.csv", "deal_id,to_stage,occurred_at");
    Path pipeline = write(dir, "pipeline.json", Cli.PIPELINE);
    String[] files = {
      "--pipeline",
      pipeline.toString(),
      "--deals",
      deals.toString(),
      "--changes",
      changes.toString()
    };
    String note =
        "funnel report: note: --where Owner means the deal owner; "
            + deals
            + " also has a column \"Owner\": for that column say --where attribute=Owner=VALUE";
    Cli.Run r = run(concat(concat(new String[] {"report"}, files), "--where", "Owner=ann"));
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of(note), r.errLines());
    assertTrue(r.out().contains("1 deals: 1 open, 0 won, 0 lost"), r.out());
    Cli.Run column =
        run(concat(concat(new String[] {"report"}, files), "--where", "attribute=Owner=X"));
    assertEquals(0, column.status(), column.err());
    assertEquals(List.of(), column.errLines());
    assertTrue(column.out().contains("1 deals: 1 open, 0 won, 0 lost"), column.out());
  }

  /**
   * A condition of thousands of values no deal has is named by its start and the first 20 values
   * (scale review: the line repeated all of it, over 100 KB).
   */
  @Test
  void aLongConditionIsNamedByItsStart() throws IOException {
    String values =
        String.join(",", java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "x" + i).toList());
    Cli.Run r = report("--where", "owner=" + values);
    assertEquals(2, r.status());
    String line = r.errLines().get(0);
    assertTrue(line.length() < 700, line);
    assertTrue(line.startsWith("funnel report: --where owner=x0,x1,x2,"), line);
    assertTrue(
        line.contains(",... (" + ("owner=" + values).length() + " characters): no deal has owner"),
        line);
    assertTrue(line.contains("\"x19\" nor 1980 more (values: (unspecified), ann, bob)"), line);
  }

  @Test
  void whatCannotSelectExitsWithTwoAndSaysWhy() throws IOException {
    String prefix = "funnel report: --where ";
    assertError(
        prefix + "channel=adz: no deal has channel \"adz\" (values: ads, web)",
        report("--where", "channel=adz"));
    assertError(
        prefix
            + "region=north: no deal has the column \"region\" (columns: none; or owner, channel)",
        report("--where", "region=north"));
    assertError(
        prefix
            + "month=2026-03: deals are selected by creation time with --from and --to, not --where"
            + " (--where attribute=month=2026-03 names a column called month)",
        report("--where", "month=2026-03"));
    assertError(
        prefix + "owner: say DIM=VALUE[,VALUE...], such as channel=ads,seo",
        report("--where", "owner"));
    assertError(
        prefix + "owner=ann,: an empty value (a missing value is (unspecified))",
        report("--where", "owner=ann,"));
    Path leads = write(dir, "leads.csv", "lead_id,created_at", "L1,2026-03-01T00:00:00Z");
    Cli.Run withLeads = report("--where", "channel=ads", "--leads", leads.toString());
    assertEquals(2, withLeads.status());
    assertTrue(withLeads.err().startsWith("funnel report: --where selects deals"), withLeads.err());
  }

  /** Values from the file are listed as rejections show them: an invisible character shows. */
  @Test
  void listedValuesShowInvisibleCharacters() throws IOException {
    List<Path> files = new ArrayList<>(fourDeals(dir));
    files.set(
        1,
        write(
            dir,
            "deals_zw.csv",
            "deal_id,created_at,owner",
            "D1,2026-03-01T00:00:00Z,ann\u200b",
            "D2,2026-03-01T00:00:00Z,b\u001b[31mob"));
    files.set(2, write(dir, "changes_none.csv", "deal_id,to_stage,occurred_at"));
    Cli.Run r = run(concat(concat(new String[] {"report"}, inputs(files)), "--where", "owner=ann"));
    assertError(
        "funnel report: --where owner=ann: no deal has owner \"ann\" (values: ann\\u200b,"
            + " b\\u001b[31mob)",
        r);
  }

  @Test
  void forecastOfASegmentIsTheLibrarysForecastOfThatSegment() throws IOException {
    List<Path> files = fourDeals(dir);
    Cli.Run r =
        run(
            concat(
                concat(new String[] {"forecast"}, inputs(files)),
                "--where",
                "channel=ads",
                "--horizon",
                "P30D",
                "--simulations",
                "500",
                "--seed",
                "7"));
    assertEquals(0, r.status(), r.err());
    Pipeline p = FunnelFiles.strict().pipeline(files.get(0));
    DealLog log = FunnelFiles.strict().dealLog(p, files.get(1), files.get(2));
    DealLog ads = log.where(d -> d.channel().equals(Optional.of("ads")));
    String lib =
        Forecast.of(ads).horizon(Duration.ofDays(30)).simulations(500).seed(7).report().toString();
    // The command adds the records read, of every file.
    assertEquals(
        "deals where channel=ads\n" + lib.strip() + "\n\nrecords: 8 read, 8 accepted, 0 rejected",
        r.out().strip());
    // The segment's forecast is not the whole's: D1 (won) and D4 (web, open) are not in it.
    assertTrue(
        !Forecast.of(log)
            .horizon(Duration.ofDays(30))
            .simulations(500)
            .seed(7)
            .report()
            .toString()
            .equals(lib));
  }

  @Test
  void forecastJsonOfASegmentSaysSoAndIsTheLibrarysForecastOfThatSegment() throws IOException {
    List<Path> files = fourDeals(dir);
    String[] args =
        concat(
            concat(new String[] {"forecast"}, inputs(files)),
            "--horizon",
            "P30D",
            "--simulations",
            "500",
            "--seed",
            "7",
            "--format",
            "json");
    Cli.Run r = run(concat(args, "--where", "channel=ads"));
    assertEquals(0, r.status(), r.err());
    ObjectNode json = (ObjectNode) MAPPER.readTree(r.out());
    assertEquals("[\"channel=ads\"]", json.get("where").toString());
    assertEquals(8, json.get("records").get("read").asLong());
    json.remove(List.of("where", "records", "rejected"));
    Pipeline p = FunnelFiles.strict().pipeline(files.get(0));
    DealLog log = FunnelFiles.strict().dealLog(p, files.get(1), files.get(2));
    DealLog ads = log.where(d -> d.channel().equals(Optional.of("ads")));
    ForecastReport lib =
        Forecast.of(ads).horizon(Duration.ofDays(30)).simulations(500).seed(7).report();
    assertEquals(MAPPER.readTree(ForecastJson.toJson(lib, Optional.empty())), json);
    // Without --where there is no where field.
    Cli.Run whole = run(args);
    assertEquals(0, whole.status(), whole.err());
    assertTrue(MAPPER.readTree(whole.out()).get("where") == null, whole.out());
  }

  private static void assertError(String line, Cli.Run r) {
    assertEquals(2, r.status(), r.out());
    assertEquals(List.of(line), r.errLines());
  }

  private static List<Long> counts(JsonNode node, String... fields) {
    return java.util.Arrays.stream(fields).map(f -> node.get(f).asLong()).toList();
  }
}
