package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.engine.Engine;
import dev.funnel.internal.engine.Selection;
import dev.funnel.log.DealLog;
import dev.funnel.log.LiveDealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.StageChange;
import dev.funnel.stats.Proportion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The laws of the engine, on random logs, against an independent naive implementation. */
final class FunnelPropertiesTest {
  /** jqwik runs no JUnit lifecycle methods: a static pool, daemon threads end with the JVM. */
  static final ForkJoinPool POOL = new ForkJoinPool(3);

  @Provide
  Arbitrary<RandomLogs.Case> cases() {
    return Arbitraries.longs().map(RandomLogs::generate);
  }

  static void collectEdgeCases(RandomLogs.Case c, DealLog log) {
    boolean skip = false;
    boolean backward = false;
    boolean reopened = false;
    boolean tie = false;
    boolean noop = false;
    for (int i = 0; i < log.dealCount(); i++) {
      List<StageChange> ch = log.changes(i);
      for (int j = 0; j < ch.size(); j++) {
        if (j > 0 && ch.get(j).occurredAt().equals(ch.get(j - 1).occurredAt())) {
          tie = true;
        }
        if (j > 0 && ch.get(j).toStage().equals(ch.get(j - 1).toStage())) {
          noop = true;
        }
        if (j > 0) {
          var p = c.pipeline();
          var from = p.stage(ch.get(j - 1).toStage());
          var to = p.stage(ch.get(j).toStage());
          if (from.isOpen() && to.isOpen()) {
            int a = p.rank(from.id());
            int b = p.rank(to.id());
            skip |= b > a + 1;
            backward |= b < a;
          }
          reopened |= from.isClosed() && to.isOpen();
        }
      }
    }
    Statistics.label("empty log").collect(log.dealCount() == 0);
    Statistics.label("skip").collect(skip);
    Statistics.label("backward move").collect(backward);
    Statistics.label("reopened").collect(reopened);
    Statistics.label("tie").collect(tie);
    Statistics.label("no-op").collect(noop);
    // The kernel counts entry patterns up to 5 open stages and per rank beyond: reach both.
    Statistics.label("more than 5 open stages").collect(c.pipeline().openStageCount() > 5);
  }

  @Property(tries = 300)
  void engineAgreesWithNaiveReference(
      @ForAll("cases") RandomLogs.Case c, @ForAll boolean entered, @ForAll boolean window) {
    DealLog log = c.log();
    collectEdgeCases(c, log);
    Instant asOf = c.maxTime().minusSeconds(3600L * (c.seed() & 7));
    Optional<Instant> from =
        window ? Optional.of(RandomLogs.T0.plusSeconds(3600 * 5)) : Optional.empty();
    Optional<Instant> to =
        window ? Optional.of(RandomLogs.T0.plusSeconds(3600 * 30)) : Optional.empty();
    Counting counting = entered ? Counting.ENTERED : Counting.PROGRESSED;
    Funnel q = Funnel.of(log).asOf(asOf).counting(counting).by(Dimension.OWNER);
    if (window) {
      q.cohort(from.get(), to.get());
    }
    FunnelReport r = q.report();
    double[] ps = dev.funnel.internal.stats.Select.defaultPercentiles();
    Statistics.label("empty cohort").collect(r.deals().total() == 0);
    // The generators must reach every edge case in a fair share of the tries.
    for (String label :
        List.of(
            "empty log",
            "skip",
            "backward move",
            "reopened",
            "tie",
            "no-op",
            "empty cohort",
            "more than 5 open stages")) {
      Statistics.label(label).coverage(k -> k.check(true).percentage(pct -> pct > 3));
    }
    assertEquals(
        ReferenceFunnel.figures(log, asOf, from, to, counting, ps, d -> true),
        r.all(),
        c.toString());
    for (Group g : r.breakdown("owner").groups()) {
      String key = g.key().get(0);
      assertEquals(
          ReferenceFunnel.figures(
              log,
              asOf,
              from,
              to,
              counting,
              ps,
              d -> d.owner().orElse(Deal.UNSPECIFIED).equals(key)),
          g.figures(),
          c + " owner " + key);
    }
  }

