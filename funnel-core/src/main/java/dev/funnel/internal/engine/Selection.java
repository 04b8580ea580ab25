package dev.funnel.internal.engine;

import dev.funnel.internal.columns.ColumnarDealLog;
import java.time.Instant;
import java.util.Optional;

/**
 * The deals a query looks at (METRICS.md "Time", "Funnel"): the cohort of deals created in {@code
 * [from, to)} (all deals without one) and not after the as-of instant (default: the latest event
 * time in the log). Deals are in createdAt order, so this is one position range, found by binary
 * search.
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
    Instant at =
        asOf.orElseGet(() -> log.latestEventTime().orElse(Instant.ofEpochSecond(log.base)));
    int asOfOffset = log.offset(at);
    long fromOffset = from.map(t -> (long) log.offset(t)).orElse(Long.MIN_VALUE);
    long toOffset = to.map(t -> (long) log.offset(t)).orElse(Long.MAX_VALUE);
    // A deal created after as-of is not seen.
    toOffset = Math.min(toOffset, (long) asOfOffset + 1);
    int lo = firstAtOrAfter(log.created, fromOffset);
    int hi = Math.max(lo, firstAtOrAfter(log.created, toOffset));
    return new Selection(at, asOfOffset, lo, hi);
  }

  private static int firstAtOrAfter(int[] sorted, long value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
