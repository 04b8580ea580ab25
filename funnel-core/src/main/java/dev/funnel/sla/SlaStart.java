package dev.funnel.sla;

/** When a lead's response clock starts (METRICS.md "Speed and SLA"). */
public enum SlaStart {
  /** At the lead's creation (the default). */
  CREATED,
  /**
   * At the lead's hand-over to sales, as the hand-off report sees it ({@code handed_over_at}, or
   * the creation of a lead accepted or rejected without one, once that is seen); leads not handed
   * over by as-of are not measured.
   */
  HANDED_OVER
}
