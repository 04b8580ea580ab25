package dev.funnel.losses;

import static java.util.Objects.requireNonNull;

import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.util.List;

/**
 * The marketing-to-sales hand-off of one channel (or of all leads), as of an instant: see {@link
 * HandOff} for the definitions.
 *
 * @param channel the channel, {@code (unspecified)} for leads without one, or {@code all}
 * @param leads leads created at or before as-of
 * @param handedOver of those, leads handed over to sales by as-of
 * @param accepted handed-over leads accepted by as-of
 * @param rejected handed-over leads rejected by as-of
 * @param pending handed-over leads neither accepted nor rejected at as-of
 * @param timeToAccept wall time from hand-over to acceptance of the accepted leads
 * @param rejectionReasons rejected leads per reason, by count descending then reason
 */
public record HandOffFigures(
    String channel,
    long leads,
    long handedOver,
    long accepted,
    long rejected,
    long pending,
    Distribution timeToAccept,
    List<ReasonCount> rejectionReasons) {

  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException if the counts disagree
   */
  public HandOffFigures {
    requireNonNull(channel, "channel");
    requireNonNull(timeToAccept, "timeToAccept");
    rejectionReasons = List.copyOf(rejectionReasons);
    if (handedOver > leads
        || accepted + rejected + pending != handedOver
        || accepted < 0
        || rejected < 0
        || pending < 0
        || timeToAccept.count() != accepted
        || rejectionReasons.stream().mapToLong(ReasonCount::count).sum() != rejected) {
      throw new IllegalArgumentException("hand-off of \"" + channel + "\": inconsistent counts");
    }
  }

  /**
   * Acceptance rate: accepted / handed over.
   *
   * @return {@code accepted / handedOver}
   */
  public Proportion acceptance() {
    return Proportion.of(accepted, handedOver);
  }

  /**
   * Hand-overs recorded: leads handed over / leads.
   *
   * @return {@code handedOver / leads}
   */
  public Proportion handOverRecorded() {
    return Proportion.of(handedOver, leads);
  }

  /**
   * Decisions recorded: handed-over leads accepted or rejected / handed over.
   *
   * @return {@code (accepted + rejected) / handedOver}
   */
  public Proportion decided() {
    return Proportion.of(accepted + rejected, handedOver);
  }
}
