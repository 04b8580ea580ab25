package dev.funnel;

/**
 * How a funnel counts the deals that reached a stage (METRICS.md "Funnel").
 *
 * <p>With {@link #PROGRESSED} (the default) a deal reached open stage {@code sk} if it ever entered
 * an open stage of rank &gt;= k or a WON stage: skipped stages count as passed. With {@link
 * #ENTERED} only explicit entries into {@code sk} count; the implicit entry into {@code s1} at
 * creation is not an explicit entry. Because explicit entries need not nest, {@code ENTERED}
 * conversions count the deals that entered both stages: {@code sk -> sk+1} = entered both / entered
 * {@code sk}; {@code sn -> WON} = entered {@code sn} and won / entered {@code sn}; cumulative of
 * {@code sk} = entered both {@code s1} and {@code sk} / entered {@code s1}. (METRICS.md leaves this
 * case open; this is the extension funnel defines.)
 */
public enum Counting {
  /** A deal reached {@code sk} if it entered any open stage of rank &gt;= k or a WON stage. */
  PROGRESSED,
  /** A deal reached {@code sk} only if it explicitly entered {@code sk}. */
  ENTERED
}
