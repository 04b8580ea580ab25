package dev.funnel.kpi;

/**
 * Whether a KPI measures what reached the bank or the effort spent on the way (METRICS.md "KPIs").
 */
public enum Kind {
  /** Money or customers that reached the bank: revenue, won deals, qualified leads, CAC, ROMI. */
  OUTCOME,
  /**
   * Effort and intermediate signals: posts, impressions, clicks, CTR, CPC, calls. (Raw leads are an
   * OUTCOME among the built-in KPIs: see {@link KpiCatalog}.)
   */
  ACTIVITY
}
