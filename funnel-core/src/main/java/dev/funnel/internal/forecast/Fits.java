package dev.funnel.internal.forecast;

/**
 * The least-squares fits of the budget scenario: a power-law response curve on log-log axes and a
 * weighted straight line.
 */
public final class Fits {
  private Fits() {}

  /**
   * Fits {@code y = a * x^b} by ordinary least squares of {@code ln y} on {@code ln x}. Every x and
   * y must be positive.
   *
   * @return {@code {ln a, b}}, both NaN when fewer than two points or all x are equal
   */
  public static double[] powerLaw(double[] x, double[] y) {
    int n = x.length;
    double[] lx = new double[n];
    double[] ly = new double[n];
    for (int i = 0; i < n; i++) {
      lx[i] = Math.log(x[i]);
      ly[i] = Math.log(y[i]);
    }
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    return line(lx, ly, w);
  }

  /**
   * The intercept of {@code ln y = ln a + b ln x} that is least squares for a given b: {@code
   * mean(ln y) - b mean(ln x)}.
   */
  public static double logIntercept(double[] x, double[] y, double b) {
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < x.length; i++) {
      sx += Math.log(x[i]);
      sy += Math.log(y[i]);
    }
    return (sy - b * sx) / x.length;
  }

  /**
   * Fits {@code y = intercept + slope * x} by weighted least squares.
   *
   * @return {@code {intercept, slope}}, both NaN when the weights sum to zero, fewer than two
   *     points carry weight, or all weighted x are equal
   */
  public static double[] line(double[] x, double[] y, double[] w) {
    double sw = 0;
    double sx = 0;
    double sy = 0;
    int weighted = 0;
    for (int i = 0; i < x.length; i++) {
      if (w[i] > 0) {
        weighted++;
      }
      sw += w[i];
      sx += w[i] * x[i];
      sy += w[i] * y[i];
    }
    if (weighted < 2 || sw <= 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double mx = sx / sw;
    double my = sy / sw;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      sxx += w[i] * (x[i] - mx) * (x[i] - mx);
      sxy += w[i] * (x[i] - mx) * (y[i] - my);
    }
    if (!(sxx > 1e-12 * sw * Math.max(1, mx * mx))) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double slope = sxy / sxx;
    return new double[] {my - slope * mx, slope};
  }

  /** The percentile of sorted values, linear between closest ranks (METRICS.md "Durations"). */
  public static double percentile(double[] sorted, double p) {
    return Quantiles.linear(sorted, p);
  }
}
