package dev.funnel.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A marketing activity count of one channel on one day: impressions, clicks, posts, calls, ...
 *
 * @param date the day
 * @param channel the channel, non-blank
 * @param metric the activity metric, non-blank ({@code impressions}, {@code clicks}, ...)
 * @param value the count; never negative, at most {@link #MAX_VALUE}
 */
public record ActivitySample(LocalDate date, String channel, String metric, double value) {

  /**
   * The largest value, 2^53 = 9,007,199,254,740,992: up to it a {@code double} holds every whole
   * count exactly; beyond it counts are rounded (2^53 + 1 reads as 2^53) and sums of them drift.
   */
  public static final double MAX_VALUE = 0x1p53;

  /**
   * Validates the sample.
   *
   * @throws IllegalArgumentException if the channel or metric is blank, or the value is negative,
   *     not finite or above {@link #MAX_VALUE}
   */
  public ActivitySample {
    requireNonNull(date, "date");
    requireNonNull(channel, "channel");
    requireNonNull(metric, "metric");
    if (channel.isBlank() || metric.isBlank()) {
      throw new IllegalArgumentException("activity on " + date + ": channel or metric is blank");
    }
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          where(date, channel, metric, value) + " is negative or not finite");
    }
    if (value > MAX_VALUE) {
      throw new IllegalArgumentException(
          where(date, channel, metric, value)
              + " is above 2^53 = 9007199254740992: beyond it a double no longer holds every whole"
              + " count");
    }
  }

  /** The start of a message about a refused value (built only when refusing). */
  private static String where(LocalDate date, String channel, String metric, double value) {
    return "activity on " + date + " " + channel + "/" + metric + ": value " + value;
  }
}
