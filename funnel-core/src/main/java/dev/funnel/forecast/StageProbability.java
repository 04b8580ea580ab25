package dev.funnel.forecast;

import static java.util.Objects.requireNonNull;

import dev.funnel.stats.Proportion;
import java.util.OptionalDouble;

/**
 * The win probability of one open stage, empirical and declared side by side (METRICS.md
 * "Forecast": empirical win probability).
 *
 * <p>{@code empirical} is the absorption probability in WON of the absorbing Markov chain estimated
 * from finished visits; {@code low} / {@code high} its 95% credible interval from the chain's
 * Dirichlet posterior (each row drawn from the Dirichlet of its destination counts, plus 1/2 on WON
 * and on LOST, and solved; 1,000 draws). {@code direct} is the cross-check that needs no model: of
 * the deals that entered the stage and were closed as of the forecast, the share won, with its
 * Wilson interval. All are absent when the stage has no finished visit (or can only reach stages
 * without one).
 *
 * @param stage the stage id
 * @param rank its open rank, from 1
 * @param finishedVisits finished visits of the stage (the chain's evidence)
 * @param empirical the chain's win probability
 * @param low the lower bound of its 95% interval
 * @param high the upper bound of its 95% interval
 * @param direct the won share of closed deals that entered the stage
 * @param declared the probability the pipeline declares, if any
 */
public record StageProbability(
    String stage,
    int rank,
    long finishedVisits,
    OptionalDouble empirical,
    OptionalDouble low,
    OptionalDouble high,
    Proportion direct,
    OptionalDouble declared) {

  /** Validates the record. */
  public StageProbability {
    requireNonNull(stage, "stage");
    requireNonNull(empirical, "empirical");
    requireNonNull(low, "low");
    requireNonNull(high, "high");
    requireNonNull(direct, "direct");
    requireNonNull(declared, "declared");
  }

  /**
   * Empirical minus declared: negative when the CRM's declaration is optimistic; absent if either
   * is.
   *
   * @return the difference, e.g. -0.1 when the declared probability is 0.1 above the empirical one
   */
  public OptionalDouble gap() {
    return empirical.isPresent() && declared.isPresent()
        ? OptionalDouble.of(empirical.getAsDouble() - declared.getAsDouble())
        : OptionalDouble.empty();
  }

  /**
   * Whether the declared probability lies outside the empirical 95% interval: a finding.
   *
   * @return true if it does; false also when the declared probability or the interval is absent
   */
  public boolean declaredOutsideInterval() {
    if (declared.isEmpty() || low.isEmpty() || high.isEmpty()) {
      return false;
    }
    double d = declared.getAsDouble();
    return d < low.getAsDouble() || d > high.getAsDouble();
  }

  @Override
  public String toString() {
    return stage
        + " "
        + Print.pct(empirical)
        + " ["
        + Print.pct(low)
        + ", "
        + Print.pct(high)
        + "] declared "
        + Print.pct(declared);
  }
}
