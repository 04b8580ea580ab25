package dev.funnel;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;
import dev.funnel.model.StageChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random small logs that reach the edge cases: ties, no-op changes, skips, backward moves, reopened
 * deals, deals created in a later stage or directly closed, missing owners and amounts.
 */
public final class RandomLogs {
  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  /** One generated case: records in input order, so they can be replayed in other orders. */
  record Case(Pipeline pipeline, List<Deal> deals, List<StageChange> changes, long seed) {
    DealLog log() {
      DealLogBuilder b = DealLog.builder(pipeline);
      deals.forEach(b::deal);
      changes.forEach(b::change);
      return b.build();
    }

    Instant maxTime() {
      Instant m = T0;
      for (Deal d : deals) {
        m = d.createdAt().isAfter(m) ? d.createdAt() : m;
      }
      for (StageChange c : changes) {
        m = c.occurredAt().isAfter(m) ? c.occurredAt() : m;
      }
      return m;
    }

    @Override
    public String toString() {
      return "Case[seed=" + seed + ", deals=" + deals.size() + ", changes=" + changes.size() + "]";
    }
  }

  static Case generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Pipeline p = pipeline(r);
    List<Stage> stages = p.stages();
    int deals = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(30);
    String[] owners = {"ann", "bob", "cy"};
    List<Deal> ds = new ArrayList<>();
    List<StageChange> cs = new ArrayList<>();
    for (int d = 0; d < deals; d++) {
      // Coarse times (whole hours over a few days) so ties happen often.
      Instant created = T0.plusSeconds(3600L * r.nextInt(48));
      Deal.Builder db = Deal.builder("D" + d, created);
      if (r.nextInt(4) > 0) {
        db.owner(owners[r.nextInt(owners.length)]);
      }
      if (r.nextBoolean()) {
        db.channel(r.nextBoolean() ? "ads" : "seo");
      }
      if (r.nextInt(3) > 0) {
        db.amount(Long.toString(r.nextInt(100_000)) + "." + r.nextInt(10) + r.nextInt(10), "EUR");
      }
      ds.add(db.build());
      int changes = r.nextInt(6);
      for (int c = 0; c < changes; c++) {
        Instant at = created.plusSeconds(3600L * r.nextInt(r.nextBoolean() ? 3 : 40));
        Stage s = stages.get(r.nextInt(stages.size()));
        cs.add(StageChange.of("D" + d, s.id(), at).recordedAt(at.plusSeconds(r.nextInt(200_000))));
      }
    }
    // Input order of changes is shuffled across deals, as files and live feeds deliver them.
    for (int i = cs.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      StageChange t = cs.get(i);
      cs.set(i, cs.get(j));
      cs.set(j, t);
    }
    return new Case(p, ds, cs, seed);
  }

  /** A pipeline of 1 to 4 (or 5 to 9) open stages, one or two won and one or two lost stages. */
  public static Pipeline pipeline(SplittableRandom r) {
    Pipeline.Builder pb = Pipeline.builder("p");
    // Mostly short pipelines (the engine counts their entry patterns); one in eight of 5 to 9 open
    // stages, around FunnelPartial.PATTERN_MAX_STAGES (5), beyond which it counts per rank.
    int open = r.nextInt(8) == 0 ? 5 + r.nextInt(5) : 1 + r.nextInt(4);
    for (int i = 1; i <= open; i++) {
      pb.open("s" + i);
    }
    pb.won("won");
    if (r.nextBoolean()) {
      pb.won("won2");
    }
    pb.lost("lost");
    if (r.nextBoolean()) {
      pb.lost("lost2");
    }
    return pb.build();
  }

  private RandomLogs() {}
}
