package dev.funnel.sla;

/** When a lead's response clock starts (METRICS.md "Speed and SLA"). */
public enum SlaStart {
  /** At the lead's creation (the default). */
  CREATED,
  /** At the lead's hand-over to sales; leads not handed over by as-of are not measured. */
  HANDED_OVER
}
