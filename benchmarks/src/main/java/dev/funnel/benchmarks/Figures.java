package dev.funnel.benchmarks;

import java.util.Arrays;

/**
 * The figures every contender computes for one selection (the whole cohort, one owner or one
 * channel), in a form that can be compared across contenders: counts, reached per open rank, and
 * p50/p90 in seconds ({@code NaN} when there is no value).
 *
 * @param deals deals in the selection
 * @param won deals whose current stage is WON
 * @param lost deals whose current stage is LOST
 * @param reached reached (progressed counting) per open rank 1..n, index rank - 1
 * @param timeP50 p50 of finished visits per open rank, seconds
 * @param timeP90 p90 of finished visits per open rank, seconds
 * @param wonCycleP50 p50 of closedAt - createdAt of won deals, seconds
 * @param wonCycleP90 p90 of closedAt - createdAt of won deals, seconds
 */
public record Figures(
    long deals,
    long won,
    long lost,
    long[] reached,
    double[] timeP50,
    double[] timeP90,
    double wonCycleP50,
    double wonCycleP90) {

  /** Copies the arrays. */
  public Figures {
    reached = reached.clone();
    timeP50 = timeP50.clone();
    timeP90 = timeP90.clone();
  }

  /** won / (won + lost), NaN without closed deals. */
  public double winRate() {
    return won + lost == 0 ? Double.NaN : (double) won / (won + lost);
  }

  /** reached(k+1) / reached(k) for k = 1..n-1, then won / reached(n). */
  public double[] conversions() {
    int n = reached.length;
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      long next = k + 1 < n ? reached[k + 1] : won;
      out[k] = reached[k] == 0 ? Double.NaN : (double) next / reached[k];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Figures f
        && deals == f.deals
        && won == f.won
        && lost == f.lost
        && Arrays.equals(reached, f.reached)
        && Arrays.equals(timeP50, f.timeP50)
        && Arrays.equals(timeP90, f.timeP90)
        && Double.compare(wonCycleP50, f.wonCycleP50) == 0
        && Double.compare(wonCycleP90, f.wonCycleP90) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(reached) * 31 + Long.hashCode(deals);
  }

  @Override
  public String toString() {
    return "deals="
        + deals
        + " won="
        + won
        + " lost="
        + lost
        + " reached="
        + Arrays.toString(reached)
        + " timeP50="
        + Arrays.toString(timeP50)
        + " timeP90="
        + Arrays.toString(timeP90)
        + " wonCycle p50="
        + wonCycleP50
        + " p90="
        + wonCycleP90;
  }
}
