package dev.funnel.examples;

import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import dev.funnel.model.StageKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The process facts of one deal, worked out from its records alone by the rules of METRICS.md
 * ("Pipeline and deals", "Process reality"), independently of the generator.
 */
final class DealFacts {
  final Deal deal;
  final String finalStage;
  final StageKind finalKind;
  final Instant closedAt;
  final int transitions;
  final int noOps;
  final int skips;
  final int backwardMoves;
  final int retroactive;
  final boolean burst;
  final boolean reopened;
  final boolean createdInLaterStage;
  final boolean implicitEntry;
  final int maxRankReached;
  final String lostAt;

  DealFacts(Pipeline pipeline, Deal deal, List<StageChange> input) {
    this.deal = deal;
    List<StageChange> changes = new ArrayList<>(input);
    changes.sort(Comparator.comparing(StageChange::occurredAt)); // stable: ties keep input order
    int n = pipeline.openStageCount();
    String current = null;
    int i = 0;
    boolean later = false;
    if (!changes.isEmpty() && !changes.get(0).occurredAt().isAfter(deal.createdAt())) {
      current = changes.get(0).toStage();
      later = pipeline.stage(current).isOpen() && pipeline.rank(current) > 1;
      i = 1;
    } else {
      current = pipeline.openStages().get(0).id();
    }
    int maxRank = pipeline.stage(current).isOpen() ? pipeline.rank(current) : n + 1;
    int t = 0;
    int noop = 0;
    int skip = 0;
    int back = 0;
    int retro = 0;
    boolean reopen = false;
    String lost = null;
    Instant closed = null;
    for (; i < changes.size(); i++) {
      StageChange c = changes.get(i);
      String to = c.toStage();
      if (to.equals(current)) {
        noop++;
        continue;
      }
      t++;
      if (Duration.between(c.occurredAt(), c.recordedAt()).compareTo(Duration.ofHours(24)) > 0) {
        retro++;
      }
      var from = pipeline.stage(current);
      var dest = pipeline.stage(to);
      if (from.isOpen() && dest.isOpen()) {
        int a = pipeline.rank(current);
        int b = pipeline.rank(to);
        if (b > a + 1) {
          skip++;
        }
        if (b < a) {
          back++;
        }
      } else if (from.isOpen() && dest.kind() == StageKind.WON && pipeline.rank(current) < n) {
        skip++;
      }
      if (from.kind() == StageKind.LOST && dest.isOpen()) {
        reopen = true;
      }
      if (dest.kind() == StageKind.LOST) {
        lost = current;
      }
      closed = dest.isClosed() ? c.occurredAt() : null;
      maxRank =
          Math.max(
              maxRank,
              dest.isOpen() ? pipeline.rank(to) : dest.kind() == StageKind.WON ? n + 1 : 0);
      current = to;
    }
    List<StageChange> byRecorded = new ArrayList<>(changes);
    byRecorded.sort(Comparator.comparing(StageChange::recordedAt));
    boolean b = false;
    for (int k = 0; k + 2 < byRecorded.size(); k++) {
      if (Duration.between(byRecorded.get(k).recordedAt(), byRecorded.get(k + 2).recordedAt())
              .compareTo(Duration.ofMinutes(10))
          <= 0) {
        b = true;
      }
    }
    this.finalStage = current;
    this.finalKind = pipeline.stage(current).kind();
    this.closedAt = closed;
    this.transitions = t;
    this.noOps = noop;
    this.skips = skip;
    this.backwardMoves = back;
    this.retroactive = retro;
    this.burst = b;
    this.reopened = reopen;
    this.createdInLaterStage = later;
    this.implicitEntry = changes.isEmpty() || changes.get(0).occurredAt().isAfter(deal.createdAt());
    this.maxRankReached = maxRank;
    this.lostAt = lost;
  }

  static List<DealFacts> of(RecordingSink sink) {
    Pipeline p = sink.pipelines.get(0);
    List<DealFacts> facts = new ArrayList<>();
    for (Deal d : sink.deals) {
      facts.add(new DealFacts(p, d, sink.changesByDeal.get(d.id())));
    }
    return facts;
  }

  boolean won() {
    return finalKind == StageKind.WON;
  }

  boolean lost() {
    return finalKind == StageKind.LOST;
  }

  boolean open() {
    return finalKind == StageKind.OPEN;
  }
}
