package dev.funnel.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every METRICS.md "Process reality" rule on a log small enough to check on paper.
 *
 * <pre>
 * Pipeline new(1) qualified(2) proposal(3) negotiation(4) | won | lost; n = 4. Times on 2026-03-02 UTC.
 * A 00:00 ann: qualified@01 (by ann), qualified@02 (no-op), negotiation@03 recorded +25h (retroactive;
 *   skips proposal), proposal@04 recorded +24h exactly (not retroactive; backward 4 -> 3),
 *   won@05 (skips negotiation: n - 3 = 1)
 * D 00:00 no owner: qualified@00 (explicit entry at creation, from no stage), lost@06
 * E 00:00: no changes (implicit entry into new: no transition)
 * F 00:00 no owner: new@00 (explicit entry into s1), won@02 (skips n - 1 = 3)
 * B 09:00 bob: qualified@10:00 rec 10:00, proposal@10:03 rec 10:05, negotiation@10:04 rec 10:10
 *   (span exactly 10 min: a burst of 3)
 * C 09:00 bob: the same, recorded 10:00, 10:05, 10:10:01 (span 10 min 1 s: no burst)
 * </pre>
 */
final class HygieneTest {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  static final Pipeline PIPELINE =
      Pipeline.builder("b2b")
          .open("new")
          .open("qualified")
          .open("proposal")
          .open("negotiation")
          .won("won")
          .lost("lost")
          .build();

  static Instant at(String hhmmss) {
    return Instant.parse("2026-03-02T" + hhmmss + "Z");
  }

  static StageChange change(String deal, String to, String occurred, Duration lag) {
    Instant o = at(occurred);
    return StageChange.of(deal, to, o).recordedAt(o.plus(lag));
  }

  static StageChange change(String deal, String to, String occurred, String recorded) {
    return StageChange.of(deal, to, at(occurred)).recordedAt(at(recorded));
  }

  static DealLog log() {
    DealLogBuilder b = DealLog.builder(PIPELINE);
    b.deal(Deal.builder("A", T0).owner("ann").build());
    b.deal(Deal.builder("D", T0).build());
    b.deal(Deal.builder("E", T0).build());
    b.deal(Deal.builder("F", T0).build());
    b.deal(Deal.builder("B", at("09:00:00")).owner("bob").build());
    b.deal(Deal.builder("C", at("09:00:00")).owner("bob").build());
    b.change(change("A", "qualified", "01:00:00", Duration.ZERO).actor("ann"));
    b.change(change("A", "qualified", "02:00:00", Duration.ZERO).actor("ann"));
    b.change(change("A", "negotiation", "03:00:00", Duration.ofHours(25)).actor("ann"));
    b.change(change("A", "proposal", "04:00:00", Duration.ofHours(24)).actor("ann"));
    b.change(change("A", "won", "05:00:00", Duration.ZERO).actor("ann"));
    b.change(change("D", "qualified", "00:00:00", Duration.ZERO));
    b.change(change("D", "lost", "06:00:00", Duration.ZERO));
    b.change(change("F", "new", "00:00:00", Duration.ZERO));
    b.change(change("F", "won", "02:00:00", Duration.ZERO));
    b.change(change("B", "qualified", "10:00:00", "10:00:00"));
    b.change(change("B", "proposal", "10:03:00", "10:05:00"));
    b.change(change("B", "negotiation", "10:04:00", "10:10:00"));
    b.change(change("C", "qualified", "10:00:00", "10:00:00"));
    b.change(change("C", "proposal", "10:03:00", "10:05:00"));
    b.change(change("C", "negotiation", "10:04:00", "10:10:01"));
    return b.build();
  }

