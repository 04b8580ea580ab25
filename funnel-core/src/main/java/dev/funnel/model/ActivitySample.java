package dev.funnel.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A marketing activity count of one channel on one day: impressions, clicks, posts, calls, ...
 *
 * @param date the day
 * @param channel the channel, non-blank
 * @param metric the activity metric, non-blank ({@code impressions}, {@code clicks}, ...)
 * @param value the count; never negative
 */
public record ActivitySample(LocalDate date, String channel, String metric, double value) {

  /**
   * Validates the sample.
   *
   * @throws IllegalArgumentException if the channel or metric is blank or the value is negative or
   *     not finite
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
          "activity on "
              + date
              + " "
              + channel
              + "/"
              + metric
              + ": value "
              + value
              + " is negative or not finite");
    }
  }
}
