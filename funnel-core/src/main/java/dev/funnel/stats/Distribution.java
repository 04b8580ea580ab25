package dev.funnel.stats;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A distribution of durations: how many, their mean, their extremes and the percentiles asked for
 * (by default p50, p75 and p90). Percentiles interpolate linearly between closest ranks (METRICS.md
 * "Durations": numpy's default, Excel PERCENTILE.INC, DuckDB {@code quantile_cont}) and are exact:
 * a percentile is taken as the decimal it is written as (0.9, not the binary double nearest it),
 * and each percentile and the mean is rounded once, to the nearest nanosecond. With no values every
 * figure is absent.
 *
 * @param count how many durations there are
 * @param mean their arithmetic mean; absent when there are none
 * @param min the shortest; absent when there are none
 * @param max the longest; absent when there are none
 * @param percentiles percentile (in [0, 1]) to value, in ascending order of percentile; empty when
 *     there are no values
 */
public record Distribution(
    long count,
    Optional<Duration> mean,
    Optional<Duration> min,
    Optional<Duration> max,
    Map<Double, Duration> percentiles) {

  /**
   * The percentiles computed unless a query asks for others, ascending. Immutable: an array here
   * would let any code change (or break) the percentiles of every later report in the JVM.
   */
  public static final List<Double> DEFAULT_PERCENTILES = List.of(0.5, 0.75, 0.9);

  /**
   * The name reports give a percentile: the percent with at most three decimals and no trailing
   * zero ({@code 50} for 0.5, {@code 99.9} for 0.999, {@code 12.345} for 0.12345), shown as {@code
   * p50} in tables and JSON. Percentiles are named on this grid of 0.001 percent, so that two
   * percentiles of one report never share a name; {@code Funnel.percentiles} rounds to it.
   *
   * @param p a percentile in [0, 1]
   * @return its name without the {@code p}
   * @throws IllegalArgumentException if {@code p} is not in [0, 1]
   */
  public static String percentLabel(double p) {
    long milli = gridPoint(p);
    String whole = Long.toString(milli / 1000);
    long fraction = milli % 1000;
    if (fraction == 0) {
      return whole;
    }
    String decimals = String.format(java.util.Locale.ROOT, "%03d", fraction);
    return whole + "." + decimals.replaceAll("0+$", "");
  }

  /**
   * The percentile on the naming grid of {@link #percentLabel} (0.001 percent) nearest to {@code
   * p}.
   *
   * @param p a percentile in [0, 1]
   * @return the nearest multiple of 0.00001 as the closest double, {@code 0.0} for {@code -0.0}
   * @throws IllegalArgumentException if {@code p} is not in [0, 1]
   */
  public static double onNamingGrid(double p) {
    return gridPoint(p) / 100_000.0;
  }

  /**
   * The point of the naming grid nearest to {@code p}, in thousandths of a percent: two percentiles
   * share a {@link #percentLabel} exactly when they share this point.
   */
  private static long gridPoint(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("percentile " + p + " is not in [0, 1]");
    }
    // p * 100 is inexact in binary (0.29 * 100 = 28.999999999999996): round to the grid
    return Math.round(p * 100_000);
  }

  /**
   * Validates the distribution.
   *
   * @throws IllegalArgumentException if the count is negative, a percentile lies outside [0, 1],
   *     two percentiles share a name ({@link #percentLabel}), or figures are present with a count
   *     of 0
   */
  public Distribution {
    if (count < 0) {
      throw new IllegalArgumentException("count " + count + " is negative");
    }
    requireNonNull(mean, "mean");
    requireNonNull(min, "min");
    requireNonNull(max, "max");
    requireNonNull(percentiles, "percentiles");
    percentiles.forEach(
        (p, d) -> {
          requireNonNull(p, "a percentile");
          requireNonNull(d, "the value of percentile " + p);
        });
    // Map.copyOf would iterate in a per-JVM order; a sorted copy lists p50 before p90 every time.
    // + 0.0 turns a key of -0.0 into 0.0, the key percentile(0.0) looks up.
    TreeMap<Double, Duration> sorted = new TreeMap<>();
    // keyed by the grid point, not the label: no name is formatted unless two share one
    Map<Long, Double> named = new java.util.HashMap<>();
    for (Map.Entry<Double, Duration> e : percentiles.entrySet()) {
      double p = e.getKey() + 0.0;
      Double twin = named.put(gridPoint(p), p);
      if (twin != null && twin != p) {
        throw new IllegalArgumentException(
            "percentiles " + twin + " and " + p + " share the name p" + percentLabel(p));
      }
      sorted.put(p, e.getValue());
    }
    percentiles = Collections.unmodifiableSortedMap(sorted);
    if (count == 0
        && (mean.isPresent() || min.isPresent() || max.isPresent() || !percentiles.isEmpty())) {
      throw new IllegalArgumentException("an empty distribution has no figures");
    }
  }

  /**
   * The distribution of no values.
   *
   * @return the empty distribution
   */
  public static Distribution empty() {
    return new Distribution(0, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
  }

  /**
   * Whether there are no values.
   *
   * @return true if the count is 0
   */
  public boolean isEmpty() {
    return count == 0;
  }

  /**
   * The p-th percentile, if it was computed.
   *
   * @param p the percentile, in [0, 1], e.g. 0.9 for p90
   * @return its value; empty if it was not asked for or there are no values
   * @throws IllegalArgumentException if p is outside [0, 1]
   */
  public Optional<Duration> percentile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("percentile " + p + " is not in [0, 1]");
    }
    return Optional.ofNullable(percentiles.get(p));
  }

  /**
   * The median.
   *
   * @return the 50th percentile; empty if it was not asked for or there are no values
   */
  public Optional<Duration> p50() {
    return Optional.ofNullable(percentiles.get(0.5));
  }

  /**
   * The 75th percentile.
   *
   * @return the 75th percentile; empty if it was not asked for or there are no values
   */
  public Optional<Duration> p75() {
    return Optional.ofNullable(percentiles.get(0.75));
  }

  /**
   * The 90th percentile.
   *
   * @return the 90th percentile; empty if it was not asked for or there are no values
   */
  public Optional<Duration> p90() {
    return Optional.ofNullable(percentiles.get(0.9));
  }

  /** {@code "n=12 p50 3d 4h p75 5d p90 9d 2h mean 4d 1h"}, or {@code "n=0"}. */
  @Override
  public String toString() {
    if (count == 0) {
      return "n=0";
    }
    StringBuilder sb = new StringBuilder("n=").append(count);
    new TreeMap<>(percentiles)
        .forEach(
            (p, d) ->
                sb.append(" p").append(percentLabel(p)).append(' ').append(Durations.human(d)));
    mean.ifPresent(m -> sb.append(" mean ").append(Durations.human(m)));
    return sb.toString();
  }
}
