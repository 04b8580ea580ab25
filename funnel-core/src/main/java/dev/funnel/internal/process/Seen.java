package dev.funnel.internal.process;

import dev.funnel.model.Lead;
import java.time.Instant;
import java.util.Optional;

/**
 * The one visibility rule of every record at an as-of instant: the deal log holds deals and stage
 * changes to the second, so a record is seen when its second is at most the second of as-of,
 * whatever the fractions. Leads, touches and hand-over instants, held with their fractions, are
 * seen by the same rule (funnel-kpi's {@code KpiEngine.afterAsOf} applies it to leads there).
 */
public final class Seen {
  private Seen() {}

  /**
   * Whether a record at {@code t} is seen as of {@code asOf}.
   *
   * @param t the record's instant
   * @param asOf the as-of instant
   * @return true when {@code t}'s second is at most {@code asOf}'s
   */
  public static boolean asOf(Instant t, Instant asOf) {
    return t.getEpochSecond() <= asOf.getEpochSecond();
  }

  /**
   * Whether an optional instant is present and seen as of {@code asOf}.
   *
   * @param t the record's instant, if any
   * @param asOf the as-of instant
   * @return true when it is present and its second is at most {@code asOf}'s
   */
  public static boolean asOf(Optional<Instant> t, Instant asOf) {
    return t.isPresent() && asOf(t.get(), asOf);
  }

  /**
   * A lead's hand-over as seen at {@code asOf}: {@code handed_over_at} once seen; a lead accepted
   * or rejected without one went straight to sales and was handed over at creation, as soon as that
   * acceptance or rejection is seen (not before: at an earlier as-of nothing told of it). The one
   * rule of the hand-off report and of an SLA that starts at hand-over.
   *
   * @param lead the lead
   * @param asOf the as-of instant
   * @return the hand-over instant, or empty when the lead is not handed over as of {@code asOf}
   */
  public static Optional<Instant> handOver(Lead lead, Instant asOf) {
    if (lead.handedOverAt().isPresent()) {
      return asOf(lead.handedOverAt(), asOf) ? lead.handedOverAt() : Optional.empty();
    }
    return asOf(lead.acceptedAt(), asOf) || asOf(lead.rejectedAt(), asOf)
        ? Optional.of(lead.createdAt())
        : Optional.empty();
  }
}
