package dev.funnel.benchmarks;

import dev.funnel.Breakdown;
import dev.funnel.Dimension;
import dev.funnel.Funnel;
import dev.funnel.FunnelFigures;
import dev.funnel.FunnelReport;
import dev.funnel.Group;
import dev.funnel.StageFigures;
import dev.funnel.log.DealLog;
import dev.funnel.stats.Distribution;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/** The engine's side of the race: the report query, and its figures in comparable form. */
public final class EngineFigures {
  private EngineFigures() {}

  /** The workload 1/2 query: the full report by owner and by channel, p50 and p90. */
  public static FunnelReport report(
      DealLog log, Optional<Instant> asOf, Optional<ForkJoinPool> pool) {
    Funnel f = Funnel.of(log).by(Dimension.OWNER).by(Dimension.CHANNEL).percentiles(0.5, 0.9);
    asOf.ifPresent(f::asOf);
    pool.ifPresent(f::parallel);
    return f.report();
  }

  /** The report's figures keyed {@code all}, {@code owner=...}, {@code channel=...}. */
  public static Map<String, Figures> of(FunnelReport report) {
    Map<String, Figures> out = new LinkedHashMap<>();
    out.put("all", figures(report.all()));
    for (Breakdown b : report.breakdowns()) {
      for (Group g : b.groups()) {
        out.put(b.name() + "=" + g.label(), figures(g.figures()));
      }
    }
    return out;
  }

  private static Figures figures(FunnelFigures f) {
    List<StageFigures> stages = f.stages();
    int n = stages.size();
    long[] reached = new long[n];
    double[] p50 = new double[n];
    double[] p90 = new double[n];
    for (int k = 0; k < n; k++) {
      StageFigures s = stages.get(k);
      reached[k] = s.reached();
      p50[k] = seconds(s.timeInStage(), 0.5);
      p90[k] = seconds(s.timeInStage(), 0.9);
    }
    return new Figures(
        f.deals().total(),
        f.deals().won(),
        f.deals().lost(),
        reached,
        p50,
        p90,
        seconds(f.wonCycleTime(), 0.5),
        seconds(f.wonCycleTime(), 0.9));
  }

  private static double seconds(Distribution d, double p) {
    return d.percentile(p).map(EngineFigures::seconds).orElse(Double.NaN);
  }

  static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }
}
