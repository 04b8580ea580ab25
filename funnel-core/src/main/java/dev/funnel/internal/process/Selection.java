package dev.funnel.internal.process;

import dev.funnel.internal.columns.ColumnarDealLog;
import java.time.Instant;
import java.util.Optional;

/**
 * The deals a process query looks at, resolved as the funnel resolves them: the cohort {@code
 * [from, to)} of creation times (all deals without one), seen as of an instant (default: the latest
 * event time in the log).
 *
 * @param asOf the as-of instant
 * @param asOfOffset as-of as a log offset
 * @param lo the first deal position of the cohort
 * @param hi one past the last deal position of the cohort
 */
public record Selection(Instant asOf, int asOfOffset, int lo, int hi) {

  /** Resolves the selection over a log. */
  public static Selection of(
      ColumnarDealLog log, Optional<Instant> from, Optional<Instant> to, Optional<Instant> asOf) {
    Instant at =
        asOf.orElseGet(() -> log.latestEventTime().orElse(Instant.ofEpochSecond(log.base)));
    long fromOffset = from.map(t -> (long) log.offset(t)).orElse(Long.MIN_VALUE);
    long toOffset = to.map(t -> (long) log.offset(t)).orElse(Long.MAX_VALUE);
    int lo = 0;
    int hi = log.dealCount;
    while (lo < hi && log.created[lo] < fromOffset) {
      lo++;
    }
    while (hi > lo && log.created[hi - 1] >= toOffset) {
      hi--;
    }
    return new Selection(at, log.offset(at), lo, hi);
  }
}
