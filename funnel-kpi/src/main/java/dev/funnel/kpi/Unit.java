package dev.funnel.kpi;

/** What a KPI value counts. */
public enum Unit {
  /** A number of things: leads, deals, clicks. */
  COUNT,
  /** An amount in the report's currency. */
  MONEY,
  /** A dimensionless ratio: a rate, ROAS, ROMI; printed as a percentage. */
  RATIO,
  /** A length of time; the catalog's {@code cac_payback_months} is in months. */
  DURATION
}
