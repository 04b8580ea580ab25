package dev.funnel.internal.engine;

import dev.funnel.internal.stats.IntSelect;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Scratch arrays reused from one report to the next. A report over millions of changes needs tens
 * of megabytes of sample buffers for exact percentiles; allocating them afresh for every report
 * would make every report a burst of garbage. Arrays come back only when the engine knows nothing
 * refers to them any more (after a report of its own partial), and are held softly: the garbage
 * collector takes them back under memory pressure, so the pool never causes an OutOfMemoryError.
 *
 * <p>An array is handed out only for a request of at least half its length, so a small report never
 * pins a huge array. Arrays of {@code int} come back with old contents (the engine writes every
 * slot it reads); arrays of {@code long} come back zeroed.
 */
final class BufferPool {
  /** Arrays kept at most; beyond this, released arrays are left to the garbage collector. */
  private static final int MAX_POOLED = 256;

  /** Arrays are allocated in multiples of this many elements, so similar requests share them. */
  private static final int GRAIN = 4096;

  private static final List<SoftReference<Object>> POOL = new ArrayList<>();

  private BufferPool() {}

  static int[] ints(int n) {
    Object a = take(int[].class, n);
    return a != null ? (int[]) a : new int[round(n)];
  }

  static long[] longs(int n) {
    Object a = take(long[].class, n);
    if (a == null) {
      return new long[round(n)];
    }
    long[] l = (long[]) a;
    Arrays.fill(l, 0, n, 0L);
    return l;
  }

  /** Work arrays for percentile selection. */
  static IntSelect.Scratch scratch() {
    Object a = take(IntSelect.Scratch.class, 0);
    return a != null ? (IntSelect.Scratch) a : new IntSelect.Scratch();
  }

  /**
   * Returns arrays (or selection scratches) to the pool; the caller must not touch them afterwards.
   */
  static void release(Object... arrays) {
    synchronized (POOL) {
      for (Object a : arrays) {
        if (a != null && POOL.size() < MAX_POOLED) {
          POOL.add(new SoftReference<>(a));
        }
      }
    }
  }

  private static int round(int n) {
    long r = ((long) n + GRAIN - 1) / GRAIN * GRAIN;
    return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(r, 1));
  }

  /**
   * The smallest pooled array of the type with length in [n, 2n + GRAIN], removed from the pool.
   */
  private static Object take(Class<?> type, int n) {
    synchronized (POOL) {
      Object best = null;
      int bestIndex = -1;
      long limit = 2L * n + GRAIN;
      int i = 0;
      for (Iterator<SoftReference<Object>> it = POOL.iterator(); it.hasNext(); i++) {
        Object a = it.next().get();
        if (a == null) {
          it.remove();
          i--;
          continue;
        }
        if (a.getClass() != type) {
          continue;
        }
        if (!type.isArray()) {
          best = a;
          bestIndex = i;
          break;
        }
        int len = java.lang.reflect.Array.getLength(a);
        if (len >= n
            && len <= limit
            && (best == null || len < java.lang.reflect.Array.getLength(best))) {
          best = a;
          bestIndex = i;
        }
      }
      if (best != null) {
        POOL.remove(bestIndex);
      }
      return best;
    }
  }
}
