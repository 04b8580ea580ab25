package dev.funnel.internal.stats;

import dev.funnel.stats.Distribution;
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
 * exact value of each rank. Ranks are taken in ascending order and each narrows the next (the
 * neighbour rank that interpolation needs is a minimum scan). Tiny inputs go straight to
 * quickselect on a copy: the histogram wins from a few dozen values up (measured on groups of about
 * 250 values: 2,000 owner x channel groups of a million deals).
 */
public final class IntSelect {
  /** Below this many values, selection runs on a copy; above, histogram-then-refine. */
  static final int SMALL = 32;

  private IntSelect() {}

  /**
   * Reusable work arrays of a selection. Not thread-safe: one per thread or task. The arrays grow
   * to the largest input seen (at most 65,536 histogram buckets plus the values of a few of them).
   */
  public static final class Scratch {
    private int[] count = new int[256];
    private int[] slot = new int[256];
    private int[] values = new int[SMALL];

    /** A scratch with small arrays, grown on demand. */
    public Scratch() {
      java.util.Arrays.fill(slot, -1);
    }

    int[] values(int n) {
      if (values.length < n) {
        values = new int[Math.max(n, values.length * 2)];
      }
      return values;
    }

    void buckets(int n) {
      if (count.length < n) {
        count = new int[n];
        slot = new int[n];
        java.util.Arrays.fill(slot, -1);
      }
    }
  }

  /** The distribution of {@code values[from..to)}, which are left as they are. */
  public static Distribution distribution(int[] values, int from, int to, double[] ps) {
    return distribution(values, new int[] {from, to}, 1, ps, new Scratch());
  }

