package dev.funnel.internal.stats;

import dev.funnel.stats.Distribution;
import dev.funnel.stats.Durations;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Exact percentiles of int durations (seconds) by histogram-then-refine, without reordering or
 * sorting the input (METRICS.md "Durations": linear interpolation between closest ranks).
 *
 * <p>Pass one counts values into at most 65,536 buckets of equal width over [min, max] (and sums
 * them for the mean). The bucket holding each needed rank follows from the running counts; pass two
 * copies only the values of those few buckets into a scratch array, where quickselect finds the
 * exact value of each rank. Small inputs go straight to quickselect on a copy.
 */
public final class IntSelect {
  private static final int SMALL = 1024;

  private IntSelect() {}

  /** The distribution of {@code values[from..to)}, which are left as they are. */
  public static Distribution distribution(int[] values, int from, int to, double[] ps) {
    int n = to - from;
    if (n == 0) {
      return Distribution.empty();
    }
    long sum = 0;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = from; i < to; i++) {
      int v = values[i];
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    // ranks[2i] = floor((n-1)p), ranks[2i+1] = the next rank (used when interpolating)
    int[] ranks = new int[ps.length * 2];
    for (int i = 0; i < ps.length; i++) {
      double h = (n - 1) * ps[i];
      int k = (int) Math.floor(h);
      ranks[2 * i] = k;
      ranks[2 * i + 1] = Math.min(k + 1, n - 1);
    }
    int[] at =
        n <= SMALL || min == max
            ? bySelection(values, from, to, ranks)
            : byHistogram(values, from, to, min, max, ranks);
    Map<Double, Duration> out = new HashMap<>();
    for (int i = 0; i < ps.length; i++) {
      double h = (n - 1) * ps[i];
      int k = ranks[2 * i];
      double frac = h - k;
      double v = at[2 * i];
      if (frac > 0) {
        v = at[2 * i] + frac * ((double) at[2 * i + 1] - at[2 * i]);
      }
      out.put(ps[i], Durations.ofSeconds(v));
    }
    return new Distribution(
        n,
        Optional.of(Durations.ofSeconds((double) sum / n)),
        Optional.of(Duration.ofSeconds(min)),
        Optional.of(Duration.ofSeconds(max)),
        out);
  }

  private static int[] bySelection(int[] values, int from, int to, int[] ranks) {
    int[] copy = java.util.Arrays.copyOfRange(values, from, to);
    int[] out = new int[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      out[i] = select(copy, 0, copy.length, ranks[i]);
    }
    return out;
  }

  private static int[] byHistogram(int[] values, int from, int to, int min, int max, int[] ranks) {
    int n = to - from;
    long range = (long) max - min;
    int maxBuckets = Math.max(256, Math.min(1 << 16, Integer.highestOneBit(n / 8) * 2));
    int shift = 0;
    while ((range >>> shift) >= maxBuckets) {
      shift++;
    }
    int buckets = (int) (range >>> shift) + 1;
    int[] count = new int[buckets];
    for (int i = from; i < to; i++) {
      count[(int) (((long) values[i] - min) >>> shift)]++;
    }
    // The bucket of each rank, and the rank's position within its bucket.
    int[] bucketOf = new int[ranks.length];
    int[] within = new int[ranks.length];
    boolean[] needed = new boolean[buckets];
    for (int i = 0; i < ranks.length; i++) {
      int k = ranks[i];
      int below = 0;
      int b = 0;
      while (below + count[b] <= k) {
        below += count[b];
        b++;
      }
      bucketOf[i] = b;
      within[i] = k - below;
      needed[b] = true;
    }
    int[] offset = new int[buckets];
    int total = 0;
    for (int b = 0; b < buckets; b++) {
      if (needed[b]) {
        offset[b] = total;
        total += count[b];
      }
    }
    int[] start = offset.clone();
    int[] scratch = new int[total];
    for (int i = from; i < to; i++) {
      int v = values[i];
      int b = (int) (((long) v - min) >>> shift);
      if (needed[b]) {
        scratch[offset[b]++] = v;
      }
    }
    int[] out = new int[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      int b = bucketOf[i];
      out[i] = select(scratch, start[b], start[b] + count[b], start[b] + within[i]);
    }
    return out;
  }

  /**
   * Reorders {@code a[from..to)} so that {@code a[k]} holds the value of rank k (three-way
   * quickselect, median-of-three pivot) and returns it.
   */
  static int select(int[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    while (hi > lo) {
      if (hi - lo < 16) {
        for (int i = lo + 1; i <= hi; i++) {
          int v = a[i];
          int j = i - 1;
          while (j >= lo && a[j] > v) {
            a[j + 1] = a[j];
            j--;
          }
          a[j + 1] = v;
        }
        return a[k];
      }
      int mid = (lo + hi) >>> 1;
      int x = a[lo];
      int y = a[mid];
      int z = a[hi];
      int pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        int v = a[i];
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
}
