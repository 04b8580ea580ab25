package dev.funnel.audit;

/**
 * The eight must-haves the audit grades, each with its evidence figure and default thresholds. A
 * share figure lies in [0, 1]; {@link #FIRST_TOUCH_PROCESS} is a ratio to the response limit.
 */
public enum MustHave {
  /**
   * Real, not declarative, stages: the lowest stage usage (METRICS.md "Process reality") over open
   * stages {@code s2..sn}, among stages some deal reached. Not {@code s1}: every deal starts there,
   * mostly by the implicit entry, so a pipeline with one open stage is not measurable. PASS &gt;=
   * 0.8, WARN &gt;= 0.5.
   */
  REAL_STAGES("real (not declarative) stages", true, 0.8, 0.5),
  /**
   * A working funnel with transition data: deals with at least one transition / deals. PASS &gt;=
   * 0.8, WARN &gt;= 0.5.
   */
  WORKING_FUNNEL("a working funnel with transition data", true, 0.8, 0.5),
  /** An SLA for inbound leads that is met: SLA compliance. PASS &gt;= 0.9, WARN &gt;= 0.7. */
  INBOUND_SLA("an SLA for inbound leads that is met", true, 0.9, 0.7),
  /**
   * One first-touch process: the spread (max - min) of the owners' median response times (every
   * owner group with a touched lead, {@code (unspecified)} included; see {@code Sla} for how a
   * lead's owner is found), as a multiple of the response limit. PASS &lt;= 1, WARN &lt;= 4.
   */
  FIRST_TOUCH_PROCESS("one first-touch process", false, 1, 4),
  /**
   * Transition analytics possible: transitions with real timestamps (not retroactive) /
   * transitions. PASS &gt;= 0.9, WARN &gt;= 0.7.
   */
  TRANSITION_ANALYTICS("transition analytics possible", true, 0.9, 0.7),
  /**
   * Structured loss analytics: lost deals with a reason / lost deals. PASS &gt;= 0.9, WARN &gt;=
   * 0.7.
   */
  STRUCTURED_LOSSES("structured loss analytics", true, 0.9, 0.7),
  /** Mandatory follow-ups: stale open deals / open deals. PASS &lt;= 0.1, WARN &lt;= 0.3. */
  FOLLOW_UPS("mandatory follow-ups", false, 0.1, 0.3),
  /**
   * One hand-off rule: the lower of (leads handed over / leads) and (handed-over leads accepted or
   * rejected / handed over). PASS &gt;= 0.9, WARN &gt;= 0.5.
   */
  HAND_OFF_RULE("one hand-off rule", true, 0.9, 0.5);

  private final String label;
  private final boolean higherIsBetter;
  private final double pass;
  private final double warn;

  MustHave(String label, boolean higherIsBetter, double pass, double warn) {
    this.label = label;
    this.higherIsBetter = higherIsBetter;
    this.pass = pass;
    this.warn = warn;
  }

  /**
   * A short description, e.g. {@code "one hand-off rule"}.
   *
   * @return the short description
   */
  public String label() {
    return label;
  }

  /**
   * Whether a higher figure is better.
   *
   * @return true if a higher figure is better, false if a lower one is
   */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /**
   * Whether the figure is a share in [0, 1] (all but {@link #FIRST_TOUCH_PROCESS}).
   *
   * @return true unless this is {@link #FIRST_TOUCH_PROCESS}
   */
  public boolean isShare() {
    return this != FIRST_TOUCH_PROCESS;
  }

  /**
   * The default pass threshold.
   *
   * @return the least figure (the most, for a lower-is-better item) graded PASS unless {@link
   *     Audit#threshold} sets another
   */
  public double defaultPass() {
    return pass;
  }

  /**
   * The default warn threshold.
   *
   * @return the least figure (the most, for a lower-is-better item) graded WARN unless {@link
   *     Audit#threshold} sets another
   */
  public double defaultWarn() {
    return warn;
  }
}
