package dev.funnel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class LiveDealLogTest {
  static final Pipeline P =
      Pipeline.builder("p").open("s1").open("s2").won("won").lost("lost").build();
  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void aStrictLiveLogRefusesABadRecordAndGoesOn() {
    LiveDealLog live = LiveDealLog.create(P);
    live.deal(Deal.builder("A", T0).amount("10.00", "EUR").build());
    live.change("A", "s2", T0.plusSeconds(3600));
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class, () -> live.change("A", "typo", T0.plusSeconds(7200)));
    assertEquals("to_stage", e.rejection().field());
    assertThrows(RejectedRecordException.class, () -> live.deal(Deal.builder("A", T0).build()));
    assertThrows(
        RejectedRecordException.class,
        () -> live.deal(Deal.builder("C", T0).amount("1.00", "USD").build()));
    // The refused deal C never arrived: its change waits as pending, and C can still come.
    live.change("C", "s2", T0.plusSeconds(60));
    live.deal(Deal.builder("B", T0.plusSeconds(60)).build());

    DealLog snapshot = live.snapshot();
    assertEquals(2, snapshot.dealCount()); // A and B
    assertEquals(1, snapshot.changeCount()); // A -> s2
    assertEquals(0, snapshot.rejections().size());
    assertEquals(3, snapshot.recordsRead()); // refused records are not read; C's change is pending
    assertEquals(1, live.pendingChanges());

    live.deal(Deal.builder("C", T0).amount("1.00", "EUR").build());
    DealLog later = live.snapshot();
    assertEquals(3, later.dealCount());
    assertEquals(2, later.changeCount());
    assertEquals(5, later.recordsRead());
    assertEquals(0, live.pendingChanges());
  }

  @Test
  void aLaterSnapshotKeepsWhatThePreviousOneKeptAgainstFewerThanTwiceItsDeals() {
    // Embedding review: two 1900-01-01 placeholders appended after one real deal took the 68-year
    // window from it (the window that keeps the most deals), so the next snapshot lost the deal
    // and its changes and reported on 1900.
    Instant placeholder = Instant.parse("1900-01-01T00:00:00Z");
    for (boolean lenient : new boolean[] {false, true}) {
      LiveDealLog live = lenient ? LiveDealLog.lenient(P) : LiveDealLog.create(P);
      live.deal(Deal.builder("D-1", T0).build());
      live.change("D-1", "s2", T0.plusSeconds(3600));
      live.change("D-1", "won", T0.plusSeconds(7200));
      assertEquals(2, live.snapshot().changeCount());

      live.deal(Deal.builder("X-1", placeholder).build());
      live.deal(Deal.builder("X-2", placeholder).build());
      DealLog later = live.snapshot();
      assertEquals(1, later.dealCount());
      assertEquals("D-1", later.deal(0).id());
      assertEquals(2, later.changeCount());
      assertEquals(5, later.recordsRead());
      assertEquals(2, later.rejections().size());
      for (int r = 0; r < 2; r++) {
        assertEquals(
            "deals:" + (r + 2),
            later.rejections().get(r).source() + ":" + later.rejections().get(r).line());
        assertEquals("created_at", later.rejections().get(r).field());
      }

      // The same records built at once follow the batch rule: the window with the most deals.
      DealLog batch =
          DealLog.builder(P)
              .lenient()
              .deal(Deal.builder("D-1", T0).build())
              .change("D-1", "s2", T0.plusSeconds(3600))
              .deal(Deal.builder("X-1", placeholder).build())
              .deal(Deal.builder("X-2", placeholder).build())
              .build();
      assertEquals(2, batch.dealCount());
    }
  }

  @Test
  void aKeptWindowGivesWayWhenTheRecordsAfterItOutnumberItMoreThanTwice() {
    // Review of the sticky window: a first snapshot of one placeholder pinned every real deal
    // appended after it outside the window, for good. It stays while it holds at least half the
    // deals of the best window, and gives way after that.
    Instant placeholder = Instant.parse("1900-01-01T00:00:00Z");
    LiveDealLog live = LiveDealLog.lenient(P);
    live.deal(Deal.builder("X-1", placeholder).build());
    assertEquals(1, live.snapshot().dealCount());
    live.deal(Deal.builder("D-1", T0).build());
    live.deal(Deal.builder("D-2", T0).build());
    DealLog two = live.snapshot(); // 1 kept against 2: still at least half
    assertEquals(1, two.dealCount());
    assertEquals("X-1", two.deal(0).id());
    assertEquals(2, two.rejections().size());
    live.deal(Deal.builder("D-3", T0).build());
    DealLog three = live.snapshot(); // 1 against 3: the window gives way
    assertEquals(3, three.dealCount());
    assertEquals(1, three.rejections().size());
    Rejection x1 = three.rejections().get(0);
    assertEquals("deals:1 created_at", x1.source() + ":" + x1.line() + " " + x1.field());
    // and from there on the new window is the one kept
    live.deal(Deal.builder("X-2", placeholder).build());
    live.deal(Deal.builder("X-3", placeholder).build());
    assertEquals(3, live.snapshot().dealCount());
  }

  @Test
  void aSnapshotWithNothingAppendedSinceIsThePreviousOne() {
    LiveDealLog live = LiveDealLog.create(P);
    live.deal(Deal.builder("A", T0).build());
    DealLog first = live.snapshot();
    assertSame(first, live.snapshot());

    live.change("A", "s2", T0.plusSeconds(60));
    DealLog second = live.snapshot();
    assertNotSame(first, second);
    assertEquals(0, first.changeCount()); // an earlier snapshot never changes
    assertEquals(1, second.changeCount());
    assertSame(second, live.snapshot());
  }

  @Test
  void aLenientLogsRejectedRecordMakesANewSnapshot() {
    LiveDealLog live = LiveDealLog.lenient(P);
    live.deal(Deal.builder("A", T0).build());
    DealLog before = live.snapshot();
    live.change("A", "typo", T0.plusSeconds(60)); // rejected, listed, not thrown
    DealLog after = live.snapshot();
    assertNotSame(before, after);
    assertEquals(0, before.rejections().size());
    assertEquals(1, after.rejections().size());
    assertEquals("to_stage", after.rejections().get(0).field());
    assertSame(after, live.snapshot());
  }

  @Test
  void aStrictBatchBuilderStillFailsForGood() {
    DealLogBuilder b = DealLog.builder(P).deal(Deal.builder("A", T0).build());
    assertThrows(RejectedRecordException.class, () -> b.change("A", "typo", T0));
    assertThrows(IllegalStateException.class, () -> b.deal(Deal.builder("B", T0).build()));
  }
}
