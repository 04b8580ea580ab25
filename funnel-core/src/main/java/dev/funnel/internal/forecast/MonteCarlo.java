package dev.funnel.internal.forecast;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The Monte Carlo kernel: each run draws every deal's outcome as an independent Bernoulli of its
 * win probability and sums the amounts of the won ones. Primitive arrays only, nothing allocated
 * per deal: one 64-bit SplitMix64 number decides two deals (32 bits each, probabilities resolved to
 * 2^-32), and the deal arrays are walked in tiles of {@link #TILE} that stay in cache while every
 * run of a block passes over them.
 *
 * <p>Runs are cut into fixed blocks of {@link #BLOCK}; block b takes the b-th {@link
 * SplittableRandom#split()} of the seed's generator, and each run of the block its own SplitMix64
 * state from it. The totals therefore depend on the seed only, not on the number of threads.
 */
public final class MonteCarlo {
  /** Runs per block (one random stream each). */
  public static final int BLOCK = 64;

  /** Deals per tile (even, so that the pairing of deals does not depend on tiles). */
  public static final int TILE = 4096;

  private static final double SCALE = 4294967296.0;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private MonteCarlo() {}

  /** The 32-bit threshold of a probability: a draw of 32 random bits below it is a win. */
  public static long threshold(double p) {
    if (!(p > 0)) {
      return 0;
    }
    if (p >= 1) {
      return 1L << 32;
    }
    return Math.min(1L << 32, Math.round(p * SCALE));
  }

  /**
   * The total won of every run, in run order.
   *
   * @param amount per deal, minor units (their sum must fit a long)
   * @param threshold per deal, from {@link #threshold(double)}
   */
  public static long[] run(long[] amount, long[] threshold, int runs, long seed, boolean parallel) {
    int blocks = (runs + BLOCK - 1) / BLOCK;
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] streams = new SplittableRandom[blocks];
    for (int b = 0; b < blocks; b++) {
      streams[b] = root.split();
    }
    long[] totals = new long[runs];
    IntStream range = IntStream.range(0, blocks);
    (parallel ? range.parallel() : range)
        .forEach(
            b -> {
              int start = b * BLOCK;
              int count = Math.min(runs, start + BLOCK) - start;
              long[] state = new long[count];
              for (int r = 0; r < count; r++) {
                state[r] = streams[b].nextLong();
              }
              block(amount, threshold, state, totals, start);
            });
    return totals;
  }

  private static void block(
      long[] amount, long[] threshold, long[] state, long[] totals, int start) {
    int m = amount.length;
    int count = state.length;
    for (int lo = 0; lo < m; lo += TILE) {
      int hi = Math.min(m, lo + TILE);
      for (int r = 0; r < count; r++) {
        long s = state[r];
        long sum = totals[start + r];
        int d = lo;
        for (; d + 1 < hi; d += 2) {
          s += GOLDEN;
          long bits = mix(s);
          long lo32 = bits & 0xFFFFFFFFL;
          long hi32 = bits >>> 32;
          sum += amount[d] & ((lo32 - threshold[d]) >> 63);
          sum += amount[d + 1] & ((hi32 - threshold[d + 1]) >> 63);
        }
        if (d < hi) {
          s += GOLDEN;
          long lo32 = mix(s) & 0xFFFFFFFFL;
          sum += amount[d] & ((lo32 - threshold[d]) >> 63);
        }
        state[r] = s;
        totals[start + r] = sum;
      }
    }
  }

  /** SplitMix64's finalizer (Steele, Lea and Flood 2014), as in {@link SplittableRandom}. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
