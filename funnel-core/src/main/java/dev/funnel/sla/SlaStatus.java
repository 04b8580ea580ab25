package dev.funnel.sla;

/** Where a lead stands against its response SLA at as-of (METRICS.md "Speed and SLA"). */
public enum SlaStatus {
  /** Touched within the limit (exactly at the limit is met). */
  MET,
  /** Touched after the limit, or untouched and the limit has passed at as-of. */
  BREACHED,
  /** Untouched, and the limit has not passed at as-of. */
  AT_RISK
}
