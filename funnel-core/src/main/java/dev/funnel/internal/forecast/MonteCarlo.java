package dev.funnel.internal.forecast;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The Monte Carlo kernel: each run draws every deal's outcome as an independent Bernoulli of its
 * win probability and sums the amounts of the won ones. Primitive arrays only: one 64-bit random
 * number decides two deals (32 bits each, probabilities resolved to 2^-32). Runs are cut into fixed
 * blocks of {@link #BLOCK}; block b draws from the b-th {@link SplittableRandom#split()} of the
 * seed's generator, so the totals do not depend on the number of threads.
 */
public final class MonteCarlo {
  /** Runs per block (one random stream each). */
  public static final int BLOCK = 64;

  private static final double SCALE = 4294967296.0;

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
              SplittableRandom rnd = streams[b];
              int end = Math.min(runs, (b + 1) * BLOCK);
              for (int r = b * BLOCK; r < end; r++) {
                totals[r] = once(amount, threshold, rnd);
              }
            });
    return totals;
  }

  private static long once(long[] amount, long[] threshold, SplittableRandom rnd) {
    int m = amount.length;
    long sum = 0;
    int d = 0;
    for (; d + 1 < m; d += 2) {
      long bits = rnd.nextLong();
      long lo = bits & 0xFFFFFFFFL;
      long hi = bits >>> 32;
      sum += amount[d] & ((lo - threshold[d]) >> 63);
      sum += amount[d + 1] & ((hi - threshold[d + 1]) >> 63);
    }
    if (d < m) {
      long lo = rnd.nextLong() & 0xFFFFFFFFL;
      sum += amount[d] & ((lo - threshold[d]) >> 63);
    }
    return sum;
  }
}
