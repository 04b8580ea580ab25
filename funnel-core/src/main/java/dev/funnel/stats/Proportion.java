package dev.funnel.stats;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A rate as what it is: successes out of trials, with its 95% Wilson score interval (z = 1.959964),
 * METRICS.md "Funnel". With 0 trials the rate is undefined and every figure is absent, never 0, NaN
 * or an exception.
 *
 * {@snippet :
 * Proportion p = Proportion.of(3, 7);
 * p.rate();   // OptionalDouble[0.42857142857142855]
 * p.low();    // OptionalDouble[0.1581...]
 * p.toString(); // "42.9% [15.8%, 75.0%] 3/7"
 * }
 *
 * @param successes how many of the trials succeeded, in [0, trials]
 * @param trials how many trials there were, &gt;= 0
 */
public record Proportion(long successes, long trials) {

  /** The z value of a two-sided 95% interval used by every proportion. */
  public static final double Z95 = 1.959964;

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if trials is negative or successes is outside [0, trials]
   */
  public Proportion {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "proportion " + successes + "/" + trials + ": need 0 <= successes <= trials");
    }
  }

  /**
   * {@code successes} out of {@code trials}.
   *
   * @param successes how many of the trials succeeded, in [0, trials]
   * @param trials how many trials there were, &gt;= 0
   * @return the proportion
   */
  public static Proportion of(long successes, long trials) {
    return new Proportion(successes, trials);
  }

  /**
   * The proportion with no trials: every figure absent.
   *
   * @return the proportion 0/0
   */
  public static Proportion empty() {
    return new Proportion(0, 0);
  }

  /**
   * Whether there were no trials, so that the rate is undefined.
   *
   * @return true if trials is 0
   */
  public boolean isUndefined() {
    return trials == 0;
  }

  /**
   * successes / trials; absent with no trials.
   *
   * @return the rate in [0, 1]; empty with no trials
   */
  public OptionalDouble rate() {
    return trials == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) successes / trials);
  }

  /**
   * The lower bound of the 95% Wilson score interval; absent with no trials.
   *
   * @return the lower bound in [0, 1]; empty with no trials
   */
  public OptionalDouble low() {
    return trials == 0 ? OptionalDouble.empty() : OptionalDouble.of(wilson(-1));
  }

  /**
   * The upper bound of the 95% Wilson score interval; absent with no trials.
   *
   * @return the upper bound in [0, 1]; empty with no trials
   */
  public OptionalDouble high() {
    return trials == 0 ? OptionalDouble.empty() : OptionalDouble.of(wilson(+1));
  }

  private double wilson(int sign) {
    double n = trials;
    double p = successes / n;
    double z2 = Z95 * Z95;
    double center = p + z2 / (2 * n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double bound = (center + sign * half) / (1 + z2 / n);
    // Exact at the edges: no interval reaches below 0 or above 1 by rounding.
    if (sign < 0 && successes == 0) {
      return 0;
    }
    if (sign > 0 && successes == trials) {
      return 1;
    }
    return Math.min(1, Math.max(0, bound));
  }

  /**
   * The element-wise sum: the proportion of two disjoint sets of trials together.
   *
   * @param other the proportion of other trials
   * @return the sum of successes out of the sum of trials
   * @throws ArithmeticException if the trials together are more than {@link Long#MAX_VALUE}
   */
  public Proportion plus(Proportion other) {
    requireNonNull(other, "other");
    return new Proportion(
        Math.addExact(successes, other.successes), Math.addExact(trials, other.trials));
  }

  /**
   * The rate as a percentage with one decimal, {@code "42.9%"}; {@code "-"} with no trials.
   *
   * @return the percentage, or {@code "-"}
   */
  public String percent() {
    return trials == 0 ? "-" : pct((double) successes / trials);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  /** {@code "42.9% [15.8%, 75.0%] 3/7"}, or {@code "- 0/0"} with no trials. */
  @Override
  public String toString() {
    if (trials == 0) {
      return "- 0/0";
    }
    return percent()
        + " ["
        + pct(low().getAsDouble())
        + ", "
        + pct(high().getAsDouble())
        + "] "
        + successes
        + "/"
        + trials;
  }
}
