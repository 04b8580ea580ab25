package dev.funnel.sequence;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One event of an entity (a visitor, a lead, a deal): the input of event-sequence funnels ({@code
 * events.csv} in FORMATS.md).
 *
 * @param entityId the entity the event belongs to, non-blank
 * @param at when it happened
 * @param name what happened ({@code visit}, {@code signup}, ...), non-blank
 */
public record Event(String entityId, Instant at, String name) {

  /**
   * Validates the event.
   *
   * @throws IllegalArgumentException if the entity id or name is blank
   */
  public Event {
    requireNonNull(entityId, "entityId");
    requireNonNull(at, "at");
    requireNonNull(name, "name");
    if (entityId.isBlank()) {
      throw new IllegalArgumentException("event: entity id is blank");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("event of \"" + entityId + "\": name is blank");
    }
  }
}
