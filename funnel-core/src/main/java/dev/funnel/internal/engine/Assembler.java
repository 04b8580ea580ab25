package dev.funnel.internal.engine;

import dev.funnel.Breakdown;
import dev.funnel.Counting;
import dev.funnel.DealCounts;
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
import java.util.concurrent.RecursiveAction;
import org.jspecify.annotations.Nullable;

/**
 * Turns a partial aggregate into an immutable report: counters to figures, samples to percentiles.
 */
final class Assembler {
  private Assembler() {}

  /** The report of a partial; with a pool, percentile work runs in it. */
  static FunnelReport report(FunnelPartial p, @Nullable ForkJoinPool pool) {
    final boolean parallel = pool != null;
    QuerySpec spec = p.spec;
    int groupings = p.counters.length;
    // dist[g][k][group]
    Distribution[][][] dist = new Distribution[groupings][][];
    List<RecursiveAction> tasks = new ArrayList<>();
    for (int g = 0; g < groupings; g++) {
      final int gg = g;
      tasks.add(
          new RecursiveAction() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void compute() {
              dist[gg] = distributions(p, gg);
            }
          });
    }
    if (parallel) {
      pool.invoke(new AllOf(tasks));
    } else {
      tasks.forEach(RecursiveAction::invoke);
    }
    FunnelFigures all = figures(p, 0, 0, dist);
    List<Breakdown> breakdowns = new ArrayList<>();
    for (int g = 1; g < groupings; g++) {
      List<Group> groups = new ArrayList<>();
      List<List<String>> keys = p.keys.get(g);
      for (int id = 0; id < keys.size(); id++) {
        if (p.counters[g][id * p.stride + FunnelPartial.DEALS] > 0) {
          groups.add(new Group(keys.get(id), figures(p, g, id, dist)));
        }
      }
      groups.sort(
          Comparator.comparingLong((Group x) -> -x.figures().deals().total())
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
        all,
        breakdowns);
  }

  /** Runs a list of actions in the pool and waits for all. */
  private static final class AllOf extends RecursiveAction {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial")
    private final List<RecursiveAction> tasks;

    AllOf(List<RecursiveAction> tasks) {
      this.tasks = tasks;
    }

    @Override
    protected void compute() {
      invokeAll(tasks);
    }
  }

  /**
   * The distributions of every sample kind for every group of grouping g: a counting sort of all
   * segments' samples by (kind, group), then exact percentiles of each bucket.
   */
  private static Distribution[][] distributions(FunnelPartial p, int g) {
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
      place(seg, own.codes, map, kinds, fill, values);
    }
    Distribution[][] out = new Distribution[kinds][groups];
    for (int k = 0; k < kinds; k++) {
      for (int id = 0; id < groups; id++) {
        int b = id * kinds + k;
        out[k][id] = IntSelect.distribution(values, start[b], start[b + 1], ps);
      }
    }
    return out;
  }

  /** Places each sample of a segment at the next free slot of its (group, kind) bucket. */
  private static void place(
      FunnelPartial.Segment seg, int[] codes, int[] map, int kinds, int[] fill, int[] values) {
    int[] ss = seg.sampleStart;
    byte[] kind = seg.kind;
    int[] dur = seg.duration;
    for (int d = seg.lo; d < seg.hi; d++) {
      int gid = codes == null ? 0 : codes[d];
      if (map != null) {
        gid = map[gid];
      }
      int base = gid * kinds;
      int end = ss[d - seg.lo + 1];
      for (int s = ss[d - seg.lo]; s < end; s++) {
        values[fill[base + kind[s]]++] = dur[s];
      }
    }
  }

  private static FunnelFigures figures(FunnelPartial p, int g, int id, Distribution[][][] dist) {
    long[] c = p.counters[g];
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
    Currency currency = log.currencyOrNull();
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
