package dev.funnel.losses;

import static java.util.Objects.requireNonNull;

/**
 * How many leads sales rejected for one reason (METRICS.md "Losses and people"); a missing reason
 * is {@code (unspecified)}.
 *
 * @param reason the rejection reason
 * @param count how many leads
 */
public record ReasonCount(String reason, long count) {

  /**
   * Validates the count.
   *
   * @throws IllegalArgumentException if the count is below 1
   */
  public ReasonCount {
    requireNonNull(reason, "reason");
    if (count < 1) {
      throw new IllegalArgumentException("reason \"" + reason + "\": count " + count + " < 1");
    }
  }
}
