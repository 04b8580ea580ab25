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

  /** The groupings crossed into cell spaces (see {@link Space}). */
  final Space[] spaces;

  /**
   * Counters per space are kept to about this many longs (2 MiB, so a partial's counters stay in
   * the core's cache); groupings whose cross product would exceed it go to further spaces.
   */
  static final long COUNTER_BUDGET = 1L << 18;

  QuerySpec(
      ColumnarDealLog log,
      Selection selection,
      Optional<Instant> from,
      Optional<Instant> to,
      ZoneId zone,
      Counting counting,
      double[] percentiles,
      List<List<Dimension>> breakdowns) {
    this(
        log,
        selection,
        from,
        to,
        zone,
        counting,
        percentiles,
        breakdowns,
        Math.max(1, COUNTER_BUDGET / FunnelPartial.strideOf(log.openStageIndex.length)));
  }

  /** A query whose spaces hold at most {@code maxCells} cells (unless one grouping is larger). */
  QuerySpec(
      ColumnarDealLog log,
      Selection selection,
      Optional<Instant> from,
      Optional<Instant> to,
      ZoneId zone,
      Counting counting,
      double[] percentiles,
      List<List<Dimension>> breakdowns,
      long maxCells) {
    this.log = log;
    this.asOf = selection.asOf();
    this.asOfOffset = selection.asOfOffset();
    this.from = from;
    this.to = to;
    this.zone = zone;
    this.counting = counting;
    this.percentiles = percentiles.clone();
    this.breakdowns = List.copyOf(breakdowns);
    this.lo = selection.lo();
    this.hi = selection.hi();
    this.groupings = new Grouping[breakdowns.size() + 1];
    groupings[0] = Grouping.all();
    for (int b = 0; b < breakdowns.size(); b++) {
      groupings[b + 1] = Groupings.of(log, breakdowns.get(b), zone, lo, hi);
    }
    this.spaces = Space.pack(groupings, maxCells);
  }
}
