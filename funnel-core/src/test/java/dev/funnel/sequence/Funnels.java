package dev.funnel.sequence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test helpers: logs written as {@code "a@1 b@2"} (event name @ epoch seconds). */
final class Funnels {
  private Funnels() {}

  /** A log of one entity {@code "u"} with these events, in this input order. */
  static EventLog log(String events) {
    EventLogBuilder b = EventLog.builder();
    addAll(b, "u", events);
    return b.build();
  }

  static void addAll(EventLogBuilder b, String entity, String events) {
    for (String e : events.trim().split("\\s+")) {
      if (e.isEmpty()) {
        continue;
      }
      int at = e.indexOf('@');
      b.add(
          new Event(
              entity,
              Instant.ofEpochSecond(Long.parseLong(e.substring(at + 1))),
              e.substring(0, at)));
    }
  }

  /** The level of the single entity of the log. */
  static int level(SequenceReport report) {
    List<Long> byLevel = report.entitiesByLevel();
    if (report.entities() != 1) {
      throw new AssertionError("expected one entity, got " + report.entities());
    }
    return byLevel.indexOf(1L);
  }

  /** The level the single entity of {@code events} reaches, window in seconds. */
  static int level(String events, long windowSeconds, List<Mode> modes, String... steps) {
    return level(
        SequenceFunnel.of(log(events))
            .steps(steps)
            .window(Duration.ofSeconds(windowSeconds))
            .mode(modes.toArray(new Mode[0]))
            .report());
  }
}
