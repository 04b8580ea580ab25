package dev.funnel.examples;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The business calendar of the sample sales team ({@code calendar.json} in FORMATS.md): a zone,
 * working intervals in local time per weekday (a weekday not listed does not work) and holidays as
 * local dates.
 *
 * @param zone the zone of the working hours and holidays
 * @param hours working intervals per weekday, each list ordered and non-overlapping
 * @param holidays local dates that do not work, ascending
 */
public record SampleCalendar(
    ZoneId zone, Map<DayOfWeek, List<Interval>> hours, List<LocalDate> holidays) {

  /**
   * A working interval in local time, {@code [start, end)}.
   *
   * @param start when work starts
   * @param end when work ends, after {@code start}
   */
  public record Interval(LocalTime start, LocalTime end) {

    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException if it does not end after it starts
     */
    public Interval {
      requireNonNull(start, "start");
      requireNonNull(end, "end");
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException(
            "working interval " + start + "-" + end + ": end is not after start");
      }
    }

    /**
     * The interval between two {@code HH:mm} (or {@code HH:mm:ss}) local times.
     *
     * @param start when work starts, {@code HH:mm}
     * @param end when work ends, {@code HH:mm}, after {@code start}
     * @return the interval
     * @throws IllegalArgumentException if a time is not a local time, or the interval does not end
     *     after it starts
     */
    public static Interval of(String start, String end) {
      return new Interval(time(start), time(end));
    }

    private static LocalTime time(String text) {
      requireNonNull(text, "time");
      try {
        return LocalTime.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "working interval: \"" + text + "\" is not a local time such as 09:00", e);
      }
    }
  }

  /**
   * Validates the calendar and copies its collections; holidays are sorted and deduplicated.
   *
   * @throws IllegalArgumentException if the intervals of a day are out of order or overlap
   */
  public SampleCalendar {
    requireNonNull(zone, "zone");
    EnumMap<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<DayOfWeek, List<Interval>> e : hours.entrySet()) {
      List<Interval> day = List.copyOf(e.getValue());
      for (int i = 1; i < day.size(); i++) {
        if (day.get(i).start().isBefore(day.get(i - 1).end())) {
          throw new IllegalArgumentException(
              "calendar: "
                  + e.getKey()
                  + ": interval "
                  + day.get(i)
                  + " starts before the previous one ends");
        }
      }
      copy.put(e.getKey(), day);
    }
    hours = Collections.unmodifiableMap(copy);
    holidays = List.copyOf(new TreeSet<>(holidays));
  }

  /**
   * The Berlin sales team: Monday to Thursday 09:00-18:00, Friday 09:00-13:00 and 14:00-17:00, and
   * the Berlin public holidays (New Year, International Women's Day, Good Friday, Easter Monday,
   * Labour Day, Ascension, Whit Monday, German Unity Day, Christmas) of the years given.
   *
   * @param fromYear the first year whose holidays are listed
   * @param toYear the last year whose holidays are listed, inclusive
   * @return the calendar
   * @throws IllegalArgumentException if {@code toYear} is before {@code fromYear}
   */
  public static SampleCalendar berlin(int fromYear, int toYear) {
    if (toYear < fromYear) {
      throw new IllegalArgumentException(
          "calendar years: toYear " + toYear + " is before fromYear " + fromYear);
    }
    Map<DayOfWeek, List<Interval>> hours = new EnumMap<>(DayOfWeek.class);
    List<Interval> full = List.of(Interval.of("09:00", "18:00"));
    hours.put(DayOfWeek.MONDAY, full);
    hours.put(DayOfWeek.TUESDAY, full);
    hours.put(DayOfWeek.WEDNESDAY, full);
    hours.put(DayOfWeek.THURSDAY, full);
    hours.put(
        DayOfWeek.FRIDAY, List.of(Interval.of("09:00", "13:00"), Interval.of("14:00", "17:00")));
    List<LocalDate> holidays = new ArrayList<>();
    for (int y = fromYear; y <= toYear; y++) {
      LocalDate easter = easterSunday(y);
      holidays.add(LocalDate.of(y, Month.JANUARY, 1));
      holidays.add(LocalDate.of(y, Month.MARCH, 8));
      holidays.add(easter.minusDays(2));
      holidays.add(easter.plusDays(1));
      holidays.add(LocalDate.of(y, Month.MAY, 1));
      holidays.add(easter.plusDays(39));
      holidays.add(easter.plusDays(50));
      holidays.add(LocalDate.of(y, Month.OCTOBER, 3));
      holidays.add(LocalDate.of(y, Month.DECEMBER, 25));
      holidays.add(LocalDate.of(y, Month.DECEMBER, 26));
    }
    return new SampleCalendar(ZoneId.of("Europe/Berlin"), hours, holidays);
  }

  /** Easter Sunday of the Gregorian year (the anonymous Gregorian algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  /**
   * Whether this local date is a working day (a listed weekday that is no holiday).
   *
   * @param date the local date
   * @return true if the date is a listed weekday and not a holiday
   */
  public boolean isWorkingDay(LocalDate date) {
    List<Interval> day = hours.get(date.getDayOfWeek());
    return day != null && !day.isEmpty() && Collections.binarySearch(holidays, date) < 0;
  }

  /**
   * The working intervals of this local date: none on holidays and unlisted weekdays.
   *
   * @param date the local date
   * @return its working intervals, in time order; empty if the date does not work
   */
  public List<Interval> intervals(LocalDate date) {
    return isWorkingDay(date) ? hours.get(date.getDayOfWeek()) : List.of();
  }

  /**
   * Whether this moment lies inside a working interval, in the calendar's zone.
   *
   * @param instant the moment
   * @return true if it falls in a working interval of a working day
   */
  public boolean isWorkingTime(java.time.Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    LocalTime time = local.toLocalTime();
    for (Interval interval : intervals(local.toLocalDate())) {
      if (!time.isBefore(interval.start()) && time.isBefore(interval.end())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The calendar as {@code calendar.json} text (FORMATS.md), ending with a newline.
   *
   * @return the JSON document
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n  \"zone\": \"").append(zone.getId()).append("\",\n  \"hours\": {");
    String sep = "\n";
    for (DayOfWeek dow : DayOfWeek.values()) {
      List<Interval> day = hours.get(dow);
      if (day == null) {
        continue;
      }
      sb.append(sep).append("    \"").append(dow.name()).append("\": [");
      for (int i = 0; i < day.size(); i++) {
        sb.append(i == 0 ? "" : ", ")
            .append("[\"")
            .append(day.get(i).start())
            .append("\", \"")
            .append(day.get(i).end())
            .append("\"]");
      }
      sb.append(']');
      sep = ",\n";
    }
    sb.append("\n  },\n  \"holidays\": [");
    for (int i = 0; i < holidays.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('"').append(holidays.get(i)).append('"');
    }
    return sb.append("]\n}\n").toString();
  }
}
