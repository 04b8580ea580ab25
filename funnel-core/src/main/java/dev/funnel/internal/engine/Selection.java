package dev.funnel.internal.engine;

import dev.funnel.internal.columns.ColumnarDealLog;
import java.time.Instant;
import java.util.Optional;

/**
 * The deals a query looks at (METRICS.md "Time", "Funnel"): the cohort of deals created in {@code
 * [from, to)} (all deals without one) and not after the as-of instant (default: the latest event
 * time in the log; the epoch for a log built from no deal). Deals are in createdAt order, so this
 * is one position range, found by binary search.
 *
 * @param asOf the as-of instant
 * @param asOfOffset as-of as a log offset
 * @param lo the first deal position of the selection
 * @param hi one past the last deal position of the selection
 */
public record Selection(Instant asOf, int asOfOffset, int lo, int hi) {

  /** Resolves the selection over a log. */
  public static Selection of(
      ColumnarDealLog log, Optional<Instant> from, Optional<Instant> to, Optional<Instant> asOf) {
    Instant at = asOf.orElseGet(() -> log.latestEventTime().orElse(Instant.EPOCH));
    requireMeasurable(log, at);
    // Records are whole seconds (sub-second parts dropped): an event at second s is seen as of t
    // when s <= floor(t), and a deal created at s is in [from, to) when ceil(from) <= s < ceil(to).
    int asOfOffset = log.offset(at);
    long fromOffset = from.map(t -> ceilOffset(log, t)).orElse(Long.MIN_VALUE);
    long toOffset = to.map(t -> ceilOffset(log, t)).orElse(Long.MAX_VALUE);
    // A deal created after as-of is not seen.
    toOffset = Math.min(toOffset, (long) asOfOffset + 1);
    int lo = log.firstCreatedAtOrAfter(fromOffset);
    int hi = Math.max(lo, log.firstCreatedAtOrAfter(toOffset));
    return new Selection(at, asOfOffset, lo, hi);
  }

  /**
   * Refuses an as-of 2^31 seconds (68 years) or more after the first instant of a non-empty log:
   * the log measures ages in int seconds. An empty log has no first instant: any as-of selects
   * nothing there.
   *
   * @throws IllegalArgumentException in that case
   */
  public static void requireMeasurable(ColumnarDealLog log, Instant at) {
    if (!isMeasurable(log, at)) {
      throw new IllegalArgumentException(
          "as-of "
              + at
              + " is 2^31 seconds (68 years) or more after the log's first instant "
              + Instant.ofEpochSecond(log.base)
              + "; a log measures ages in int seconds");
    }
  }

  /**
   * Whether the log can measure ages up to this instant: it is empty, or the instant lies at most
   * 2^31 - 1 seconds after its first instant.
   */
  public static boolean isMeasurable(ColumnarDealLog log, Instant at) {
    return log.dealCount == 0 || at.getEpochSecond() - log.base <= Integer.MAX_VALUE;
  }

  private static long ceilOffset(ColumnarDealLog log, Instant t) {
    return t.getEpochSecond() - log.base + (t.getNano() > 0 ? 1 : 0);
  }
}
