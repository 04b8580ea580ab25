package dev.funnel.forecast;

/** How a backtest turns a deal open at T into a probability of a win within the horizon. */
public enum Method {
  /**
   * The time-aware probability: the cumulative incidence of a win within the horizon (LOST
   * competing, visits still open censored), counted from the deal's age, among the past visits of
   * the deal's stage that lasted longer than that age taken in whole weeks (floored); 0 when no
   * past visit lasted that long.
   */
  TIME_AWARE,
  /** The absorbing chain's win probability of the deal's stage, ignoring time. */
  CHAIN,
  /** The probability the pipeline declares for the deal's stage, as a CRM would use it. */
  DECLARED
}
