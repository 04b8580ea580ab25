package dev.funnel.internal.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.stats.Distribution;
import dev.funnel.testing.ByTheBook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * {@link IntSelect#distribution} over several ranges of an array against the METRICS.md "Durations"
 * definition computed here by sorting a copy of the union: count, mean, extremes and every
 * percentile, on both the quickselect path (at most {@link IntSelect#SMALL} values) and the
 * histogram path.
 */
final class IntSelectTest {
  /** Odd percentiles on purpose: the ends, ranks next to the ends, and interpolated ones. */
  static final double[] PS = {0, 0.01, 0.1, 0.25, 0.333, 0.5, 0.75, 0.9, 0.99, 0.999, 1};

  /**
   * One scratch reused by every try of every property (jqwik runs tries one after the other on one
   * thread): a result that depends on what an earlier, differently sized call left in it fails
   * here.
   */
  static final IntSelect.Scratch SHARED = new IntSelect.Scratch();

  /** How the values of an input are drawn. */
  enum Shape {
    /** Small durations, many duplicates. */
    SMALL,
    /** Anywhere in [0, Integer.MAX_VALUE]: the widest histogram buckets. */
    HUGE,
    /** Anywhere in the int range, negatives included. */
    FULL_INT,
    /** Negative values only, near Integer.MIN_VALUE and near 0. */
    NEGATIVE,
    /** Every value the same. */
    ALL_EQUAL,
    /** Three distinct values. */
    FEW_DISTINCT,
    /** Nearly all values one value, a few far outliers: one bucket holds almost everything. */
    SPIKE,
    /** A dense cluster and one far outlier each side: the cluster shares a few buckets. */
    CLUSTER_AND_OUTLIERS,
    /** Only the two extremes of the int range. */
    EXTREMES
  }

  /**
   * An input: the values array with the ranges to read and garbage in between, which must not be
   * counted.
   */
  record Input(int[] values, int[] bounds, int ranges, Shape shape, long seed) {
    int size() {
      int n = 0;
      for (int r = 0; r < ranges; r++) {
        n += bounds[2 * r + 1] - bounds[2 * r];
      }
      return n;
    }

    @Override
    public String toString() {
      return "Input[shape="
          + shape
          + ", seed="
          + seed
          + ", n="
          + size()
          + ", ranges="
          + Arrays.toString(Arrays.copyOf(bounds, 2 * ranges))
          + "]";
    }
  }

  static int draw(Shape shape, SplittableRandom r, int constant) {
    switch (shape) {
      case SMALL:
        return r.nextInt(50);
      case HUGE:
        return r.nextInt(Integer.MAX_VALUE) + (r.nextInt(1000) == 0 ? 1 : 0);
      case FULL_INT:
        return r.nextInt();
      case NEGATIVE:
        return r.nextBoolean()
            ? Integer.MIN_VALUE + r.nextInt(1000)
            : -1 - r.nextInt(r.nextBoolean() ? 10 : 1_000_000);
      case ALL_EQUAL:
        return constant;
      case FEW_DISTINCT:
        return constant + 1000 * r.nextInt(3);
      case SPIKE:
        return r.nextInt(500) == 0 ? r.nextInt() : constant;
      case CLUSTER_AND_OUTLIERS:
        {
          int x = r.nextInt(1000);
          if (x == 0) {
            return Integer.MIN_VALUE;
          }
          if (x == 1) {
            return Integer.MAX_VALUE;
          }
          return 1_000_000 + r.nextInt(5000);
        }
      case EXTREMES:
        return r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
    throw new AssertionError(shape);
  }

  /**
   * n values split into the given number of ranges (some empty), laid out in shuffled order with
   * garbage values before, between and after them.
   */
  static Input input(Shape shape, int n, int ranges, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int constant = r.nextInt() / 2;
    // Cut n into `ranges` lengths; a third of the cuts repeat to make empty ranges.
    int[] cuts = new int[ranges + 1];
    cuts[ranges] = n;
    for (int i = 1; i < ranges; i++) {
      cuts[i] = r.nextInt(3) == 0 ? cuts[i - 1] : r.nextInt(n + 1);
    }
    Arrays.sort(cuts, 1, ranges);
    int[] lengths = new int[ranges];
    for (int i = 0; i < ranges; i++) {
      lengths[i] = cuts[i + 1] - cuts[i];
    }
    int[] order = new int[ranges];
    for (int i = 0; i < ranges; i++) {
      order[i] = i;
    }
    for (int i = ranges - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] values = new int[n + 4 * (ranges + 1)];
    int[] bounds = new int[2 * ranges + 2 * r.nextInt(3)]; // room to spare is allowed
    Arrays.fill(bounds, -1);
    int at = 0;
    for (int slot = 0; slot < ranges; slot++) {
      at = garbage(values, at, r);
      int range = order[slot];
      bounds[2 * range] = at;
      for (int i = 0; i < lengths[range]; i++) {
        values[at++] = draw(shape, r, constant);
      }
      bounds[2 * range + 1] = at;
    }
    garbage(values, at, r);
    return new Input(values, bounds, ranges, shape, seed);
  }

  /** Up to 4 values that are not in any range: extremes that would move min, max and ranks. */
  private static int garbage(int[] values, int at, SplittableRandom r) {
    int k = r.nextInt(5);
    for (int i = 0; i < k; i++) {
      values[at++] = r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
    return at;
  }

  /** The METRICS.md distribution of the union of the ranges: full sort, then the formula. */
  static Distribution expected(Input in, double[] ps) {
    int n = in.size();
    if (n == 0) {
      return Distribution.empty();
    }
    int[] x = new int[n];
    int p = 0;
    long sum = 0;
    for (int r = 0; r < in.ranges(); r++) {
      for (int i = in.bounds()[2 * r]; i < in.bounds()[2 * r + 1]; i++) {
        x[p++] = in.values()[i];
        sum += in.values()[i];
      }
    }
    Arrays.sort(x);
    Map<Double, Duration> out = new HashMap<>();
    for (double q : ps) {
      out.put(q, ByTheBook.percentile(x, q));
    }
    return new Distribution(
        n,
        Optional.of(ByTheBook.mean(Arrays.stream(x).asLongStream().toArray())),
        Optional.of(Duration.ofSeconds(x[0])),
        Optional.of(Duration.ofSeconds(x[n - 1])),
        out);
  }

  static void assertDistribution(Distribution expected, Distribution actual, String where) {
    assertEquals(expected.count(), actual.count(), where + ": count");
    assertEquals(expected.mean(), actual.mean(), where + ": mean");
    assertEquals(expected.min(), actual.min(), where + ": min");
    assertEquals(expected.max(), actual.max(), where + ": max");
    for (Map.Entry<Double, Duration> e : expected.percentiles().entrySet()) {
      assertEquals(
          Optional.of(e.getValue()),
          actual.percentile(e.getKey()),
          where + ": percentile " + e.getKey());
    }
    assertEquals(expected, actual, where);
  }

  static Distribution checked(Input in, double[] ps, IntSelect.Scratch scratch) {
    int[] before = in.values().clone();
    int[] boundsBefore = in.bounds().clone();
    Distribution d = IntSelect.distribution(in.values(), in.bounds(), in.ranges(), ps, scratch);
    assertArrayEquals(before, in.values(), in + ": the input values must stay as they were");
    assertArrayEquals(boundsBefore, in.bounds(), in + ": the bounds must stay as they were");
    assertDistribution(expected(in, ps), d, in.toString());
    return d;
  }

  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, IntSelect.SMALL), // the selection path
        Arbitraries.integers().between(IntSelect.SMALL - 4, IntSelect.SMALL + 4), // both sides
        Arbitraries.integers().between(1000, 30_000),
        Arbitraries.integers().between(100_000, 200_000));
  }

  @Provide
  Arbitrary<Input> inputs() {
    return Combinators.combine(
            Arbitraries.of(Shape.class),
            sizes(),
            Arbitraries.integers().between(1, 9),
            Arbitraries.longs())
        .as(IntSelectTest::input);
  }

  @Provide
  Arbitrary<double[]> percentiles() {
    // on the grid percentiles are named on (0.001 percent): reports hold no finer ones
    return Arbitraries.doubles()
        .between(0, 1)
        .ofScale(5)
        .array(double[].class)
        .ofMinSize(0)
        .ofMaxSize(6)
        .map(
            extra -> {
              double[] all = Arrays.copyOf(PS, PS.length + extra.length);
              System.arraycopy(extra, 0, all, PS.length, extra.length);
              return all;
            });
  }

  @Property(tries = 400)
  void unionOfRangesMatchesSortedDefinition(
      @ForAll("inputs") Input in, @ForAll("percentiles") double[] ps) {
    Statistics.label("path")
        .collect(
            in.size() == 0 ? "empty" : in.size() <= IntSelect.SMALL ? "selection" : "histogram");
    Statistics.label("shape").collect(in.shape());
    Statistics.label("path")
        .coverage(
            c -> {
              c.check("selection").percentage(p -> p > 15);
              c.check("histogram").percentage(p -> p > 40);
            });
    checked(in, ps, SHARED);
    // A fresh scratch gives the same answer.
    assertEquals(
        IntSelect.distribution(in.values(), in.bounds(), in.ranges(), ps, new IntSelect.Scratch()),
        IntSelect.distribution(in.values(), in.bounds(), in.ranges(), ps, SHARED),
        in.toString());
  }

  @Property(tries = 60)
  void oneScratchServesManyCallsOfDifferentSizes(
      @ForAll("inputs") Input first,
      @ForAll("inputs") Input second,
      @ForAll("inputs") Input third) {
    IntSelect.Scratch scratch = new IntSelect.Scratch();
    for (Input in : List.of(first, second, third, first, third, second, first)) {
      checked(in, PS, scratch);
    }
  }

  @Test
  void scratchGrownByAWideHistogramStillServesNarrowOnes() {
    // Histograms of decreasing and increasing bucket counts and value ranges, one scratch: stale
    // counts or slots of an earlier call would misplace ranks of a later one.
    IntSelect.Scratch scratch = new IntSelect.Scratch();
    List<Input> inputs = new ArrayList<>();
    long seed = 1;
    for (int n : new int[] {200_000, 2_000, 150_000, 1_025, 1_024, 60_000, 3, 5_000, 0, 1_100}) {
      for (Shape shape : Shape.values()) {
        inputs.add(input(shape, n, 1 + (int) (seed % 5), seed++));
      }
    }
    for (Input in : inputs) {
      checked(in, PS, scratch);
    }
  }

  @Test
  void singleRangeConvenienceMatchesDefinition() {
    Input in = input(Shape.FULL_INT, 5000, 1, 42);
    int[] before = in.values().clone();
    Distribution d = IntSelect.distribution(in.values(), in.bounds()[0], in.bounds()[1], PS);
    assertArrayEquals(before, in.values());
    assertDistribution(expected(in, PS), d, in.toString());
  }

  @Test
  void handComputedSmallCase() {
    // 10, 20, 30, 40 in two ranges with garbage around: h = 3p.
    int[] values = {999, 30, 10, -5, 40, 20, 777};
    Distribution d =
        IntSelect.distribution(
            values,
            new int[] {4, 6, 1, 3},
            2,
            new double[] {0, 0.5, 0.9, 1},
            new IntSelect.Scratch());
    assertEquals(4, d.count());
    assertEquals(Optional.of(Duration.ofSeconds(25)), d.mean());
    assertEquals(Optional.of(Duration.ofSeconds(10)), d.min());
    assertEquals(Optional.of(Duration.ofSeconds(40)), d.max());
    assertEquals(Optional.of(Duration.ofSeconds(10)), d.percentile(0));
    assertEquals(Optional.of(Duration.ofSeconds(25)), d.percentile(0.5)); // 20 + 0.5 * 10
    assertEquals(Optional.of(Duration.ofSeconds(37)), d.percentile(0.9)); // 30 + 0.7 * 10
    assertEquals(Optional.of(Duration.ofSeconds(40)), d.percentile(1));
  }

  @Test
  void onlyEmptyRangesGiveTheEmptyDistribution() {
    int[] values = {Integer.MIN_VALUE, 5, Integer.MAX_VALUE};
    assertEquals(
        Distribution.empty(),
        IntSelect.distribution(values, new int[] {1, 1, 3, 3, 0, 0}, 3, PS, SHARED));
  }
}
