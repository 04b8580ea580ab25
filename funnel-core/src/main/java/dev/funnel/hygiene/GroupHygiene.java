package dev.funnel.hygiene;

import static java.util.Objects.requireNonNull;

import dev.funnel.stats.Proportion;

/**
 * Hygiene of the transitions of one group: the deals of one owner, or the changes recorded by one
 * actor (METRICS.md "Process reality"). A missing owner or actor is the group {@code
 * (unspecified)}.
 *
 * @param key the owner or actor
 * @param transitions transitions in the group
 * @param retroactive retroactive ones
 * @param burstChanges ones flagged as part of a burst
 * @param skips skips
 * @param backwardMoves backward moves
 */
public record GroupHygiene(
    String key,
    long transitions,
    long retroactive,
    long burstChanges,
    long skips,
    long backwardMoves) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative or exceeds the transitions
   */
  public GroupHygiene {
    requireNonNull(key, "key");
    for (long v : new long[] {retroactive, burstChanges, skips, backwardMoves}) {
      if (v < 0 || v > transitions) {
        throw new IllegalArgumentException("group \"" + key + "\": inconsistent hygiene counts");
      }
    }
  }

  /**
   * Retroactive transitions out of all transitions of the group.
   *
   * @return {@code retroactive / transitions}
   */
  public Proportion retroactiveShare() {
    return Proportion.of(retroactive, transitions);
  }

  /**
   * Burst transitions out of all transitions of the group.
   *
   * @return {@code burstChanges / transitions}
   */
  public Proportion burstShare() {
    return Proportion.of(burstChanges, transitions);
  }
}
