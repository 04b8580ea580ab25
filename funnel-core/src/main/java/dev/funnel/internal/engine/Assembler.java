package dev.funnel.internal.engine;

import dev.funnel.Breakdown;
import dev.funnel.Counting;
import dev.funnel.DealCounts;
import dev.funnel.Dimension;
import dev.funnel.FunnelFigures;
import dev.funnel.FunnelReport;
import dev.funnel.Group;
import dev.funnel.StageFigures;
import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.stats.IntSelect;
import dev.funnel.model.Money;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Turns a partial aggregate into an immutable report: counters to figures, samples to percentiles.
 */
final class Assembler {
  private Assembler() {}

  /** The report of a partial; with a pool, placement and percentile work run in it. */
  static FunnelReport report(FunnelPartial p, @Nullable ForkJoinPool pool) {
    QuerySpec spec = p.spec;
    long[][] counters = p.groupCounters();
    int groupings = counters.length;
    // dist[g][k][group]
    Distribution[][][] dist = new Distribution[groupings][][];
    if (p.cellForm()) {
      for (int s = 0; s < spec.spaces.length; s++) {
        cellDistributions(p, s, counters, dist, pool);
      }
    } else {
      List<Runnable> jobs = new ArrayList<>();
      for (int g = 0; g < groupings; g++) {
        final int gg = g;
        jobs.add(() -> dist[gg] = groupedDistributions(p, gg));
      }
      run(jobs, pool);
    }
    FunnelFigures all = figures(p, counters, 0, 0, dist);
    List<Breakdown> breakdowns = new ArrayList<>();
    for (int g = 1; g < groupings; g++) {
      List<Group> groups = new ArrayList<>();
      List<List<String>> keys = p.keys(g);
      for (int id = 0; id < keys.size(); id++) {
        if (counters[g][id * p.stride + FunnelPartial.DEALS] > 0) {
          groups.add(new Group(keys.get(id), figures(p, counters, g, id, dist)));
        }
      }
      // A time series reads in time order: period keys (2026-03-02, 2026-W05, 2026-03, 2026-Q1,
      // 2026) sort chronologically as text. Other breakdowns: the largest groups first.
      boolean periods =
          spec.breakdowns.get(g - 1).stream().allMatch(d -> d.kind() == Dimension.Kind.CREATED);
      groups.sort(
          periods
              ? Comparator.comparing(Group::label)
              : Comparator.comparingLong((Group x) -> -x.figures().deals().total())
                  .thenComparing(Group::label));
      breakdowns.add(new Breakdown(spec.breakdowns.get(g - 1), groups));
    }
    return new FunnelReport(
        spec.log.pipeline.id(),
        spec.asOf,
        spec.from,
        spec.to,
        spec.zone,
        spec.counting,
        Arrays.stream(spec.percentiles).boxed().toList(),
        all,
        breakdowns);
  }

