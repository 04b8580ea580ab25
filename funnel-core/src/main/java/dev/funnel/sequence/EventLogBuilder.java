package dev.funnel.sequence;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.columns.Ints;
import dev.funnel.internal.columns.Longs;
import dev.funnel.internal.sequence.ColumnarEventLog;
import dev.funnel.log.Origin;
import dev.funnel.log.RejectedRecordException;
import dev.funnel.log.Rejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects events, in any order, and validates them into an {@link EventLog}.
 *
 * <p>Rules: an event's entity id and name are non-blank (checked by {@link Event} itself) and its
 * instant is representable in epoch milliseconds (years -292 million to +292 million); its
 * sub-millisecond part is dropped, rounding towards the past. Repeated events (same entity, time
 * and name) are kept: they matter to {@link Mode#STRICT_DEDUPLICATION}.
 *
 * <p>In strict mode (the default) the first record that breaks a rule throws a {@link
 * RejectedRecordException} naming its origin, field, value and rule. In {@link #lenient()} mode
 * such records are left out and listed in {@link EventLog#rejections()}. Either way accepted +
 * rejected = records read.
 *
 * <p>A builder is single-use and not thread-safe.
 */
public final class EventLogBuilder {
  private boolean lenient;
  private boolean lenientSet;
  private boolean built;
  private long read;
  private long ordinal;
  private final List<Rejection> rejections = new ArrayList<>();

  private final Map<String, Integer> entities = new HashMap<>();
  private final List<String> entityIds = new ArrayList<>();
  private final Map<String, Integer> names = new HashMap<>();
  private final List<String> nameList = new ArrayList<>();
  private final Ints entity = new Ints(1024);
  private final Longs at = new Longs(1024);
  private final Ints name = new Ints(1024);

  EventLogBuilder() {}

  /**
   * Collects rejected records instead of failing on the first.
   *
   * @return this builder
   * @throws IllegalStateException if called twice
   */
  public EventLogBuilder lenient() {
    if (lenientSet) {
      throw new IllegalStateException("lenient() was already called");
    }
    lenientSet = true;
    lenient = true;
    return this;
  }

  /**
   * Whether this builder collects rejections instead of failing.
   *
   * @return true if {@link #lenient()} was called
   */
  public boolean isLenient() {
    return lenient;
  }

  /**
   * Adds an event; its origin is {@code events:N}, N counting events added.
   *
   * @param event the event
   * @return this builder
   * @throws RejectedRecordException in strict mode, if its instant is not representable in epoch
   *     milliseconds
   * @throws IllegalStateException if the builder was already built
   */
  public EventLogBuilder add(Event event) {
    return add(event, new Origin("events", ordinal + 1));
  }

  /**
   * Adds an event read from this origin.
   *
   * @param event the event
   * @param origin where it was read, e.g. {@code events.csv:12}
   * @return this builder
   * @throws RejectedRecordException in strict mode, if its instant is not representable in epoch
   *     milliseconds
   * @throws IllegalStateException if the builder was already built
   */
  public EventLogBuilder add(Event event, Origin origin) {
    requireNonNull(event, "event");
    requireNonNull(origin, "origin");
    checkOpen();
    read++;
    ordinal++;
    long millis;
    try {
      millis = event.at().toEpochMilli();
    } catch (ArithmeticException e) {
      record(
          Rejection.of(
              origin,
              "at",
              event.at().toString(),
              "not representable in epoch milliseconds (a log holds years -292275055 to"
                  + " 292278994)"));
      return this;
    }
    entity.add(code(entities, entityIds, event.entityId()));
    at.add(millis);
    name.add(code(names, nameList, event.name()));
    return this;
  }

  /**
   * Accounts for a record that could not even be read (a reader's parse error): it counts as read
   * and rejected.
   *
   * @param rejection the record and why it could not be read
   * @return this builder
   * @throws RejectedRecordException in strict mode, always
   * @throws IllegalStateException if the builder was already built
   */
  public EventLogBuilder reject(Rejection rejection) {
    requireNonNull(rejection, "rejection");
    checkOpen();
    read++;
    record(rejection);
    return this;
  }

  private static int code(Map<String, Integer> codes, List<String> list, String value) {
    Integer c = codes.get(value);
    if (c != null) {
      return c;
    }
    int next = list.size();
    codes.put(value, next);
    list.add(value);
    return next;
  }

  private void record(Rejection rejection) {
    if (!lenient) {
      built = true;
      throw new RejectedRecordException(rejection);
    }
    rejections.add(rejection);
  }

  private void checkOpen() {
    if (built) {
      throw new IllegalStateException("this builder was already built (or failed); start another");
    }
  }

  /**
   * Builds the log: groups events by entity (order of first appearance) and orders each entity's
   * events by time, ties in input order.
   *
   * @return the event log
   * @throws IllegalStateException if the builder was already built
   */
  public EventLog build() {
    checkOpen();
    built = true;
    int n = at.size();
    int entityCount = entityIds.size();
    // Counting sort by entity keeps input order within an entity.
    int[] start = new int[entityCount + 1];
    for (int i = 0; i < n; i++) {
      start[entity.get(i) + 1]++;
    }
    for (int e = 0; e < entityCount; e++) {
      start[e + 1] += start[e];
    }
    int[] fill = Arrays.copyOf(start, entityCount);
    long[] times = new long[n];
    int[] codes = new int[n];
    long[] raw = at.raw();
    for (int i = 0; i < n; i++) {
      int p = fill[entity.get(i)]++;
      times[p] = raw[i];
      codes[p] = name.get(i);
    }
    long[] tmpTimes = null;
    int[] tmpCodes = null;
    for (int e = 0; e < entityCount; e++) {
      int from = start[e];
      int to = start[e + 1];
      boolean sorted = true;
      for (int i = from + 1; i < to && sorted; i++) {
        sorted = times[i - 1] <= times[i];
      }
      if (!sorted) {
        if (tmpTimes == null) {
          tmpTimes = new long[n];
          tmpCodes = new int[n];
        }
        mergeSort(times, codes, tmpTimes, tmpCodes, from, to);
      }
    }
    Map<String, Integer> index = entities; // the builder is spent: no copy needed
    return new ColumnarEventLog(
        entityIds.toArray(new String[0]),
        index,
        start,
        times,
        codes,
        nameList.toArray(new String[0]),
        read,
        rejections);
  }

  /** Stable sort of {@code [from, to)} by time, carrying the codes along. */
  private static void mergeSort(long[] t, int[] c, long[] tt, int[] tc, int from, int to) {
    if (to - from <= 24) {
      for (int i = from + 1; i < to; i++) {
        long v = t[i];
        int k = c[i];
        int j = i - 1;
        while (j >= from && t[j] > v) {
          t[j + 1] = t[j];
          c[j + 1] = c[j];
          j--;
        }
        t[j + 1] = v;
        c[j + 1] = k;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(t, c, tt, tc, from, mid);
    mergeSort(t, c, tt, tc, mid, to);
    if (t[mid - 1] <= t[mid]) {
      return;
    }
    System.arraycopy(t, from, tt, from, to - from);
    System.arraycopy(c, from, tc, from, to - from);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      if (tt[j] < tt[i]) {
        t[k] = tt[j];
        c[k++] = tc[j++];
      } else {
        t[k] = tt[i];
        c[k++] = tc[i++];
      }
    }
    while (i < mid) {
      t[k] = tt[i];
      c[k++] = tc[i++];
    }
    while (j < to) {
      t[k] = tt[j];
      c[k++] = tc[j++];
    }
  }

  @Override
  public String toString() {
    return "EventLog.builder()"
        + (lenient ? ".lenient()" : "")
        + "["
        + at.size()
        + " events"
        + (rejections.isEmpty() ? "" : ", " + rejections.size() + " rejected")
        + "]";
  }
}
