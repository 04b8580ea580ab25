package dev.funnel.hygiene;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One finding on one transition, pointing at the exact stage change (METRICS.md "Process reality").
 * A transition with several findings has one flag per kind.
 *
 * @param kind what was found
 * @param dealId the deal
 * @param owner the deal's owner, or {@code (unspecified)}
 * @param fromStage the stage the deal left; empty for a deal whose first change at creation is its
 *     entry (there was no stage before it)
 * @param toStage the stage the deal entered
 * @param occurredAt when the move happened
 * @param recordedAt when it was recorded
 * @param actor who recorded it
 * @param stagesSkipped for {@link FlagKind#SKIP}, how many open stages were skipped; 0 otherwise
 */
public record HygieneFlag(
    FlagKind kind,
    String dealId,
    String owner,
    Optional<String> fromStage,
    String toStage,
    Instant occurredAt,
    Instant recordedAt,
    Optional<String> actor,
    int stagesSkipped) {

  /**
   * Validates the flag.
   *
   * @throws IllegalArgumentException if recordedAt precedes occurredAt or stagesSkipped is
   *     negative, or non-zero for a kind other than SKIP
   */
  public HygieneFlag {
    requireNonNull(kind, "kind");
    requireNonNull(dealId, "dealId");
    requireNonNull(owner, "owner");
    requireNonNull(fromStage, "fromStage");
    requireNonNull(toStage, "toStage");
    requireNonNull(occurredAt, "occurredAt");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(actor, "actor");
    if (recordedAt.isBefore(occurredAt)) {
      throw new IllegalArgumentException(
          "flag on deal \"" + dealId + "\": recordedAt " + recordedAt + " is before " + occurredAt);
    }
    if (stagesSkipped < 0 || (kind != FlagKind.SKIP && stagesSkipped != 0)) {
      throw new IllegalArgumentException(
          "flag " + kind + " on deal \"" + dealId + "\": stagesSkipped " + stagesSkipped);
    }
  }

  /**
   * {@code recordedAt - occurredAt}.
   *
   * @return the time between the move and its recording; never negative
   */
  public Duration lag() {
    return Duration.between(occurredAt, recordedAt);
  }

  /** {@code "SKIP D-7 new -> proposal at 2026-03-02T10:00:00Z recorded ... by ann (1 skipped)"}. */
  @Override
  public String toString() {
    return kind
        + " "
        + dealId
        + " "
        + fromStage.orElse("(entry)")
        + " -> "
        + toStage
        + " at "
        + occurredAt
        + " recorded "
        + recordedAt
        + actor.map(a -> " by " + a).orElse("")
        + (kind == FlagKind.SKIP ? " (" + stagesSkipped + " skipped)" : "");
  }
}
