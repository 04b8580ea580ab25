package dev.funnel.internal.stats;

import dev.funnel.stats.Durations;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The arithmetic of METRICS.md "Durations" done exactly: percentile p of n values lies at rank h =
 * (n - 1)p, interpolated linearly between ranks floor(h) and floor(h) + 1; a mean is sum / n.
 *
 * <p>In doubles, (n - 1) x 0.9 is not 0.9 of anything exactly, so a p90 between 52 s and 53 s came
 * out as {@code PT52.899999999S} and a rank that is a whole number in decimal could land one below
 * it. A percentile written with at most nine decimals (0.5, 0.9, 0.95, 0.999) is taken here as the
 * decimal it was written as: p = num / 10^d, so rank, fraction and value are computed in integers
 * and the value rounds once, to the nearest nanosecond (a tie upwards, towards +inf). Other
 * percentiles (1/3 in binary) fall back to doubles, as before.
 */
public final class Interpolation {
  private static final long[] POW10 = new long[10];
  private static final long NANOS = 1_000_000_000L;

  /** Differences between neighbour values up to this keep {@code r x (b - a)} within a long. */
  private static final long EXACT_SPAN = 4_000_000_000L;

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private Interpolation() {}

  /** A percentile as the decimal num / den it was written as; den 0 when it has none. */
  private static final class Decimal {
    final double p;
    final long num;
    final long den;

    Decimal(double p) {
      this.p = p;
      long d = 0;
      for (long pow : POW10) {
        if (Math.rint(p * pow) / pow == p) {
          d = pow;
          break;
        }
      }
      this.den = d;
      this.num = d == 0 ? 0 : Math.round(p * d);
    }
  }

  /**
   * Recent percentiles, so that a report asking the same few for thousands of groups finds each
   * one's decimal form once (a racy cache of immutable entries: a miss only recomputes).
   */
  private static final Decimal[] RECENT = new Decimal[64];

  private static Decimal decimal(double p) {
    int slot = (int) ((Double.doubleToRawLongBits(p) * 0x9E3779B97F4A7C15L) >>> 58);
    Decimal d = RECENT[slot];
    if (d == null || Double.doubleToRawLongBits(d.p) != Double.doubleToRawLongBits(p)) {
      d = new Decimal(p);
      RECENT[slot] = d;
    }
    return d;
  }

  /**
   * The lower closest rank of percentile p among n values: floor((n - 1)p).
   *
   * @param n the number of values, at least 1
   * @param p the percentile, in [0, 1]
   */
  public static int lower(int n, double p) {
    Decimal d = decimal(p);
    if (d.den == 0) {
      return (int) Math.floor((n - 1) * p);
    }
    return (int) ((n - 1L) * d.num / d.den);
  }

  /**
   * Whether percentile p of n values lies strictly between two ranks (its value then needs rank
   * {@link #lower} + 1 as well).
   */
  public static boolean between(int n, double p) {
    Decimal d = decimal(p);
    if (d.den == 0) {
      double h = (n - 1) * p;
      return h > Math.floor(h);
    }
    return (n - 1L) * d.num % d.den != 0;
  }

  /**
   * The value of percentile p of n values in seconds, given the value {@code a} at rank {@link
   * #lower} and {@code b} at the next rank (ignored when p falls on a rank), rounded to the nearest
   * nanosecond (a tie upwards).
   */
  public static Duration at(long a, long b, int n, double p) {
    return at(a, b, n, p, NANOS);
  }

  /**
   * As {@link #at(long, long, int, double)} for values counted in units of {@code unitNanos}
   * nanoseconds (10^9 seconds, 10^6 milliseconds, 10^3 microseconds, 1 nanoseconds), rounded once
   * to the nearest nanosecond of the duration they stand for.
   */
  public static Duration at(long a, long b, int n, double p, long unitNanos) {
    Decimal d = decimal(p);
    long den = d.den;
    if (den == 0) {
      double h = (n - 1) * p;
      double frac = h - Math.floor(h);
      return frac > 0
          ? Durations.ofSeconds((a + frac * ((double) b - a)) * unitNanos / NANOS)
          : units(a, unitNanos);
    }
    long r = (n - 1L) * d.num % den;
    if (r == 0) {
      return units(a, unitNanos);
    }
    long span = b - a; // b >= a: neighbour ranks (negative here: the difference overflowed)
    if (span < 0 || span > EXACT_SPAN) {
      // nanoseconds: a + (b - a) r / den units, the fraction rounded (it is >= 0: a tie upwards)
      BigInteger unit = BigInteger.valueOf(unitNanos);
      BigInteger part =
          new BigDecimal(
                  BigInteger.valueOf(b)
                      .subtract(BigInteger.valueOf(a))
                      .multiply(BigInteger.valueOf(r))
                      .multiply(unit))
              .divide(BigDecimal.valueOf(den), 0, RoundingMode.HALF_UP)
              .toBigIntegerExact();
      return ofNanos(BigInteger.valueOf(a).multiply(unit).add(part));
    }
    long scaled = r * span; // < 10^9 x 4 x 10^9
    long whole = scaled / den;
    long rest = scaled % den; // < den <= 10^9, so rest x unitNanos fits
    long nanos = (rest * unitNanos + den / 2) / den;
    return units(a + whole, unitNanos).plusNanos(nanos); // a + whole <= b
  }

  /**
   * {@code v} units of {@code unitNanos} nanoseconds, exactly.
   *
   * @param unitNanos a divisor of 10^9
   */
  public static Duration units(long v, long unitNanos) {
    long perSecond = NANOS / unitNanos;
    return Duration.ofSeconds(Math.floorDiv(v, perSecond), Math.floorMod(v, perSecond) * unitNanos);
  }

  /** A duration of a whole number of nanoseconds, beyond a long's too. */
  private static Duration ofNanos(BigInteger nanos) {
    BigInteger[] qr = nanos.divideAndRemainder(BigInteger.valueOf(NANOS));
    return Duration.ofSeconds(qr[0].longValueExact(), qr[1].longValueExact());
  }

  /** The mean {@code sum / n} of n values, rounded to the nearest nanosecond (a tie upwards). */
  public static Duration mean(long sum, long n) {
    return mean(sum, n, NANOS);
  }

  /** As {@link #mean(long, long)} for values counted in units of {@code unitNanos} nanoseconds. */
  public static Duration mean(long sum, long n, long unitNanos) {
    if (n > Integer.MAX_VALUE) { // rest x unitNanos + n / 2 fits a long up to here
      return mean(BigInteger.valueOf(sum), n, unitNanos);
    }
    long whole = Math.floorDiv(sum, n);
    long rest = Math.floorMod(sum, n); // in [0, n)
    return units(whole, unitNanos).plusNanos((rest * unitNanos + n / 2) / n);
  }

  /** The mean of n values whose sum does not fit a long, rounded as {@link #mean(long, long)}. */
  public static Duration mean(BigInteger sum, long n) {
    return mean(sum, n, NANOS);
  }

  /** As {@link #mean(BigInteger, long)} for values counted in units of {@code unitNanos} ns. */
  public static Duration mean(BigInteger sum, long n, long unitNanos) {
    // floor((2 x unitNanos x sum + n) / 2n): the nearest nanosecond, a tie upwards, for any sign
    BigInteger nanos =
        new BigDecimal(sum.multiply(BigInteger.valueOf(2 * unitNanos)).add(BigInteger.valueOf(n)))
            .divide(new BigDecimal(BigInteger.valueOf(n).shiftLeft(1)), 0, RoundingMode.FLOOR)
            .toBigIntegerExact();
    return ofNanos(nanos);
  }
}