  /**
   * The distribution of the union of {@code ranges} ranges of {@code values}: range i is {@code
   * values[bounds[2i] .. bounds[2i+1])}. The values are left as they are.
   */
  public static Distribution distribution(
      int[] values, int[] bounds, int ranges, double[] ps, Scratch scratch) {
    long sum = 0;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    int n = 0;
    for (int r = 0; r < ranges; r++) {
      int to = bounds[2 * r + 1];
      n += to - bounds[2 * r];
      for (int i = bounds[2 * r]; i < to; i++) {
        int v = values[i];
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return distribution(values, bounds, ranges, ps, scratch, n, min, max, sum);
  }

  /**
   * As {@link #distribution(int[], int[], int, double[], Scratch)}, with the count, minimum,
   * maximum and sum of the values already known (from per-bucket summaries), which saves a pass.
   */
  public static Distribution distribution(
      int[] values,
      int[] bounds,
      int ranges,
      double[] ps,
      Scratch scratch,
      int n,
      int min,
      int max,
      long sum) {
    if (n == 0) {
      return Distribution.empty();
    }
    // ranks[2i] = floor((n-1)p), ranks[2i+1] = the next rank (used when interpolating)
    int[] ranks = new int[ps.length * 2];
    for (int i = 0; i < ps.length; i++) {
      int k = Interpolation.lower(n, ps[i]);
      ranks[2 * i] = k;
      ranks[2 * i + 1] = Math.min(k + 1, n - 1);
    }
    int[] at;
    if (min == max) {
      at = new int[ranks.length];
      java.util.Arrays.fill(at, min);
    } else if (n <= SMALL) {
      at = bySelection(values, bounds, ranges, n, ranks, scratch);
    } else {
      at = byHistogram(values, bounds, ranges, n, min, max, ranks, scratch);
    }
    Map<Double, Duration> out = new HashMap<>();
    for (int i = 0; i < ps.length; i++) {
      out.put(ps[i], Interpolation.at(at[2 * i], at[2 * i + 1], n, ps[i]));
    }
    return new Distribution(
        n,
        Optional.of(Interpolation.mean(sum, n)),
        Optional.of(Duration.ofSeconds(min)),
        Optional.of(Duration.ofSeconds(max)),
        out);
  }

  private static int[] bySelection(
      int[] values, int[] bounds, int ranges, int n, int[] ranks, Scratch scratch) {
    int[] copy = scratch.values(n);
    int p = 0;
    for (int r = 0; r < ranges; r++) {
      int len = bounds[2 * r + 1] - bounds[2 * r];
      System.arraycopy(values, bounds[2 * r], copy, p, len);
      p += len;
    }
    int[] out = new int[ranks.length];
    int[] zeros = new int[ranks.length];
    int[] ends = new int[ranks.length];
    java.util.Arrays.fill(ends, n);
    selectRanks(copy, zeros, ends, ranks, ascending(ranks), out);
    return out;
  }

  private static int[] byHistogram(
      int[] values,
      int[] bounds,
      int ranges,
      int n,
      int min,
      int max,
      int[] ranks,
      Scratch scratch) {
    long range = (long) max - min;
    int maxBuckets = Math.max(256, Math.min(1 << 16, Integer.highestOneBit(n / 8) * 2));
    int shift = 0;
    while ((range >>> shift) >= maxBuckets) {
      shift++;
    }
    int buckets = (int) (range >>> shift) + 1;
    scratch.buckets(buckets);
    int[] count = scratch.count;
    int[] slot = scratch.slot;
    java.util.Arrays.fill(count, 0, buckets, 0);
    for (int r = 0; r < ranges; r++) {
      int to = bounds[2 * r + 1];
      for (int i = bounds[2 * r]; i < to; i++) {
        count[(int) (((long) values[i] - min) >>> shift)]++;
      }
    }
    // The bucket of each rank, and the rank's position within its bucket.
    // One sweep over the buckets serves every rank, taken in ascending order.
    int[] bucketOf = new int[ranks.length];
    int[] within = new int[ranks.length];
    int[] order = ascending(ranks);
    int below = 0;
    int bucket = 0;
    for (int i : order) {
      int k = ranks[i];
      while (below + count[bucket] <= k) {
        below += count[bucket];
        bucket++;
      }
      bucketOf[i] = bucket;
      within[i] = k - below;
    }
    // Needed buckets get consecutive slots in the scratch values; the others stay at -1.
    int total = 0;
    int[] start = new int[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      int b = bucketOf[i];
      if (slot[b] < 0) {
        slot[b] = total;
        total += count[b];
      }
    }
    for (int i = 0; i < ranks.length; i++) {
      start[i] = slot[bucketOf[i]];
    }
    int[] copy = scratch.values(total);
    for (int r = 0; r < ranges; r++) {
      int to = bounds[2 * r + 1];
      for (int i = bounds[2 * r]; i < to; i++) {
        int v = values[i];
        int b = (int) (((long) v - min) >>> shift);
        int s = slot[b];
        if (s >= 0) {
          copy[s] = v;
          slot[b] = s + 1;
        }
      }
    }
    int[] out = new int[ranks.length];
    int[] ends = new int[ranks.length];
    int[] positions = new int[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      ends[i] = start[i] + count[bucketOf[i]];
      positions[i] = start[i] + within[i];
    }
    selectRanks(copy, start, ends, positions, order, out);
    for (int i = 0; i < ranks.length; i++) {
      slot[bucketOf[i]] = -1;
    }
    return out;
  }

  /**
   * Finds the value at each position {@code at[i]} of the sub-array {@code a[from[i]..to[i])},
   * taking the ranks in ascending {@code order} (ranks of one sub-array are then ascending). Each
   * selection narrows the next: after rank k is in place, everything after it is at least its
   * value, so rank k' > k is selected in {@code (k, to)}, and rank k + 1 (the neighbour that
   * interpolation needs) is just the minimum there.
   */
  private static void selectRanks(int[] a, int[] from, int[] to, int[] at, int[] order, int[] out) {
    int lo = -1;
    int hi = -1;
    int last = -1; // positions up to last are settled (each at most all that follow)
    for (int i : order) {
      if (from[i] != lo || to[i] != hi) {
        lo = from[i];
        hi = to[i];
        last = lo - 1;
      }
      int k = at[i];
      if (k <= last) {
        out[i] = a[k];
        continue;
      }
      if (k == last + 1 && last >= lo) {
        int m = k;
        for (int j = k + 1; j < hi; j++) {
          m = a[j] < a[m] ? j : m;
        }
        int v = a[m];
        a[m] = a[k];
        a[k] = v;
        out[i] = v;
      } else {
        out[i] = select(a, last + 1, hi, k);
      }
      last = k;
    }
  }

  /** The indexes of {@code ranks} in ascending order of rank (insertion sort: a handful). */
  private static int[] ascending(int[] ranks) {
    int[] order = new int[ranks.length];
    for (int i = 0; i < order.length; i++) {
      int j = i;
      while (j > 0 && ranks[order[j - 1]] > ranks[i]) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
    return order;
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
