package dev.funnel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.Funnel;
import dev.funnel.FunnelReport;
import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.StageChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DealLog#knownAt} on four deals by hand. Times are hours after T0. */
final class DealLogKnownAtTest {
  static final Instant T0 = DealLogBuilderTest.T0;

  static Instant h(double hours) {
    return T0.plusSeconds((long) (hours * 3600));
  }

  /**
   * D1 (ann, 10.00 EUR) qualified at 1, recorded at once. D2 (bob) lost at 2, entered at 30 and
   * back-dated. D3 (ann, ads) qualified at 3 (recorded at 3), won at 5 (recorded at 26). D4 (cy)
   * created at 28. The monday instant is 24.
   */
  static DealLog log() {
    return DealLog.builder(DealLogBuilderTest.B2B)
        .deal(Deal.builder("D1", T0).owner("ann").amount("10.00", "EUR").build())
        .deal(Deal.builder("D2", h(0.5)).owner("bob").build())
        .deal(Deal.builder("D3", h(1)).owner("ann").channel("ads").build())
        .deal(Deal.builder("D4", h(28)).owner("cy").build())
        .change("D1", "qualified", h(1))
        .change(StageChange.of("D2", "lost", h(2)).recordedAt(h(30)).actor("import"))
        .change(StageChange.of("D3", "qualified", h(3)).actor("ann"))
        .change(StageChange.of("D3", "won", h(5)).recordedAt(h(26)))
        .build();
  }

  @Test
  void theLogAsRecordedOnMondayLacksWhatWasBackDatedLater() {
    DealLog log = log();
    DealLog monday = log.knownAt(h(24));
    // D4 was created after Monday; D2's loss and D3's win were recorded after it.
    assertEquals(3, monday.dealCount());
    assertEquals(List.of(log.deal(0), log.deal(1), log.deal(2)), deals(monday));
    assertEquals(log.changes(0), monday.changes(0));
    assertEquals(List.of(), monday.changes(1));
    assertEquals(List.of(log.changes(2).get(0)), monday.changes(2));
    assertEquals(2, monday.changeCount());
    // Seen as of Monday itself (the log's latest event, D4's creation at 28, is later).
    assertEquals(Optional.of(h(24)), monday.latestEventTime());
    assertEquals(Optional.of(T0), monday.earliestCreation());
    assertEquals(Optional.of(2), monday.indexOf("D3"));
    assertEquals(Optional.empty(), monday.indexOf("D4"));
    assertEquals(5, monday.recordsRead()); // 3 deals and 2 changes
    assertEquals(List.of(), monday.rejections());
    // The actor "import" is used only by D2's loss, so it is not in the view's dictionary.
    String[] actors = ColumnarDealLog.of(monday).actorNames;
    assertEquals(List.of("ann"), List.of(actors).subList(1, actors.length));
  }

  @Test
  void mondaysReportAgainstTheOneTheLogNowTellsAboutMonday() {
    DealLog log = log();
    Instant monday = h(24);
    FunnelReport shown = Funnel.of(log.knownAt(monday)).report();
    FunnelReport now = Funnel.of(log).asOf(monday).report();
    // Shown on Monday: D1 and D3 in qualified, D2 in new; nothing closed.
    assertEquals(3, shown.all().deals().open());
    assertEquals(0, shown.all().deals().won());
    assertEquals(0, shown.all().deals().lost());
    // The same Monday as the log now tells it: D2 lost at 2, D3 won at 5, only D1 open.
    assertEquals(1, now.all().deals().open());
    assertEquals(1, now.all().deals().won());
    assertEquals(1, now.all().deals().lost());
    // D2's age in "new" on Monday: 24 - 0.5 hours; D1 and D3 in qualified for 23 and 21 hours.
    assertEquals(
        Optional.of(java.time.Duration.ofMinutes(23 * 60 + 30)),
        shown.all().stages().get(0).ageInStage().percentile(0.5));
    assertEquals(
        Optional.of(java.time.Duration.ofHours(22)),
        shown.all().stages().get(1).ageInStage().percentile(0.5));
  }