  @Property(tries = 200)
  void splitAndMergeInAnyOrderEqualsTheWhole(
      @ForAll("cases") RandomLogs.Case c, @ForAll("seeds") long shuffle) {
    DealLog log = c.log();
    Funnel.Query q =
        Funnel.of(log).by(Dimension.OWNER).by(Dimension.OWNER, Dimension.CHANNEL).query();
    FunnelReport whole = q.report();
    Random r = new Random(shuffle);
    List<Integer> cuts = new ArrayList<>(List.of(0, log.dealCount()));
    for (int i = r.nextInt(4); i > 0; i--) {
      cuts.add(r.nextInt(log.dealCount() + 1));
    }
    Collections.sort(cuts);
    List<FunnelAggregate> parts = new ArrayList<>();
    for (int i = 0; i + 1 < cuts.size(); i++) {
      parts.add(q.aggregate(cuts.get(i), cuts.get(i + 1)));
    }
    Collections.shuffle(parts, r);
    FunnelAggregate merged = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      merged = merged.merge(parts.get(i));
    }
    assertEquals(whole.all(), merged.report().all());
    assertEquals(
        groupsByKey(whole.breakdowns().get(0)), groupsByKey(merged.report().breakdowns().get(0)));
    assertEquals(
        groupsByKey(whole.breakdowns().get(1)), groupsByKey(merged.report().breakdowns().get(1)));
  }

  /** Groups keyed by their key: merge order may change which group id came first. */
  static java.util.Map<List<String>, FunnelFigures> groupsByKey(Breakdown b) {
    java.util.Map<List<String>, FunnelFigures> m = new java.util.HashMap<>();
    b.groups().forEach(g -> m.put(g.key(), g.figures()));
    return m;
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 100)
  void mergeIsAssociativeAndCommutativeWithEmptyAsIdentity(@ForAll("cases") RandomLogs.Case c) {
    DealLog log = c.log();
    int n = log.dealCount();
    Funnel.Query q = Funnel.of(log).by(Dimension.CHANNEL).query();
    FunnelAggregate a = q.aggregate(0, n / 3);
    FunnelAggregate b = q.aggregate(n / 3, 2 * n / 3);
    FunnelAggregate d = q.aggregate(2 * n / 3, n);
    FunnelAggregate empty = q.aggregate(0, 0);
    FunnelReport left = a.merge(b).merge(d).report();
    FunnelReport right = a.merge(b.merge(d)).report();
    assertEquals(left.all(), right.all());
    assertEquals(a.merge(b).report().all(), b.merge(a).report().all());
    assertEquals(a.report().all(), a.merge(empty).report().all());
    assertEquals(a.report().all(), empty.merge(a).report().all());
  }

  @Property(tries = 100)
  void parallelEqualsSequential(@ForAll("cases") RandomLogs.Case c) {
    DealLog log = c.log();
    ColumnarDealLog col = ColumnarDealLog.of(log);
    Instant asOf = log.latestEventTime().orElse(RandomLogs.T0);
    Engine.Query q =
        Engine.query(
            col,
            Selection.of(col, Optional.empty(), Optional.empty(), Optional.of(asOf)),
            Optional.empty(),
            Optional.empty(),
            ZoneOffset.UTC,
            Counting.PROGRESSED,
            dev.funnel.internal.stats.Select.defaultPercentiles(),
            List.of(List.of(Dimension.OWNER)));
    // Ranges of 2 deals force real splits on these small logs.
    assertEquals(q.run(), q.runParallel(POOL, 2));
  }

  @Property(tries = 100)
  void liveAppendsInAnyOrderEqualBatch(
      @ForAll("cases") RandomLogs.Case c, @ForAll("seeds") long shuffle) {
    // Deals arrive at random points of the change stream (often after their changes); changes
    // keep their relative order, since equal occurredAt instants are ordered by arrival.
    Random r = new Random(shuffle);
    List<Object> records = new ArrayList<>(c.changes());
    for (Deal d : c.deals()) {
      records.add(r.nextInt(records.size() + 1), d);
    }
    LiveDealLog live = LiveDealLog.create(c.pipeline());
    for (Object o : records) {
      if (o instanceof Deal) {
        live.deal((Deal) o);
      } else {
        live.change((StageChange) o);
      }
    }
    assertEquals(0, live.pendingChanges());
    FunnelReport batch = Funnel.of(c.log()).by(Dimension.OWNER).report();
    assertEquals(batch, Funnel.of(live.snapshot()).by(Dimension.OWNER).report());
  }

  @Property(tries = 200)
  void invariants(@ForAll("cases") RandomLogs.Case c) {
    FunnelReport r = Funnel.of(c.log()).by(Dimension.OWNER).report();
    DealCounts d = r.deals();
    assertEquals(d.total(), d.open() + d.won() + d.lost());
    long previous = Long.MAX_VALUE;
    for (StageFigures s : r.stages()) {
      assertTrue(s.reached() <= previous, "reached must not grow along the pipeline");
      previous = s.reached();
      for (Proportion p : List.of(s.cumulative(), s.conversionToNext(), s.usage())) {
        p.rate().ifPresent(v -> assertTrue(v >= 0 && v <= 1));
        p.low().ifPresent(v -> assertTrue(v >= 0 && v <= p.rate().getAsDouble()));
        p.high().ifPresent(v -> assertTrue(v <= 1 && v >= p.rate().getAsDouble()));
      }
    }
    long groupTotal = 0;
    for (Group g : r.breakdown("owner").groups()) {
      groupTotal += g.figures().deals().total();
    }
    assertEquals(d.total(), groupTotal);
  }
}
