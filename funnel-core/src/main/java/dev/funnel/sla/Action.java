package dev.funnel.sla;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * One entry of the "act now" list: a lead to respond to or a deal to follow up or move.
 *
 * @param kind what to do
 * @param subjectId the lead or deal id
 * @param owner who should act, or {@code (unspecified)}
 * @param timeLeft time left before the limit passes; negative when it has passed (business time for
 *     leads with a calendar, wall time otherwise)
 */
public record Action(Kind kind, String subjectId, String owner, Duration timeLeft) {

  /** What an action asks for. */
  public enum Kind {
    /** An untouched lead, breached or at risk. */
    RESPOND_TO_LEAD,
    /** A stale open deal. */
    FOLLOW_UP_DEAL,
    /** A deal over its stage's time limit. */
    MOVE_ROTTING_DEAL
  }

  /** Validates the action. */
  public Action {
    requireNonNull(kind, "kind");
    requireNonNull(subjectId, "subjectId");
    requireNonNull(owner, "owner");
    requireNonNull(timeLeft, "timeLeft");
  }
}
