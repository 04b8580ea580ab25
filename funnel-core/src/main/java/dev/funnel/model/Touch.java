package dev.funnel.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A contact with a lead or deal (a call, an e-mail, a meeting): the clock of response-time SLAs and
 * follow-up cadences.
 *
 * @param subjectId the id of the lead or deal that was touched
 * @param at when the contact happened
 * @param kind what kind of contact it was
 * @param actor who made it
 */
public record Touch(String subjectId, Instant at, Optional<String> kind, Optional<String> actor) {

  /**
   * Validates the touch.
   *
   * @throws IllegalArgumentException if the subject id is blank
   */
  public Touch {
    requireNonNull(subjectId, "subjectId");
    requireNonNull(at, "at");
    requireNonNull(kind, "kind");
    requireNonNull(actor, "actor");
    if (subjectId.isBlank()) {
      throw new IllegalArgumentException("touch: subject id is blank");
    }
  }

  /**
   * A touch with no kind or actor.
   *
   * @param subjectId the id of the lead or deal that was touched
   * @param at when the contact happened
   * @return the touch
   */
  public static Touch of(String subjectId, Instant at) {
    return new Touch(subjectId, at, Optional.empty(), Optional.empty());
  }
}