  @Test
  void wholeSecondsDecideAndViewsCompose() {
    DealLog log = log();
    // D3's win was recorded at 26 h exactly: known at that second and 0.9 s after, not 1 s before.
    assertEquals(2, log.knownAt(h(26)).changes(2).size());
    assertEquals(2, log.knownAt(h(26).plusMillis(900)).changes(2).size());
    assertEquals(1, log.knownAt(h(26).minusSeconds(1)).changes(2).size());
    // Seen as of the instant's whole second.
    assertEquals(Optional.of(h(26)), log.knownAt(h(26).plusMillis(900)).latestEventTime());
    // D4 was created at 28 h exactly: known at that second, with any fraction, not 1 s before.
    assertEquals(4, log.knownAt(h(28)).dealCount());
    assertEquals(4, log.knownAt(h(28).plusMillis(999)).dealCount());
    assertEquals(3, log.knownAt(h(28).minusMillis(1)).dealCount());
    DealLog twice = log.knownAt(h(30)).knownAt(h(24));
    DealLog once = log.knownAt(h(24));
    assertEquals(deals(once), deals(twice));
    for (int i = 0; i < once.dealCount(); i++) {
      assertEquals(once.changes(i), twice.changes(i));
    }
    // The records of the earlier instant, seen as of the later one.
    DealLog later = log.knownAt(h(24)).knownAt(h(30));
    assertEquals(deals(once), deals(later));
    assertEquals(once.changeCount(), later.changeCount());
    assertEquals(Optional.of(h(30)), later.latestEventTime());
    // Everything is known once everything is recorded; the view then holds the whole log, seen
    // as of its instant, after the log's last event (D4's creation at 28 h).
    DealLog all = log.knownAt(h(30));
    assertEquals(deals(log), deals(all));
    assertEquals(log.changeCount(), all.changeCount());
    assertEquals(Optional.of(h(30)), all.latestEventTime());
    assertEquals(
        Funnel.of(log).asOf(h(30)).report().toString(), Funnel.of(all).report().toString());
    // Before the first creation nothing is known.
    DealLog none = log.knownAt(T0.minusSeconds(1));
    assertEquals(0, none.dealCount());
    // ... and a report over it is as of that instant (API review: it said 1970-01-01)
    assertEquals(Optional.of(T0.minusSeconds(1)), none.latestEventTime());
    assertEquals(T0.minusSeconds(1), Funnel.of(none).report().asOf());
    assertEquals(0, log.knownAt(Instant.MIN).dealCount());
    // as far before the log as it can measure: its first second, 2^31 - 1 seconds before T0
    assertEquals(
        Optional.of(T0.minusSeconds(Integer.MAX_VALUE)),
        log.knownAt(Instant.MIN).latestEventTime());
    // Beyond the span a log measures (2^31 - 1 seconds after T0), its last second.
    DealLog everything = log.knownAt(Instant.MAX);
    assertEquals(deals(log), deals(everything));
    assertEquals(log.changeCount(), everything.changeCount());
    assertEquals(Optional.of(T0.plusSeconds(Integer.MAX_VALUE)), everything.latestEventTime());
    assertEquals(T0.plusSeconds(Integer.MAX_VALUE), Funnel.of(everything).report().asOf());
    // A view without deals is still seen as of its instant (above), not of the epoch.
    assertEquals(T0.minusSeconds(1), Funnel.of(none).report().asOf());
  }

  /**
   * A view of a segment is the segment of the view, seen as of the same instant: ann's deals (D1,
   * D3) known at 24 h or at 40 h (after the log's last event), as of that instant whichever comes
   * first.
   */
  @Test
  void aViewOfASegmentIsTheSegmentOfTheView() {
    DealLog log = log();
    DealLog ann = log.where(d -> d.owner().equals(Optional.of("ann")));
    for (Instant at : List.of(h(24), h(26), h(40), Instant.MAX)) {
      DealLog viewOfSegment = ann.knownAt(at);
      DealLog segmentOfView = log.knownAt(at).where(d -> d.owner().equals(Optional.of("ann")));
      assertEquals(deals(segmentOfView), deals(viewOfSegment));
      for (int i = 0; i < viewOfSegment.dealCount(); i++) {
        assertEquals(segmentOfView.changes(i), viewOfSegment.changes(i));
      }
      assertEquals(segmentOfView.latestEventTime(), viewOfSegment.latestEventTime());
      assertEquals(
          Funnel.of(segmentOfView).report().toString(),
          Funnel.of(viewOfSegment).report().toString());
    }
    assertEquals(Optional.of(h(24)), ann.knownAt(h(24)).latestEventTime());
    assertEquals(Optional.of(h(40)), ann.knownAt(h(40)).latestEventTime());
    // The segment itself is seen as of the whole log's latest event, D4's creation.
    assertEquals(Optional.of(h(28)), ann.latestEventTime());
  }

  @Test
  void aChangeAtCreationRecordedLaterLeavesTheDealInTheFirstStage() {
    DealLog log =
        DealLog.builder(DealLogBuilderTest.B2B)
            .deal(Deal.builder("D1", T0).build())
            .change(StageChange.of("D1", "proposal", T0).recordedAt(h(10)))
            .build();
    Instant at = h(5);
    assertEquals(1, Funnel.of(log.knownAt(at)).asOf(at).report().all().stages().get(0).reached());
    assertEquals(1, Funnel.of(log).asOf(at).report().all().stages().get(2).reached());
    assertEquals(0, Funnel.of(log.knownAt(at)).asOf(at).report().all().stages().get(2).reached());
  }

  /** A record's fraction of a second is dropped: recorded at .7 s, it is known at .2 s. */
  @Test
  void aRecordingFractionIsDroppedLikeEveryOther() {
    DealLog log =
        DealLog.builder(DealLogBuilderTest.B2B)
            .deal(Deal.builder("D1", T0).build())
            .change(StageChange.of("D1", "qualified", h(1)).recordedAt(h(26).plusMillis(700)))
            .build();
    assertEquals(1, log.knownAt(h(26).plusMillis(200)).changeCount());
    assertEquals(0, log.knownAt(h(26).minusMillis(300)).changeCount());
  }

  @Test
  void nullIsRefusedByName() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> log().knownAt(null));
    assertEquals("instant", e.getMessage());
  }

  private static List<Deal> deals(DealLog log) {
    return java.util.stream.IntStream.range(0, log.dealCount()).mapToObj(log::deal).toList();
  }
}
