package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.forecast.Backtest;
import dev.funnel.forecast.Forecast;
import dev.funnel.forecast.ForecastReport;
import dev.funnel.forecast.Method;
import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forecast JSON of FORMATS.md on a log small enough to check on paper.
 *
 * <pre>
 * Pipeline a -> won | lost, a declares 0.5. Days after T0.
 * A created 0, won@2; B created 0, lost@4; C created 0, won@6; D created 0, lost@8.
 * E created 8, 100.00 EUR, open in a as of day 10.
 * P(a) = 2/4; weighted pipeline = 50.00 EUR. Backtest at day 1, horizon 3 days:
 * open at T: A, B, C, D; A won in (1, 4); no amounts, so money is 0.00 and Brier counts deals.
 * </pre>
 */
final class ForecastJsonTest {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  static DealLog log() {
    Pipeline p = Pipeline.builder("p").open("a", 0.5).won("won").lost("lost").build();
    return DealLog.builder(p)
        .deal(Deal.builder("A", day(0)).build())
        .deal(Deal.builder("B", day(0)).build())
        .deal(Deal.builder("C", day(0)).build())
        .deal(Deal.builder("D", day(0)).build())
        .deal(Deal.builder("E", day(8)).owner("ann").amount(Money.of("100.00", "EUR")).build())
        .change("A", "won", day(2))
        .change("B", "lost", day(4))
        .change("C", "won", day(6))
        .change("D", "lost", day(8))
        .change("E", "a", day(10))
        .build();
  }

  @Test
  void writesTheFormatsFields() {
    DealLog log = log();
    ForecastReport report = Forecast.of(log).simulations(100).seed(5).report();
    Backtest backtest = Forecast.of(log).horizon(Duration.ofDays(3)).backtest(day(1));
    String text = ForecastJson.toJson(report, Optional.of(backtest));
    JsonNode json = JsonMapper.builder().build().readTree(text);

    assertEquals("2026-03-12T00:00:00Z", json.get("asOf").asString());
    assertTrue(json.get("horizon").isNull());
    assertEquals(0.5, json.get("stageWinProbability").get("a").asDouble(), 1e-12);
    // Money keeps its scale: the exact decimal text, not a double.
    assertTrue(
        compact(text).contains("\"weightedPipeline\":{\"amount\":50.00,\"currency\":\"EUR\"}"),
        text);
    JsonNode sim = json.get("simulation");
    assertEquals(100, sim.get("runs").asInt());
    assertEquals(5, sim.get("seed").asLong());
    for (String f : new String[] {"p10", "p50", "p90", "mean"}) {
      assertEquals("EUR", sim.get(f).get("currency").asString(), f);
    }
    JsonNode direct = json.get("stages").get(0).get("direct");
    assertEquals(2, direct.get("successes").asInt());
    assertEquals(4, direct.get("trials").asInt());
    assertEquals(0.5, direct.get("rate").asDouble(), 1e-12);

    JsonNode bt = json.get("backtest");
    assertEquals("2026-03-03T00:00:00Z", bt.get("at").asString());
    assertEquals("PT72H", bt.get("horizon").asString());
    assertTrue(compact(text).contains("\"actual\":{\"amount\":0.00,\"currency\":\"EUR\"}"), text);
    // As of day 1 nothing has finished: the chain and time-aware methods have no probability for
    // A-D, the declared one gives 0.5 to each: Brier = (0.25 + 3 x 0.25) / 4 = 0.25.
    JsonNode declared = bt.get("methods").get(2);
    assertEquals(Method.DECLARED.name(), declared.get("method").asString());
    assertEquals(0.25, declared.get("brier").asDouble(), 1e-12);
    // All four in the bucket [0.5, 0.6); a bucket without deals has no mean (oracle review: 0.0).
    JsonNode calibration = declared.get("calibration");
    assertEquals(10, calibration.size());
    assertEquals(0.5, calibration.get(5).get("meanPredicted").asDouble(), 1e-12);
    assertEquals(4, calibration.get(5).get("observed").get("trials").asInt());
    assertTrue(calibration.get(0).get("meanPredicted").isNull(), calibration.toString());
    assertEquals(0, calibration.get(0).get("observed").get("trials").asInt());
    assertTrue(bt.get("brier").isNull());
  }