  private static RecursiveAction action(Runnable r) {
    return new RecursiveAction() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void compute() {
        r.run();
      }
    };
  }

  /**
   * Runs the jobs in order, here or in the pool: there each worker takes the next job until none is
   * left, so a worker never waits for the other's queue. Callers add the largest jobs first.
   */
  private static void run(List<Runnable> jobs, @Nullable ForkJoinPool pool) {
    if (pool == null || jobs.size() < 2) {
      jobs.forEach(Runnable::run);
      return;
    }
    AtomicInteger next = new AtomicInteger();
    List<RecursiveAction> workers = new ArrayList<>();
    for (int w = Math.min(pool.getParallelism(), jobs.size()); w > 0; w--) {
      workers.add(
          action(
              () -> {
                for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
                  jobs.get(i).run();
                }
              }));
    }
    if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
      ForkJoinTask.invokeAll(workers);
    } else {
      pool.invoke(action(() -> ForkJoinTask.invokeAll(workers)));
    }
  }

  /**
   * The distributions of every grouping of space s: a counting sort of all samples by bucket {@code
   * kind * cells + cell} (each segment fills its own share of every bucket, so segments place in
   * parallel), then exact percentiles of each group's runs of buckets.
   */
  private static void cellDistributions(
      FunnelPartial p,
      int s,
      long[][] counters,
      Distribution[][][] dist,
      @Nullable ForkJoinPool pool) {
    Space space = p.spec.spaces[s];
    int cells = space.cells;
    int kinds = p.kinds;
    int buckets = kinds * cells;
    List<FunnelPartial.Segment> segs = p.segments;
    int[] start = new int[buckets + 1];
    for (FunnelPartial.Segment seg : segs) {
      int[] counts = seg.bucketCounts[s];
      for (int b = 0; b < buckets; b++) {
        start[b + 1] += counts[b];
      }
    }
    for (int b = 0; b < buckets; b++) {
      start[b + 1] += start[b];
    }
    int[] values = BufferPool.ints(start[buckets]);
    int[][] fills = new int[segs.size()][];
    int[] running = Arrays.copyOf(start, buckets);
    for (int i = 0; i < segs.size(); i++) {
      fills[i] = BufferPool.ints(buckets);
      System.arraycopy(running, 0, fills[i], 0, buckets);
      int[] counts = segs.get(i).bucketCounts[s];
      for (int b = 0; b < buckets; b++) {
        running[b] += counts[b];
      }
    }
    List<Runnable> placing = new ArrayList<>();
    for (int i = 0; i < segs.size(); i++) {
      FunnelPartial.Segment seg = segs.get(i);
      int[] fill = fills[i];
      placing.add(() -> place(seg, space, cells, fill, values));
    }
    run(placing, pool);
    BufferPool.release((Object[]) fills);

    // Count, min, max and sum of every bucket in one pass; distributions combine them per run.
    int[] bmin = BufferPool.ints(buckets);
    int[] bmax = BufferPool.ints(buckets);
    long[] bsum = BufferPool.longs(buckets);
    List<Runnable> summing = new ArrayList<>();
    for (int k = 0; k < kinds; k++) {
      int from = k * cells;
      summing.add(() -> summarize(values, start, from, from + cells, bmin, bmax, bsum));
    }
    run(summing, pool);
    Buckets all = new Buckets(values, start, bmin, bmax, bsum);

    List<Runnable> selecting = new ArrayList<>();
    double[] ps = p.spec.percentiles;
    if (s == 0) {
      dist[0] = new Distribution[kinds][1];
      for (int k = 0; k < kinds; k++) {
        int kk = k;
        selecting.add(
            () -> {
              IntSelect.Scratch scratch = BufferPool.scratch();
              dist[0][kk][0] = all.distribution(kk * cells, 1, 0, cells, ps, scratch);
              BufferPool.release(scratch);
            });
      }
    }
    for (int j = 0; j < space.members.length; j++) {
      int g = space.members[j];
      int size = space.sizes[j];
      int w = space.weights[j];
      int outer = cells == 0 ? 0 : cells / (w * size);
      long[] c = counters[g];
      dist[g] = new Distribution[kinds][size];
      for (int k = 0; k < kinds; k++) {
        int kk = k;
        selecting.add(
            () -> {
              IntSelect.Scratch scratch = BufferPool.scratch();
              for (int id = 0; id < size; id++) {
                if (c[id * p.stride + FunnelPartial.DEALS] == 0) {
                  continue; // not reported
                }
                dist[g][kk][id] =
                    all.distribution(kk * cells + id * w, outer, w * size, w, ps, scratch);
              }
              BufferPool.release(scratch);
            });
      }
    }
    run(selecting, pool);
    BufferPool.release(values, bmin, bmax, bsum);
  }

  /** Count, min, max and sum of the values of buckets [from, to). */
  private static void summarize(
      int[] values, int[] start, int from, int to, int[] bmin, int[] bmax, long[] bsum) {
    for (int b = from; b < to; b++) {
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      long sum = 0;
      for (int i = start[b], end = start[b + 1]; i < end; i++) {
        int v = values[i];
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
      bmin[b] = min;
      bmax[b] = max;
      bsum[b] = sum;
    }
  }

  /** Placed samples with per-bucket summaries. */
  private static final class Buckets {
    final int[] values;
    final int[] start;
    final int[] min;
    final int[] max;
    final long[] sum;

    Buckets(int[] values, int[] start, int[] min, int[] max, long[] sum) {
      this.values = values;
      this.start = start;
      this.min = min;
      this.max = max;
      this.sum = sum;
    }

    /**
     * The distribution of {@code runs} runs of {@code length} consecutive buckets, the first run
     * starting at bucket {@code first} and each next one {@code stride} buckets further.
     */
    Distribution distribution(
        int first, int runs, int stride, int length, double[] ps, IntSelect.Scratch scratch) {
      int[] bounds = new int[2 * runs];
      int n = 0;
      int lo = Integer.MAX_VALUE;
      int hi = Integer.MIN_VALUE;
      long total = 0;
      for (int r = 0; r < runs; r++) {
        int b0 = first + r * stride;
        bounds[2 * r] = start[b0];
        bounds[2 * r + 1] = start[b0 + length];
        n += start[b0 + length] - start[b0];
        for (int b = b0; b < b0 + length; b++) {
          if (start[b + 1] > start[b]) {
            lo = Math.min(lo, min[b]);
            hi = Math.max(hi, max[b]);
            total += sum[b];
          }
        }
      }
      return IntSelect.distribution(values, bounds, runs, ps, scratch, n, lo, hi, total);
    }
  }

  /**
   * Places each sample of a segment at the next free slot of its bucket: in space 0 the bucket the
   * kernel wrote; in another space the sample's kind with the deal's cell there.
   */
  private static void place(
      FunnelPartial.Segment seg, Space space, int cells, int[] fill, int[] values) {
    int[] bucket = seg.bucket;
    int[] dur = seg.duration;
    Space first = seg.spec.spaces[0];
    if (space == first) {
      for (int x = 0, size = seg.size(); x < size; x++) {
        values[fill[bucket[x]]++] = dur[x];
      }
      return;
    }
    int[] ss = seg.sampleStart;
    for (int d = seg.lo; d < seg.hi; d++) {
      int cell = space.cellOf(d);
      int cell0 = first.cellOf(d);
      int end = ss[d - seg.lo + 1];
      for (int x = ss[d - seg.lo]; x < end; x++) {
        int kind = (bucket[x] - cell0) / first.cells;
        values[fill[kind * cells + cell]++] = dur[x];
      }
    }
  }

  /**
   * Grouped form (segments of different resolved queries): the distributions of every sample kind
   * for every group of grouping g, by a counting sort of all segments' samples by (group, kind),
   * groups matched by key, then exact percentiles of each bucket.
   */
  private static Distribution[][] groupedDistributions(FunnelPartial p, int g) {
    double[] ps = p.spec.percentiles;
    int groups = p.keys.get(g).size();
    int kinds = p.kinds;
    long[] c = p.counters[g];
    // Bucket b = group * kinds + kind; its size was counted by the kernel.
    int[] start = new int[kinds * groups + 1];
    for (int id = 0; id < groups; id++) {
      for (int k = 0; k < kinds; k++) {
        int b = id * kinds + k;
        start[b + 1] = start[b] + Math.toIntExact(c[id * p.stride + p.samples + k]);
      }
    }
    int[] fill = Arrays.copyOf(start, start.length - 1);
    int[] values = new int[start[kinds * groups]];
    List<List<String>> merged = p.keys.get(g);
    for (FunnelPartial.Segment seg : p.segments) {
      Grouping own = seg.spec.groupings[g];
      int[] map =
          own.keys.equals(merged)
              ? null
              : FunnelPartial.groupMap(new ArrayList<>(merged), own.keys);
      int[] codes = own.codes;
      int[] ss = seg.sampleStart;
      Space first = seg.spec.spaces[0];
      for (int d = seg.lo; d < seg.hi; d++) {
        int gid = codes == null ? 0 : codes[d];
        if (map != null) {
          gid = map[gid];
        }
        int base = gid * kinds;
        int cell0 = first.cellOf(d);
        int end = ss[d - seg.lo + 1];
        for (int x = ss[d - seg.lo]; x < end; x++) {
          int kind = (seg.bucket[x] - cell0) / first.cells;
          values[fill[base + kind]++] = seg.duration[x];
        }
      }
    }
    Distribution[][] out = new Distribution[kinds][groups];
    IntSelect.Scratch scratch = new IntSelect.Scratch();
    int[] bounds = new int[2];
    for (int k = 0; k < kinds; k++) {
      for (int id = 0; id < groups; id++) {
        int b = id * kinds + k;
        bounds[0] = start[b];
        bounds[1] = start[b + 1];
        out[k][id] = IntSelect.distribution(values, bounds, 1, ps, scratch);
      }
    }
    return out;
  }

  private static FunnelFigures figures(
      FunnelPartial p, long[][] counters, int g, int id, Distribution[][][] dist) {
    long[] c = counters[g];
    int b = id * p.stride;
    int n = p.n;
    ColumnarDealLog log = p.spec.log;
    long total = c[b + FunnelPartial.DEALS];
    long open = c[b + FunnelPartial.OPEN];
    long won = c[b + FunnelPartial.WON];
    long lost = c[b + FunnelPartial.LOST];
    // reached(k) under progressed counting: deals whose effective max rank >= k.
    long[] progressed = new long[n + 2];
    for (int r = n; r >= 1; r--) {
      progressed[r] = progressed[r + 1] + c[b + FunnelPartial.MAX_RANK + r];
    }
    boolean entered = p.spec.counting == Counting.ENTERED;
    List<StageFigures> stages = new ArrayList<>(n);
    for (int r = 1; r <= n; r++) {
      long enteredK = c[b + p.entered + r - 1];
      long reached = entered ? enteredK : progressed[r];
      Proportion cumulative;
      Proportion next;
      if (entered) {
        cumulative = Proportion.of(c[b + p.withFirst + r - 1], c[b + p.entered]);
        next = Proportion.of(c[b + p.pair + r - 1], enteredK);
      } else {
        cumulative = Proportion.of(progressed[r], progressed[1]);
        next = Proportion.of(r < n ? progressed[r + 1] : won, progressed[r]);
      }
      stages.add(
          new StageFigures(
              log.pipeline.stages().get(log.openStageIndex[r - 1]).id(),
              reached,
              enteredK,
              cumulative,
              next,
              c[b + p.lostAt + r - 1],
              dist[g][p.timeKind(r)][id],
              dist[g][p.ageKind(r)][id],
              Proportion.of(enteredK, progressed[r])));
    }
    Proportion winRate = Proportion.of(won, won + lost);
    long amountSum = c[b + p.amount];
    long amountCount = c[b + p.amount + 1];
    long wonCycleSum = c[b + p.amount + 3];
    Currency currency = p.currency;
    Optional<Money> average = Optional.empty();
    Optional<Money> velocity = Optional.empty();
    if (currency != null && amountCount > 0) {
      int digits = Math.max(currency.getDefaultFractionDigits(), 0);
      BigDecimal sum = BigDecimal.valueOf(amountSum, digits);
      BigDecimal avg = sum.divide(BigDecimal.valueOf(amountCount), digits, RoundingMode.HALF_EVEN);
      average = Optional.of(new Money(avg, currency));
      if (won + lost > 0 && wonCycleSum > 0) {
        // open x won/(won+lost) x sum/count / (cycleSum / won / 86400), rounded once at the end.
        BigDecimal numerator =
            BigDecimal.valueOf(open)
                .multiply(BigDecimal.valueOf(won))
                .multiply(sum)
                .multiply(BigDecimal.valueOf(won))
                .multiply(BigDecimal.valueOf(86_400));
        BigDecimal denominator =
            BigDecimal.valueOf(won + lost)
                .multiply(BigDecimal.valueOf(amountCount))
                .multiply(BigDecimal.valueOf(wonCycleSum));
        velocity =
            Optional.of(
                new Money(numerator.divide(denominator, digits, RoundingMode.HALF_EVEN), currency));
      }
    }
    return new FunnelFigures(
        new DealCounts(total, open, won, lost),
        stages,
        winRate,
        Proportion.of(won, total),
        dist[g][p.wonCycleKind()][id],
        dist[g][p.lostCycleKind()][id],
        average,
        c[b + p.amount + 2],
        velocity);
  }
}
