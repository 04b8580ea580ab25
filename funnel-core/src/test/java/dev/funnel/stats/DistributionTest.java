package dev.funnel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.internal.stats.Select;
import dev.funnel.testing.ByTheBook;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Distribution and its exact percentiles by selection ({@link Select}). */
final class DistributionTest {

  static Distribution of(long[] seconds, double... ps) {
    return Select.distribution(seconds.clone(), 0, seconds.length, ps);
  }

  static Duration secs(double s) {
    return Duration.ofNanos(Math.round(s * 1e9));
  }

  @Test
  void handComputedPercentiles() {
    // x = 1, 2, 3, 4 s: h = 3p; p50 h=1.5 -> 2 + .5(3-2) = 2.5; p75 h=2.25 -> 3.25; p90 h=2.7 ->
    // 3.7
    // (numpy.percentile([1,2,3,4], [50,75,90]) = [2.5, 3.25, 3.7]); mean 10/4 = 2.5
    Distribution d = of(new long[] {4, 1, 3, 2}, 0.5, 0.75, 0.9);
    assertEquals(4, d.count());
    assertEquals(Optional.of(secs(2.5)), d.p50());
    assertEquals(Optional.of(secs(3.25)), d.p75());
    assertEquals(Optional.of(secs(3.7)), d.p90());
    assertEquals(Optional.of(secs(2.5)), d.mean());
    assertEquals(Optional.of(Duration.ofSeconds(1)), d.min());
    assertEquals(Optional.of(Duration.ofSeconds(4)), d.max());
    assertEquals(Optional.of(secs(2.5)), d.percentile(0.5));
    assertEquals(Optional.empty(), d.percentile(0.6));
  }

  @Test
  void valuesMoreThan2To63ApartAreSelectedWithoutOverflow() {
    // 72 values (above Select.SMALL): -2^62 - 1024, seventy zeros, 2^62 (both exact as doubles);
    // max - min = 2^63 + 1024 does not fit a long, so the histogram's bucket width cannot be
    // computed and selection runs. h = 71p: p50 h = 35.5 -> ranks 35 and 36, both 0; p0 -> the
    // minimum; p1 -> the maximum; mean -1024 / 72 s.
    long low = -(1L << 62) - 1024;
    long high = 1L << 62;
    long[] values = new long[72];
    values[3] = high;
    values[40] = low;
    Distribution d = of(values, 0, 0.5, 1);
    assertEquals(72, d.count());
    assertEquals(Optional.of(Duration.ofSeconds(low)), d.min());
    assertEquals(Optional.of(Duration.ofSeconds(high)), d.max());
    assertEquals(Optional.of(Duration.ZERO), d.p50());
    assertEquals(Optional.of(Duration.ofSeconds(low)), d.percentile(0));
    assertEquals(Optional.of(Duration.ofSeconds(high)), d.percentile(1));
    assertEquals(Optional.of(secs(-1024 / 72.0)), d.mean());
  }

