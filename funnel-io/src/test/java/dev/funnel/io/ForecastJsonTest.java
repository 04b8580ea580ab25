package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.forecast.Backtest;
import dev.funnel.forecast.Forecast;
import dev.funnel.forecast.ForecastReport;
import dev.funnel.forecast.Method;
import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import java.time.Duration;
import java.time.Instant;
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
    assertTrue(text.contains("\"weightedPipeline\":{\"amount\":50.00,\"currency\":\"EUR\"}"), text);
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
    assertTrue(text.contains("\"actual\":{\"amount\":0.00,\"currency\":\"EUR\"}"), text);
    // As of day 1 nothing has finished: the chain and time-aware methods have no probability for
    // A-D, the declared one gives 0.5 to each: Brier = (0.25 + 3 x 0.25) / 4 = 0.25.
    JsonNode declared = bt.get("methods").get(2);
    assertEquals(Method.DECLARED.name(), declared.get("method").asString());
    assertEquals(0.25, declared.get("brier").asDouble(), 1e-12);
    assertTrue(bt.get("brier").isNull());
  }
}
