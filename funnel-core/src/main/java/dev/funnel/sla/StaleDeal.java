package dev.funnel.sla;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An open deal with no touch for longer than the follow-up limit at as-of (METRICS.md "Speed and
 * SLA"): the clock starts at the later of creation and the last touch, in wall time.
 *
 * @param dealId the deal
 * @param owner its owner, or {@code (unspecified)}
 * @param stage its current stage
 * @param lastTouch its last touch at or before as-of
 * @param clockStart the later of creation and the last touch
 * @param idle {@code asOf - clockStart}
 * @param overdue {@code idle - limit}, positive
 */
public record StaleDeal(
    String dealId,
    String owner,
    String stage,
    Optional<Instant> lastTouch,
    Instant clockStart,
    Duration idle,
    Duration overdue) {

  /** Validates the deal figures. */
  public StaleDeal {
    requireNonNull(dealId, "dealId");
    requireNonNull(owner, "owner");
    requireNonNull(stage, "stage");
    requireNonNull(lastTouch, "lastTouch");
    requireNonNull(clockStart, "clockStart");
    requireNonNull(idle, "idle");
    requireNonNull(overdue, "overdue");
  }
}
