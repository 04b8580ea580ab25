package dev.funnel.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.kpi.KpiReport;
import dev.funnel.kpi.Kpis;
import dev.funnel.kpi.Target;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.log.Rejection;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two months of one paid channel (ads) and one unpaid (seo), EUR, UTC:
 *
 * <pre>
 *            leads        deals (lead) won, amount   spend   impressions
 * ads Jan    L1 L2        D1 (L1) won 01-20, 100     50      1000
 * ads Feb    L3 L4        D2 (L3) won 02-20, 100     50      2000
 * seo Jan    L5           -                          -       -
 * </pre>
 */
final class KpiJsonTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static Instant t(String date) {
    return Instant.parse(date + "T10:00:00Z");
  }

  static KpiReport report() {
    return report(Instant.parse("2026-02-28T00:00:00Z"));
  }

  static KpiReport report(Instant asOf) {
    Pipeline pipeline = Pipeline.builder("p").open("new").won("won").lost("lost").build();
    DealLogBuilder b = DealLog.builder(pipeline);
    b.deal(
        Deal.builder("D1", t("2026-01-05"))
            .channel("ads")
            .leadId("L1")
            .amount("100.00", "EUR")
            .build());
    b.change("D1", "won", t("2026-01-20"));
    b.deal(
        Deal.builder("D2", t("2026-02-05"))
            .channel("ads")
            .leadId("L3")
            .amount("100.00", "EUR")
            .build());
    b.change("D2", "won", t("2026-02-20"));
    List<Lead> leads = new ArrayList<>();
    leads.add(Lead.of("L1", t("2026-01-02"), "ads"));
    leads.add(Lead.of("L2", t("2026-01-03"), "ads"));
    leads.add(Lead.of("L3", t("2026-02-02"), "ads"));
    leads.add(Lead.of("L4", t("2026-02-03"), "ads"));
    leads.add(Lead.of("L5", t("2026-01-04"), "seo"));
    List<SpendSample> spend =
        List.of(
            new SpendSample(LocalDate.parse("2026-01-01"), "ads", Money.of("50.00", "EUR")),
            new SpendSample(LocalDate.parse("2026-02-01"), "ads", Money.of("50.00", "EUR")));
    List<ActivitySample> activity =
        List.of(
            new ActivitySample(LocalDate.parse("2026-01-10"), "ads", "impressions", 1000),
            new ActivitySample(LocalDate.parse("2026-02-10"), "ads", "impressions", 2000));
    return Kpis.of(b.build())
        .leads(leads)
        .spend(spend)
        .activity(activity)
        .asOf(asOf)
        .target("cac", Target.forScope("channel=ads", 40))
        .report();
  }

  private static JsonNode kpi(JsonNode root, String period, String scope, String id) {
    for (JsonNode row : root.get("periods")) {
      if (row.get("period").asString().equals(period)
          && row.get("scope").asString().equals(scope)) {
        for (JsonNode k : row.get("kpis")) {
          if (k.get("id").asString().equals(id)) {
            return k;
          }
        }
      }
    }
    throw new AssertionError(period + " " + scope + " " + id + " not found");
  }

  @Test
  void periodsCarryKpisWithKindUnitValueTargetAndChange() {
    JsonNode root = MAPPER.readTree(KpiJson.toJson(report()));
    assertEquals("month", root.get("periodSize").asString());
    assertEquals("EUR", root.get("currency").asString());
    assertEquals(6, root.get("periods").size());
    assertEquals("2026-01", root.get("periods").get(0).get("period").asString());
    assertEquals("all", root.get("periods").get(0).get("scope").asString());

    JsonNode cpl = kpi(root, "2026-02", "channel=ads", "cpl");
    assertEquals("OUTCOME", cpl.get("kind").asString());
    assertEquals("MONEY", cpl.get("unit").asString());
    assertEquals(50.0 / 2, cpl.get("value").asDouble());
    assertEquals(0.0, cpl.get("directedChange").asDouble());
    assertFalse(cpl.has("target"));

    JsonNode cac = kpi(root, "2026-02", "channel=ads", "cac");
    assertEquals("OUTCOME", cac.get("kind").asString());
    assertEquals(50.0, cac.get("value").asDouble());
    assertEquals(40.0, cac.get("target").asDouble());
    assertEquals(40.0 / 50, cac.get("attainment").asDouble());

    assertEquals(
        1.0, kpi(root, "2026-02", "channel=ads", "impressions").get("directedChange").asDouble());
    assertTrue(kpi(root, "2026-02", "channel=ads", "clicks").get("value").isNull());
    assertTrue(kpi(root, "2026-01", "channel=seo", "cpl").get("value").isNull());
    assertFalse(kpi(root, "2026-01", "all", "leads").has("directedChange"));
    assertEquals(0.5, kpi(root, "2026-02", "channel=ads", "lead_to_deal").get("value").asDouble());
  }

  @Test
  void alertsNameTheRisenActivityAndTheCheckedOutcomes() {
    // As of the default as-of February is still running: alerts wait for it to end.
    assertEquals(0, MAPPER.readTree(KpiJson.toJson(report())).get("alerts").size());
    JsonNode alerts =
        MAPPER
            .readTree(KpiJson.toJson(report(Instant.parse("2026-03-01T00:00:00Z"))))
            .get("alerts");
    // Feb: impressions 1000 -> 2000 in ads and all. In ads no outcome KPI rose (won 1 -> 1,
    // lead_to_deal 1/2 -> 1/2); in all lead_to_deal rose from 1/3 to 1/2 (+50%), so no alert.
    assertEquals(1, alerts.size());
    JsonNode ads = alerts.get(0);
    assertEquals("ACTIVITY_WITHOUT_OUTCOME", ads.get("type").asString());
    assertEquals("2026-02", ads.get("period").asString());
    assertEquals("channel=ads", ads.get("scope").asString());
    assertEquals("[\"impressions\"]", ads.get("activity").toString());
    assertEquals(
        "[\"leads\",\"won_deals\",\"revenue\",\"cpl\",\"cac\",\"roas\",\"romi\","
            + "\"win_rate\",\"lead_to_deal\",\"cost_per_new\"]",
        ads.get("outcome").toString());
  }

  @Test
  void channelEconomicsAndDriverTree() {
    // As of March 1st February is complete: the driver tree leads into it.
    String text = KpiJson.toJson(report(Instant.parse("2026-03-01T00:00:00Z")));
    // Money keeps its exact decimals in the text.
    assertTrue(text.contains("\"amount\" : 100.00,"), text);
    JsonNode root = MAPPER.readTree(text);
    JsonNode econ = root.get("channelEconomics");
    assertEquals(3, econ.size());
    JsonNode ads = econ.get(1);
    assertEquals("channel=ads", ads.get("scope").asString());
    assertEquals(100.0, ads.get("spend").get("amount").asDouble());
    assertEquals("EUR", ads.get("spend").get("currency").asString());
    assertEquals(4, ads.get("leads").asInt());
    assertEquals(2, ads.get("wonDeals").asInt());
    assertEquals(100.0 / 4, ads.get("cpl").asDouble());
    assertEquals(200.0 / 100, ads.get("roas").asDouble());
    assertTrue(econ.get(2).get("spend").isNull());

    JsonNode tree = root.get("driverTree");
    assertEquals("2026-01", tree.get("from").asString());
    assertEquals("2026-02", tree.get("to").asString());
    assertEquals(0.0, tree.get("revenueChange").asDouble());
    // No clicks at all: the chain starts at leads (3 -> 2).
    assertEquals("leads", tree.get("factors").get(0).get("name").asString());
    assertEquals(3.0, tree.get("factors").get(0).get("before").asDouble());
    double sum = 0;
    for (JsonNode f : tree.get("factors")) {
      sum += f.get("contribution").asDouble();
    }
    assertEquals(0, sum, 1e-9);
    assertFalse(tree.has("undecomposed"));
    // As of February 28 February is still running and January has no period before it.
    assertTrue(MAPPER.readTree(KpiJson.toJson(report())).get("driverTree").isNull());
  }

  @Test
  void wonDealsWithoutAnAmountAreCountedApartAndRevenueIsNullWhenNoneIsPriced() {
    // January: D1 won with 100.00 EUR, D2 won without amount; February: D3 won without amount.
    Pipeline pipeline = Pipeline.builder("p").open("new").won("won").lost("lost").build();
    DealLogBuilder b = DealLog.builder(pipeline);
    b.deal(Deal.builder("D1", t("2026-01-05")).channel("ads").amount("100.00", "EUR").build());
    b.change("D1", "won", t("2026-01-20"));
    b.deal(Deal.builder("D2", t("2026-01-06")).channel("ads").build());
    b.change("D2", "won", t("2026-01-21"));
    b.deal(Deal.builder("D3", t("2026-02-05")).channel("ads").build());
    b.change("D3", "won", t("2026-02-20"));
    KpiReport r =
        Kpis.of(b.build())
            .spend(
                List.of(
                    new SpendSample(
                        LocalDate.parse("2026-01-01"), "ads", Money.of("50.00", "EUR"))))
            .asOf(Instant.parse("2026-03-15T00:00:00Z"))
            .report();
    JsonNode root = MAPPER.readTree(KpiJson.toJson(r));
    for (JsonNode row : root.get("periods")) {
      String period = row.get("period").asString();
      long expected = period.equals("2026-01") || period.equals("2026-02") ? 1 : 0;
      assertEquals(
          expected, row.has("wonWithoutAmount") ? row.get("wonWithoutAmount").asLong() : 0, period);
    }
    assertEquals(100.0, kpi(root, "2026-01", "all", "revenue").get("value").asDouble());
    assertEquals(2.0, kpi(root, "2026-01", "all", "roas").get("value").asDouble()); // 100 / 50
    assertTrue(kpi(root, "2026-02", "all", "revenue").get("value").isNull());
    JsonNode all = root.get("channelEconomics").get(0);
    assertEquals(3, all.get("wonDeals").asLong());
    assertEquals(2, all.get("wonWithoutAmount").asLong());
    assertEquals(100.0, all.get("revenue").get("amount").asDouble());
    // February's revenue is unknown: no driver tree into it
    assertTrue(root.get("driverTree").isNull());
  }

  @Test
  void theRecordsBehindTheReportAreWrittenAfterAsOf() throws IOException {
    // review finding 8: the kpi JSON had no records / rejected sections
    ReadSummary records =
        new ReadSummary(
            14,
            List.of(
                new Rejection("spend_bad.csv", 3, "cost", "abc", "not a plain decimal amount"),
                new Rejection("deals.csv", 5, "", "", "the row has 4 cells, the header has 3")));
    StringWriter w = new StringWriter();
    KpiJson.write(report(), records, w);
    JsonNode root = MAPPER.readTree(w.toString());
    List<String> names = new ArrayList<>();
    root.propertyNames().forEach(names::add);
    assertEquals(List.of("asOf", "records", "rejected", "periodSize"), names.subList(0, 4));
    assertEquals(14, root.get("records").get("read").asInt());
    assertEquals(12, root.get("records").get("accepted").asInt());
    assertEquals(2, root.get("records").get("rejected").asInt());
    JsonNode cost = root.get("rejected").get(0);
    assertEquals("spend_bad.csv", cost.get("file").asString());
    assertEquals(3, cost.get("line").asInt());
    assertEquals("cost", cost.get("field").asString());
    assertEquals("abc", cost.get("value").asString());
    assertEquals("not a plain decimal amount", cost.get("reason").asString());
    assertTrue(root.get("rejected").get(1).get("field").isNull());
    assertTrue(root.get("rejected").get(1).get("value").isNull());
    assertFalse(MAPPER.readTree(KpiJson.toJson(report())).has("records"));
  }

  @Test
  void streamAndWriterGiveTheSameTextAndStayOpen() throws IOException {
    KpiReport r = report();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    KpiJson.write(r, bytes);
    assertEquals(KpiJson.toJson(r), bytes.toString(UTF_8));
    StringWriter w = new StringWriter();
    KpiJson.write(r, w);
    w.write("\n");
    assertTrue(w.toString().endsWith("}\n"));
  }
}
