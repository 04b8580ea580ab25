package dev.funnel.internal.sequence;

import dev.funnel.sequence.EventLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import org.jspecify.annotations.Nullable;

/**
 * Runs a sequence funnel over an event log: one {@link WindowFunnel} scan per entity into one
 * {@link FunnelPartial} per group, sequentially or as a fork/join over entity ranges whose partials
 * are merged left to right. Both paths compute the same figures.
 */
public final class SequenceEngine {
  /** Leaves of the parallel run hold at least this many entities. */
  static final int MIN_LEAF = 2048;

  private final ColumnarEventLog log;
  private final int steps;
  private final long window;
  private final boolean strictOrder;
  private final boolean dedup;
  private final boolean increase;
  private final int[] stepOfName;
  private final int @Nullable [] groupOf;
  private final int groups;

  /**
   * @param log the log, built by {@code EventLog.builder()}
   * @param steps the step names, distinct
   * @param window the window in millis, &gt;= 0
   * @param groupOf group of each entity (by position), or null for one group
   * @param groups the number of groups, &gt;= 1
   * @throws IllegalArgumentException if the log was not built by funnel
   */
  public SequenceEngine(
      EventLog log,
      List<String> steps,
      long window,
      boolean strictOrder,
      boolean dedup,
      boolean increase,
      int @Nullable [] groupOf,
      int groups) {
    if (!(log instanceof ColumnarEventLog columnar)) {
      throw new IllegalArgumentException(
          "event log " + log.getClass().getName() + " was not built by EventLog.builder()");
    }
    this.log = columnar;
    this.steps = steps.size();
    this.window = window;
    this.strictOrder = strictOrder;
    this.dedup = dedup;
    this.increase = increase;
    this.groupOf = groupOf;
    this.groups = groups;
    Map<String, Integer> stepIndex = new HashMap<>();
    for (int k = 0; k < steps.size(); k++) {
      stepIndex.put(steps.get(k), k);
    }
    String[] names = columnar.names();
    this.stepOfName = new int[names.length];
    for (int c = 0; c < names.length; c++) {
      stepOfName[c] = stepIndex.getOrDefault(names[c], -1);
    }
  }

  /** The partial of each group over all entities, scanned in one thread. */
  public FunnelPartial[] runSequential() {
    return scan(0, log.entityCount());
  }

  /** The partial of each group over all entities, scanned as a fork/join over entity ranges. */
  public FunnelPartial[] runParallel(ForkJoinPool pool) {
    int n = log.entityCount();
    return runParallel(pool, Math.max(MIN_LEAF, n / Math.max(1, pool.getParallelism() * 8)));
  }

  /**
   * As {@link #runParallel(ForkJoinPool)}, splitting down to ranges of at most {@code leaf}
   * entities.
   *
   * @throws IllegalArgumentException if leaf is not positive
   */
  public FunnelPartial[] runParallel(ForkJoinPool pool, int leaf) {
    if (leaf < 1) {
      throw new IllegalArgumentException("leaf size " + leaf + " is not positive");
    }
    return pool.invoke(new Range(0, log.entityCount(), leaf));
  }

  /** Scans entities {@code [from, to)} with fresh scratch space. */
  FunnelPartial[] scan(int from, int to) {
    FunnelPartial[] out = new FunnelPartial[groups];
    for (int g = 0; g < groups; g++) {
      out[g] = FunnelPartial.empty(steps);
    }
    WindowFunnel funnel =
        new WindowFunnel(
            steps, window, strictOrder, dedup, increase, stepOfName, log.maxEntityEvents());
    int[] start = log.start();
    long[] at = log.at();
    int[] name = log.name();
    int[] group = groupOf;
    for (int e = from; e < to; e++) {
      int level = funnel.scan(at, name, start[e], start[e + 1]);
      out[group == null ? 0 : group[e]].add(level, funnel);
    }
    return out;
  }

  @SuppressWarnings("serial") // never serialized: fork/join tasks live in one JVM
  private final class Range extends RecursiveTask<FunnelPartial[]> {
    private static final long serialVersionUID = 1L;
    private final int from;
    private final int to;
    private final int leaf;

    Range(int from, int to, int leaf) {
      this.from = from;
      this.to = to;
      this.leaf = leaf;
    }

    @Override
    protected FunnelPartial[] compute() {
      if (to - from <= leaf) {
        return scan(from, to);
      }
      int mid = (from + to) >>> 1;
      Range right = new Range(mid, to, leaf);
      right.fork();
      FunnelPartial[] left = new Range(from, mid, leaf).compute();
      FunnelPartial[] r = right.join();
      for (int g = 0; g < left.length; g++) {
        left[g].merge(r[g]);
      }
      return left;
    }
  }

  @Override
  public String toString() {
    return "SequenceEngine["
        + steps
        + " steps, window "
        + window
        + " ms"
        + (strictOrder ? ", strict_order" : "")
        + (dedup ? ", strict_deduplication" : "")
        + (increase ? ", strict_increase" : "")
        + "]";
  }
}
