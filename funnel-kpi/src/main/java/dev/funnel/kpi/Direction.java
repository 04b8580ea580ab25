package dev.funnel.kpi;

/** Which way a KPI improves; it decides the sign of a directed change and of attainment. */
public enum Direction {
  /** More is better: revenue, won deals, ROMI. */
  HIGHER_IS_BETTER,
  /** Less is better: CPL, CAC, CAC payback. */
  LOWER_IS_BETTER;

  /**
   * {@code +1} for higher-is-better, {@code -1} for lower-is-better.
   *
   * @return the factor that turns a relative change into a directed one
   */
  public int sign() {
    return this == HIGHER_IS_BETTER ? 1 : -1;
  }
}
