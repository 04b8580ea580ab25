package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.Funnel;
import dev.funnel.FunnelReport;
import dev.funnel.audit.Audit;
import dev.funnel.hygiene.Hygiene;
import dev.funnel.log.DealLog;
import dev.funnel.log.Rejection;
import dev.funnel.losses.Losses;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.people.People;
import dev.funnel.sequence.Event;
import dev.funnel.sequence.EventLog;
import dev.funnel.sequence.Mode;
import dev.funnel.sequence.SequenceFunnel;
import dev.funnel.sequence.SequenceReport;
import dev.funnel.sla.Sla;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class JsonReportsTest {
  private static final JsonMapper MAPPER = new JsonMapper();
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private static Instant day(double d) {
    return T0.plusSeconds(Math.round(d * 86_400));
  }

  /**
   * Four deals, by hand. D1 (ann, 1000.00 EUR): new -> qualified at day 1 -> won at day 3. D2 (bob,
   * 500.00 EUR): lost from new at day 2. D3 (ann): created day 1, qualified day 2, open. D4 (no
   * owner): created day 1, open in new. As-of (latest event) is day 3.
   */
  static DealLog fourDeals() {
    Pipeline p =
        Pipeline.builder("b2b").open("new").open("qualified").won("won").lost("lost").build();
    return DealLog.builder(p)
        .deal(Deal.builder("D1", day(0)).owner("ann").amount("1000.00", "EUR").build())
        .deal(Deal.builder("D2", day(0)).owner("bob").amount("500.00", "EUR").build())
        .deal(Deal.builder("D3", day(1)).owner("ann").build())
        .deal(Deal.builder("D4", day(1)).build())
        .change("D1", "qualified", day(1))
        .change("D1", "won", day(3))
        .change("D2", "lost", day(2))
        .change("D3", "qualified", day(2))
        .build();
  }

  private static JsonNode parse(String json) {
    return MAPPER.readTree(json);
  }

  @Test
  void funnelFiguresMatchHandComputedValues() {
    DealLog log = fourDeals();
    String json = JsonReports.toJson(Funnel.of(log).by("owner").report(), ReadSummary.of(log));
    JsonNode r = parse(json);

    assertEquals("b2b", r.get("pipeline").asString());
    assertEquals("2026-03-04T00:00:00Z", r.get("asOf").asString());
    assertTrue(r.get("cohort").get("from").isNull());
    assertEquals("progressed", r.get("counting").asString());
    assertEquals(8, r.get("records").get("read").asLong());
    assertEquals(8, r.get("records").get("accepted").asLong());
    assertEquals(0, r.get("records").get("rejected").asLong());
    assertEquals(0, r.get("rejected").size());

    JsonNode deals = r.get("deals");
    assertEquals(List.of(4L, 2L, 1L, 1L), longs(deals, "total", "open", "won", "lost"));

    JsonNode win = r.get("winRate");
    assertEquals(List.of(1L, 2L), longs(win, "successes", "trials"));
    assertEquals(0.5, win.get("rate").asDouble());
    assertEquals(List.of(1L, 4L), longs(r.get("cohortConversion"), "successes", "trials"));

    JsonNode won = r.get("cycleTime").get("won");
    assertEquals(1, won.get("count").asLong());
    assertEquals("PT72H", won.get("p50").asString());
    assertEquals("PT48H", r.get("cycleTime").get("lost").get("mean").asString());

    // amount as a number with the currency's two decimals, currency as its code
    assertTrue(
        Pattern.compile(
                "\"averageWonDealSize\" : \\{\\s*\"amount\" : 1000\\.00,\\s*\"currency\" : \"EUR\"")
            .matcher(json)
            .find(),
        json);
    // open 2 x win rate 1/2 x 1000.00 / 3 days = 333.33 per day
    assertEquals("333.33", r.get("velocityPerDay").get("amount").asString());

    JsonNode stages = r.get("stages");
    assertEquals(2, stages.size());
    JsonNode neu = stages.get(0);
    assertEquals("new", neu.get("stage").asString());
    assertEquals(4, neu.get("reached").asLong());
    assertEquals(0, neu.get("entered").asLong());
    assertEquals(List.of(2L, 4L), longs(neu.get("conversionToNext"), "successes", "trials"));
    assertEquals(1, neu.get("lostAt").asLong());
    // finished visits of new: D1 1d, D2 2d, D3 1d
    JsonNode time = neu.get("timeInStage");
    assertEquals(3, time.get("count").asLong());
    assertEquals("PT24H", time.get("p50").asString());
    assertEquals("PT32H", time.get("mean").asString());
    // open in new at as-of: D4 since day 1
    assertEquals("PT48H", neu.get("ageInStage").get("p50").asString());
    JsonNode qualified = stages.get(1);
    assertEquals(2, qualified.get("reached").asLong());
    assertEquals(List.of(1L, 2L), longs(qualified.get("conversionToNext"), "successes", "trials"));
    assertEquals(List.of(2L, 2L), longs(qualified.get("usage"), "successes", "trials"));
    assertEquals("PT24H", qualified.get("ageInStage").get("p50").asString());
  }

  @Test
  void breakdownGroupsCarryTheirFiguresAndNullRatesWithoutTrials() {
    DealLog log = fourDeals();
    JsonNode r =
        parse(JsonReports.toJson(Funnel.of(log).by("owner").report(), ReadSummary.of(log)));
    JsonNode owners = r.get("breakdowns").get("owner");
    assertEquals(3, owners.size());
    JsonNode ann = owners.get(0);
    assertEquals("ann", ann.get("key").asString());
    assertEquals("ann", ann.get("values").get("owner").asString());
    assertEquals(List.of(2L, 1L, 1L, 0L), longs(ann, "deals", "open", "won", "lost"));
    assertEquals(2, ann.get("stages").size());
    JsonNode unspecified = find(owners, Deal.UNSPECIFIED);
    JsonNode rate = unspecified.get("winRate");
    assertEquals(0, rate.get("trials").asLong());
    assertTrue(rate.get("rate").isNull());
    assertTrue(rate.get("low").isNull());
    assertTrue(rate.get("high").isNull());
    JsonNode cycle = unspecified.get("cycleTime").get("won");
    assertEquals(0, cycle.get("count").asLong());
    for (String f : List.of("p50", "p75", "p90", "mean")) {
      assertTrue(cycle.get(f).isNull(), f);
    }
    assertTrue(unspecified.get("averageWonDealSize").isNull());
  }

  @Test
  void crossedBreakdownNamesBothDimensions() {
    DealLog log = fourDeals();
    FunnelReport report = Funnel.of(log).by("owner", "channel").report();
    JsonNode groups = parse(JsonReports.toJson(report, ReadSummary.of(log))).get("breakdowns");
    JsonNode crossed = groups.get("owner x channel");
    JsonNode ann = crossed.get(0);
    assertEquals("ann x " + Deal.UNSPECIFIED, ann.get("key").asString());
    assertEquals(Deal.UNSPECIFIED, ann.get("values").get("channel").asString());
  }

  @Test
  void anAttributeNamedLikeABuiltInNextToThatBuiltInIsWrittenAsAttributeEquals() {
    // with --by attribute=quarter (review finding 4) both may be in one report: no duplicate key
    Pipeline p = Pipeline.builder("b2b").open("new").won("won").lost("lost").build();
    DealLog log =
        DealLog.builder(p)
            .deal(Deal.builder("D1", day(0)).attribute("quarter", "FY26-Q4").build())
            .deal(Deal.builder("D2", day(1)).attribute("quarter", "FY27-Q1").build())
            .change("D1", "won", day(2))
            .build();
    FunnelReport report =
        Funnel.of(log)
            .by("quarter")
            .by("attribute=quarter")
            .by("quarter", "attribute=quarter")
            .report();
    JsonNode b = parse(JsonReports.toJson(report, ReadSummary.of(log))).get("breakdowns");
    List<String> names = new ArrayList<>();
    b.propertyNames().forEach(names::add);
    assertEquals(List.of("quarter", "attribute=quarter", "quarter x attribute=quarter"), names);
    JsonNode crossed = b.get("quarter x attribute=quarter").get(0).get("values");
    assertEquals("2026-Q1", crossed.get("quarter").asString());
    assertEquals("FY26-Q4", crossed.get("attribute=quarter").asString());
    // alone, the attribute keeps its name
    JsonNode alone =
        parse(
                JsonReports.toJson(
                    Funnel.of(log).by("attribute=quarter").report(), ReadSummary.of(log)))
            .get("breakdowns");
    assertEquals(2, alone.get("quarter").size());
  }

  @Test
  void extraPercentilesFollowTheStandardOnesWhichAreNullWhenNotComputed() {
    DealLog log = fourDeals();
    FunnelReport report = Funnel.of(log).percentiles(0.5, 0.99).report();
    JsonNode time = parse(JsonReports.toJson(report, ReadSummary.of(log))).get("stages").get(0);
    JsonNode d = time.get("timeInStage");
    assertEquals(List.of("count", "p50", "p75", "p90", "p99", "mean"), names(d));
    assertTrue(d.get("p75").isNull());
    // 1d, 1d, 2d: rank 0.99 * 2 = 1.98 -> 1d + 0.98d = 47h 31m 12s
    assertEquals("PT47H31M12S", d.get("p99").asString());
  }

  @Test
  void rejectionsListFileLineFieldValueAndReason() {
    List<Rejection> rejections =
        List.of(
            new Rejection("deals.csv", 17, "created_at", "2026-13-01", "not an ISO-8601 timestamp"),
            new Rejection("stage_changes.csv", 4, "", "", "the row has 2 cells, the header 3"));
    ReadSummary records = new ReadSummary(10, rejections);
    JsonNode r = parse(JsonReports.toJson(Funnel.of(fourDeals()).report(), records));
    assertEquals(List.of(10L, 8L, 2L), longs(r.get("records"), "read", "accepted", "rejected"));
    JsonNode first = r.get("rejected").get(0);
    assertEquals(List.of("file", "line", "field", "value", "reason"), names(first));
    assertEquals("deals.csv", first.get("file").asString());
    assertEquals(17, first.get("line").asLong());
    assertEquals("created_at", first.get("field").asString());
    assertEquals("2026-13-01", first.get("value").asString());
    assertEquals("not an ISO-8601 timestamp", first.get("reason").asString());
    JsonNode second = r.get("rejected").get(1);
    assertTrue(second.get("field").isNull());
    assertTrue(second.get("value").isNull());
  }

  /**
   * A section that fails halfway leaves the document unclosed: closing its open brackets would make
   * a report short of its last sections parse as a whole one (CLI review).
   */
  @Test
  void aDocumentThatFailsHalfwayIsLeftUnclosed() {
    DealLog log = fourDeals();
    StringWriter w = new StringWriter();
    JsonReports.Document doc =
        JsonReports.funnel(Funnel.of(log).report(), ReadSummary.of(log))
            .section(
                "hygiene",
                out -> {
                  out.startObject().name("skips");
                  throw new IllegalStateException("a section failed");
                });
    assertThrows(IllegalStateException.class, () -> doc.write(w));
    assertTrue(w.toString().contains("\"hygiene\" : {"), w.toString());
    assertThrows(JacksonException.class, () -> MAPPER.readTree(w.toString()));
    // and a whole document ends its lines with \n alone, whatever the platform's separator
    String whole = JsonReports.funnel(Funnel.of(log).report(), ReadSummary.of(log)).toJson();
    assertFalse(whole.contains("\r"));
    assertTrue(whole.startsWith("{\n  \"pipeline\""), whole);
  }

  @Test
  void topLevelFieldsComeInDocumentedOrderWithAddedSectionsBeforeBreakdowns() {
    DealLog log = fourDeals();
    String json =
        JsonReports.funnel(Funnel.of(log).report(), ReadSummary.of(log))
            .section("hygiene", out -> out.startObject().name("skips").value(3).endObject())
            .section("staleDeals", out -> out.value(2))
            .toJson();
    JsonNode r = parse(json);
    assertEquals(
        List.of(
            "pipeline",
            "asOf",
            "cohort",
            "zone",
            "counting",
            "records",
            "rejected",
            "deals",
            "stages",
            "winRate",
            "cohortConversion",
            "cycleTime",
            "averageWonDealSize",
            "wonWithoutAmount",
            "velocityPerDay",
            "hygiene",
            "staleDeals",
            "breakdowns"),
        names(r));
    assertEquals(3, r.get("hygiene").get("skips").asLong());
  }

  /**
   * The process sections embed exactly what {@link ProcessJson} writes for the same reports (an
   * independent path: straight onto a generator), including exact decimals, on the hand-checked log
   * of {@link ProcessJsonTest}: one retroactive skip, loss "price" of 40.00 EUR, lead LA met
   * (touched after 10 minutes), LB breached.
   */
  @Test
  void processSectionsEqualProcessJsonAndKeepTheirFigures() {
    DealLog log = ProcessJsonTest.log();
    var hygiene = Hygiene.of(log).report();
    var losses = Losses.of(log).report();
    var people = People.of(log).report();
    var sla = Sla.of(ProcessJsonTest.leads(), ProcessJsonTest.touches()).deals(log).report();
    var audit =
        Audit.of(log).leads(ProcessJsonTest.leads()).touches(ProcessJsonTest.touches()).report();
    String json =
        JsonReports.funnel(Funnel.of(log).report(), ReadSummary.of(log))
            .section("hygiene", JsonReports.hygieneSection(hygiene))
            .section("losses", JsonReports.lossesSection(losses))
            .section("concentration", JsonReports.concentrationSection(people.concentration()))
            .section("sla", JsonReports.slaSection(sla))
            .section("staleDeals", JsonReports.staleDealsSection(sla))
            .section("audit", JsonReports.auditSection(audit))
            .toJson();
    JsonNode r = ProcessJsonTest.parse(json);
    assertEquals(ProcessJsonTest.parse(ProcessJson.toJson(hygiene)), r.get("hygiene"));
    assertEquals(ProcessJsonTest.parse(ProcessJson.lossesArray(losses)), r.get("losses"));
    assertEquals(
        ProcessJsonTest.parse(ProcessJson.toJson(people)).get("concentration"),
        r.get("concentration"));
    JsonNode slaAndStale = ProcessJsonTest.parse(ProcessJson.toJson(sla));
    assertEquals(slaAndStale.get("sla"), r.get("sla"));
    assertEquals(slaAndStale.get("staleDeals"), r.get("staleDeals"));
    assertEquals(ProcessJsonTest.parse(ProcessJson.toJson(audit)), r.get("audit"));

    assertEquals(1, r.get("hygiene").get("retroactive").asInt());
    assertEquals(1, r.get("hygiene").get("skips").asInt());
    assertEquals("price", r.get("losses").get(0).get("reason").asString());
    assertTrue(json.contains("\"amount\" : 40.00,"), json); // the decimals are kept
    assertEquals(1, r.get("sla").get("met").asInt());
    assertEquals(1, r.get("sla").get("breached").asInt());
    assertEquals(0, r.get("sla").get("atRisk").asInt());
    assertEquals(2, r.get("concentration").get("owners").asInt()); // ann and bob
    assertEquals(1.0, r.get("concentration").get("top1Share").asDouble()); // ann has all revenue
  }

  @Test
  void aSectionNameIsTakenOnce() {
    JsonReports.Document doc =
        JsonReports.funnel(Funnel.of(fourDeals()).report(), ReadSummary.empty());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> doc.section("winRate", out -> out.value(1)));
    assertTrue(
        e.getMessage()
            .startsWith("section \"winRate\" is already in the report (sections: pipeline"),
        e.getMessage());
  }

  @Test
  void aSectionWritingMalformedJsonFailsWithAMessage() {
    JsonReports.Document doc =
        JsonReports.funnel(Funnel.of(fourDeals()).report(), ReadSummary.empty())
            .section("broken", out -> out.startObject().value(1).endObject());
    IllegalStateException e = assertThrows(IllegalStateException.class, doc::toJson);
    assertTrue(e.getMessage().startsWith("malformed JSON report: "), e.getMessage());
  }

  @Test
  void aFailingWriterSurfacesItsIoException() {
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    IOException e =
        assertThrows(
            IOException.class,
            () -> JsonReports.write(Funnel.of(fourDeals()).report(), ReadSummary.empty(), broken));
    assertEquals("disk full", e.getMessage());
  }

  @Test
  void sequenceReportHasLevelsWindowAndConversions() {
    // u1: a b c within a day; u2: a then b after 8 days (outside P7D); u3: b only
    EventLog events =
        EventLog.builder()
            .add(new Event("u1", day(0), "a"))
            .add(new Event("u1", day(0.5), "b"))
            .add(new Event("u1", day(1), "c"))
            .add(new Event("u2", day(0), "a"))
            .add(new Event("u2", day(8), "b"))
            .add(new Event("u3", day(1), "b"))
            .build();
    SequenceReport report =
        SequenceFunnel.of(events)
            .steps("a", "b", "c")
            .window(Duration.ofDays(7))
            .mode(Mode.STRICT_INCREASE)
            .report();
    JsonNode r = parse(JsonReports.toJson(report, ReadSummary.of(events)));
    assertEquals("PT168H", r.get("window").asString());
    assertEquals("strict_increase", r.get("modes").get(0).asString());
    assertEquals(3, r.get("entities").asLong());
    assertEquals(6, r.get("records").get("read").asLong());
    JsonNode levels = r.get("levels");
    assertEquals(List.of("a", "b", "c"), texts(levels, "step"));
    assertEquals(List.of(2L, 1L, 1L), longsOf(levels, "entities"));
    assertEquals(List.of(2L, 3L), longs(levels.get(0).get("fromPrevious"), "successes", "trials"));
    assertEquals(List.of(1L, 2L), longs(levels.get(1).get("cumulative"), "successes", "trials"));
    assertEquals("PT12H", levels.get(1).get("timeFromPrevious").get("p50").asString());
    assertEquals(0, levels.get(0).get("timeFromPrevious").get("count").asLong());
    assertEquals(List.of(1L, 2L), longs(r.get("overall"), "successes", "trials"));
    assertEquals(0, r.get("breakdown").size());
  }

  @Test
  void summaryAccountsForEveryRecord() {
    ReadSummary s =
        new ReadSummary(5, List.of(new Rejection("a.csv", 2, "x", "y", "bad")))
            .plus(new ReadSummary(3, List.of()));
    assertEquals(8, s.read());
    assertEquals(7, s.accepted());
    assertEquals(1, s.rejected());
    assertEquals("8 read, 7 accepted, 1 rejected", s.toString());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ReadSummary(0, List.of(new Rejection("a.csv", 2, "x", "y", "bad"))));
    assertEquals("read 0 is less than the 1 rejected records", e.getMessage());
  }

  private static JsonNode find(JsonNode groups, String key) {
    for (JsonNode g : groups) {
      if (g.get("key").asString().equals(key)) {
        return g;
      }
    }
    throw new AssertionError("no group " + key + " in " + groups);
  }

  private static List<Long> longs(JsonNode node, String... fields) {
    List<Long> out = new ArrayList<>();
    for (String f : fields) {
      assertTrue(node.get(f).isIntegralNumber(), f + " in " + node);
      out.add(node.get(f).asLong());
    }
    return out;
  }

  private static List<Long> longsOf(JsonNode array, String field) {
    List<Long> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asLong()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asString()));
    return out;
  }

  private static List<String> names(JsonNode object) {
    return List.copyOf(object.propertyNames());
  }
}
