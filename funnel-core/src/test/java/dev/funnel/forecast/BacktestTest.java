package dev.funnel.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Backtests on data generated from a known chain ({@link Planted}). */
final class BacktestTest {
  static final DealLog LOG = Planted.log(4_000, 11);
  static final Instant T = Planted.T0.plus(Duration.ofDays(240));

  @Test
  void probabilitiesAsOfTRecoverTheTrueOnesWithinTheirIntervals() {
    // 95% intervals over 20 independent logs and 3 stages: about 57 of 60 contain the truth;
    // fewer than 52 has a probability below 0.5% if the intervals are right.
    int contained = 0;
    for (long seed = 1; seed <= 20; seed++) {
      ForecastReport r = Forecast.of(Planted.log(4_000, seed)).asOf(T).simulations(10).report();
      for (int i = 0; i < 3; i++) {
        StageProbability s = r.stages().get(i);
        double truth = Planted.TRUE[i];
        if (s.low().getAsDouble() <= truth && truth <= s.high().getAsDouble()) {
          contained++;
        }
        // The optimistic declarations lie outside: the gap is a finding.
        assertTrue(s.declaredOutsideInterval(), s.toString());
        assertTrue(s.gap().getAsDouble() < -0.15, s.toString());
      }
    }
    assertTrue(contained >= 52, contained + " of 60 intervals contain the true probability");
  }

  @Test
  void theEmpiricalMethodsBeatTheOptimisticDeclaration() {
    Backtest b = Forecast.of(LOG).horizon(Duration.ofDays(60)).backtest(T);
    MethodResult timeAware = b.result(Method.TIME_AWARE);
    MethodResult declared = b.result(Method.DECLARED);
    assertEquals(b.openDeals(), timeAware.deals());
    assertTrue(timeAware.brier().getAsDouble() < declared.brier().getAsDouble(), b.toString());
    assertTrue(
        timeAware.absoluteError().amount().compareTo(declared.absoluteError().amount()) < 0,
        b.toString());
    // 60 days are six mean stays: nearly every deal open at T has closed, so the time-aware
    // forecast is within 15% of what was won.
    assertTrue(timeAware.relativeError().getAsDouble() < 0.15, b.toString());
    int inTable = timeAware.calibration().stream().mapToInt(c -> (int) c.observed().trials()).sum();
    assertEquals(timeAware.deals(), inTable);
  }

  @Test
  void rollingBacktestRunsEveryStep() {
    RollingBacktest r =
        Forecast.of(LOG)
            .horizon(Duration.ofDays(30))
            .rollingBacktest(
                Planted.T0.plus(Duration.ofDays(120)),
                Planted.T0.plus(Duration.ofDays(240)),
                Duration.ofDays(60));
    assertEquals(3, r.runs().size());
    assertTrue(
        r.meanBrier(Method.TIME_AWARE).getAsDouble() < r.meanBrier(Method.DECLARED).getAsDouble(),
        r.toString());
  }
}
