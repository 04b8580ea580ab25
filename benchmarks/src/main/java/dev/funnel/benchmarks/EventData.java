package dev.funnel.benchmarks;

import dev.funnel.sequence.Event;
import dev.funnel.sequence.EventLog;
import dev.funnel.sequence.EventLogBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic web/product events for the sequence funnel (workload 3): entities with about ten events
 * each, a few hours to days apart, named after the five funnel steps or {@code browse} (no step).
 * Seeded: the same arguments give the same events.
 *
 * @param entities how many entities
 * @param entityOf per event, the entity position; events are grouped by entity and time-ordered
 * @param millis per event, epoch milliseconds
 * @param name per event, the index into {@link #NAMES}
 */
public record EventData(int entities, int[] entityOf, long[] millis, byte[] name) {

  /** The five steps of the funnel, in order. */
  public static final List<String> STEPS =
      List.of("visit", "signup", "demo_request", "demo", "purchase");

  /** Event names: the steps, then one that is no step. */
  public static final String[] NAMES = {
    "visit", "signup", "demo_request", "demo", "purchase", "browse"
  };

  private static final long START = Instant.parse("2025-01-06T00:00:00Z").toEpochMilli();
  private static final long YEAR = 365L * 86_400_000;
  private static final double MEAN_GAP = 0.5 * 86_400_000;

  /** About {@code events} events over {@code entities} entities. */
  public static EventData generate(int entities, int events, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] entityOf = new int[events];
    long[] millis = new long[events];
    byte[] name = new byte[events];
    int perEntity = events / entities;
    int i = 0;
    for (int e = 0; e < entities; e++) {
      int count = e == entities - 1 ? events - i : perEntity;
      long t = START + r.nextLong(YEAR);
      int progress = 0;
      boolean browser = r.nextDouble() < 0.05; // never takes a step
      for (int k = 0; k < count; k++) {
        entityOf[i] = e;
        millis[i] = t;
        double u = r.nextDouble();
        int n;
        if (browser) {
          n = STEPS.size();
        } else if (u < 0.45) {
          n = progress; // the next step of this entity's journey
          progress = Math.min(progress + 1, STEPS.size() - 1);
        } else if (u < 0.75) {
          n = r.nextInt(progress + 1); // a step again
        } else {
          n = STEPS.size(); // browse: no step
        }
        name[i] = (byte) n;
        i++;
        // Mostly hours apart, sometimes on the same millisecond (a tie).
        t += r.nextDouble() < 0.03 ? 0 : (long) (-MEAN_GAP * Math.log(1 - r.nextDouble()));
      }
    }
    return new EventData(entities, entityOf, millis, name);
  }

  /** Validates the columns' lengths. */
  public EventData {
    if (entityOf.length != millis.length || millis.length != name.length) {
      throw new IllegalArgumentException("event columns differ in length");
    }
  }

  /** The entity id of a position. */
  public static String entityId(int e) {
    return "u" + e;
  }

  /** The engine's event log of these events. */
  public EventLog eventLog() {
    EventLogBuilder b = EventLog.builder();
    String[] ids = ids();
    for (int i = 0; i < millis.length; i++) {
      b.add(new Event(ids[entityOf[i]], Instant.ofEpochMilli(millis[i]), NAMES[name[i]]));
    }
    return b.build();
  }

  /** The events as records, as a Streams user holds them. */
  public List<Event> events() {
    String[] ids = ids();
    List<Event> out = new ArrayList<>(millis.length);
    for (int i = 0; i < millis.length; i++) {
      out.add(new Event(ids[entityOf[i]], Instant.ofEpochMilli(millis[i]), NAMES[name[i]]));
    }
    return out;
  }

  private String[] ids() {
    String[] ids = new String[entities];
    for (int e = 0; e < entities; e++) {
      ids[e] = entityId(e);
    }
    return ids;
  }
}
