package dev.funnel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * A calendar period used to bucket instants (METRICS.md "Time"): day, ISO week starting Monday,
 * month, quarter, year, in the query's zone. Labels are {@code 2026-04-13}, {@code 2026-W15},
 * {@code 2026-04}, {@code 2026-Q2}, {@code 2026}; the year is written as ISO-8601 writes it (as
 * {@link LocalDate#toString()} does): at least four digits ({@code 0001-01}), a sign before years
 * after 9999 or before 1 ({@code +10000-01}, {@code -0001-01}).
 */
public enum Period {
  /** A calendar day. */
  DAY,
  /** An ISO week, Monday to Sunday, labelled by its week-based year. */
  WEEK,
  /** A calendar month. */
  MONTH,
  /** A calendar quarter. */
  QUARTER,
  /** A calendar year. */
  YEAR;

  /**
   * The first day of the period containing this date.
   *
   * @param date a local date
   * @return the first day of its period
   */
  public LocalDate start(LocalDate date) {
    switch (this) {
      case DAY:
        return date;
      case WEEK:
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH:
        return date.withDayOfMonth(1);
      case QUARTER:
        return LocalDate.of(date.getYear(), ((date.getMonthValue() - 1) / 3) * 3 + 1, 1);
      case YEAR:
        return LocalDate.of(date.getYear(), 1, 1);
    }
    throw new AssertionError(this);
  }

  /**
   * The first day of the period after the one starting on {@code start}.
   *
   * @param start the first day of a period
   * @return the first day of the next period
   */
  public LocalDate next(LocalDate start) {
    switch (this) {
      case DAY:
        return start.plusDays(1);
      case WEEK:
        return start.plusWeeks(1);
      case MONTH:
        return start.plusMonths(1);
      case QUARTER:
        return start.plusMonths(3);
      case YEAR:
        return start.plusYears(1);
    }
    throw new AssertionError(this);
  }

  /**
   * The label of the period containing this date, e.g. {@code 2026-W15}; the year has at least four
   * digits ({@code 0001-01}, not {@code 1-01}), so that the labels of years 1 to 9999 sort as their
   * periods do.
   *
   * @param date a local date
   * @return the label of its period
   */
  public String label(LocalDate date) {
    switch (this) {
      case DAY:
        return date.toString();
      case WEEK:
        return String.format(
            Locale.ROOT,
            "%s-W%02d",
            year(date.get(IsoFields.WEEK_BASED_YEAR)),
            date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH:
        return String.format(Locale.ROOT, "%s-%02d", year(date.getYear()), date.getMonthValue());
      case QUARTER:
        return year(date.getYear()) + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
      case YEAR:
        return year(date.getYear());
    }
    throw new AssertionError(this);
  }

  /** An ISO-8601 year as {@link LocalDate#toString()} writes it: 0001, 2026, +10000, -0001. */
  private static String year(int year) {
    if (Math.abs(year) < 10_000) {
      return String.format(Locale.ROOT, year < 0 ? "-%04d" : "%04d", Math.abs(year));
    }
    return year > 0 ? "+" + year : Integer.toString(year);
  }

  /**
   * The period with this name, case-insensitive ({@code day}, {@code week}, {@code month}, {@code
   * quarter}, {@code year}).
   *
   * @param name the name; surrounding spaces are ignored
   * @return the period
   * @throws IllegalArgumentException naming the known periods
   */
  public static Period parse(String name) {
    for (Period p : values()) {
      if (p.name().equalsIgnoreCase(name.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "\"" + name + "\" is not a period (known: day, week, month, quarter, year)");
  }
}
