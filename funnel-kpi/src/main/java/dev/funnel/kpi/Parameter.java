package dev.funnel.kpi;

/**
 * A number given to a KPI report rather than measured from the data (see {@link KpiParameters}).
 */
public enum Parameter {
  /** The gross margin in [0, 1]; default 1. */
  MARGIN,
  /** Customer lifetime value, in the report's currency; absent unless given. */
  LTV,
  /** Monthly revenue per customer, in the report's currency; absent unless given. */
  MONTHLY_REVENUE_PER_CUSTOMER
}
