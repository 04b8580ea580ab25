package dev.funnel.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.internal.forecast.MonteCarlo;
import dev.funnel.log.DealLog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Monte Carlo forecast: reproducible from a seed, unbiased, independent of threads. */
final class ForecastSimulationTest {
  static final DealLog LOG = Planted.log(3_000, 7);
  static final Instant AS_OF = Planted.T0.plus(Duration.ofDays(300));

  @Test
  void sameSeedSameNumbersDifferentSeedDifferentNumbers() {
    Simulation a = Forecast.of(LOG).asOf(AS_OF).simulations(500).seed(1).report().simulation();
    Simulation b = Forecast.of(LOG).asOf(AS_OF).simulations(500).seed(1).report().simulation();
    Simulation c = Forecast.of(LOG).asOf(AS_OF).simulations(500).seed(2).report().simulation();
    assertEquals(a, b);
    assertNotEquals(a.mean(), c.mean());
    assertNotEquals(a.histogram(), c.histogram());
  }

  @Test
  void runsThatAllTotalTheSameMakeOneBin() {
    // new-user review: olist's one open deal has no amount, every run totals 0.00, and the
    // histogram printed twenty rows labelled 0.00
    dev.funnel.model.Pipeline p =
        dev.funnel.model.Pipeline.builder("p").open("new").won("won").lost("lost").build();
    DealLog log =
        DealLog.builder(p)
            .deal(
                dev.funnel.model.Deal.builder("D1", Planted.T0)
                    .amount(dev.funnel.model.Money.of("100.00", "EUR"))
                    .build())
            .deal(dev.funnel.model.Deal.builder("D2", Planted.T0.plusSeconds(60)).build())
            .change("D1", "won", Planted.T0.plusSeconds(3600))
            .build();
    Simulation s = Forecast.of(log).simulations(100).report().simulation();
    assertEquals(
        java.util.List.of(
            new Simulation.Bin(
                dev.funnel.model.Money.of("0.00", "EUR"),
                dev.funnel.model.Money.of("0.00", "EUR"),
                100)),
        s.histogram());
    assertEquals(1, s.toString().split("\n").length - 2, s.toString());
  }

  @Test
  void withoutHorizonTheMeanConvergesToTheWeightedPipeline() {
    ForecastReport r = Forecast.of(LOG).asOf(AS_OF).simulations(20_000).report();
    // Standard error of the mean from the Bernoulli variances: sqrt(sum a^2 p (1 - p) / runs),
    // bounded by sqrt(sum a^2 / 4 / runs) with amounts below 10,000.00 and the open deals counted.
    double bound = Math.sqrt(r.openDeals() * 1e12 / 4 / 20_000.0);
    double mean = r.simulation().mean().minorUnits();
    double weighted = r.weightedPipeline().minorUnits();
    assertTrue(r.openDeals() > 100, "open deals " + r.openDeals());
    assertTrue(Math.abs(mean - weighted) < 4 * bound, mean + " vs " + weighted + " bound " + bound);
    assertTrue(
        r.simulation().p10().amount().compareTo(r.simulation().p50().amount()) <= 0
            && r.simulation().p50().amount().compareTo(r.simulation().p90().amount()) <= 0);
    assertEquals(20_000, r.simulation().histogram().stream().mapToInt(Simulation.Bin::runs).sum());
  }

  @Test
  void meanConvergesExactlyOnCertainOutcomes() {
    // Probabilities 0 and 1 make every run identical: the totals equal the sure wins.
    long[] amount = {100, 200, 300};
    long[] threshold = {MonteCarlo.threshold(1), MonteCarlo.threshold(0), MonteCarlo.threshold(1)};
    long[] totals = MonteCarlo.run(amount, threshold, 100, 3, true);
    for (long t : totals) {
      assertEquals(400, t);
    }
  }

  @Test
  void totalsDoNotDependOnTheNumberOfThreads() {
    long[] amount = new long[1001];
    long[] threshold = new long[amount.length];
    for (int d = 0; d < amount.length; d++) {
      amount[d] = 1000 + d;
      threshold[d] = MonteCarlo.threshold((d % 10) / 10.0);
    }
    assertArrayEquals(
        MonteCarlo.run(amount, threshold, 1_000, 9, false),
        MonteCarlo.run(amount, threshold, 1_000, 9, true));
  }

  @Test
  void aHorizonForecastsLessThanEverything() {
    ForecastReport r =
        Forecast.of(LOG).asOf(AS_OF).horizon(Duration.ofDays(7)).simulations(1_000).report();
    assertTrue(
        r.expectedWithinHorizon().amount().compareTo(r.weightedPipeline().amount()) < 0,
        r.toString());
    assertTrue(r.newDeals().isPresent());
    assertTrue(r.newDeals().get().expectedRevenue().amount().signum() > 0);
  }
}
