package dev.funnel.forecast;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A Monte Carlo forecast of revenue won from the open deals (METRICS.md "Forecast": reproducible
 * from a seed; P10, P50, P90 and the mean). Each run draws every open deal with an amount as won
 * with its probability (the chain's win probability without a horizon, the time-aware probability
 * within the horizon), independently; percentiles interpolate linearly between closest ranks.
 *
 * @param runs the number of runs
 * @param seed the seed the runs are drawn from
 * @param horizon the horizon, if any; without one a run counts every eventual win
 * @param p10 the 10th percentile of the revenue won
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param mean the mean
 * @param histogram the runs in 20 equal-width bins from the smallest to the largest total; one bin
 *     {@code [total, total]} holding every run when all runs have the same total
 */
public record Simulation(
    int runs,
    long seed,
    Optional<Duration> horizon,
    Money p10,
    Money p50,
    Money p90,
    Money mean,
    List<Bin> histogram) {

  /** Validates the record and copies the histogram. */
  public Simulation {
    requireNonNull(horizon, "horizon");
    requireNonNull(p10, "p10");
    requireNonNull(p50, "p50");
    requireNonNull(p90, "p90");
    requireNonNull(mean, "mean");
    histogram = List.copyOf(histogram);
  }

  /**
   * One bar of the histogram: the runs whose total lies in {@code [low, high)} (the last bin
   * includes its upper bound).
   *
   * @param low the lower bound
   * @param high the upper bound
   * @param runs the runs in the bin
   */
  public record Bin(Money low, Money high, int runs) {
    /** Validates the bin. */
    public Bin {
      requireNonNull(low, "low");
      requireNonNull(high, "high");
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        Print.row(
            "Monte Carlo: %d runs, seed %d, %s",
            runs, seed, horizon.map(h -> "horizon " + Print.horizon(h)).orElse("no horizon")));
    sb.append(Print.row("  P10 %s  P50 %s  P90 %s  mean %s", p10, p50, p90, mean));
    int max = histogram.stream().mapToInt(Bin::runs).max().orElse(0);
    for (Bin b : histogram) {
      int bar = max == 0 ? 0 : (int) Math.round(40.0 * b.runs() / max);
      sb.append(
          Print.row(
              "  %18s %-40s %d", b.low().amount().toPlainString(), "#".repeat(bar), b.runs()));
    }
    return sb.toString();
  }
}
