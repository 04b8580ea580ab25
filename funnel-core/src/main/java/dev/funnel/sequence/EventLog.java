package dev.funnel.sequence;

import dev.funnel.log.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A validated, immutable, columnar log of events of entities: the input of {@link SequenceFunnel}.
 *
 * <p>Entity ids and event names are dictionary-encoded ints; times are held as epoch
 * <b>milliseconds</b> (sub-millisecond parts are dropped, rounding towards the past). Entities are
 * held in order of their first event in the input; the events of each entity are contiguous and
 * ordered by time, ties in input order. (Funnels do not depend on the input order of ties: like
 * ClickHouse, they process events of equal time in step order, see {@link SequenceFunnel}.) No
 * object is kept per event, so a log of 10 million events costs about 12 bytes per event.
 *
 * <p>Build one with {@link #builder()}; instances are created by funnel only, this interface is not
 * for implementation elsewhere.
 *
 * {@snippet :
 * EventLog log = EventLog.builder()
 *     .add(new Event("u1", Instant.parse("2026-03-02T09:00:00Z"), "visit"))
 *     .add(new Event("u1", Instant.parse("2026-03-02T09:05:00Z"), "signup"))
 *     .build();
 * }
 */
public interface EventLog {

  /**
   * Starts a strict event log builder.
   *
   * @return a new builder
   */
  static EventLogBuilder builder() {
    return new EventLogBuilder();
  }

  /**
   * The number of entities (distinct entity ids of accepted events).
   *
   * @return the number of entities
   */
  int entityCount();

  /**
   * The number of accepted events.
   *
   * @return the number of accepted events
   */
  int eventCount();

  /**
   * The id of the entity at this position (order of first appearance).
   *
   * @param index the entity's position, from 0
   * @return its id
   * @throws IndexOutOfBoundsException if the index is not in {@code [0, entityCount())}
   */
  String entityId(int index);

  /**
   * The position of the entity with this id, if the log holds it.
   *
   * @param entityId the entity id
   * @return its position, from 0; empty if no accepted event has this id
   */
  OptionalInt indexOf(String entityId);

  /**
   * The events of the entity at this position in time order (ties in input order), rebuilt from the
   * columns with millisecond instants.
   *
   * @param index the entity's position, from 0
   * @return its events
   * @throws IndexOutOfBoundsException if the index is not in {@code [0, entityCount())}
   */
  List<Event> events(int index);

  /**
   * The distinct event names, in order of first appearance.
   *
   * @return the event names
   */
  List<String> eventNames();

  /**
   * The earliest event time; empty for an empty log.
   *
   * @return the earliest event time, at millisecond precision
   */
  Optional<Instant> earliest();

  /**
   * The latest event time; empty for an empty log.
   *
   * @return the latest event time, at millisecond precision
   */
  Optional<Instant> latest();

  /**
   * Every record that was read: accepted events plus rejected records.
   *
   * @return the number of records read
   */
  long recordsRead();

  /**
   * The records that were not accepted (lenient mode), in input order. Empty in strict mode.
   *
   * @return the rejected records
   */
  List<Rejection> rejections();
}
