package dev.funnel.stats;

import java.time.Duration;

/** Human-sized printing of durations: {@code 3d 4h}, {@code 2h 5m}, {@code 45s}. */
public final class Durations {
  private Durations() {}

  /**
   * The largest non-zero unit of a duration and, when it is not zero, the next unit down, smaller
   * units truncated: {@code 3d 4h}, {@code 2h 5m}, {@code 4m 10s}, {@code 45s}, and {@code 1d} for
   * one day and 30 minutes, {@code 2h} for two hours and 45 seconds (a table shows the size of a
   * duration, the exact value is in the report). Below a second, milliseconds: {@code 500ms}, and
   * {@code <1ms} below a millisecond (not {@code 0ms}: only a zero duration prints as zero).
   *
   * @param d the duration; a negative one prints with a leading {@code -}
   * @return the duration in at most two units
   */
  public static String human(Duration d) {
    if (d.isNegative()) {
      return "-" + human(d.negated());
    }
    long s = d.getSeconds();
    long days = s / 86_400;
    long hours = (s % 86_400) / 3_600;
    long minutes = (s % 3_600) / 60;
    long seconds = s % 60;
    if (days > 0) {
      return hours > 0 ? days + "d " + hours + "h" : days + "d";
    }
    if (hours > 0) {
      return minutes > 0 ? hours + "h " + minutes + "m" : hours + "h";
    }
    if (minutes > 0) {
      return seconds > 0 ? minutes + "m " + seconds + "s" : minutes + "m";
    }
    if (s == 0 && d.getNano() > 0) {
      return d.getNano() < 1_000_000 ? "<1ms" : d.toMillis() + "ms";
    }
    return seconds + "s";
  }

  /**
   * The duration in days as a double, {@code seconds / 86400} (METRICS.md "Time").
   *
   * @param d the duration
   * @return the number of days it lasts, fractions included
   */
  public static double days(Duration d) {
    return (d.getSeconds() + d.getNano() / 1e9) / 86_400.0;
  }

  /**
   * A duration of a fractional number of seconds, rounded to the nanosecond.
   *
   * @param seconds the number of seconds
   * @return the duration
   * @throws IllegalArgumentException if the number is NaN, infinite or beyond a duration's range
   *     (2^63 seconds), where a cast would quietly give 0 or the largest long
   */
  public static Duration ofSeconds(double seconds) {
    if (!(Math.abs(seconds) < 0x1p63)) {
      throw new IllegalArgumentException(
          "seconds " + seconds + " is not a finite number within a duration's range");
    }
    double whole = Math.floor(seconds);
    long nanos = Math.round((seconds - whole) * 1e9);
    return Duration.ofSeconds((long) whole, nanos);
  }
}
