package dev.funnel.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.forecast.History;
import dev.funnel.internal.forecast.TimeAware;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The time-aware probability on paper: a deal stuck for 90 days is not forecast like a fresh one.
 *
 * <pre>
 * One open stage a. Days after T0; as-of day 200; horizon 30 days.
 * W1..W4 created 0, won@5.   L1, L2 created 0, lost@100.
 * Y created day 110 (age 90, 1000.00), Z created 197 (age 3, 700.00), X created 200 (age 0, 800.00).
 * X (age 0): visits that lasted more than 0: W1-4, L1-2, Y, Z = 8 at risk; Z is censored at day 3
 *   (still open), so 7 remain at risk at day 5 when 4 win -> 4/7.
 * Z (age 3): lasted more than 3 days: W1-4, L1-2, Y = 7; 4 wins 2 days later -> 4/7.
 * Y (age 90): lasted more than 90 days: L1, L2, both lost -> 0.
 * Expected within 30 days = 800 x 4/7 + 700 x 4/7 + 1000 x 0 = 6000/7 = 857.14.
 * The chain ignores age: P(a) = 4/6 and the weighted pipeline is 2500 x 2/3 = 1666.67.
 * </pre>
 */
final class TimeAwareTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  static DealLog log() {
    Pipeline p = Pipeline.builder("p").open("a").won("won").lost("lost").build();
    DealLogBuilder b = DealLog.builder(p);
    for (int k = 1; k <= 4; k++) {
      b.deal(Deal.builder("W" + k, day(0)).build());
    }
    b.deal(Deal.builder("L1", day(0)).build()).deal(Deal.builder("L2", day(0)).build());
    b.deal(Deal.builder("Y", day(110)).amount(Money.of("1000.00", "EUR")).build());
    b.deal(Deal.builder("Z", day(197)).amount(Money.of("700.00", "EUR")).build());
    b.deal(Deal.builder("X", day(200)).amount(Money.of("800.00", "EUR")).build());
    for (int k = 1; k <= 4; k++) {
      b.change("W" + k, "won", day(5));
    }
    b.change("L1", "lost", day(100)).change("L2", "lost", day(100));
    return b.build();
  }

  @Test
  void winWithinHorizonConditionsOnTheAgeInStage() {
    ColumnarDealLog log = ColumnarDealLog.of(log());
    History h = History.of(log, log.offset(day(200)));
    TimeAware t = new TimeAware(h);
    long horizon = Duration.ofDays(30).getSeconds();
    assertEquals(4.0 / 7, t.winWithin(0, 0, horizon), 1e-12);
    assertEquals(4.0 / 7, t.winWithin(0, 3 * 86_400, horizon), 1e-12);
    assertEquals(0.0, t.winWithin(0, 90 * 86_400, horizon), 1e-12);
    // Wins after the horizon do not count: with 4 days, the wins at day 5 are out of reach for X.
    assertEquals(0.0, t.winWithin(0, 0, Duration.ofDays(5).getSeconds()), 1e-12);
  }

  @Test
  void reportUsesTimeAwareProbabilitiesWithinTheHorizon() {
    ForecastReport r =
        Forecast.of(log()).asOf(day(200)).horizon(Duration.ofDays(30)).simulations(100).report();
    assertEquals(Money.of("857.14", "EUR"), r.expectedWithinHorizon());
    assertEquals(Money.of("1666.67", "EUR"), r.weightedPipeline());
  }

  /**
   * Oracle review: four visits won at 9 days, one lost at 20 days. As of day 44, O is 13 days old
   * and P 7 days, both in their second week, so both are estimated from the visits that lasted more
   * than 7 days (the five, and O's own). With a 3-day horizon, P (7 to 10 days) has the four wins
   * at day 9 ahead of it: 4/6. O (13 to 16 days) has them behind it, and nothing ends between 13
   * and 16 days: 0. Counting from the week's start gave O 4/6 as well: 1333.33 EUR expected instead
   * of 666.67.
   */
  @Test
  void timeCountsFromEachDealsOwnAgeWithinItsWeek() {
    Pipeline p = Pipeline.builder("p").open("s1").won("won").lost("lost").build();
    DealLogBuilder b = DealLog.builder(p);
    for (int k = 0; k < 4; k++) {
      b.deal(Deal.builder("W" + k, day(0)).amount(Money.of("100.00", "EUR")).build());
      b.change("W" + k, "won", day(9));
    }
    b.deal(Deal.builder("L1", day(0)).amount(Money.of("100.00", "EUR")).build());
    b.change("L1", "lost", day(20));
    b.deal(Deal.builder("O", day(31)).amount(Money.of("1000.00", "EUR")).build());
    b.deal(Deal.builder("P", day(37)).amount(Money.of("1000.00", "EUR")).build());
    DealLog log = b.build();

    ColumnarDealLog columns = ColumnarDealLog.of(log);
    TimeAware t = new TimeAware(History.of(columns, columns.offset(day(44))));
    long horizon = Duration.ofDays(3).getSeconds();
    assertEquals(4.0 / 6, t.winWithin(0, 7 * 86_400, horizon), 1e-12);
    assertEquals(0.0, t.winWithin(0, 13 * 86_400, horizon), 1e-12);
    // a day before the wins, with them inside the horizon: (4/6) / 1 again
    assertEquals(4.0 / 6, t.winWithin(0, 8 * 86_400, horizon), 1e-12);
    // Review: a horizon near Long.MAX_VALUE overflowed age + horizon, and every deal got 0. Any
    // horizon past the longest visit is the whole future: P wins 4/6, O nothing (L1 is lost).
    assertEquals(4.0 / 6, t.winWithin(0, 7 * 86_400, Long.MAX_VALUE), 1e-12);
    assertEquals(0.0, t.winWithin(0, 13 * 86_400, Long.MAX_VALUE), 1e-12);
    double[] open = t.openDeals(Long.MAX_VALUE);
    java.util.Arrays.sort(open);
    assertEquals(0.0, open[0], 1e-12);
    assertEquals(4.0 / 6, open[1], 1e-12);

    ForecastReport r =
        Forecast.of(log).asOf(day(44)).horizon(Duration.ofDays(3)).simulations(100).report();
    assertEquals(Money.of("666.67", "EUR"), r.expectedWithinHorizon());
  }
}
