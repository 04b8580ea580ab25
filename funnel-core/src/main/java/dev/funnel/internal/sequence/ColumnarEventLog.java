package dev.funnel.internal.sequence;

import dev.funnel.log.Rejection;
import dev.funnel.sequence.Event;
import dev.funnel.sequence.EventLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The columnar {@link EventLog}: entity {@code e} owns events {@code [start[e], start[e+1])},
 * ordered by {@code at} (epoch millis), ties in input order; {@code name} holds codes into {@code
 * names}. Arrays are owned by this object and never exposed to users.
 */
public final class ColumnarEventLog implements EventLog {
  private final String[] entityIds;
  private final Map<String, Integer> entityIndex;
  private final int[] start;
  private final long[] at;
  private final int[] name;
  private final String[] names;
  private final int maxEntityEvents;
  private final long read;
  private final List<Rejection> rejections;

  public ColumnarEventLog(
      String[] entityIds,
      Map<String, Integer> entityIndex,
      int[] start,
      long[] at,
      int[] name,
      String[] names,
      long read,
      List<Rejection> rejections) {
    this.entityIds = entityIds;
    this.entityIndex = entityIndex;
    this.start = start;
    this.at = at;
    this.name = name;
    this.names = names;
    this.read = read;
    this.rejections = List.copyOf(rejections);
    int max = 0;
    for (int e = 0; e < entityIds.length; e++) {
      max = Math.max(max, start[e + 1] - start[e]);
    }
    this.maxEntityEvents = max;
  }

  /** Entity e's events are {@code [start()[e], start()[e+1])}; do not modify. */
  int[] start() {
    return start;
  }

  long[] at() {
    return at;
  }

  int[] name() {
    return name;
  }

  String[] names() {
    return names;
  }

  int maxEntityEvents() {
    return maxEntityEvents;
  }

  @Override
  public int entityCount() {
    return entityIds.length;
  }

  @Override
  public int eventCount() {
    return at.length;
  }

  @Override
  public String entityId(int index) {
    Objects.checkIndex(index, entityIds.length);
    return entityIds[index];
  }

  @Override
  public OptionalInt indexOf(String entityId) {
    Integer i = entityIndex.get(entityId);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  @Override
  public List<Event> events(int index) {
    Objects.checkIndex(index, entityIds.length);
    List<Event> out = new ArrayList<>(start[index + 1] - start[index]);
    for (int i = start[index]; i < start[index + 1]; i++) {
      out.add(new Event(entityIds[index], Instant.ofEpochMilli(at[i]), names[name[i]]));
    }
    return List.copyOf(out);
  }

  @Override
  public List<String> eventNames() {
    return List.of(names);
  }

  @Override
  public Optional<Instant> earliest() {
    if (at.length == 0) {
      return Optional.empty();
    }
    long min = Long.MAX_VALUE;
    for (int e = 0; e < entityIds.length; e++) {
      min = Math.min(min, at[start[e]]);
    }
    return Optional.of(Instant.ofEpochMilli(min));
  }

  @Override
  public Optional<Instant> latest() {
    if (at.length == 0) {
      return Optional.empty();
    }
    long max = Long.MIN_VALUE;
    for (int e = 0; e < entityIds.length; e++) {
      max = Math.max(max, at[start[e + 1] - 1]);
    }
    return Optional.of(Instant.ofEpochMilli(max));
  }

  @Override
  public long recordsRead() {
    return read;
  }

  @Override
  public List<Rejection> rejections() {
    return rejections;
  }

  @Override
  public String toString() {
    return "EventLog["
        + entityIds.length
        + " entities, "
        + at.length
        + " events, "
        + names.length
        + " event names"
        + (rejections.isEmpty() ? "" : ", " + rejections.size() + " rejected")
        + "]";
  }
}
