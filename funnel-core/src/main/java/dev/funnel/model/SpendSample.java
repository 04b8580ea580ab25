package dev.funnel.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Marketing spend of one channel on one day.
 *
 * @param date the day the money was spent
 * @param channel the channel it was spent on, non-blank
 * @param cost what was spent; never negative
 */
public record SpendSample(LocalDate date, String channel, Money cost) {

  /**
   * Validates the sample.
   *
   * @throws IllegalArgumentException if the channel is blank or the cost negative
   */
  public SpendSample {
    requireNonNull(date, "date");
    requireNonNull(channel, "channel");
    requireNonNull(cost, "cost");
    if (channel.isBlank()) {
      throw new IllegalArgumentException("spend on " + date + ": channel is blank");
    }
    if (cost.isNegative()) {
      throw new IllegalArgumentException(
          "spend on " + date + " for " + channel + ": cost " + cost + " is negative");
    }
  }
}