  static StageHygiene stage(HygieneReport r, String id) {
    return r.stages().stream().filter(s -> s.stage().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void totals() {
    HygieneReport r = Hygiene.of(log()).report();
    assertEquals(6, r.deals());
    assertEquals(5, r.dealsWithTransitions()); // all but E
    assertEquals(Proportion.of(5, 6), r.transitionCoverage());
    assertEquals(14, r.transitions()); // A 4, D 2, F 2, B 3, C 3
    assertEquals(1, r.retroactive()); // A's negotiation; +24h exactly is not above the tolerance
    assertEquals(3, r.burstChanges()); // B's three; C spans 10 min 1 s
    assertEquals(3, r.skips()); // A qualified->negotiation, A proposal->won, F new->won
    assertEquals(5, r.skippedStages()); // 1 + 1 + 3
    assertEquals(1, r.backwardMoves()); // A negotiation->proposal
    assertEquals(Proportion.of(1, 14), r.retroactiveShare());
    assertEquals(Proportion.of(13, 14), r.onTimeShare());
    assertEquals(Proportion.of(3, 14), r.burstShare());
  }

  @Test
  void perStage() {
    HygieneReport r = Hygiene.of(log()).report();
    // reached: new 6, qualified 5 (not E), proposal 4 (A, B, C, F), negotiation 4
    assertEquals(Proportion.of(1, 6), stage(r, "new").usage()); // only F entered s1 explicitly
    assertEquals(Proportion.of(4, 5), stage(r, "qualified").usage()); // A, D, B, C
    assertEquals(Proportion.of(3, 4), stage(r, "proposal").usage()); // A, B, C
    assertEquals(Proportion.of(3, 4), stage(r, "negotiation").usage());
    assertTrue(stage(r, "won").usage().isUndefined());
    assertEquals(
        List.of(1L, 4L, 3L, 3L, 2L, 1L),
        r.stages().stream().map(StageHygiene::transitionsInto).toList());
    assertEquals(
        List.of(0L, 1L, 2L, 2L, 0L, 0L),
        r.stages().stream().map(StageHygiene::skippedOver).toList());
    assertEquals(1, stage(r, "negotiation").retroactive());
    assertEquals(
        List.of(0L, 1L, 1L, 1L, 0L, 0L),
        r.stages().stream().map(StageHygiene::burstChanges).toList());
  }

  @Test
  void perOwnerAndActor() {
    HygieneReport r = Hygiene.of(log()).report();
    assertEquals(
        List.of(
            new GroupHygiene("bob", 6, 0, 3, 0, 0),
            new GroupHygiene("(unspecified)", 4, 0, 0, 1, 0),
            new GroupHygiene("ann", 4, 1, 0, 2, 1)),
        r.owners());
    assertEquals(
        List.of(
            new GroupHygiene("(unspecified)", 10, 0, 3, 1, 0),
            new GroupHygiene("ann", 4, 1, 0, 2, 1)),
        r.actors());
  }

  @Test
  void flagsPointAtTheExactChange() {
    HygieneReport r = Hygiene.of(log()).report();
    assertEquals(8, r.flags().size());
    assertEquals(0, r.flagsOmitted());
    assertEquals(
        new HygieneFlag(
            FlagKind.RETROACTIVE,
            "A",
            "ann",
            Optional.of("qualified"),
            "negotiation",
            at("03:00:00"),
            at("03:00:00").plus(Duration.ofHours(25)),
            Optional.of("ann"),
            0),
        r.flags().get(0));
    assertEquals(
        List.of(
            "RETROACTIVE A qualified->negotiation",
            "SKIP A qualified->negotiation",
            "BACKWARD A negotiation->proposal",
            "SKIP A proposal->won",
            "SKIP F new->won",
            "BURST B new->qualified",
            "BURST B qualified->proposal",
            "BURST B proposal->negotiation"),
        r.flags().stream()
            .map(
                f ->
                    f.kind()
                        + " "
                        + f.dealId()
                        + " "
                        + f.fromStage().orElse("-")
                        + "->"
                        + f.toStage())
            .toList());
    assertEquals(
        List.of(1, 1, 3),
        r.flags().stream()
            .filter(f -> f.kind() == FlagKind.SKIP)
            .map(HygieneFlag::stagesSkipped)
            .toList());
  }

  @Test
  void flagListIsCappedButCountsAreNot() {
    HygieneReport capped = Hygiene.of(log()).flagLimit(3).report();
    assertEquals(3, capped.flags().size());
    assertEquals(5, capped.flagsOmitted());
    assertEquals(14, capped.transitions());
    HygieneReport counts = Hygiene.of(log()).countsOnly().report();
    assertEquals(List.of(), counts.flags());
    assertEquals(8, counts.flagsOmitted());
    assertEquals(3, counts.burstChanges());
  }

  @Test
  void burstExactlyTenMinutesIsFlaggedTenMinutesOneSecondIsNot() {
    HygieneReport r = Hygiene.of(log()).report();
    assertTrue(
        r.flags().stream().anyMatch(f -> f.dealId().equals("B") && f.kind() == FlagKind.BURST));
    assertTrue(r.flags().stream().noneMatch(f -> f.dealId().equals("C")));
    // a wider window catches C as well; a larger minimum catches neither
    assertEquals(6, Hygiene.of(log()).burst(3, Duration.ofSeconds(601)).report().burstChanges());
    assertEquals(0, Hygiene.of(log()).burst(4, Duration.ofHours(1)).report().burstChanges());
  }

  @Test
  void overlappingBurstWindowsFlagEachChangeOnce() {
    // recorded at 0, 6, 10, 16 minutes: windows {0,6,10} and {6,10,16} overlap; all 4 flagged once
    DealLog log =
        DealLog.builder(PIPELINE)
            .deal(Deal.builder("X", T0).build())
            .change(change("X", "qualified", "00:00:00", "00:00:00"))
            .change(change("X", "proposal", "00:01:00", "00:06:00"))
            .change(change("X", "negotiation", "00:02:00", "00:10:00"))
            .change(change("X", "won", "00:03:00", "00:16:00"))
            .build();
    HygieneReport r = Hygiene.of(log).report();
    assertEquals(4, r.burstChanges());
    assertEquals(4, r.flags().stream().filter(f -> f.kind() == FlagKind.BURST).count());
  }

  @Test
  void retroactiveToleranceIsConfigurable() {
    // lags: A 0, 25h, 24h, 0; B 0, 2m, 6m; C 0, 2m, 6m 1s
    assertEquals(
        2, Hygiene.of(log()).retroactiveAfter(Duration.ofHours(23)).report().retroactive());
    assertEquals(
        6, Hygiene.of(log()).retroactiveAfter(Duration.ofMinutes(1)).report().retroactive());
    assertEquals(
        0, Hygiene.of(log()).retroactiveAfter(Duration.ofHours(25)).report().retroactive());
  }

  @Test
  void asOfHidesLaterChangesAndDeals() {
    HygieneReport r = Hygiene.of(log()).asOf(at("03:00:00")).report();
    // A: qualified, negotiation; D: qualified; E: -; F: new, won. B and C are not yet created.
    assertEquals(4, r.deals());
    assertEquals(5, r.transitions());
    assertEquals(1, r.retroactive());
    assertEquals(2, r.skips());
    assertEquals(0, r.backwardMoves());
    assertEquals(at("03:00:00"), r.asOf());
  }

  @Test
  void cohortSelectsByCreation() {
    HygieneReport r = Hygiene.of(log()).cohort(at("08:00:00"), at("12:00:00")).report();
    assertEquals(2, r.deals());
    assertEquals(6, r.transitions());
    assertEquals(3, r.burstChanges());
  }

  @Test
  void printsTables() {
    String s = Hygiene.of(log()).report().toString();
    assertTrue(s.contains("14 transitions"), s);
    assertTrue(s.contains("negotiation"), s);
    assertTrue(s.contains("SKIP F new -> won"), s);
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        Arguments.of(
            (Consumer<Hygiene>) h -> h.retroactiveAfter(Duration.ofSeconds(-1)),
            IllegalArgumentException.class,
            "retroactive tolerance PT-1S is negative: it must be >= PT0S"),
        Arguments.of(
            (Consumer<Hygiene>)
                h -> h.retroactiveAfter(Duration.ZERO).retroactiveAfter(Duration.ZERO),
            IllegalStateException.class,
            "retroactive tolerance was already set to PT0S"),
        Arguments.of(
            (Consumer<Hygiene>) h -> h.burst(1, Duration.ofMinutes(1)),
            IllegalArgumentException.class,
            "burst size 1 is too small: a burst needs at least 2 changes"),
        Arguments.of(
            (Consumer<Hygiene>) h -> h.burst(3, Duration.ofMinutes(-1)),
            IllegalArgumentException.class,
            "burst window PT-1M is negative: it must be >= PT0S"),
        Arguments.of(
            (Consumer<Hygiene>)
                h -> h.burst(3, Duration.ofMinutes(5)).burst(3, Duration.ofMinutes(5)),
            IllegalStateException.class,
            "burst rule was already set to 3 changes within PT5M"),
        Arguments.of(
            (Consumer<Hygiene>) h -> h.flagLimit(-1),
            IllegalArgumentException.class,
            "flag limit -1 is negative: it must be >= 0"),
        Arguments.of(
            (Consumer<Hygiene>) h -> h.countsOnly().flagLimit(5),
            IllegalStateException.class,
            "flag limit was already set to 0"),
        Arguments.of(
            (Consumer<Hygiene>) h -> h.asOf(T0).asOf(T0),
            IllegalStateException.class,
            "asOf was already set to 2026-03-02T00:00:00Z"),
        Arguments.of(
            (Consumer<Hygiene>) h -> h.cohort(T0, T0),
            IllegalArgumentException.class,
            "cohort [2026-03-02T00:00:00Z, 2026-03-02T00:00:00Z) is empty: 'to' must be after 'from'"));
  }

  @ParameterizedTest
  @MethodSource("badOptions")
  void badOptionsFailPrecisely(
      Consumer<Hygiene> call, Class<? extends RuntimeException> type, String message) {
    RuntimeException e = assertThrows(type, () -> call.accept(Hygiene.of(log())));
    assertEquals(message, e.getMessage());
  }

  @Test
  void flagsDoNotDependOnTheOrderDealsOfOneInstantArrivedIn() {
    // review finding: X and Y created in the same second, added X, Y or Y, X, listed their
    // flags in arrival order, so a concurrently appended live log differed from the batch log
    Instant c = Instant.parse("2026-01-01T00:00:00Z");
    Pipeline q =
        Pipeline.builder("b2b").open("new").open("q").open("pr").won("won").lost("lost").build();
    Deal x = Deal.builder("X", c).build();
    Deal y = Deal.builder("Y", c).build();
    DealLog xy =
        DealLog.builder(q)
            .deal(x)
            .deal(y)
            .change("X", "pr", c.plusSeconds(60))
            .change("Y", "won", c.plusSeconds(60))
            .build();
    DealLog yx =
        DealLog.builder(q)
            .deal(y)
            .deal(x)
            .change("X", "pr", c.plusSeconds(60))
            .change("Y", "won", c.plusSeconds(60))
            .build();
    HygieneReport r = Hygiene.of(xy).report();
    assertEquals(r, Hygiene.of(yx).report());
    assertEquals(2, r.flags().size());
    assertEquals("X", xy.deal(0).id());
    assertEquals("X", yx.deal(0).id());
  }
}