  /**
   * The lead-flow section. Leads L1..L4 arrive on days 1..4; X (100.00 EUR) comes from L1 on day 1
   * and is won on day 3, Y (no amount) from L2 on day 2 and is lost on day 5. As of day 10 with a
   * 3-day horizon: 4 leads in the 90-day lookback, 4/90 a day; conversion 2/4; P(a) = 1/2; one
   * delay of 2 days, so only arrival day 0 (3 days left, 2 &lt; 3) counts, day 1 (2 days left) does
   * not: revenue = 4/90 x 1/2 x 1/2 x 1 day x 100.00 = 1.11 EUR; won within horizon = (1/2) / 3.
   * The deal rate: 2/90 a day x 100.00 x (1/2 x (3 - 2) days) = 1.11 EUR.
   */
  @Test
  void writesTheLeadFlowOfNewDeals() {
    Pipeline p = Pipeline.builder("p").open("a").won("won").lost("lost").build();
    DealLog log =
        DealLog.builder(p)
            .deal(Deal.builder("X", day(1)).leadId("L1").amount(Money.of("100.00", "EUR")).build())
            .deal(Deal.builder("Y", day(2)).leadId("L2").build())
            .change("X", "won", day(3))
            .change("Y", "lost", day(5))
            .build();
    List<Lead> leads =
        List.of(1, 2, 3, 4).stream().map(d -> Lead.of("L" + d, day(d), "ads")).toList();
    ForecastReport report =
        Forecast.of(log)
            .asOf(day(10))
            .horizon(Duration.ofDays(3))
            .simulations(10)
            .leads(leads)
            .report();
    String text = ForecastJson.toJson(report, Optional.empty());
    JsonNode n = JsonMapper.builder().build().readTree(text).get("newDeals");
    assertEquals("LEAD_FLOW", n.get("model").asString());
    assertTrue(
        compact(text).contains("\"expectedRevenue\":{\"amount\":1.11,\"currency\":\"EUR\"}"), text);
    assertEquals(2.0 / 90, n.get("dealsPerDay").asDouble(), 1e-12);
    assertEquals(
        0,
        n.get("dealRateRevenue")
            .get("amount")
            .decimalValue()
            .compareTo(new java.math.BigDecimal("1.11")));
    JsonNode f = n.get("leadFlow");
    assertEquals(4, f.get("leads").asInt());
    assertEquals(4.0 / 90, f.get("leadsPerDay").asDouble(), 1e-12);
    assertEquals(4.0 / 30, f.get("expectedLeads").asDouble(), 1e-12);
    assertEquals(2, f.get("conversion").get("successes").asInt());
    assertEquals(4, f.get("conversion").get("trials").asInt());
    assertEquals(0.5, f.get("winProbability").asDouble(), 1e-12);
    assertEquals(1, f.get("wonFromLeads").asInt());
    assertEquals(0.0, f.get("meanLeadToDealDays").asDouble(), 1e-12);
    assertEquals(2.0, f.get("meanDealToWonDays").asDouble(), 1e-12);
    assertEquals(
        0,
        f.get("meanWonAmount")
            .get("amount")
            .decimalValue()
            .compareTo(new java.math.BigDecimal("100.00")));
    assertEquals(1.0 / 6, f.get("wonWithinHorizon").asDouble(), 1e-12);
    assertEquals(0, f.get("notes").size());
  }

  @Test
  void withoutLeadsTheDealRateModelHasNoLeadFlow() {
    ForecastReport report = Forecast.of(log()).horizon(Duration.ofDays(3)).simulations(10).report();
    JsonNode n =
        JsonMapper.builder()
            .build()
            .readTree(ForecastJson.toJson(report, Optional.empty()))
            .get("newDeals");
    assertEquals("DEAL_RATE", n.get("model").asString());
    assertTrue(n.get("leadFlow").isNull());
    assertEquals(n.get("dealRateRevenue"), n.get("expectedRevenue"));
  }

  /** The JSON text without the pretty printer's whitespace (no string of these reports has any). */
  private static String compact(String json) {
    return json.replaceAll("\\s+", "");
  }
}
