package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every METRICS.md "Funnel" and "Durations" definition on a log small enough to check on paper.
 *
 * <pre>
 * Pipeline new(1) -> qualified(2) -> proposal(3) -> won | lost. Times are hours after T0.
 * A created 0, ann/ads, 100.00: qualified@10, proposal@30, won@50
 * B created 1, ann/seo,  50.00: proposal@5 (skips qualified), lost@20
 * C created 2, bob/ads, no amount: qualified@2 (at creation: no implicit entry), qualified@4
 *   (no-op), lost@12
 * D created 3, bob/ads: no changes (implicit entry into new, still there)
 * E created 4, no owner/seo, 30.00: won@6 (straight from new)
 * F created 5, bob/seo, 70.00: qualified@7, lost@9, qualified@11 (reopened), proposal@13
 * G created 20, ann/ads: no changes
 * as-of defaults to the latest event, A's win at 50.
 * </pre>
 */
final class FunnelHandComputedTest {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  static Instant h(double hours) {
    return T0.plusSeconds(Math.round(hours * 3600));
  }

  static Duration hours(double hours) {
    return Duration.ofSeconds(Math.round(hours * 3600));
  }

  static final Pipeline PIPELINE =
      Pipeline.builder("b2b")
          .open("new")
          .open("qualified")
          .open("proposal")
          .won("won")
          .lost("lost")
          .build();

  static DealLog log() {
    return DealLog.builder(PIPELINE)
        .deal(Deal.builder("A", h(0)).owner("ann").channel("ads").amount("100.00", "EUR").build())
        .deal(Deal.builder("B", h(1)).owner("ann").channel("seo").amount("50.00", "EUR").build())
        .deal(Deal.builder("C", h(2)).owner("bob").channel("ads").build())
        .deal(Deal.builder("D", h(3)).owner("bob").channel("ads").build())
        .deal(Deal.builder("E", h(4)).channel("seo").amount("30.00", "EUR").build())
        .deal(Deal.builder("F", h(5)).owner("bob").channel("seo").amount("70.00", "EUR").build())
        .deal(Deal.builder("G", h(20)).owner("ann").channel("ads").build())
        .change("A", "qualified", h(10))
        .change("A", "proposal", h(30))
        .change("A", "won", h(50))
        .change("B", "proposal", h(5))
        .change("B", "lost", h(20))
        .change("C", "qualified", h(2))
        .change("C", "qualified", h(4))
        .change("C", "lost", h(12))
        .change("E", "won", h(6))
        .change("F", "qualified", h(7))
        .change("F", "lost", h(9))
        .change("F", "qualified", h(11))
        .change("F", "proposal", h(13))
        .build();
  }

  @Test
  void totalsAndRates() {
    FunnelReport r = Funnel.of(log()).report();
    assertEquals(h(50), r.asOf());
    assertEquals(new DealCounts(7, 3, 2, 2), r.deals());
    assertEquals(Proportion.of(2, 4), r.winRate());
    assertEquals(Proportion.of(2, 7), r.cohortConversion());
  }

  @Test
  void reachedEnteredConversionsAndDropOff() {
    List<StageFigures> s = Funnel.of(log()).report().stages();
    // reached (progressed): new 7; qualified 5 (all but D and G); proposal 4 (A, B, E won, F)
    assertEquals(List.of(7L, 5L, 4L), s.stream().map(StageFigures::reached).toList());
    // explicit entries: new none (all implicit); qualified A, C, F; proposal A, B, F
    assertEquals(List.of(0L, 3L, 3L), s.stream().map(StageFigures::entered).toList());
    assertEquals(Proportion.of(7, 7), s.get(0).cumulative());
    assertEquals(Proportion.of(5, 7), s.get(1).cumulative());
    assertEquals(Proportion.of(4, 7), s.get(2).cumulative());
    assertEquals(Proportion.of(5, 7), s.get(0).conversionToNext());
    assertEquals(Proportion.of(4, 5), s.get(1).conversionToNext());
    assertEquals(Proportion.of(2, 4), s.get(2).conversionToNext()); // proposal -> WON
    // lost at: C from qualified, B from proposal; F's loss was reopened, so it does not count
    assertEquals(List.of(0L, 1L, 1L), s.stream().map(StageFigures::lostAt).toList());
    assertEquals(Proportion.of(0, 7), s.get(0).usage());
    assertEquals(Proportion.of(3, 5), s.get(1).usage());
    assertEquals(Proportion.of(3, 4), s.get(2).usage());
  }

