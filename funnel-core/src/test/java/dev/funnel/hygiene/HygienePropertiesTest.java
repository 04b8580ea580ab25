package dev.funnel.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/** Laws of the hygiene audit on random logs, against an independent brute-force reading. */
final class HygienePropertiesTest {
  static final Pipeline PIPELINE = HygieneTest.PIPELINE;
  static final Instant T0 = HygieneTest.T0;

  record Case(List<Deal> deals, List<StageChange> changes) {
    DealLog log(long shuffleSeed) {
      List<Deal> ds = new ArrayList<>(deals);
      Collections.shuffle(ds, new Random(shuffleSeed));
      DealLogBuilder b = DealLog.builder(PIPELINE);
      ds.forEach(b::deal);
      changes.forEach(b::change);
      return b.build();
    }
  }

  static Case generate(long seed) {
    Random rnd = new Random(seed);
    List<Deal> deals = new ArrayList<>();
    List<StageChange> changes = new ArrayList<>();
    int n = rnd.nextInt(8);
    List<String> stages = PIPELINE.stages().stream().map(s -> s.id()).toList();
    for (int i = 0; i < n; i++) {
      String id = "D" + i;
      Instant created = T0.plusSeconds(60L * rnd.nextInt(3));
      Deal.Builder db = Deal.builder(id, created);
      if (rnd.nextBoolean()) {
        db.owner("o" + rnd.nextInt(3));
      }
      deals.add(db.build());
      int k = rnd.nextInt(7);
      long t = created.getEpochSecond();
      for (int j = 0; j < k; j++) {
        t += rnd.nextInt(3) * 120L;
        Instant occurred = Instant.ofEpochSecond(t);
        Instant recorded = occurred.plusSeconds(rnd.nextInt(4) == 0 ? 90_000 : rnd.nextInt(700));
        StageChange c =
            StageChange.of(id, stages.get(rnd.nextInt(stages.size())), occurred)
                .recordedAt(recorded);
        changes.add(rnd.nextBoolean() ? c.actor("a" + rnd.nextInt(2)) : c);
      }
    }
    return new Case(deals, changes);
  }

  static List<Object> counts(HygieneReport r) {
    List<Object> out = new ArrayList<>();
    out.add(
        List.of(
            r.deals(),
            r.transitions(),
            r.retroactive(),
            r.burstChanges(),
            r.skips(),
            r.skippedStages(),
            r.backwardMoves()));
    out.add(r.stages());
    out.add(r.owners());
    out.add(r.actors());
    out.add(r.flags().size());
    return out;
  }

  @Property(tries = 300)
  void countsDoNotDependOnTheInputOrderOfDeals(@ForAll long seed, @ForAll long shuffle) {
    Case c = generate(seed);
    HygieneReport a = Hygiene.of(c.log(0)).report();
    HygieneReport b = Hygiene.of(c.log(shuffle)).report();
    Statistics.label("bursts").collect(a.burstChanges() > 0);
    Statistics.label("skips").collect(a.skips() > 0);
    Statistics.label("backward").collect(a.backwardMoves() > 0);
    Statistics.label("retroactive").collect(a.retroactive() > 0);
    assertEquals(counts(a), counts(b));
  }

  /**
   * Brute force of the burst rule: a transition is a burst change when some window [s, s + 10 min]
   * starting at a transition's recordedAt holds it and at least two other transitions of its deal.
   * Transitions are re-derived from {@link DealLog#changes(int)}, independently of the engine.
   */
  @Property(tries = 300)
  void burstsAndTransitionsAgreeWithBruteForce(@ForAll long seed) {
    DealLog log = generate(seed).log(0);
    long transitions = 0;
    long bursts = 0;
    long retro = 0;
    for (int d = 0; d < log.dealCount(); d++) {
      Instant created = log.deal(d).createdAt();
      List<StageChange> ch = log.changes(d);
      String cur = ch.isEmpty() || ch.get(0).occurredAt().isAfter(created) ? "new" : null;
      List<Long> recorded = new ArrayList<>();
      for (StageChange c : ch) {
        if (c.toStage().equals(cur)) {
          continue;
        }
        cur = c.toStage();
        recorded.add(c.recordedAt().getEpochSecond());
        if (Duration.between(c.occurredAt(), c.recordedAt()).compareTo(Duration.ofHours(24)) > 0) {
          retro++;
        }
      }
      transitions += recorded.size();
      for (long r : recorded) {
        boolean member = false;
        for (long s : recorded) {
          if (s <= r && r <= s + 600) {
            long inWindow = recorded.stream().filter(x -> s <= x && x <= s + 600).count();
            member |= inWindow >= 3;
          }
        }
        bursts += member ? 1 : 0;
      }
    }
    HygieneReport r = Hygiene.of(log).report();
    assertEquals(transitions, r.transitions());
    assertEquals(bursts, r.burstChanges());
    assertEquals(retro, r.retroactive());
  }
}
