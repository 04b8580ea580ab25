package dev.funnel.internal.stats;

import dev.funnel.stats.Distribution;
import dev.funnel.stats.Durations;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Exact percentiles by selection (METRICS.md "Durations": linear interpolation between closest
 * ranks). Quickselect with median-of-three pivots partitions the array in place; each further
 * percentile searches only the part right of the previous one, so a handful of percentiles costs
 * O(n) expected, not the O(n log n) of a sort.
 */
public final class Select {
  private Select() {}

  /**
   * The distribution of {@code values[from..to)} (seconds). The range is reordered in place.
   *
   * @param ps percentiles in [0, 1], ascending
   */
  public static Distribution distribution(long[] values, int from, int to, double[] ps) {
    int n = to - from;
    if (n == 0) {
      return Distribution.empty();
    }
    long sum = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      long v = values[i];
      sum = Math.addExact(sum, v);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    Map<Double, Duration> out = new HashMap<>();
    int lo = from;
    for (double p : ps) {
      double h = (n - 1) * p;
      int k = (int) Math.floor(h);
      double frac = h - k;
      long a = select(values, lo, to, from + k);
      lo = from + k;
      double v = a;
      if (frac > 0) {
        long b = minOf(values, from + k + 1, to);
        v = a + frac * (b - a);
      }
      out.put(p, Durations.ofSeconds(v));
    }
    return new Distribution(
        n,
        Optional.of(Durations.ofSeconds((double) sum / n)),
        Optional.of(Duration.ofSeconds(min)),
        Optional.of(Duration.ofSeconds(max)),
        out);
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
