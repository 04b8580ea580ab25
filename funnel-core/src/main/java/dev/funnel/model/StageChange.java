package dev.funnel.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A deal moved into a stage: when it happened ({@code occurredAt}), when the CRM recorded it
 * ({@code recordedAt}, by default when it happened) and who did it. A change whose {@code
 * recordedAt} lies well after its {@code occurredAt} was back-dated (METRICS.md "Process reality").
 *
 * @param dealId the deal that moved
 * @param toStage the id of the stage it moved into
 * @param occurredAt when the move happened
 * @param recordedAt when the move was recorded; not in a second before {@code occurredAt}'s (the
 *     log holds both to the second, so within one second their order does not matter)
 * @param actor who recorded it
 */
public record StageChange(
    String dealId, String toStage, Instant occurredAt, Instant recordedAt, Optional<String> actor) {

  /**
   * Validates the change.
   *
   * @throws IllegalArgumentException if an id is blank or {@code recordedAt} is in a second before
   *     {@code occurredAt}'s
   */
  public StageChange {
    requireNonNull(dealId, "dealId");
    requireNonNull(toStage, "toStage");
    requireNonNull(occurredAt, "occurredAt");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(actor, "actor");
    if (dealId.isBlank()) {
      throw new IllegalArgumentException("stage change: deal id is blank");
    }
    if (toStage.isBlank()) {
      throw new IllegalArgumentException("stage change of deal \"" + dealId + "\": stage is blank");
    }
    // In whole seconds, as the deal log holds both (a fraction only orders records of a second).
    if (recordedAt.getEpochSecond() < occurredAt.getEpochSecond()) {
      throw new IllegalArgumentException(
          "stage change of deal \""
              + dealId
              + "\": recorded_at "
              + recordedAt
              + " is before occurred_at "
              + occurredAt);
    }
  }

  /**
   * A change recorded when it happened, with no actor.
   *
   * @param dealId the deal that moved
   * @param toStage the id of the stage it moved into
   * @param occurredAt when the move happened; also its {@code recordedAt}
   * @return the change
   */
  public static StageChange of(String dealId, String toStage, Instant occurredAt) {
    return new StageChange(dealId, toStage, occurredAt, occurredAt, Optional.empty());
  }

  /**
   * This change, recorded at another instant.
   *
   * @param instant when the move was recorded; not in a second before {@code occurredAt}'s
   * @return a copy of this change with that {@code recordedAt}
   */
  public StageChange recordedAt(Instant instant) {
    return new StageChange(dealId, toStage, occurredAt, requireNonNull(instant, "instant"), actor);
  }

  /**
   * This change, made by this actor.
   *
   * @param who who recorded it
   * @return a copy of this change with that actor
   */
  public StageChange actor(String who) {
    return new StageChange(
        dealId, toStage, occurredAt, recordedAt, Optional.of(requireNonNull(who, "who")));
  }
}