  @Test
  void timeInStageCountsFinishedVisitsOnly() {
    List<StageFigures> s = Funnel.of(log()).report().stages();
    // new: A 10h, B 4h, E 2h, F 2h -> sorted [2, 2, 4, 10]; D and G are still in new (censored)
    Distribution nw = s.get(0).timeInStage();
    assertEquals(4, nw.count());
    assertEquals(Optional.of(hours(3)), nw.p50()); // h = 1.5: 2 + 0.5 (4 - 2)
    assertEquals(Optional.of(hours(5.5)), nw.p75()); // h = 2.25: 4 + 0.25 (10 - 4)
    assertEquals(Optional.of(hours(8.2)), nw.p90()); // h = 2.7: 4 + 0.7 (10 - 4)
    assertEquals(Optional.of(hours(4.5)), nw.mean()); // 18 / 4
    // qualified: A 20h, C 10h, F 2h and 2h again after reopening -> [2, 2, 10, 20]
    Distribution q = s.get(1).timeInStage();
    assertEquals(4, q.count());
    assertEquals(Optional.of(hours(6)), q.p50());
    assertEquals(Optional.of(hours(8.5)), q.mean());
    // proposal: A 20h, B 15h; F is still there
    assertEquals(Optional.of(hours(17.5)), s.get(2).timeInStage().p50());
  }

  @Test
  void ageInStageMeasuresOpenVisitsUpToAsOf() {
    List<StageFigures> s = Funnel.of(log()).report().stages();
    // D in new since 3 (47h), G since 20 (30h); F in proposal since 13 (37h)
    assertEquals(2, s.get(0).ageInStage().count());
    assertEquals(Optional.of(hours(38.5)), s.get(0).ageInStage().p50());
    assertTrue(s.get(1).ageInStage().isEmpty());
    assertEquals(Optional.of(hours(37)), s.get(2).ageInStage().p50());
  }

  @Test
  void cycleTimesDealSizeAndVelocity() {
    FunnelReport r = Funnel.of(log()).report();
    // won: A 50h, E 2h; lost: B 19h, C 10h
    assertEquals(Optional.of(hours(26)), r.wonCycleTime().p50());
    assertEquals(Optional.of(hours(14.5)), r.lostCycleTime().p50());
    assertEquals(Optional.of(Money.of("65.00", "EUR")), r.averageWonDealSize());
    assertEquals(0, r.all().wonWithoutAmount());
    // 3 open x 2/4 x 65.00 / (26h = 26/24 days) = 90.00 per day
    assertEquals(Optional.of(Money.of("90.00", "EUR")), r.velocityPerDay());
  }

  @Test
  void asOfHidesLaterEventsAndDeals() {
    FunnelReport r = Funnel.of(log()).asOf(h(12)).report();
    // G (created 20) is not seen; A is in qualified, B in proposal (its loss at 20 is later),
    // C lost at 12 (an event at as-of is seen), E won, D and F open
    assertEquals(new DealCounts(6, 4, 1, 1), r.deals());
    List<StageFigures> s = r.stages();
    // ages: D new 9h; A qualified 2h, F qualified 1h; B proposal 7h
    assertEquals(Optional.of(hours(9)), s.get(0).ageInStage().p50());
    assertEquals(Optional.of(hours(1.5)), s.get(1).ageInStage().p50());
    assertEquals(Optional.of(hours(7)), s.get(2).ageInStage().p50());
    assertEquals(Proportion.of(1, 2), r.winRate());
  }

  @Test
  void cohortSelectsByCreation() {
    FunnelReport r = Funnel.of(log()).cohort(h(1), h(4)).report();
    assertEquals(new DealCounts(3, 1, 0, 2), r.deals()); // B, C, D
    assertEquals(h(50), r.asOf());
    assertEquals(Proportion.of(0, 2), r.winRate());
  }

  @Test
  void enteredCounting() {
    FunnelReport r = Funnel.of(log()).counting(Counting.ENTERED).report();
    List<StageFigures> s = r.stages();
    assertEquals(List.of(0L, 3L, 3L), s.stream().map(StageFigures::reached).toList());
    assertTrue(s.get(0).conversionToNext().isUndefined()); // no explicit entry into new
    assertFalse(s.get(0).conversionToNext().rate().isPresent());
    assertEquals(Proportion.of(2, 3), s.get(1).conversionToNext()); // A and F entered both
    assertEquals(Proportion.of(1, 3), s.get(2).conversionToNext()); // A entered proposal, won
    assertTrue(s.get(1).cumulative().isUndefined());
    // the table says how these rates count, right under the stages (new-user review)
    String note =
        "(entered counting: only explicit entries count, not a deal's creation in new; to next ="
            + " entered both / entered the stage; cumulative = entered new and the stage / entered"
            + " new)\n";
    assertTrue(r.toString().contains("\n" + note), r.toString());
    assertFalse(Funnel.of(log()).report().toString().contains("(entered counting"));
  }