  @Test
  void histogramPathHandComputed() {
    // 100 values (above Select.SMALL): 1..100 s. h = 99p: p50 h = 49.5 -> 50 + .5(51 - 50) =
    // 50.5; p75 h = 74.25 -> 75.25; p90 h = 89.1 -> 90.1; mean 5050 / 100 = 50.5.
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i;
    }
    Distribution d = of(values, 0.5, 0.75, 0.9);
    assertEquals(Optional.of(secs(50.5)), d.p50());
    assertEquals(Optional.of(secs(75.25)), d.p75());
    assertEquals(Optional.of(secs(90.1)), d.p90());
    assertEquals(Optional.of(secs(50.5)), d.mean());
    assertEquals(Optional.of(Duration.ofSeconds(1)), d.min());
    assertEquals(Optional.of(Duration.ofSeconds(100)), d.max());
  }

  @Test
  void oneAndTwoValues() {
    Distribution one = of(new long[] {42}, 0, 0.5, 1);
    assertEquals(Map.of(0.0, secs(42), 0.5, secs(42), 1.0, secs(42)), one.percentiles());
    assertEquals(Optional.of(secs(42)), one.mean());
    // x = 10, 20: h = p; p50 -> 15, p90 -> 19
    Distribution two = of(new long[] {20, 10}, 0, 0.5, 0.9, 1);
    assertEquals(
        Map.of(0.0, secs(10), 0.5, secs(15), 0.9, secs(19), 1.0, secs(20)), two.percentiles());
    assertEquals(Optional.of(secs(15)), two.mean());
    // listed in ascending order of percentile, whatever the order asked in
    assertEquals(
        java.util.List.of(0.0, 0.5, 0.9, 1.0),
        java.util.List.copyOf(of(new long[] {20, 10}, 0.9, 1, 0, 0.5).percentiles().keySet()));
  }

  @Test
  void printsHumanSizedFigures() {
    // x = 60, 120, 3600 s: p50 h=1 -> 120 s = 2m; p90 h=1.8 -> 120 + .8 * 3480 = 2904 s = 48m 24s;
    // mean 3780 / 3 = 1260 s = 21m
    assertEquals(
        "n=3 p50 2m p90 48m 24s mean 21m", of(new long[] {3600, 60, 120}, 0.5, 0.9).toString());
    // x = 60, 160 s: p29 h=0.29 -> 60 + .29 * 100 = 89 s = 1m 29s; mean 110 s = 1m 50s
    assertEquals("n=2 p29 1m 29s mean 1m 50s", of(new long[] {60, 160}, 0.29).toString());
    assertEquals("n=0", Distribution.empty().toString());
  }

  @Test
  void noValuesMeansNoFigures() {
    Distribution d = of(new long[0], 0.5, 0.9);
    assertEquals(Distribution.empty(), d);
    assertTrue(d.isEmpty());
    assertEquals(0, d.count());
    assertEquals(Optional.empty(), d.mean());
    assertEquals(Optional.empty(), d.min());
    assertEquals(Optional.empty(), d.max());
    assertEquals(Optional.empty(), d.p50());
    assertEquals(Optional.empty(), d.p75());
    assertEquals(Optional.empty(), d.p90());
  }

  static Stream<Arguments> invalid() {
    Optional<Duration> none = Optional.empty();
    Optional<Duration> one = Optional.of(Duration.ofSeconds(1));
    return Stream.of(
        Arguments.of(
            "count -1 is negative",
            (Executable) () -> new Distribution(-1, none, none, none, Map.of())),
        Arguments.of(
            "percentile 1.5 is not in [0, 1]",
            (Executable) () -> new Distribution(1, one, one, one, Map.of(1.5, Duration.ZERO))),
        Arguments.of(
            "percentile NaN is not in [0, 1]",
            (Executable)
                () -> new Distribution(1, one, one, one, Map.of(Double.NaN, Duration.ZERO))),
        Arguments.of(
            "an empty distribution has no figures",
            (Executable) () -> new Distribution(0, one, none, none, Map.of())),
        Arguments.of(
            "an empty distribution has no figures",
            (Executable) () -> new Distribution(0, none, none, none, Map.of(0.5, Duration.ZERO))),
        Arguments.of(
            "an empty distribution has no figures",
            (Executable) () -> new Distribution(0, none, one, none, Map.of())),
        Arguments.of(
            "an empty distribution has no figures",
            (Executable) () -> new Distribution(0, none, none, one, Map.of())),
        Arguments.of(
            "percentile -0.1 is not in [0, 1]",
            (Executable) () -> Distribution.empty().percentile(-0.1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsInvalidFigures(String message, Executable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
    assertEquals(IllegalArgumentException.class, e.getClass());
    assertEquals(message, e.getMessage());
  }

  // ---------------------------------------------------------------- exact percentiles, a law

  /** Values from a tiny pool (many duplicates) or a wide range, n from 1. */
  @Provide
  Arbitrary<long[]> values() {
    Arbitrary<Long> few = Arbitraries.of(0L, 1L, 2L, 7L, 86_400L);
    Arbitrary<Long> wide = Arbitraries.longs().between(0, 1_000_000_000L);
    Arbitrary<Long> value = Arbitraries.frequencyOf(Tuple.of(1, few), Tuple.of(1, wide));
    Arbitrary<List<Long>> small = value.list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<List<Long>> large = value.list().ofMinSize(1).ofMaxSize(300);
    Arbitrary<List<Long>> dups = few.list().ofMinSize(1).ofMaxSize(100);
    // Beyond 64 values (Select.SMALL) the histogram path runs: with negative values, and with
    // many equal values crowding a few buckets.
    Arbitrary<Long> negative =
        Arbitraries.oneOf(
            Arbitraries.of(-1L, -86_400L), Arbitraries.longs().between(-1_000_000L, 1_000_000L));
    Arbitrary<List<Long>> signed =
        Arbitraries.frequencyOf(Tuple.of(1, negative), Tuple.of(3, value))
            .list()
            .ofMinSize(60)
            .ofMaxSize(400);
    Arbitrary<List<Long>> clustered =
        Arbitraries.frequencyOf(Tuple.of(9, few), Tuple.of(1, wide))
            .list()
            .ofMinSize(65)
            .ofMaxSize(2_000);
    return Arbitraries.oneOf(small, large, dups, signed, clustered)
        .map(list -> list.stream().mapToLong(Long::longValue).toArray());
  }

  @Provide
  Arbitrary<double[]> percentiles() {
    Arbitrary<Double> p =
        Arbitraries.oneOf(
            Arbitraries.of(0.0, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0),
            Arbitraries.doubles().between(0, 1));
    return p.set()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(s -> new TreeSet<>(s).stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Property(tries = 1000)
  void percentilesEqualSortAndInterpolate(
      @ForAll("values") long[] values,
      @ForAll("percentiles") double[] ps,
      @ForAll @IntRange(min = 0, max = 3) int padding) {
    // the values sit inside a larger array: only [from, to) may be read and reordered
    long[] array = new long[values.length + 2 * padding];
    Arrays.fill(array, -99);
    System.arraycopy(values, 0, array, padding, values.length);
    Distribution d = Select.distribution(array, padding, padding + values.length, ps);

    for (int i = 0; i < padding; i++) {
      assertEquals(-99, array[i]);
      assertEquals(-99, array[array.length - 1 - i]);
    }
    long[] inside = Arrays.copyOfRange(array, padding, padding + values.length);
    long[] sortedIn = inside.clone();
    Arrays.sort(sortedIn);
    long[] sortedValues = values.clone();
    Arrays.sort(sortedValues);
    assertTrue(Arrays.equals(sortedValues, sortedIn), "the range is only reordered");

    assertEquals(values.length, d.count());
    assertEquals(Optional.of(Duration.ofSeconds(sortedValues[0])), d.min());
    assertEquals(Optional.of(Duration.ofSeconds(sortedValues[values.length - 1])), d.max());
    assertEquals(Optional.of(ByTheBook.mean(values)), d.mean());
    assertEquals(ps.length, d.percentiles().size());
    for (double p : ps) {
      // exact to the nanosecond for decimal percentiles (the library's own arithmetic is integer)
      assertEquals(ByTheBook.percentile(sortedValues, p), d.percentile(p).orElseThrow(), "p=" + p);
    }

    Statistics.label("n")
        .collect(values.length == 1 ? "1" : values.length == 2 ? "2" : "3+")
        .coverage(
            c -> {
              c.check("1").percentage(x -> x > 3);
              c.check("2").percentage(x -> x > 3);
            });
    Statistics.label("duplicates")
        .collect(Arrays.stream(values).distinct().count() < values.length)
        .coverage(c -> c.check(true).percentage(x -> x > 30));
    long min = sortedValues[0];
    long max = sortedValues[values.length - 1];
    Statistics.label("path")
        .collect(values.length <= 64 || min == max ? "selection" : "histogram")
        .coverage(c -> c.check("histogram").percentage(x -> x > 20));
  }

  @Property
  void selectPlacesTheValueOfRankK(@ForAll("values") long[] values, @ForAll int seed) {
    int k = Math.floorMod(seed, values.length);
    long[] a = values.clone();
    long v = Select.select(a, 0, a.length, k);
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    assertEquals(sorted[k], v);
    assertEquals(sorted[k], a[k]);
    for (int i = 0; i < a.length; i++) {
      assertTrue(i < k ? a[i] <= v : a[i] >= v, "partitioned around rank " + k);
    }
  }

  @Test
  void manyEqualValues() {
    long[] same = new long[1000];
    Arrays.fill(same, 5);
    Distribution d = of(same, 0.5, 0.99);
    assertEquals(Optional.of(secs(5)), d.p50());
    assertEquals(Optional.of(secs(5)), d.percentile(0.99));
  }
}
