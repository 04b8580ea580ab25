package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pipelines of more than 64 open stages take the kernel's second mask word (ranks 65 and up): the
 * entered, pair and with-first counters there against the naive reference, and by hand.
 */
class WidePipelineTest {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void ranksBeyondSixtyFourAgreeWithTheReference() {
    Pipeline.Builder pb = Pipeline.builder("wide");
    for (int i = 1; i <= 70; i++) {
      pb.open("s" + i);
    }
    Pipeline p = pb.won("won").lost("lost").build();
    DealLogBuilder b = DealLog.builder(p);
    // A: s1 -> s64 -> s65 -> s66 -> won; B: s65 -> s70 -> lost; C: s1 -> s66 (skips 65), open;
    // D: s70 -> won.
    String[][] paths = {
      {"s1", "s64", "s65", "s66", "won"}, {"s65", "s70", "lost"}, {"s1", "s66"}, {"s70", "won"}
    };
    for (int d = 0; d < paths.length; d++) {
      String id = "D" + d;
      b.deal(Deal.builder(id, T0).owner(d % 2 == 0 ? "ann" : "bob").build());
      for (int c = 0; c < paths[d].length; c++) {
        b.change(StageChange.of(id, paths[d][c], T0.plusSeconds(3600L * (c + 1) * (d + 1))));
      }
    }
    DealLog log = b.build();
    Instant asOf = T0.plusSeconds(3600L * 100);
    for (Counting counting : Counting.values()) {
      FunnelReport r = Funnel.of(log).asOf(asOf).counting(counting).by(Dimension.OWNER).report();
      assertEquals(
          ReferenceFunnel.figures(
              log,
              asOf,
              Optional.empty(),
              Optional.empty(),
              counting,
              dev.funnel.internal.stats.Select.defaultPercentiles(),
              d -> true),
          r.all(),
          counting.toString());
      // By hand: s65 entered by A and B, s66 by A and C, s70 by B and D; under entered counting
      // s65 -> s66 only by A, s70 -> won only by D.
      assertEquals(2, r.all().stages().get(64).entered());
      assertEquals(2, r.all().stages().get(65).entered());
      assertEquals(2, r.all().stages().get(69).entered());
    }
    FunnelReport entered = Funnel.of(log).asOf(asOf).counting(Counting.ENTERED).report();
    assertEquals(1, entered.all().stages().get(64).conversionToNext().successes());
    assertEquals(1, entered.all().stages().get(69).conversionToNext().successes());
  }
}
