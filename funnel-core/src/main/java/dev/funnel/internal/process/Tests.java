package dev.funnel.internal.process;

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
    int nx = x.length;
    int ny = y.length;
    if (nx == 0 || ny == 0) {
      return OptionalDouble.empty();
    }
    int n = nx + ny;
    // pooled values, tagged with their side in the lowest bit after a stable sort by value
    long[][] pooled = new long[n][];
    for (int i = 0; i < nx; i++) {
      pooled[i] = new long[] {x[i], 0};
    }
    for (int i = 0; i < ny; i++) {
      pooled[nx + i] = new long[] {y[i], 1};
    }
    Arrays.sort(pooled, (p, q) -> Long.compare(p[0], q[0]));
    double rx = 0;
    double ties = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && pooled[j + 1][0] == pooled[i][0]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      double t = j - i + 1;
      ties += t * t * t - t;
      for (int k = i; k <= j; k++) {
        if (pooled[k][1] == 0) {
          rx += rank;
        }
      }
      i = j + 1;
    }
    double u = rx - nx * (nx + 1.0) / 2.0; // nx * (nx + 1) overflows int from nx = 46,341
    double var = (double) nx * ny / 12.0 * ((n + 1) - ties / ((double) n * (n - 1)));
    if (!(var > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((u - nx * (double) ny / 2.0) / Math.sqrt(var));
  }
}
