package dev.funnel.internal.forecast;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The absorbing Markov chain of a pipeline: open stages transient, WON and LOST absorbing, the
 * transition probabilities of open stage i the shares of its finished visits by next stage. The win
 * probability of every open stage is the WON column of {@code B = (I - Q)^-1 R}, solved exactly by
 * Gaussian elimination with partial pivoting.
 *
 * <p>A stage has no probability (NaN here, absent in reports) when it has no finished visit, or
 * when it can reach a stage that has none, or a set of stages that is never left for WON or LOST.
 */
public final class Chain {
  private Chain() {}

  /**
   * The win probability per open stage from transition counts {@code counts[i][j]} (j &lt; n open,
   * n WON, n+1 LOST); NaN where undefined.
   */
  public static double[] winProbabilities(long[][] counts) {
    int n = counts.length;
    double[][] rows = new double[n][n + 2];
    for (int i = 0; i < n; i++) {
      long total = 0;
      for (long c : counts[i]) {
        total += c;
      }
      for (int j = 0; j < n + 2; j++) {
        rows[i][j] = total == 0 ? Double.NaN : (double) counts[i][j] / total;
      }
    }
    return solve(rows, defined(counts));
  }

  /**
   * Which stages have a probability: every stage they can reach (themselves included) has finished
   * visits, and from every such stage WON or LOST can be reached.
   */
  public static boolean[] defined(long[][] counts) {
    int n = counts.length;
    boolean[][] reach = new boolean[n][n];
    boolean[] hasData = new boolean[n];
    boolean[] absorbs = new boolean[n];
    for (int i = 0; i < n; i++) {
      reach[i][i] = true;
      for (int j = 0; j < n + 2; j++) {
        if (counts[i][j] > 0) {
          hasData[i] = true;
          if (j < n) {
            reach[i][j] = true;
          } else {
            absorbs[i] = true;
          }
        }
      }
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        if (reach[i][k]) {
          for (int j = 0; j < n; j++) {
            if (reach[k][j]) {
              reach[i][j] = true;
            }
          }
        }
      }
    }
    boolean[] canAbsorb = new boolean[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (reach[i][j] && absorbs[j]) {
          canAbsorb[i] = true;
        }
      }
    }
    boolean[] ok = new boolean[n];
    for (int i = 0; i < n; i++) {
      ok[i] = true;
      for (int j = 0; j < n; j++) {
        if (reach[i][j] && (!hasData[j] || !canAbsorb[j])) {
          ok[i] = false;
        }
      }
    }
    return ok;
  }

  /**
   * Solves {@code (I - Q) x = r_won} over the defined stages ({@code rows[i][j]} transition
   * probabilities); the defined set is closed under reachability, so the sub-system is exact.
   */
  static double[] solve(double[][] rows, boolean[] ok) {
    int n = rows.length;
    int[] map = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      map[i] = ok[i] ? m++ : -1;
    }
    double[][] a = new double[m][m + 1];
    for (int i = 0; i < n; i++) {
      if (!ok[i]) {
        continue;
      }
      int r = map[i];
      a[r][map[i]] += 1;
      for (int j = 0; j < n; j++) {
        if (ok[j]) {
          a[r][map[j]] -= rows[i][j];
        }
      }
      a[r][m] = rows[i][n];
    }
    for (int col = 0; col < m; col++) {
      int pivot = col;
      for (int r = col + 1; r < m; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      for (int r = 0; r < m; r++) {
        if (r != col && a[r][col] != 0) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c <= m; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = ok[i] ? clamp(a[map[i]][m] / a[map[i]][map[i]]) : Double.NaN;
    }
    return p;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /**
   * A 95% credible interval per stage: {@code draws} draws of every row from its Dirichlet
   * posterior (the observed counts of each destination, plus 1/2 on WON and on LOST so that an
   * unobserved outcome is not impossible), each chain solved; the 2.5% and 97.5% quantiles of the
   * win probabilities. Returns {@code [low[], high[]]}, NaN where undefined.
   */
  public static double[][] intervals(long[][] counts, int draws, long seed) {
    int n = counts.length;
    boolean[] ok = defined(counts);
    double[][] samples = new double[n][draws];
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] rows = new double[n][n + 2];
    for (int k = 0; k < draws; k++) {
      for (int i = 0; i < n; i++) {
        if (!ok[i]) {
          continue;
        }
        double sum = 0;
        for (int j = 0; j < n + 2; j++) {
          double alpha = counts[i][j] + (j >= n ? 0.5 : 0);
          rows[i][j] = alpha > 0 ? gamma(rnd, alpha) : 0;
          sum += rows[i][j];
        }
        for (int j = 0; j < n + 2; j++) {
          rows[i][j] /= sum;
        }
      }
      double[] p = solve(rows, ok);
      for (int i = 0; i < n; i++) {
        samples[i][k] = p[i];
      }
    }
    double[] low = new double[n];
    double[] high = new double[n];
    for (int i = 0; i < n; i++) {
      if (!ok[i]) {
        low[i] = Double.NaN;
        high[i] = Double.NaN;
        continue;
      }
      Arrays.sort(samples[i]);
      low[i] = Quantiles.linear(samples[i], 0.025);
      high[i] = Quantiles.linear(samples[i], 0.975);
    }
    return new double[][] {low, high};
  }

  /** A Gamma(alpha, 1) variate (Marsaglia and Tsang 2000; alpha &lt; 1 boosted by U^(1/alpha)). */
  static double gamma(SplittableRandom rnd, double alpha) {
    if (alpha < 1) {
      double u = rnd.nextDouble();
      return gamma(rnd, alpha + 1) * Math.pow(u == 0 ? Double.MIN_VALUE : u, 1 / alpha);
    }
    double d = alpha - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rnd.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rnd.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
