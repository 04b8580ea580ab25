package dev.funnel.hygiene;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.StageKind;
import dev.funnel.stats.Proportion;

/**
 * Hygiene of one stage: how its entries were recorded and whether deals really pass through it
 * (METRICS.md "Process reality"). Transitions count by the stage they enter.
 *
 * @param stage the stage id
 * @param kind the stage kind
 * @param transitionsInto transitions that entered this stage
 * @param retroactive of those, retroactive ones
 * @param burstChanges of those, ones flagged as part of a burst
 * @param skippedOver how many skips jumped over this (open) stage; 0 for closed stages
 * @param usage for an open stage {@code s_k}: deals that explicitly entered it (by a recorded
 *     change; the implicit entry into {@code s1} is not one) out of deals that reached it; no
 *     trials for closed stages
 */
public record StageHygiene(
    String stage,
    StageKind kind,
    long transitionsInto,
    long retroactive,
    long burstChanges,
    long skippedOver,
    Proportion usage) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative or exceeds the transitions into the
   *     stage
   */
  public StageHygiene {
    requireNonNull(stage, "stage");
    requireNonNull(kind, "kind");
    requireNonNull(usage, "usage");
    if (transitionsInto < 0
        || retroactive < 0
        || retroactive > transitionsInto
        || burstChanges < 0
        || burstChanges > transitionsInto
        || skippedOver < 0) {
      throw new IllegalArgumentException("stage \"" + stage + "\": inconsistent hygiene counts");
    }
  }

  /**
   * Retroactive transitions into the stage out of all transitions into it.
   *
   * @return {@code retroactive / transitionsInto}
   */
  public Proportion retroactiveShare() {
    return Proportion.of(retroactive, transitionsInto);
  }

  /**
   * Burst transitions into the stage out of all transitions into it.
   *
   * @return {@code burstChanges / transitionsInto}
   */
  public Proportion burstShare() {
    return Proportion.of(burstChanges, transitionsInto);
  }
}
