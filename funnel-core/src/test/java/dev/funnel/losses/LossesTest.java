package dev.funnel.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.stats.Proportion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * METRICS.md "Losses and people", losses, on a log checked on paper.
 *
 * <pre>
 * new(1) qualified(2) proposal(3) | won | lost. Hours after T0.
 * L1 ann/ads 100.00 "price":  qualified@1, lost@2      lost at qualified
 * L2 ann/ads  50.50 "price":  proposal@1, lost@3       lost at proposal
 * L3 bob/seo no amount, no reason: lost@1              lost at new (implicit entry)
 * L4 bob/ads  20.25, no reason: lost@0 (at creation)   lost at (none)
 * L5 -/seo    10.00 "timing": qualified@1, lost@2      lost at qualified
 * W1 ann/ads 500.00: won@1                             not lost
 * R1 bob/seo  70.00 "price": lost@1, qualified@2       reopened: not lost
 * </pre>
 */
final class LossesTest {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  static Instant h(int hours) {
    return T0.plusSeconds(3600L * hours);
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
        .deal(
            Deal.builder("L1", T0)
                .owner("ann")
                .channel("ads")
                .amount("100.00", "EUR")
                .lossReason("price")
                .build())
        .deal(
            Deal.builder("L2", T0)
                .owner("ann")
                .channel("ads")
                .amount("50.50", "EUR")
                .lossReason("price")
                .build())
        .deal(Deal.builder("L3", T0).owner("bob").channel("seo").build())
        .deal(Deal.builder("L4", T0).owner("bob").channel("ads").amount("20.25", "EUR").build())
        .deal(
            Deal.builder("L5", T0)
                .channel("seo")
                .amount("10.00", "EUR")
                .lossReason("timing")
                .build())
        .deal(Deal.builder("W1", T0).owner("ann").channel("ads").amount("500.00", "EUR").build())
        .deal(
            Deal.builder("R1", T0)
                .owner("bob")
                .channel("seo")
                .amount("70.00", "EUR")
                .lossReason("price")
                .build())
        .change("L1", "qualified", h(1))
        .change("L1", "lost", h(2))
        .change("L2", "proposal", h(1))
        .change("L2", "lost", h(3))
        .change("L3", "lost", h(1))
        .change("L4", "lost", h(0))
        .change("L5", "qualified", h(1))
        .change("L5", "lost", h(2))
        .change("W1", "won", h(1))
        .change("R1", "lost", h(1))
        .change("R1", "qualified", h(2))
        .build();
  }

  static Optional<Money> eur(String amount) {
    return Optional.of(Money.of(amount, "EUR"));
  }

  @Test
  void totalsAndReasons() {
    LossReport r = Losses.of(log()).report();
    assertEquals(5, r.lost());
    assertEquals(eur("180.75"), r.amount());
    assertEquals(1, r.withoutAmount());
    assertEquals(
        List.of(
            new LossRow("(unspecified)", 2, Proportion.of(2, 5), eur("20.25"), 1),
            new LossRow("price", 2, Proportion.of(2, 5), eur("150.50"), 0),
            new LossRow("timing", 1, Proportion.of(1, 5), eur("10.00"), 0)),
        r.reasons());
    assertEquals(Proportion.of(2, 5), r.unspecifiedShare());
    assertEquals(Proportion.of(3, 5), r.reasonFilledShare());
  }

  @Test
  void byStageChannelAndOwner() {
    LossReport r = Losses.of(log()).report();
    assertEquals(
        List.of(
            new LossRow("qualified", 2, Proportion.of(2, 5), eur("110.00"), 0),
            new LossRow("(none)", 1, Proportion.of(1, 5), eur("20.25"), 0),
            new LossRow("new", 1, Proportion.of(1, 5), Optional.empty(), 1),
            new LossRow("proposal", 1, Proportion.of(1, 5), eur("50.50"), 0)),
        r.lostAt());
    assertEquals(
        List.of(
            new LossRow("ads", 3, Proportion.of(3, 5), eur("170.75"), 0),
            new LossRow("seo", 2, Proportion.of(2, 5), eur("10.00"), 1)),
        r.channels());
    assertEquals(
        List.of(
            new LossRow("ann", 2, Proportion.of(2, 5), eur("150.50"), 0),
            new LossRow("bob", 2, Proportion.of(2, 5), eur("20.25"), 1),
            new LossRow("(unspecified)", 1, Proportion.of(1, 5), eur("10.00"), 0)),
        r.owners());
  }

