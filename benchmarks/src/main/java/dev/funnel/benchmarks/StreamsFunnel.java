package dev.funnel.benchmarks;

import static java.util.stream.Collectors.collectingAndThen;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;
import dev.funnel.model.StageChange;
import dev.funnel.model.StageKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The funnel report as a CRM developer would write it with Java Streams: records in lists, {@code
 * groupingBy} the deal id, a walk over each deal's sorted changes, then {@code groupingBy} owner
 * and channel, sorted primitive arrays for percentiles. Same semantics as the engine (METRICS.md).
 */
public final class StreamsFunnel {
  private StreamsFunnel() {}

  /** What a deal's history says at as-of. */
  record Outcome(
      String owner,
      String channel,
      int reachedRank,
      StageKind state,
      Duration cycle,
      List<Visit> finishedVisits) {}

  /** A finished visit of an open stage. */
  record Visit(int rank, Duration length) {}

  /** The figures of all deals created up to as-of, by owner and by channel. */
  public static Map<String, Figures> report(
      Pipeline pipeline, List<Deal> deals, List<StageChange> changes, Instant asOf) {
    List<Stage> open = pipeline.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
    Map<String, Integer> rank = new LinkedHashMap<>();
    for (int i = 0; i < open.size(); i++) {
      rank.put(open.get(i).id(), i + 1);
    }
    Map<String, StageKind> kind = new LinkedHashMap<>();
    pipeline.stages().forEach(s -> kind.put(s.id(), s.kind()));

    Map<String, List<StageChange>> byDeal =
        changes.stream()
            .filter(c -> !c.occurredAt().isAfter(asOf))
            .collect(groupingBy(StageChange::dealId));
    List<Outcome> outcomes =
        deals.stream()
            .filter(d -> !d.createdAt().isAfter(asOf))
            .map(d -> walk(d, byDeal.getOrDefault(d.id(), List.of()), open, rank, kind))
            .toList();

    int n = open.size();
    Map<String, Figures> out = new LinkedHashMap<>();
    out.put("all", figures(outcomes, n));
    group(outcomes, Outcome::owner, "owner=", n, out);
    group(outcomes, Outcome::channel, "channel=", n, out);
    return out;
  }

  private static void group(
      List<Outcome> outcomes,
      Function<Outcome, String> key,
      String prefix,
      int n,
      Map<String, Figures> out) {
    outcomes.stream()
        .collect(groupingBy(key))
        .forEach((k, list) -> out.put(prefix + k, figures(list, n)));
  }

  private static Outcome walk(
      Deal deal,
      List<StageChange> history,
      List<Stage> open,
      Map<String, Integer> rank,
      Map<String, StageKind> kind) {
    List<StageChange> sorted =
        history.stream().sorted(Comparator.comparing(StageChange::occurredAt)).toList();
    String current = null;
    Instant entry = deal.createdAt();
    int maxRank = 0;
    boolean wonEver = false;
    if (sorted.isEmpty() || sorted.get(0).occurredAt().isAfter(deal.createdAt())) {
      current = open.get(0).id();
      maxRank = 1;
    }
    List<Visit> visits = new ArrayList<>();
    for (StageChange c : sorted) {
      if (c.toStage().equals(current)) {
        continue; // saved again into the same stage: no new visit
      }
      if (current != null && rank.containsKey(current)) {
        visits.add(new Visit(rank.get(current), Duration.between(entry, c.occurredAt())));
      }
      current = c.toStage();
      entry = c.occurredAt();
      maxRank = Math.max(maxRank, rank.getOrDefault(current, 0));
      wonEver |= kind.get(current) == StageKind.WON;
    }
    return new Outcome(
        deal.owner().orElse(Deal.UNSPECIFIED),
        deal.channel().orElse(Deal.UNSPECIFIED),
        wonEver ? open.size() : maxRank,
        kind.get(current),
        Duration.between(deal.createdAt(), entry),
        visits);
  }

  private static Figures figures(List<Outcome> outcomes, int n) {
    // Durations are sorted as primitive longs: sorting boxed Longs made boxing most of this
    // peer's time (review: 27% of the whole report), which is no fair picture of Streams.
    long[] reached = new long[n];
    long won = 0;
    long lost = 0;
    for (Outcome o : outcomes) {
      for (int k = 1; k <= Math.min(o.reachedRank(), n); k++) {
        reached[k - 1]++;
      }
      won += o.state() == StageKind.WON ? 1 : 0;
      lost += o.state() == StageKind.LOST ? 1 : 0;
    }
    Map<Integer, long[]> times =
        outcomes.stream()
            .flatMap(o -> o.finishedVisits().stream())
            .collect(
                groupingBy(
                    Visit::rank,
                    collectingAndThen(
                        toList(),
                        l ->
                            l.stream()
                                .mapToLong(v -> v.length().getSeconds())
                                .sorted()
                                .toArray())));
    double[] p50 = new double[n];
    double[] p90 = new double[n];
    for (int k = 1; k <= n; k++) {
      long[] t = times.getOrDefault(k, new long[0]);
      p50[k - 1] = percentile(t, 0.5);
      p90[k - 1] = percentile(t, 0.9);
    }
    long[] wonCycles =
        outcomes.stream()
            .filter(o -> o.state() == StageKind.WON)
            .mapToLong(o -> o.cycle().getSeconds())
            .sorted()
            .toArray();
    return new Figures(
        outcomes.size(),
        won,
        lost,
        reached,
        p50,
        p90,
        percentile(wonCycles, 0.5),
        percentile(wonCycles, 0.9));
  }

  /** Linear interpolation between closest ranks, as numpy's default; NaN for no values. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
