package dev.funnel.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.internal.process.Tests;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.stats.Proportion;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** METRICS.md "Losses and people", concentration and owner comparisons, checked on paper. */
final class PeopleTest {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  static final Pipeline PIPELINE =
      Pipeline.builder("b2b").open("new").open("qualified").won("won").lost("lost").build();

  static Instant days(int d) {
    return T0.plusSeconds(86_400L * d);
  }

  /**
   * ann: won 300.00, won 100.00; bob: won 100.00, lost 50.00; cid: one open deal of 80.00. Won
   * revenue 500.00: shares 0.8, 0.2, 0; m = 3, ceil(0.6) = 1 owner in the top 20%; HHI = 0.64 +
   * 0.04 + 0 = 0.68.
   */
  @Test
  void concentrationOfThreeOwners() {
    DealLog log =
        DealLog.builder(PIPELINE)
            .deal(Deal.builder("A1", T0).owner("ann").amount("300.00", "EUR").build())
            .deal(Deal.builder("A2", T0).owner("ann").amount("100.00", "EUR").build())
            .deal(Deal.builder("B1", T0).owner("bob").amount("100.00", "EUR").build())
            .deal(Deal.builder("B2", T0).owner("bob").amount("50.00", "EUR").build())
            .deal(Deal.builder("C1", T0).owner("cid").amount("80.00", "EUR").build())
            .change("A1", "won", days(1))
            .change("A2", "won", days(2))
            .change("B1", "won", days(3))
            .change("B2", "lost", days(4))
            .build();
    Concentration c = People.of(log).report().concentration();
    assertEquals(3, c.owners());
    assertEquals(1, c.topOwners());
    assertEquals(Optional.of(Money.of("500.00", "EUR")), c.wonRevenue());
    assertEquals(0.8, c.top1Share().getAsDouble(), 1e-12);
    assertEquals(0.8, c.top20PercentShare().getAsDouble(), 1e-12);
    assertEquals(0.68, c.hhi().getAsDouble(), 1e-12);
    assertEquals("ann", c.shares().get(0).owner());
    assertEquals("cid", c.shares().get(2).owner());
    assertEquals(0.0, c.shares().get(2).share().getAsDouble());
    assertEquals(Optional.empty(), c.shares().get(2).wonRevenue());
    assertEquals(0, c.wonWithoutAmount());
  }

  /**
   * Six owners (m = 6, ceil(1.2) = 2 in the top 20%): ann won 600, bob 300, cy 100, dee won a deal
   * without an amount, eve has an open deal of 999, and a deal without owner was won at 0. Won
   * revenue 1000 (dee's win is counted apart, not as zero): shares 0.6, 0.3, 0.1 and 0 for the
   * other three; top-1 0.6, top-2 0.6 + 0.3 = 0.9, HHI 0.36 + 0.09 + 0.01 = 0.46.
   */
  @Test
  void concentrationOfSixOwnersCountsWinsWithoutAmountApart() {
    DealLog log =
        DealLog.builder(PIPELINE)
            .deal(Deal.builder("D1", T0).owner("ann").amount("600", "EUR").build())
            .deal(Deal.builder("D2", T0).owner("bob").amount("300", "EUR").build())
            .deal(Deal.builder("D3", T0).owner("cy").amount("100", "EUR").build())
            .deal(Deal.builder("D4", T0).owner("dee").build())
            .deal(Deal.builder("D5", T0).owner("eve").amount("999", "EUR").build())
            .deal(Deal.builder("D6", T0).amount("0", "EUR").build())
            .change("D1", "won", days(1))
            .change("D2", "won", days(2))
            .change("D3", "won", days(3))
            .change("D4", "won", days(4))
            .change("D6", "won", days(5))
            .build();
    PeopleReport r = People.of(log).report();
    Concentration c = r.concentration();
    assertEquals(6, c.owners());
    assertEquals(2, c.topOwners());
    assertEquals(Optional.of(Money.of("1000", "EUR")), c.wonRevenue());
    assertEquals(1, c.wonWithoutAmount());
    assertEquals(0.6, c.top1Share().getAsDouble(), 1e-12);
    assertEquals(0.9, c.top20PercentShare().getAsDouble(), 1e-12);
    assertEquals(0.46, c.hhi().getAsDouble(), 1e-12);
    assertEquals(
        java.util.List.of("ann", "bob", "cy", "(unspecified)", "dee", "eve"),
        c.shares().stream().map(OwnerShare::owner).toList());
    OwnerShare dee = c.shares().get(4);
    assertEquals(Optional.empty(), dee.wonRevenue());
    assertEquals(1, dee.wonWithoutAmount());
    assertEquals(0.0, dee.share().getAsDouble());
    assertEquals(0, c.shares().get(0).wonWithoutAmount());
    assertTrue(
        r.toString().contains("won revenue 1000.00 EUR (1 won without amount)"), r.toString());
    assertTrue(r.toString().contains("- +1 unpriced"), r.toString());
  }

  @Test
  void noWonRevenueLeavesSharesAbsent() {
    DealLog log =
        DealLog.builder(PIPELINE)
            .deal(Deal.builder("A1", T0).owner("ann").build())
            .change("A1", "won", days(1))
            .build();
    Concentration c = People.of(log).report().concentration();
    assertEquals(1, c.owners());
    assertTrue(c.hhi().isEmpty());
    assertTrue(c.top1Share().isEmpty());
  }