  @Test
  void breakdownByOwnerWithUnspecifiedGroup() {
    Breakdown owners = Funnel.of(log()).by(Dimension.OWNER).report().breakdown("owner");
    assertEquals(
        List.of("ann", "bob", "(unspecified)"),
        owners.groups().stream().map(Group::label).toList());
    FunnelFigures ann = owners.group("ann").orElseThrow().figures();
    assertEquals(new DealCounts(3, 1, 1, 1), ann.deals()); // A won, B lost, G open
    assertEquals(Optional.of(hours(50)), ann.wonCycleTime().p50());
    FunnelFigures bob = owners.group("bob").orElseThrow().figures();
    assertEquals(new DealCounts(3, 2, 0, 1), bob.deals());
    assertEquals(Optional.empty(), bob.averageWonDealSize());
    FunnelFigures none = owners.group("(unspecified)").orElseThrow().figures();
    assertEquals(Proportion.of(1, 1), none.winRate());
    // time in new by owner: ann [A 10h, B 4h], bob [F 2h], unspecified [E 2h]
    assertEquals(Optional.of(hours(7)), ann.stage("new").timeInStage().p50());
  }

  @Test
  void crossedBreakdown() {
    Breakdown b =
        Funnel.of(log())
            .by(Dimension.OWNER, Dimension.CHANNEL)
            .report()
            .breakdown("owner x channel");
    assertEquals(2, b.group("ann", "ads").orElseThrow().figures().deals().total()); // A, G
    assertEquals(1, b.group("ann", "seo").orElseThrow().figures().deals().total()); // B
    assertEquals(2, b.group("bob", "ads").orElseThrow().figures().deals().total()); // C, D
    assertEquals(5, b.groups().size());
  }

  @Test
  void zeroTrialRatesAreAbsent() {
    DealLog empty = DealLog.builder(PIPELINE).build();
    FunnelReport r = Funnel.of(empty).report();
    assertEquals(new DealCounts(0, 0, 0, 0), r.deals());
    assertTrue(r.winRate().rate().isEmpty());
    assertTrue(r.stages().get(0).conversionToNext().rate().isEmpty());
    assertTrue(r.wonCycleTime().p50().isEmpty());
    assertTrue(r.averageWonDealSize().isEmpty());
    assertTrue(r.velocityPerDay().isEmpty());
  }

  @Test
  void wonAmountsAsLargeAsALogHoldsSumExactly() {
    // Two won deals of 4.6e16 EUR (4.6e18 minor units each): the log's total, 9.2e18, fits in a
    // long, so the won sum does too. Average = 9.2e16 / 2 = 4.6e16 EUR, one thread or several.
    DealLog log =
        DealLog.builder(PIPELINE)
            .deal(Deal.builder("A", h(0)).amount("46000000000000000.00", "EUR").build())
            .deal(Deal.builder("B", h(0)).amount("46000000000000000.00", "EUR").build())
            .deal(Deal.builder("C", h(0)).build())
            .change("A", "won", h(24))
            .change("B", "won", h(48))
            .build();
    Money expected = Money.of("46000000000000000.00", "EUR");
    assertEquals(Optional.of(expected), Funnel.of(log).report().averageWonDealSize());
    assertEquals(Optional.of(expected), Funnel.of(log).parallel().report().averageWonDealSize());
  }

  @Test
  void mergingLogsWhoseWonAmountsTotalMoreThanALogHoldsIsRefused() {
    // 5e16 EUR won in each log: each log holds 5e18 minor units, the two together 1e19 > 2^63 - 1
    Instant asOf = h(48);
    Funnel.Query[] q = new Funnel.Query[2];
    for (int i = 0; i < 2; i++) {
      DealLog log =
          DealLog.builder(PIPELINE)
              .deal(Deal.builder("D" + i, h(0)).amount("50000000000000000.00", "EUR").build())
              .change("D" + i, "won", h(24))
              .build();
      q[i] = Funnel.of(log).asOf(asOf).query();
    }
    FunnelAggregate left = q[0].aggregate(0, 1);
    FunnelAggregate right = q[1].aggregate(0, 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> left.merge(right));
    assertEquals(
        "cannot merge: the won amounts of the merged aggregates total more than 2^63 - 1 minor"
            + " units, the most one log holds",
        e.getMessage());
  }

  @Test
  void cohortBoundsWithAFractionOfASecondSelectAsTheirNextWholeSecond() {
    // A at 0 h, B at 1 h. [0 h, 0 h + 0.5 s) holds A; [0 h + 0.5 s, 2 h) holds only B.
    DealLog log =
        DealLog.builder(PIPELINE)
            .deal(Deal.builder("A", h(0)).build())
            .deal(Deal.builder("B", h(1)).build())
            .build();
    assertEquals(1, Funnel.of(log).cohort(h(0), h(0).plusMillis(500)).report().deals().total());
    assertEquals(1, Funnel.of(log).cohort(h(0).plusMillis(500), h(2)).report().deals().total());
    assertEquals(
        2, Funnel.of(log).cohort(h(0).minusMillis(1), h(1).plusMillis(1)).report().deals().total());
    // As-of keeps the floor: A's creation at 0 h is seen as of 0 h + 0.9 s, B's is not.
    assertEquals(1, Funnel.of(log).asOf(h(0).plusMillis(900)).report().deals().total());
  }