  @Test
  void crossedGroups() {
    LossReport r = Losses.of(log()).report();
    assertEquals(5, r.groups().size());
    assertTrue(
        r.groups()
            .contains(new LossGroup("(unspecified)", "(none)", "ads", "bob", 1, eur("20.25"), 0)));
    assertTrue(
        r.groups()
            .contains(
                new LossGroup("timing", "qualified", "seo", "(unspecified)", 1, eur("10.00"), 0)));
    assertEquals(5, r.groups().stream().mapToLong(LossGroup::count).sum());
  }

  @Test
  void asOfSeesOnlyEarlierLosses() {
    LossReport r = Losses.of(log()).asOf(h(2)).report();
    // L2 is lost at 3; R1 reopened at 2 is open again
    assertEquals(4, r.lost());
    assertEquals(eur("130.25"), r.amount());
    LossReport early = Losses.of(log()).asOf(h(1)).report();
    // L3 and L4 lost; R1 lost at 1 (reopened only at 2)
    assertEquals(3, early.lost());
  }

  @Test
  void aDealLostAfterItWasWonIsLostAtItsWonStage() {
    // R: qualified@1, won@2, lost@3 (a refund): just before LOST it was in "won".
    DealLog log =
        DealLog.builder(PIPELINE)
            .deal(Deal.builder("R", T0).lossReason("refund").build())
            .change("R", "qualified", h(1))
            .change("R", "won", h(2))
            .change("R", "lost", h(3))
            .build();
    assertEquals(
        List.of(new LossRow("won", 1, Proportion.of(1, 1), Optional.empty(), 1)),
        Losses.of(log).report().lostAt());
  }

  @Test
  void noLossesHasUndefinedShares() {
    LossReport r = Losses.of(log()).asOf(T0.minusSeconds(1)).report();
    assertEquals(0, r.lost());
    assertTrue(r.unspecifiedShare().isUndefined());
    assertEquals(Optional.empty(), r.amount());
    // one line, no five tables of headers alone (new-user review)
    assertEquals(
        "Losses as of " + T0.minusSeconds(1) + ": 0 lost deals, -, without reason -\n",
        r.toString());
  }

  @Test
  void printsTables() {
    String s = Losses.of(log()).report().toString();
    assertTrue(s.contains("5 lost deals, 180.75 EUR (1 without amount)"), s);
    assertTrue(s.contains("timing"), s);
  }

  @Test
  void optionsAreSetOnce() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Losses.of(log()).asOf(T0).asOf(T0));
    assertEquals("asOf was already set to 2026-03-02T00:00:00Z", e.getMessage());
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> Losses.of(log()).cohort(h(1), T0));
    assertEquals(
        "cohort [2026-03-02T01:00:00Z, 2026-03-02T00:00:00Z) is empty: 'to' must be after 'from'",
        bad.getMessage());
  }

  /**
   * A stage whose id is {@value Losses#NO_STAGE} shares one lost-at row (and group) with the deals
   * lost at creation, as the rows keyed by name always did, rather than two rows of the same key.
   */
  @Test
  void aStageNamedLikeNoStageSharesItsRow() {
    Pipeline p = Pipeline.builder("b").open("(none)").open("x").won("won").lost("lost").build();
    DealLog log =
        DealLog.builder(p)
            .deal(Deal.builder("A", T0).amount("10.00", "EUR").build())
            .deal(Deal.builder("B", T0).amount("5.00", "EUR").build())
            .change("A", "lost", T0)
            .change("B", "lost", h(1))
            .build();
    LossReport r = Losses.of(log).report();
    assertEquals(
        List.of(new LossRow("(none)", 2, Proportion.of(2, 2), eur("15.00"), 0)), r.lostAt());
    assertEquals(
        List.of(
            new LossGroup(
                "(unspecified)", "(none)", "(unspecified)", "(unspecified)", 2, eur("15.00"), 0)),
        r.groups());
  }
}