  /** ann won/lost/won cycle times in days; bob likewise. */
  static DealLog team(
      int annWon, int annLost, int bobWon, int bobLost, int annCycle0, int bobCycle0) {
    DealLogBuilder b = DealLog.builder(PIPELINE);
    int i = 0;
    for (int k = 0; k < annWon + annLost; k++, i++) {
      b.deal(Deal.builder("A" + k, T0).owner("ann").build());
      b.change("A" + k, k < annWon ? "won" : "lost", days(k < annWon ? annCycle0 + k : 1));
    }
    for (int k = 0; k < bobWon + bobLost; k++, i++) {
      b.deal(Deal.builder("B" + k, T0).owner("bob").build());
      b.change("B" + k, k < bobWon ? "won" : "lost", days(k < bobWon ? bobCycle0 + k : 1));
    }
    return b.build();
  }

  static OwnerComparison owner(PeopleReport r, String name) {
    return r.owners().stream().filter(o -> o.owner().equals(name)).findFirst().orElseThrow();
  }

  /**
   * 8/10 against 2/10: pooled p = 0.5, se = sqrt(0.25 x (1/10 + 1/10)) = 0.2236068, z = 0.6 / se =
   * 2.6832816 &gt; 1.96. Won cycles 1..5 days against 6..10 days (5 each side in the second case).
   */
  @Test
  void winRateAgainstTheRestOfTheTeam() {
    PeopleReport r = People.of(team(8, 2, 2, 8, 1, 20)).report();
    OwnerComparison ann = owner(r, "ann");
    assertEquals(Proportion.of(8, 10), ann.winRate());
    assertEquals(Proportion.of(2, 10), ann.restWinRate());
    assertEquals(2.6832816, ann.winRateZ().getAsDouble(), 1e-6);
    assertTrue(ann.winRateDiffers());
    assertEquals(-2.6832816, owner(r, "bob").winRateZ().getAsDouble(), 1e-6);
    // 3/5 against 2/5: z = 0.2 / sqrt(0.25 x 0.4) = 0.6324555, not clear
    PeopleReport even = People.of(team(3, 2, 2, 3, 1, 1)).report();
    OwnerComparison close = owner(even, "ann");
    assertEquals(0.6324555, close.winRateZ().getAsDouble(), 1e-6);
    assertFalse(close.winRateDiffers());
    // the table's footnote explains the star: only under a table that has one
    String footnote = "* the difference to the rest of the team is statistically clear (5%)";
    assertTrue(r.toString().contains(footnote), r.toString());
    assertFalse(even.owners().stream().anyMatch(o -> o.winRateDiffers() || o.cycleTimeDiffers()));
    assertFalse(even.toString().contains(footnote), even.toString());
    // ann (starred) is the first row: with no row printed there is no star to explain
    assertTrue(r.print(1).contains(footnote), r.print(1));
    assertFalse(r.print(0).contains(footnote), r.print(0));
  }

  /**
   * Cycle times 1..5 days against 6..10 days: U = 0, mean 12.5, variance 5 x 5 / 12 x 11 =
   * 22.916667, z = -12.5 / 4.7871355 = -2.6111648.
   */
  @Test
  void cycleTimeAgainstTheRestOfTheTeam() {
    PeopleReport r = People.of(team(5, 0, 5, 0, 1, 6)).report();
    OwnerComparison ann = owner(r, "ann");
    assertEquals(-2.6111648, ann.cycleTimeZ().getAsDouble(), 1e-6);
    assertTrue(ann.cycleTimeDiffers());
    assertEquals(Optional.of(java.time.Duration.ofDays(3)), ann.wonCycleTime().p50());
    assertEquals(Optional.of(java.time.Duration.ofDays(8)), ann.restWonCycleTime().p50());
    // four each side: the same separation is not flagged (sample below 5)
    OwnerComparison small = owner(People.of(team(4, 0, 4, 0, 1, 6)).report(), "ann");
    assertTrue(small.cycleTimeZ().getAsDouble() < -1.96);
    assertFalse(small.cycleTimeDiffers());
    assertTrue(r.toString().contains("HHI"), r.toString());
  }

  /**
   * x = [1, 1], y = [1, 2]: the three 1s share rank 2, the 2 has rank 4; R_x = 4, U = 4 - 3 = 1,
   * mean 2; ties 3^3 - 3 = 24: variance 2 x 2 / 12 x (5 - 24 / 12) = 1; z = -1.
   */
  @Test
  void mannWhitneyWithTies() {
    assertEquals(
        -1.0, Tests.mannWhitneyZ(new long[] {1, 1}, new long[] {1, 2}).getAsDouble(), 1e-12);
    assertTrue(Tests.mannWhitneyZ(new long[] {3, 3}, new long[] {3}).isEmpty());
    assertTrue(Tests.mannWhitneyZ(new long[] {}, new long[] {3}).isEmpty());
    assertTrue(Tests.twoProportionZ(Proportion.of(2, 2), Proportion.of(3, 3)).isEmpty());
  }
}
