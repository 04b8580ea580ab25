package dev.funnel.internal.engine;

import dev.funnel.Counting;
import dev.funnel.Dimension;
import dev.funnel.FunnelAggregate;
import dev.funnel.FunnelReport;
import dev.funnel.internal.columns.ColumnarDealLog;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;

/** Runs funnel queries: sequentially, or in parallel over deal ranges whose partials are merged. */
public final class Engine {
  /** Deal ranges smaller than this are not split further. */
  static final int MIN_SPLIT = 16_384;

  private Engine() {}

  /** Resolves a query; the aggregate can then be computed over ranges and merged. */
  public static Query query(
      ColumnarDealLog log,
      Selection selection,
      Optional<Instant> from,
      Optional<Instant> to,
      ZoneId zone,
      Counting counting,
      double[] percentiles,
      List<List<Dimension>> breakdowns) {
    return new Query(
        new QuerySpec(log, selection, from, to, zone, counting, percentiles, breakdowns));
  }

  /** A resolved query. */
  public static final class Query {
    private final QuerySpec spec;

    Query(QuerySpec spec) {
      this.spec = spec;
    }

    /** The aggregate of the deals at positions [from, to) that the query selects. */
    public FunnelAggregate aggregate(int from, int to) {
      if (from < 0 || to > spec.log.dealCount || from > to) {
        throw new IllegalArgumentException(
            "deal range [" + from + ", " + to + ") is not within [0, " + spec.log.dealCount + "]");
      }
      return new Aggregate(FunnelPartial.scan(spec, from, to, false));
    }

    /** The report, computed in one pass on this thread. */
    public FunnelReport run() {
      FunnelPartial p = FunnelPartial.scan(spec, spec.lo, spec.hi, true);
      try {
        return Assembler.report(p, null);
      } finally {
        p.release();
      }
    }

    /**
     * The report, computed over deal ranges in the pool: each thread adds the ranges it scans to
     * its own partial, and the partials are merged.
     */
    public FunnelReport runParallel(ForkJoinPool pool) {
      return runParallel(pool, MIN_SPLIT);
    }

    /** The report computed in parallel, ranges of at least {@code minSplit} deals. */
    public FunnelReport runParallel(ForkJoinPool pool, int minSplit) {
      int parts = Math.max(1, pool.getParallelism());
      int size = spec.hi - spec.lo;
      int chunk = Math.max(Math.max(1, minSplit), (size + parts * 4 - 1) / (parts * 4));
      // Scan and assembly both run inside the pool: no hand-off to the caller between phases.
      return pool.invoke(
          new RecursiveTask<FunnelReport>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected FunnelReport compute() {
              Partials partials = new Partials(spec);
              new RangeTask(partials, spec.lo, spec.hi, chunk).compute();
              FunnelPartial p = partials.merged();
              try {
                return Assembler.report(p, pool);
              } finally {
                p.release();
              }
            }
          });
    }
  }

  /**
   * One partial per thread that scans ranges of a parallel run: a thread adds each range it scans
   * to its own counters, so a run zeroes and merges one set of counters per thread, not per range.
   */
  private static final class Partials {
    private final QuerySpec spec;

    /** Held by the run, not by the threads: nothing outlives it (a ThreadLocal's values would). */
    private final ConcurrentHashMap<Thread, FunnelPartial> byThread = new ConcurrentHashMap<>();

    Partials(QuerySpec spec) {
      this.spec = spec;
    }

    /** Scans the range into this thread's partial. */
    void scan(int lo, int hi) {
      byThread
          .computeIfAbsent(Thread.currentThread(), t -> FunnelPartial.empty(spec, true))
          .add(lo, hi);
    }

    /**
     * Every thread's partial merged into one (called after the scans: joining them orders their
     * writes before this read). Counters are sums and samples are multisets per bucket, so the
     * report does not depend on which thread scanned which range.
     */
    FunnelPartial merged() {
      // Not empty: every run scans at least one range, an empty one included.
      java.util.Iterator<FunnelPartial> all = byThread.values().iterator();
      FunnelPartial out = all.next();
      while (all.hasNext()) {
        out.absorb(all.next());
      }
      return out;
    }
  }

  private static final class RangeTask extends RecursiveAction {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial")
    private final Partials partials;

    private final int lo;
    private final int hi;
    private final int chunk;

    RangeTask(Partials partials, int lo, int hi, int chunk) {
      this.partials = partials;
      this.lo = lo;
      this.hi = hi;
      this.chunk = chunk;
    }

    @Override
    protected void compute() {
      if (hi - lo <= chunk) {
        partials.scan(lo, hi);
        return;
      }
      int mid = (lo + hi) >>> 1;
      invokeAll(new RangeTask(partials, lo, mid, chunk), new RangeTask(partials, mid, hi, chunk));
    }
  }

  /** The public face of a partial: merging returns a fresh aggregate, inputs stay usable. */
  static final class Aggregate implements FunnelAggregate {
    private final FunnelPartial partial;

    Aggregate(FunnelPartial partial) {
      this.partial = partial;
    }

    @Override
    public FunnelAggregate merge(FunnelAggregate other) {
      java.util.Objects.requireNonNull(other, "other");
      if (!(other instanceof Aggregate)) {
        throw new IllegalArgumentException(
            "cannot merge a " + other.getClass().getName() + " into a funnel aggregate");
      }
      if (other == this) {
        throw new IllegalArgumentException("cannot merge an aggregate with itself");
      }
      try {
        return new Aggregate(partial.plus(((Aggregate) other).partial));
      } catch (ArithmeticException e) {
        // Within one log every sum fits (the builder caps the total); across logs it may not.
        throw new IllegalArgumentException(
            "cannot merge: the won amounts of the merged aggregates total more than 2^63 - 1"
                + " minor units, the most one log holds",
            e);
      }
    }

    @Override
    public FunnelReport report() {
      return Assembler.report(partial, null);
    }
  }
}
