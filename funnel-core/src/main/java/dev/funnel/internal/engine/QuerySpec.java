package dev.funnel.internal.engine;

import dev.funnel.Counting;
import dev.funnel.Dimension;
import dev.funnel.internal.columns.ColumnarDealLog;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A resolved funnel query: the log, the as-of offset, the deal position range of the cohort, and
 * the groupings (index 0 is the whole selection, then one per breakdown).
 */
final class QuerySpec {
  final ColumnarDealLog log;
  final Instant asOf;
  final int asOfOffset;
  final Optional<Instant> from;
  final Optional<Instant> to;
  final int lo;
  final int hi;
  final ZoneId zone;
  final Counting counting;
  final double[] percentiles;
  final List<List<Dimension>> breakdowns;
  final Grouping[] groupings;

  QuerySpec(
      ColumnarDealLog log,
      Instant asOf,
      Optional<Instant> from,
      Optional<Instant> to,
      ZoneId zone,
      Counting counting,
      double[] percentiles,
      List<List<Dimension>> breakdowns) {
    this.log = log;
    this.asOf = asOf;
    this.asOfOffset = log.offset(asOf);
    this.from = from;
    this.to = to;
    this.zone = zone;
    this.counting = counting;
    this.percentiles = percentiles.clone();
    this.breakdowns = List.copyOf(breakdowns);
    // Deals are in createdAt order: the cohort, cut at as-of, is one position range.
    int fromOffset = from.map(log::offset).orElse(Integer.MIN_VALUE);
    long toExclusive = to.map(t -> (long) log.offset(t)).orElse(Long.MAX_VALUE);
    // A deal created after as-of is not seen.
    toExclusive = Math.min(toExclusive, (long) asOfOffset + 1);
    this.lo = firstAtOrAfter(log.created, fromOffset);
    this.hi =
        toExclusive > Integer.MAX_VALUE
            ? log.dealCount
            : Math.max(lo, firstAtOrAfter(log.created, (int) toExclusive));
    this.groupings = new Grouping[breakdowns.size() + 1];
    groupings[0] = Grouping.all();
    for (int b = 0; b < breakdowns.size(); b++) {
      groupings[b + 1] = Groupings.of(log, breakdowns.get(b), zone, lo, hi);
    }
  }

  private static int firstAtOrAfter(int[] sorted, int value) {
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
