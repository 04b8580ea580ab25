package dev.funnel.internal.forecast;

/** Percentiles of sorted samples, METRICS.md "Durations": linear between closest ranks. */
final class Quantiles {
  private Quantiles() {}

  /**
   * For sorted {@code x[0..n-1]} (n &gt;= 1): {@code x[floor h] + (h - floor h)(x[floor h + 1] -
   * x[floor h])}.
   */
  static double linear(double[] x, double p) {
    double h = (x.length - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo + 1 >= x.length) {
      return x[x.length - 1];
    }
    return x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
  }
}
