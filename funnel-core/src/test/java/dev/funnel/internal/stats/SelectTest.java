package dev.funnel.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.stats.Distribution;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link Select#durations}: exact figures of durations with sub-second parts. */
final class SelectTest {
  private static final double[] PS = {0, 0.25, 0.5, 0.75, 0.9, 1};

  /**
   * The definition of METRICS.md "Durations" on sorted nanoseconds, in exact decimal arithmetic.
   */
  private static Distribution expected(List<Duration> values) {
    long[] x = values.stream().mapToLong(Duration::toNanos).sorted().toArray();
    int n = x.length;
    Map<Double, Duration> ps = new TreeMap<>();
    for (double p : PS) {
      double h = (n - 1) * p;
      int f = (int) Math.floor(h);
      BigDecimal v = BigDecimal.valueOf(x[f]);
      if (h > f) {
        v = v.add(new BigDecimal(h - f).multiply(BigDecimal.valueOf(x[f + 1] - x[f])));
      }
      ps.put(p, Duration.ofNanos(nearest(v)));
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (long v : x) {
      sum = sum.add(BigDecimal.valueOf(v));
    }
    long mean = nearest(sum.divide(BigDecimal.valueOf(n), 20, RoundingMode.HALF_EVEN));
    return new Distribution(
        n,
        Optional.of(Duration.ofNanos(mean)),
        Optional.of(Duration.ofNanos(x[0])),
        Optional.of(Duration.ofNanos(x[n - 1])),
        ps);
  }

  /** Rounded to the nearest nanosecond, halves up (towards positive infinity). */
  private static long nearest(BigDecimal v) {
    return v.add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  @Test
  void millisecondsAreKeptAsTheReportsCaseShows() {
    // 0.4 s, 0.6 s, 900.9 s: p50 0.6 s, p75 = 0.6 + 0.5 x 900.3 = 450.75 s, max 900.9 s
    List<Duration> v =
        List.of(Duration.ofMillis(900_900), Duration.ofMillis(400), Duration.ofMillis(600));
    Distribution d = Select.durations(v, PS);
    assertEquals(Optional.of(Duration.ofMillis(600)), d.p50());
    assertEquals(Optional.of(Duration.ofMillis(450_750)), d.p75());
    assertEquals(Optional.of(Duration.ofMillis(400)), d.min());
    assertEquals(Optional.of(Duration.ofMillis(900_900)), d.max());
    assertEquals(expected(v), d);
  }

  @Test
  void wholeSecondsMicrosecondsAndNanosecondsAreExact() {
    Random random = new Random(7);
    for (long unit : new long[] {1_000_000_000L, 1_000L, 1L}) {
      for (int size : new int[] {1, 2, 5, 64, 65, 1000}) {
        List<Duration> v = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          // up to a day, some below zero, in whole units
          long nanos = (random.nextLong() % 86_400_000_000_000L) / unit * unit;
          v.add(Duration.ofNanos(i % 7 == 0 ? -nanos : nanos));
        }
        assertEquals(expected(v), Select.durations(v, PS), "unit " + unit + " ns, " + size);
      }
    }
  }

  @Test
  void nanosecondsBeyond2To53FallBackToMicroseconds() {
    // 2^53 ns is about 104 days: 200 days and 1 ns is kept to the microsecond (the 1 ns floored)
    Duration big = Duration.ofDays(200).plusNanos(1);
    Distribution d = Select.durations(List.of(Duration.ofNanos(1), big), PS);
    assertEquals(Optional.of(Duration.ofDays(200)), d.max());
    assertEquals(Optional.of(Duration.ZERO), d.min());
    assertEquals(Optional.of(Duration.ofDays(100)), d.p50());
  }

  @Test
  void noValuesGiveTheEmptyDistribution() {
    assertEquals(Distribution.empty(), Select.durations(List.of(), PS));
  }

  /** A sum that overflows a long gives the mean the same values give when it does not. */
  @Test
  void meanOfAnOverflowingSumRoundsAsTheMeanOfOneValue() {
    long v = 4_000_000_000_000_000_300L; // the nearest double is v + 212
    double[] ps = Select.defaultPercentiles();
    org.junit.jupiter.api.Assertions.assertEquals(
        Select.distribution(new long[] {v}, 0, 1, ps).mean(),
        Select.distribution(new long[] {v, v, v}, 0, 3, ps).mean());
  }
}
