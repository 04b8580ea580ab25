package dev.funnel.benchmarks;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
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
import java.util.stream.IntStream;

/**
 * The funnel report as a CRM developer would write it with Java Streams: records in lists, {@code
 * groupingBy} the deal id, a walk over each deal's sorted changes, then {@code groupingBy} owner
 * and channel, sorted lists for percentiles. Same semantics as the engine (METRICS.md).
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
    long[] reached =
        IntStream.rangeClosed(1, n)
            .mapToLong(k -> outcomes.stream().filter(o -> o.reachedRank() >= k).count())
            .toArray();
    Map<Integer, List<Long>> times =
        outcomes.stream()
            .flatMap(o -> o.finishedVisits().stream())
            .collect(groupingBy(Visit::rank, mapping(v -> v.length().getSeconds(), toList())));
    double[] p50 = new double[n];
    double[] p90 = new double[n];
    for (int k = 1; k <= n; k++) {
      List<Long> t = times.getOrDefault(k, List.of()).stream().sorted().toList();
      p50[k - 1] = percentile(t, 0.5);
      p90[k - 1] = percentile(t, 0.9);
    }
    List<Long> wonCycles =
        outcomes.stream()
            .filter(o -> o.state() == StageKind.WON)
            .map(o -> o.cycle().getSeconds())
            .sorted()
            .toList();
    return new Figures(
        outcomes.size(),
        outcomes.stream().filter(o -> o.state() == StageKind.WON).count(),
        outcomes.stream().filter(o -> o.state() == StageKind.LOST).count(),
        reached,
        p50,
        p90,
        percentile(wonCycles, 0.5),
        percentile(wonCycles, 0.9));
  }

  /** Linear interpolation between closest ranks, as numpy's default; NaN for no values. */
  static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    double h = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.size() - 1);
    return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
  }
}
