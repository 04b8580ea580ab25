package dev.funnel.sla;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * An open deal whose age in its current stage ({@code asOf - entry}, wall time; METRICS.md
 * "Durations") exceeds the stage's limit.
 *
 * @param dealId the deal
 * @param owner its owner, or {@code (unspecified)}
 * @param stage its current stage
 * @param enteredAt when it entered the stage
 * @param age its age in the stage at as-of
 * @param limit the stage's limit
 */
public record RottingDeal(
    String dealId, String owner, String stage, Instant enteredAt, Duration age, Duration limit) {

  /** Validates the deal figures. */
  public RottingDeal {
    requireNonNull(dealId, "dealId");
    requireNonNull(owner, "owner");
    requireNonNull(stage, "stage");
    requireNonNull(enteredAt, "enteredAt");
    requireNonNull(age, "age");
    requireNonNull(limit, "limit");
  }

  /**
   * {@code age - limit}.
   *
   * @return how long the deal has been in the stage beyond its limit; positive
   */
  public Duration overdue() {
    return age.minus(limit);
  }
}
