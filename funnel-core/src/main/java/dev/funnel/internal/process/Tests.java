package dev.funnel.internal.process;

import dev.funnel.internal.stats.Select;
import dev.funnel.stats.Proportion;
import java.util.Arrays;
import java.util.OptionalDouble;

/** The two statistical tests of the people comparison. */
public final class Tests {
  private Tests() {}

  /**
   * The pooled two-proportion z statistic {@code (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2))} with
   * {@code p = (x1 + x2) / (n1 + n2)}; absent when a side has no trials or {@code p} is 0 or 1.
   */
  public static OptionalDouble twoProportionZ(Proportion a, Proportion b) {
    if (a.trials() == 0 || b.trials() == 0) {
      return OptionalDouble.empty();
    }
    double n1 = a.trials();
    double n2 = b.trials();
    double p = (a.successes() + b.successes()) / (n1 + n2);
    if (p == 0 || p == 1) {
      return OptionalDouble.empty();
    }
    double se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
    return OptionalDouble.of((a.successes() / n1 - b.successes() / n2) / se);
  }

  /**
   * The Mann-Whitney U z statistic of {@code x} against {@code y}: ranks of the pooled values (ties
   * get their average rank), {@code U = R_x - n_x (n_x + 1) / 2}, normal approximation with the
   * tie-corrected variance {@code n_x n_y / 12 ((N + 1) - sum(t^3 - t) / (N (N - 1)))}, no
   * continuity correction. Positive when x tends to be larger. Absent when a side is empty or all
   * values are equal.
   */
  public static OptionalDouble mannWhitneyZ(long[] x, long[] y) {
    long[] pooled = Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, pooled, x.length, y.length);
    long[] xs = x.clone();
    Arrays.sort(xs);
    return new Pooled(pooled).z(xs);
  }

  /**
   * A pooled sample, sorted once, against which the Mann-Whitney z of any part of it follows from
   * binary searches: the pooled values (and so every rank and the tie term) are the same whichever
   * part is compared with the rest. {@code People} compares each owner's cycle times with the rest
   * of the team's this way in O(n_owner log N) per owner, where pooling and sorting the two sides
   * per owner cost O(N log N) per owner, O(owners * N log N) in all.
   */
  public static final class Pooled {
    private final long[] sorted;
    private final double ties;

    /**
     * Sorts a copy of the values and sums the tie term {@code sum(t^3 - t)} over runs of equal
     * values.
     *
     * @param values the pooled values, not kept
     */
    public Pooled(long[] values) {
      sorted = values.clone();
      Arrays.sort(sorted);
      double t3 = 0;
      int n = sorted.length;
      int i = 0;
      while (i < n) {
        int j = Select.upperBound(sorted, sorted[i]) - 1;
        double t = j - i + 1;
        t3 += t * t * t - t;
        i = j + 1;
      }
      ties = t3;
    }

    /**
     * The pooled values in ascending order; callers must not change them.
     *
     * @return the sorted values
     */
    public long[] sorted() {
      return sorted;
    }

    /**
     * The Mann-Whitney z of {@code x} against the rest of the pooled values, as {@link
     * #mannWhitneyZ} gives it for {@code x} and the rest: the same ranks summed in the same
     * (ascending) order, so the same double.
     *
     * @param x a part of the pooled values (a sub-multiset), ascending; not changed
     * @return z, absent when a side is empty or all values are equal
     */
    public OptionalDouble z(long[] x) {
      int n = sorted.length;
      int nx = x.length;
      int ny = n - nx;
      if (nx == 0 || ny <= 0) {
        return OptionalDouble.empty();
      }
      double rx = 0;
      int i = 0;
      while (i < nx) {
        long v = x[i];
        int lo = Select.lowerBound(sorted, v);
        int hi = Select.upperBound(sorted, v) - 1;
        double rank = (lo + hi) / 2.0 + 1;
        while (i < nx && x[i] == v) {
          rx += rank;
          i++;
        }
      }
      double u = rx - nx * (nx + 1.0) / 2.0; // nx * (nx + 1) overflows int from nx = 46,341
      double var = (double) nx * ny / 12.0 * ((n + 1) - ties / ((double) n * (n - 1)));
      if (!(var > 0)) {
        return OptionalDouble.empty();
      }
      return OptionalDouble.of((u - nx * (double) ny / 2.0) / Math.sqrt(var));
    }
  }
}
