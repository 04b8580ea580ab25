package dev.funnel.internal.stats;

import dev.funnel.stats.Distribution;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exact percentiles of long values (METRICS.md "Durations": linear interpolation between closest
 * ranks), without sorting. Up to {@link #SMALL} values, quickselect with median-of-three pivots
 * partitions the range in place; each further percentile searches only the part right of the
 * previous one, so a handful of percentiles costs O(n) expected, not the O(n log n) of a sort.
 * Above, histogram-then-refine as in {@link IntSelect}: one pass counts the values into at most
 * 65,536 buckets of equal width over [min, max], the buckets holding the needed ranks follow from
 * the running counts, and a second pass copies only their values, where quickselect finds each rank
 * (measured on the 3.0M step-to-step times of the sequence benchmark's 10M events, p50/p75/p90 of
 * each of four step pairs: 5.3 ms against 42.5 ms for quickselect over each whole range, which
 * moves every value several times).
 */
public final class Select {
  /** Up to this many values, quickselect in place; above, histogram-then-refine. */
  static final int SMALL = 64;

  private Select() {}

  /** {@link Distribution#DEFAULT_PERCENTILES} as a fresh array, which callers may keep. */
  public static double[] defaultPercentiles() {
    return Distribution.DEFAULT_PERCENTILES.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The distribution of {@code values[from..to)} (seconds). The range may be reordered in place,
   * never changed otherwise.
   *
   * @param ps percentiles in [0, 1], ascending
   */
  public static Distribution distribution(long[] values, int from, int to, double[] ps) {
    return distribution(values, from, to, ps, UNIT_NANOS[0]);
  }

  /**
   * As {@link #distribution(long[], int, int, double[])} for values counted in units of {@code
   * unitNanos} nanoseconds (10^9: seconds, 10^6: milliseconds, ...): each figure is rounded once,
   * to the nearest nanosecond of the duration it stands for.
   */
  public static Distribution distribution(
      long[] values, int from, int to, double[] ps, long unitNanos) {
    int n = to - from;
    if (n == 0) {
      return Distribution.empty();
    }
    long sum = 0;
    boolean sumFits = true;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      long v = values[i];
      long s = sum + v;
      // Overflow iff both operands have the sign the result lacks.
      sumFits &= ((sum ^ s) & (v ^ s)) >= 0;
      sum = s;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    Duration mean =
        sumFits ? Interpolation.mean(sum, n, unitNanos) : exactMean(values, from, to, unitNanos);
    // max - min overflows only for values more than 2^63 apart: selection handles those.
    Map<Double, Duration> percentiles =
        n > SMALL && min < max && max - min > 0
            ? byHistogram(values, from, to, ps, n, min, max, unitNanos)
            : bySelection(values, from, to, ps, unitNanos);
    return new Distribution(
        n,
        Optional.of(mean),
        Optional.of(Interpolation.units(min, unitNanos)),
        Optional.of(Interpolation.units(max, unitNanos)),
        percentiles);
  }

  /** The mean of {@code values[from..to)} when their sum overflows a long. */
  private static Duration exactMean(long[] values, int from, int to, long unitNanos) {
    BigInteger sum = BigInteger.ZERO;
    for (int i = from; i < to; i++) {
      sum = sum.add(BigInteger.valueOf(values[i]));
    }
    return Interpolation.mean(sum, to - from, unitNanos);
  }

  /**
   * The distribution {@link #distribution(long[], int, int, double[])} gives of the values of
   * {@code all} less those of {@code removed} (as multisets), without building that difference:
   * each rank of it is found by a binary search over {@code all}, so the cost is O(r + log^2 n) for
   * r removed values, where copying the rest costs O(n). Both arrays are ascending and not changed;
   * {@code removed} is a sub-multiset of {@code all}.
   *
   * @param allSum the sum of {@code all} (seconds)
   * @param ps percentiles in [0, 1], ascending
   */
  public static Distribution distributionWithout(
      long[] all, long allSum, long[] removed, double[] ps) {
    int n = all.length - removed.length;
    if (n <= 0) {
      return Distribution.empty();
    }
    long sum = allSum;
    for (long v : removed) {
      sum = Math.subtractExact(sum, v);
    }
    Map<Double, Duration> percentiles = new HashMap<>();
    for (double p : ps) {
      int k = Interpolation.lower(n, p);
      long a = rankWithout(all, removed, k);
      long b = Interpolation.between(n, p) ? rankWithout(all, removed, k + 1) : a;
      percentiles.put(p, Interpolation.at(a, b, n, p));
    }
    return new Distribution(
        n,
        Optional.of(Interpolation.mean(sum, n)),
        Optional.of(Duration.ofSeconds(rankWithout(all, removed, 0))),
        Optional.of(Duration.ofSeconds(rankWithout(all, removed, n - 1))),
        percentiles);
  }

  /**
   * The value of rank k (from 0) of {@code all} less {@code removed}: the first value of {@code
   * all} with more than k kept values at or below it.
   */
  private static long rankWithout(long[] all, long[] removed, int k) {
    int lo = 0;
    int hi = all.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      long v = all[mid];
      if (upperBound(all, v) - upperBound(removed, v) > k) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return all[lo];
  }

  /** The index of the first value of the ascending array not below {@code v}. */
  public static int lowerBound(long[] a, long v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The index of the first value of the ascending array above {@code v}. */
  public static int upperBound(long[] a, long v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Nanoseconds per unit of second, millisecond, microsecond and nanosecond, coarsest first. */
  private static final long[] UNIT_NANOS = {1_000_000_000L, 1_000_000L, 1_000L, 1L};

  /** Longs up to this magnitude convert to double exactly. */
  private static final long EXACT_IN_DOUBLE = 1L << 53;

  /**
   * The exact distribution of durations, sub-second parts included. {@link #distribution(long[],
   * int, int, double[], long)} counts whole units; the durations are given to it in the coarsest of
   * second, millisecond, microsecond and nanosecond that holds each of them whole (as {@code
   * SequenceFunnel} gives its millisecond events), each figure rounded once. Only if a value in
   * that unit is above 2^53 (where a double loses whole units: 104 days of nanoseconds, 285 years
   * of microseconds) or their sum overflows a long does the next coarser unit serve, with values
   * truncated to it (floored).
   *
   * @param ps percentiles in [0, 1], ascending
   */
  public static Distribution durations(List<Duration> values, double[] ps) {
    int n = values.size();
    if (n == 0) {
      return Distribution.empty();
    }
    int unit = 0;
    for (Duration d : values) {
      while (d.getNano() % UNIT_NANOS[unit] != 0) {
        unit++;
      }
    }
    long[] scaled = new long[n];
    while (unit > 0 && !inUnit(values, unit, scaled)) {
      unit--;
    }
    if (unit == 0) {
      for (int i = 0; i < n; i++) {
        scaled[i] = values.get(i).getSeconds();
      }
    }
    return distribution(scaled, 0, n, ps, UNIT_NANOS[unit]);
  }

  /**
   * Writes the values in units of {@code UNIT_NANOS[unit]} (floored) to {@code out}; false if one
   * is beyond 2^53 units or their sum overflows.
   */
  private static boolean inUnit(List<Duration> values, int unit, long[] out) {
    long perSecond = UNIT_NANOS[0] / UNIT_NANOS[unit];
    long sum = 0;
    try {
      for (int i = 0; i < out.length; i++) {
        Duration d = values.get(i);
        long v =
            Math.addExact(
                Math.multiplyExact(d.getSeconds(), perSecond), d.getNano() / UNIT_NANOS[unit]);
        if (Math.abs(v) > EXACT_IN_DOUBLE) {
          return false;
        }
        sum = Math.addExact(sum, v);
        out[i] = v;
      }
    } catch (ArithmeticException e) {
      return false;
    }
    return true;
  }

  /** Quickselect in place, each percentile right of the previous one (ps ascending). */
  private static Map<Double, Duration> bySelection(
      long[] values, int from, int to, double[] ps, long unitNanos) {
    int n = to - from;
    Map<Double, Duration> out = new HashMap<>();
    int lo = from;
    for (double p : ps) {
      int k = Interpolation.lower(n, p);
      long a = select(values, lo, to, from + k);
      lo = from + k;
      long b = Interpolation.between(n, p) ? minOf(values, from + k + 1, to) : a;
      out.put(p, Interpolation.at(a, b, n, p, unitNanos));
    }
    return out;
  }

  private static Map<Double, Duration> byHistogram(
      long[] values, int from, int to, double[] ps, int n, long min, long max, long unitNanos) {
    long range = max - min;
    int maxBuckets = Math.max(256, Math.min(1 << 16, Integer.highestOneBit(n / 8) * 2));
    int shift = 0;
    while ((range >>> shift) >= maxBuckets) {
      shift++;
    }
    int[] count = new int[(int) (range >>> shift) + 1];
    for (int i = from; i < to; i++) {
      count[(int) ((values[i] - min) >>> shift)]++;
    }
    // The ranks needed: floor((n-1)p) for each p, and the next one where p interpolates.
    int[] ranks = new int[2 * ps.length];
    int needed = 0;
    for (double p : ps) {
      int k = Interpolation.lower(n, p);
      ranks[needed++] = k;
      if (Interpolation.between(n, p)) {
        ranks[needed++] = k + 1;
      }
    }
    ranks = Arrays.copyOf(ranks, needed);
    Arrays.sort(ranks);
    // One sweep over the buckets finds the bucket of every rank (ascending) and its place in it.
    int[] bucketOf = new int[needed];
    int[] within = new int[needed];
    int below = 0;
    int bucket = 0;
    for (int i = 0; i < needed; i++) {
      while (below + count[bucket] <= ranks[i]) {
        below += count[bucket];
        bucket++;
      }
      bucketOf[i] = bucket;
      within[i] = ranks[i] - below;
    }
    // The needed buckets get consecutive slots of a scratch array; the others stay at -1.
    int[] slot = new int[count.length];
    Arrays.fill(slot, -1);
    int[] start = new int[needed];
    int total = 0;
    for (int i = 0; i < needed; i++) {
      int b = bucketOf[i];
      if (slot[b] < 0) {
        slot[b] = total;
        total += count[b];
      }
      start[i] = slot[b];
    }
    long[] copy = new long[total];
    for (int i = from; i < to; i++) {
      long v = values[i];
      int b = (int) ((v - min) >>> shift);
      int s = slot[b];
      if (s >= 0) {
        copy[s] = v;
        slot[b] = s + 1;
      }
    }
    Map<Integer, Long> valueOf = new HashMap<>();
    for (int i = 0; i < needed; i++) {
      int b = bucketOf[i];
      valueOf.put(ranks[i], select(copy, start[i], start[i] + count[b], start[i] + within[i]));
    }
    Map<Double, Duration> out = new HashMap<>();
    for (double p : ps) {
      int k = Interpolation.lower(n, p);
      long a = valueOf.get(k);
      long b = Interpolation.between(n, p) ? valueOf.get(k + 1) : a;
      out.put(p, Interpolation.at(a, b, n, p, unitNanos));
    }
    return out;
  }

  private static long minOf(long[] a, int from, int to) {
    long m = Long.MAX_VALUE;
    for (int i = from; i < to; i++) {
      m = Math.min(m, a[i]);
    }
    return m;
  }

  /**
   * Reorders {@code a[from..to)} so that {@code a[k]} holds the value of rank k, smaller values
   * left of it and larger right, and returns it.
   */
  public static long select(long[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    while (hi > lo) {
      if (hi - lo < 16) {
        insertionSort(a, lo, hi);
        return a[k];
      }
      int mid = (lo + hi) >>> 1;
      // median of three into a[lo]
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      long pivot = a[mid];
      // Three-way partition (Dijkstra) handles runs of equal durations in linear time.
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        long v = a[i];
        if (v < pivot) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > pivot) {
          a[i] = a[gt];
          a[gt--] = v;
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
    return a[k];
  }

  private static void insertionSort(long[] a, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
      long v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  private static void swap(long[] a, int i, int j) {
    long t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
