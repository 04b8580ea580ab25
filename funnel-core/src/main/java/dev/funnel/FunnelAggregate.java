package dev.funnel;

/**
 * The mergeable partial aggregate of a funnel query over part of the deals: the unit of parallel,
 * incremental and distributed runs. Aggregates of the same query (same pipeline, as-of, cohort,
 * zone, counting, percentiles and breakdowns) merge, also when they come from different logs:
 * groups are matched by key. Aggregates of different cohorts do not merge (the report names one
 * cohort): query their union instead. Merging is associative and commutative, and the report of
 * merged parts equals the report of the whole when the parts are disjoint: an aggregate holds
 * counts, not deal ids, so merging two aggregates of the same deals counts those deals twice.
 *
 * {@snippet :
 * Funnel.Query q = Funnel.of(log).asOf(asOf).by(Dimension.OWNER).query();
 * FunnelAggregate left = q.aggregate(0, half);
 * FunnelAggregate right = q.aggregate(half, log.dealCount());
 * FunnelReport whole = left.merge(right).report();
 * }
 */
public interface FunnelAggregate {

  /**
   * A new aggregate holding both this one and the other; neither input changes.
   *
   * @param other an aggregate of the same query
   * @return the merged aggregate
   * @throws IllegalArgumentException if the other is this aggregate, belongs to another query, or
   *     the won amounts of the two (from different logs) total more than 2^63 - 1 minor units, the
   *     most one log holds
   */
  FunnelAggregate merge(FunnelAggregate other);

  /**
   * The report of the deals aggregated so far.
   *
   * @return the report of those deals
   */
  FunnelReport report();
}
