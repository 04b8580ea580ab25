package dev.funnel.testing;

import dev.funnel.stats.Durations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * METRICS.md "Durations" computed the slow, obvious way, for tests to compare against: on sorted
 * values, with the percentile taken as the decimal it prints as and every step in {@link
 * BigDecimal}, rounded once to the nearest nanosecond (a tie upwards). A percentile that needs more
 * than nine decimals is computed in doubles, as the library documents for it.
 */
public final class ByTheBook {
  private ByTheBook() {}

  /** Whether the library computes percentile p exactly: it has at most nine decimals. */
  public static boolean decimal(double p) {
    return BigDecimal.valueOf(p).stripTrailingZeros().scale() <= 9;
  }

  /** Percentile p of the ascending values (seconds). */
  public static Duration percentile(long[] sorted, double p) {
    int n = sorted.length;
    if (!decimal(p)) {
      double h = (n - 1) * p;
      int f = (int) Math.floor(h);
      double v = h > f ? sorted[f] + (h - f) * ((double) sorted[f + 1] - sorted[f]) : sorted[f];
      return Durations.ofSeconds(v);
    }
    BigDecimal h = BigDecimal.valueOf(n - 1L).multiply(BigDecimal.valueOf(p));
    int f = h.setScale(0, RoundingMode.FLOOR).intValueExact();
    BigDecimal v = BigDecimal.valueOf(sorted[f]);
    BigDecimal frac = h.subtract(BigDecimal.valueOf(f));
    if (frac.signum() > 0) {
      v = v.add(frac.multiply(BigDecimal.valueOf(sorted[f + 1]).subtract(v)));
    }
    return seconds(v);
  }

  /** Percentile p of the ascending values (seconds). */
  public static Duration percentile(int[] sorted, double p) {
    long[] x = new long[sorted.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = sorted[i];
    }
    return percentile(x, p);
  }

  /** The mean of the values (seconds). */
  public static Duration mean(long[] values) {
    BigDecimal sum = BigDecimal.ZERO;
    for (long v : values) {
      sum = sum.add(BigDecimal.valueOf(v));
    }
    return seconds(sum.divide(BigDecimal.valueOf(values.length), 30, RoundingMode.FLOOR));
  }

  /** Seconds as a duration, rounded to the nearest nanosecond, a tie upwards (towards +inf). */
  public static Duration seconds(BigDecimal seconds) {
    BigDecimal nanos =
        seconds.movePointRight(9).add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR);
    BigDecimal[] qr = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
    long s = qr[0].longValueExact();
    long ns = qr[1].longValueExact();
    return Duration.ofSeconds(s, ns); // a negative remainder normalises
  }
}