  @Test
  void anOwnerNamedLikeTheMissingValueIsTheMissingValuesGroupAlsoInMerges() {
    // a1, b4 have no owner; a2, b1, b3 are given "(unspecified)"; b2 is bob's. One group of 5.
    Deal a1 = Deal.builder("a1", h(0)).build();
    Deal a2 = Deal.builder("a2", h(1)).owner(Deal.UNSPECIFIED).build();
    Deal b1 = Deal.builder("b1", h(2)).owner(Deal.UNSPECIFIED).build();
    Deal b2 = Deal.builder("b2", h(3)).owner("bob").build();
    Deal b3 = Deal.builder("b3", h(4)).owner(Deal.UNSPECIFIED).build();
    Deal b4 = Deal.builder("b4", h(5)).build();
    DealLog whole =
        DealLog.builder(PIPELINE).deal(a1).deal(a2).deal(b1).deal(b2).deal(b3).deal(b4).build();
    DealLog left = DealLog.builder(PIPELINE).deal(a1).deal(a2).build();
    DealLog right = DealLog.builder(PIPELINE).deal(b1).deal(b2).deal(b3).deal(b4).build();
    FunnelReport all = Funnel.of(whole).asOf(h(10)).by(Dimension.OWNER).report();
    FunnelReport merged =
        Funnel.of(left)
            .asOf(h(10))
            .by(Dimension.OWNER)
            .query()
            .aggregate(0, 2)
            .merge(Funnel.of(right).asOf(h(10)).by(Dimension.OWNER).query().aggregate(0, 4))
            .report();
    for (FunnelReport r : List.of(all, merged)) {
      List<Group> groups = r.breakdown("owner").groups();
      assertEquals(
          List.of(List.of(Deal.UNSPECIFIED), List.of("bob")),
          groups.stream().map(Group::key).toList());
      assertEquals(List.of(5L, 1L), groups.stream().map(g -> g.figures().deals().total()).toList());
    }
  }

  @Test
  void anAsOfBeyondWhatALogMeasuresIsRefused() {
    DealLog log = DealLog.builder(PIPELINE).deal(Deal.builder("A", h(0)).build()).build();
    // 2^31 - 1 s after the first instant is the last as-of an int age holds.
    Instant last = h(0).plusSeconds(Integer.MAX_VALUE);
    assertEquals(
        Optional.of(Duration.ofSeconds(Integer.MAX_VALUE)),
        Funnel.of(log).asOf(last).report().stages().get(0).ageInStage().max());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Funnel.of(log).asOf(last.plusSeconds(1)).report());
    // an empty log has no first instant: any as-of gives the empty report
    assertEquals(
        0,
        Funnel.of(DealLog.builder(PIPELINE).build())
            .asOf(Instant.parse("2039-01-01T00:00:00Z"))
            .report()
            .deals()
            .total());
    assertEquals(
        "as-of 2094-03-20T03:14:08Z is 2^31 seconds (68 years) or more after the log's first"
            + " instant 2026-03-02T00:00:00Z; a log measures ages in int seconds",
        e.getMessage());
  }

  @Test
  void dealCreatedDirectlyLostHasNoLostAtStageAndReachesNothing() {
    DealLog log =
        DealLog.builder(PIPELINE)
            .deal(Deal.builder("X", h(0)).build())
            .change("X", "lost", h(0))
            .build();
    FunnelReport r = Funnel.of(log).report();
    assertEquals(new DealCounts(1, 0, 0, 1), r.deals());
    assertEquals(List.of(0L, 0L, 0L), r.stages().stream().map(StageFigures::reached).toList());
    assertEquals(List.of(0L, 0L, 0L), r.stages().stream().map(StageFigures::lostAt).toList());
    assertEquals(Optional.of(Duration.ZERO), r.lostCycleTime().p50());
  }

  @Test
  void dealCreatedInALaterStageReachesEarlierOnesWhenProgressed() {
    DealLog log =
        DealLog.builder(PIPELINE)
            .deal(Deal.builder("Y", h(0)).build())
            .change("Y", "proposal", h(0))
            .build();
    List<StageFigures> s = Funnel.of(log).report().stages();
    assertEquals(List.of(1L, 1L, 1L), s.stream().map(StageFigures::reached).toList());
    assertEquals(List.of(0L, 0L, 1L), s.stream().map(StageFigures::entered).toList());
  }
}
