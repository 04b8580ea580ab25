package dev.funnel.kpi;

/** The kinds of KPI alert. */
public enum AlertType {
  /**
   * Some ACTIVITY KPI has a directed change at or above the threshold and no OUTCOME KPI has one
   * (METRICS.md "KPIs").
   */
  ACTIVITY_WITHOUT_OUTCOME
}
