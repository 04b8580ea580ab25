package dev.funnel.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.Origin;
import dev.funnel.log.RejectedRecordException;
import dev.funnel.log.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class EventLogTest {
  private static Event ev(String entity, long second, String name) {
    return new Event(entity, Instant.ofEpochSecond(second), name);
  }

  @Test
  void groupsByEntityInFirstAppearanceAndOrdersByTimeWithTiesInInputOrder() {
    EventLog log =
        EventLog.builder()
            .add(ev("u2", 5, "b"))
            .add(ev("u1", 3, "x"))
            .add(ev("u2", 1, "a"))
            .add(ev("u1", 3, "y"))
            .add(ev("u1", 2, "z"))
            .build();
    assertEquals(2, log.entityCount());
    assertEquals(5, log.eventCount());
    assertEquals("u2", log.entityId(0));
    assertEquals(List.of(ev("u2", 1, "a"), ev("u2", 5, "b")), log.events(0));
    assertEquals(List.of(ev("u1", 2, "z"), ev("u1", 3, "x"), ev("u1", 3, "y")), log.events(1));
    assertEquals(List.of("b", "x", "a", "y", "z"), log.eventNames());
    assertEquals(OptionalInt.of(1), log.indexOf("u1"));
    assertEquals(OptionalInt.empty(), log.indexOf("u3"));
    assertEquals(Optional.of(Instant.ofEpochSecond(1)), log.earliest());
    assertEquals(Optional.of(Instant.ofEpochSecond(5)), log.latest());
    assertEquals(5, log.recordsRead());
    assertEquals(List.of(), log.rejections());
  }

  @Test
  void longUnsortedEntityIsSortedStably() {
    EventLogBuilder b = EventLog.builder();
    for (int i = 0; i < 200; i++) {
      b.add(ev("u", (i * 37) % 50, "n" + i));
    }
    List<Event> events = b.build().events(0);
    for (int i = 1; i < events.size(); i++) {
      Event p = events.get(i - 1);
      Event c = events.get(i);
      int cmp = p.at().compareTo(c.at());
      assertTrue(cmp < 0 || (cmp == 0 && index(p) < index(c)), p + " then " + c);
    }
  }

  private static int index(Event e) {
    return Integer.parseInt(e.name().substring(1));
  }

  @Test
  void subMillisecondsAreDroppedTowardsThePast() {
    EventLog log =
        EventLog.builder()
            .add(new Event("u", Instant.ofEpochSecond(1, 999_999), "a"))
            .add(new Event("v", Instant.ofEpochSecond(-1, 500_000), "a"))
            .build();
    assertEquals(Instant.ofEpochMilli(1000), log.events(0).get(0).at());
    assertEquals(Instant.ofEpochMilli(-1000), log.events(1).get(0).at());
  }

  @Test
  void emptyLog() {
    EventLog log = EventLog.builder().build();
    assertEquals(0, log.entityCount());
    assertEquals(Optional.empty(), log.earliest());
    assertEquals(Optional.empty(), log.latest());
    assertEquals(0, log.recordsRead());
  }

  @Test
  void strictModeRejectsAnInstantOutsideEpochMillis() {
    EventLogBuilder b = EventLog.builder().add(ev("u", 1, "a"));
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class,
            () -> b.add(new Event("u", Instant.MAX, "a"), new Origin("events.csv", 3)));
    assertEquals(
        "events.csv:3: at: \"+1000000000-12-31T23:59:59.999999999Z\": not representable in epoch"
            + " milliseconds (a log holds years -292275055 to 292278994)",
        e.getMessage());
    assertThrows(IllegalStateException.class, b::build);
  }

  @Test
  void lenientModeAccountsForEveryRecord() {
    Rejection unreadable =
        new Rejection("events.csv", 4, "at", "yesterday", "not an ISO-8601 timestamp");
    EventLog log =
        EventLog.builder()
            .lenient()
            .add(ev("u", 1, "a"))
            .add(new Event("u", Instant.MIN, "b"))
            .reject(unreadable)
            .add(ev("v", 2, "a"))
            .build();
    assertEquals(2, log.eventCount());
    assertEquals(4, log.recordsRead());
    assertEquals(2, log.rejections().size());
    assertEquals("events", log.rejections().get(0).source());
    assertEquals(2, log.rejections().get(0).line());
    assertEquals("at", log.rejections().get(0).field());
    assertEquals(unreadable, log.rejections().get(1));
    assertEquals(log.recordsRead(), log.eventCount() + log.rejections().size());
  }

  @Test
  void builderIsSingleUse() {
    EventLogBuilder b = EventLog.builder();
    b.build();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> b.add(ev("u", 1, "a")));
    assertEquals("this builder was already built (or failed); start another", e.getMessage());
    IllegalStateException twice =
        assertThrows(IllegalStateException.class, () -> EventLog.builder().lenient().lenient());
    assertEquals("lenient() was already called", twice.getMessage());
  }
}
