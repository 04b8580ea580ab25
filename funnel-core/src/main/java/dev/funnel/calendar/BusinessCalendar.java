package dev.funnel.calendar;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a team works: working intervals per weekday in the local time of a zone, and holidays (local
 * dates on which nobody works). A weekday that is not listed does not work. Service-level clocks
 * (response times, follow-up cadences) count business time with {@link #businessTime} and {@link
 * #plusBusiness}.
 *
 * <p>Local times map to instants with the zone's rules, day by day, as {@link
 * ZonedDateTime#of(java.time.LocalDate, LocalTime, ZoneId)} does: a local time inside a
 * daylight-saving gap moves later by the length of the gap, a local time inside an overlap takes
 * the earlier offset. So a working day of {@code 00:00-24:00} lasts 23 hours on the day clocks go
 * forward and 25 hours on the day they go back.
 *
 * {@snippet :
 * BusinessCalendar berlin = BusinessCalendar.builder(ZoneId.of("Europe/Berlin"))
 *     .hours(DayOfWeek.MONDAY, "09:00", "18:00")
 *     .hours(DayOfWeek.FRIDAY, "09:00", "13:00")
 *     .hours(DayOfWeek.FRIDAY, "14:00", "17:00")
 *     .holiday(LocalDate.parse("2026-05-01"))
 *     .build();
 * }
 *
 * @param zone the zone of the working hours and holidays
 * @param hours the working intervals per weekday, each list in time order and not overlapping; a
 *     day that is absent (or has an empty list) does not work
 * @param holidays local dates on which nobody works; kept as an unmodifiable set in date order
 */
public record BusinessCalendar(
    ZoneId zone, Map<DayOfWeek, List<BusinessCalendar.Interval>> hours, Set<LocalDate> holidays) {

  /**
   * Validates the calendar.
   *
   * @throws IllegalArgumentException if the intervals of a day are not in time order or overlap
   */
  public BusinessCalendar {
    requireNonNull(zone, "zone");
    requireNonNull(hours, "hours");
    requireNonNull(holidays, "holidays");
    Map<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<DayOfWeek, List<Interval>> e : hours.entrySet()) {
      DayOfWeek day = requireNonNull(e.getKey(), "day");
      List<Interval> given = requireNonNull(e.getValue(), "hours of " + day);
      for (int i = 0; i < given.size(); i++) {
        requireNonNull(given.get(i), "hours of " + day + "[" + i + "]");
      }
      List<Interval> intervals = List.copyOf(given);
      for (int i = 1; i < intervals.size(); i++) {
        Interval before = intervals.get(i - 1);
        Interval after = intervals.get(i);
        if (after.start().isBefore(before.start())) {
          throw new IllegalArgumentException(
              day
                  + ": interval "
                  + after
                  + " is listed after "
                  + before
                  + "; list the intervals of a day in time order");
        }
        if (before.endsAtMidnight() || after.start().isBefore(before.end())) {
          throw new IllegalArgumentException(
              day + ": intervals " + before + " and " + after + " overlap");
        }
      }
      if (!intervals.isEmpty()) {
        copy.put(day, intervals);
      }
    }
    hours = Map.copyOf(copy);
    // Sorted (and unmodifiable): businessTime reads the holidays of a range, not every holiday.
    holidays = new Holidays(new TreeSet<>(holidays));
  }

  /**
   * The holidays in date order, unmodifiable. Unlike a bare {@link TreeSet}, {@code contains} of an
   * object that is not a {@link LocalDate} answers false (as {@link Set#copyOf} does) instead of
   * throwing {@link ClassCastException}.
   */
  private static final class Holidays extends AbstractSet<LocalDate> {
    private final NavigableSet<LocalDate> dates;

    Holidays(TreeSet<LocalDate> dates) {
      this.dates = Collections.unmodifiableNavigableSet(dates);
    }

    /** The holidays in {@code [from, to]}, in date order. */
    NavigableSet<LocalDate> between(LocalDate from, LocalDate to) {
      return dates.subSet(from, true, to, true);
    }

    @Override
    public boolean contains(Object o) {
      return o instanceof LocalDate && dates.contains(o);
    }

    @Override
    public Iterator<LocalDate> iterator() {
      return dates.iterator();
    }

    @Override
    public int size() {
      return dates.size();
    }
  }

  /**
   * Starts a calendar in this zone; it has no working hours until some are added.
   *
   * @param zone the zone of the working hours and holidays
   * @return a new builder
   */
  public static Builder builder(ZoneId zone) {
    return new Builder(requireNonNull(zone, "zone"));
  }

  /**
   * Starts a calendar in the zone with this id ({@code "Europe/Berlin"}).
   *
   * @param zoneId a time zone id, e.g. {@code "Europe/Berlin"}
   * @return a new builder
   * @throws IllegalArgumentException if the id is not a known time zone id
   */
  public static Builder builder(String zoneId) {
    return builder(zone(zoneId));
  }

  /**
   * The zone with this id.
   *
   * @param zoneId a time zone id, e.g. {@code "Europe/Berlin"}
   * @return the zone
   * @throws IllegalArgumentException naming the id if it is not a known time zone id
   */
  public static ZoneId zone(String zoneId) {
    requireNonNull(zoneId, "zoneId");
    try {
      return ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("\"" + zoneId + "\" is not a known time zone id", e);
    }
  }

  /**
   * The working intervals of this weekday, in time order; empty if the day does not work.
   *
   * @param day the weekday
   * @return its working intervals; empty if the day does not work
   */
  public List<Interval> hours(DayOfWeek day) {
    return hours.getOrDefault(day, List.of());
  }

  /**
   * Whether anybody works on this local date (a listed weekday that is not a holiday).
   *
   * @param date the local date
   * @return true if the date is a listed weekday and not a holiday
   */
  public boolean isWorkingDay(LocalDate date) {
    return !holidays.contains(date) && hours.containsKey(date.getDayOfWeek());
  }

  /**
   * The working time inside {@code [from, to)}: the sum, over working days, of the overlap of each
   * working interval (converted to instants with the zone's rules) with the range.
   *
   * @param from the start of the range, inclusive
   * @param to the end of the range, exclusive
   * @return the working time in the range; zero when it is empty or the calendar has no working
   *     hours
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public Duration businessTime(Instant from, Instant to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("business time: end " + to + " is before start " + from);
    }
    if (from.equals(to) || hours.isEmpty()) {
      return Duration.ZERO;
    }
    // A day's intervals lie within [day 00:00, next day 00:00] local, which is within a day of
    // the instant's own local date, so one day of margin on each side covers every overlap. Days
    // two or more after the first and before the last lie wholly inside the range (even with a
    // daylight-saving gap moving an end past midnight), so their working time is the whole
    // days' sum, counted without walking them (wholeDays): a range of years then costs a few days'
    // work and the holidays and offset transitions in it, not one step per day.
    LocalDate first = LocalDate.ofInstant(from, zone);
    LocalDate last = LocalDate.ofInstant(to, zone);
    LocalDate middleFrom = first.plusDays(2);
    LocalDate middleTo = last.minusDays(2);
    if (middleTo.isBefore(middleFrom)) {
      return clipped(from, to, first.minusDays(1), last.plusDays(1));
    }
    return clipped(from, to, first.minusDays(1), first.plusDays(1))
        .plus(wholeDays(middleFrom, middleTo))
        .plus(clipped(from, to, last.minusDays(1), last.plusDays(1)));
  }

  /** The overlap of the working intervals of the days {@code [fromDay, toDay]} with the range. */
  private Duration clipped(Instant from, Instant to, LocalDate fromDay, LocalDate toDay) {
    Duration total = Duration.ZERO;
    for (LocalDate d = fromDay; !d.isAfter(toDay); d = d.plusDays(1)) {
      if (!isWorkingDay(d)) {
        continue;
      }
      for (Interval interval : hours(d.getDayOfWeek())) {
        Instant s = max(interval.startOn(d, zone), from);
        Instant e = min(interval.endOn(d, zone), to);
        if (s.isBefore(e)) {
          total = total.plus(Duration.between(s, e));
        }
      }
    }
    return total;
  }

  /**
   * The working time of the whole days {@code [a, b]} without visiting each day: every day works
   * its weekday's local hours (summed a week at a time), less the holidays among them, corrected on
   * the days around each of the zone's offset transitions, where the local hours may map to more or
   * less time. A day more than a day away from every transition has one offset from its midnight to
   * the next, so its intervals last exactly their local length. The cost is that of the holidays
   * and transitions in the range (a few per year), not of its days; no state is kept between calls.
   */
  private Duration wholeDays(LocalDate a, LocalDate b) {
    long[] local = new long[7]; // nanoseconds of local working time per weekday (Monday first)
    long week = 0;
    for (DayOfWeek day : DayOfWeek.values()) {
      long nanos = 0;
      for (Interval interval : hours(day)) {
        long end = interval.endsAtMidnight() ? NANOS_PER_DAY : interval.end().toNanoOfDay();
        nanos += end - interval.start().toNanoOfDay();
      }
      local[day.ordinal()] = nanos;
      week += nanos;
    }
    long days = ChronoUnit.DAYS.between(a, b) + 1;
    Duration total = Duration.ofNanos(week).multipliedBy(days / 7);
    for (LocalDate d = a.plusDays(days / 7 * 7); !d.isAfter(b); d = d.plusDays(1)) {
      total = total.plusNanos(local[d.getDayOfWeek().ordinal()]);
    }
    // The days within a day of a transition's local dates (before and after it) are counted
    // exactly.
    Set<LocalDate> exact = new HashSet<>();
    ZoneRules rules = zone.getRules();
    Instant end = b.plusDays(3).atStartOfDay(zone).toInstant();
    for (ZoneOffsetTransition t =
            rules.nextTransition(a.minusDays(3).atStartOfDay(zone).toInstant());
        t != null && !t.getInstant().isAfter(end);
        t = rules.nextTransition(t.getInstant())) {
      for (LocalDate at :
          List.of(t.getDateTimeBefore().toLocalDate(), t.getDateTimeAfter().toLocalDate())) {
        for (LocalDate d = at.minusDays(1); !d.isAfter(at.plusDays(1)); d = d.plusDays(1)) {
          if (!d.isBefore(a) && !d.isAfter(b)) {
            exact.add(d);
          }
        }
      }
    }
    for (LocalDate d : exact) {
      Duration day = clipped(Instant.MIN, Instant.MAX, d, d);
      total = total.plus(day).minusNanos(local[d.getDayOfWeek().ordinal()]);
    }
    for (LocalDate h : ((Holidays) holidays).between(a, b)) {
      if (!exact.contains(h)) {
        total = total.minusNanos(local[h.getDayOfWeek().ordinal()]);
      }
    }
    return total;
  }

  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  /**
   * The earliest instant {@code t >= start} with {@code businessTime(start, t)} equal to {@code
   * amount}: a start after hours begins counting at the next working moment, and the result of a
   * positive amount always lies inside working time (at an interval's end when the amount is used
   * up exactly there). A zero amount returns {@code start}.
   *
   * @param start the instant the clock starts
   * @param amount the business time to add; not negative
   * @return the instant at which {@code amount} of business time has elapsed since {@code start}
   * @throws IllegalArgumentException if the amount is negative, or positive while the calendar has
   *     no working hours
   */
  public Instant plusBusiness(Instant start, Duration amount) {
    requireNonNull(start, "start");
    requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("business time " + amount + " is negative");
    }
    if (amount.isZero()) {
      return start;
    }
    if (hours.isEmpty()) {
      throw new IllegalArgumentException(
          "business time " + amount + " never elapses: the calendar has no working hours");
    }
    Duration left = amount;
    for (LocalDate d = LocalDate.ofInstant(start, zone).minusDays(1); ; d = d.plusDays(1)) {
      if (!isWorkingDay(d)) {
        continue;
      }
      for (Interval interval : hours(d.getDayOfWeek())) {
        Instant s = max(interval.startOn(d, zone), start);
        Instant e = interval.endOn(d, zone);
        if (!s.isBefore(e)) {
          continue;
        }
        Duration available = Duration.between(s, e);
        if (available.compareTo(left) >= 0) {
          return s.plus(left);
        }
        left = left.minus(available);
      }
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * A working interval {@code [start, end)} in local time. An end of {@link LocalTime#MIDNIGHT}
   * means the end of the day ({@code 24:00}).
   *
   * @param start the first working moment
   * @param end the first moment after work; after {@code start}, or midnight for the end of day
   */
  public record Interval(LocalTime start, LocalTime end) {

    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException if start is not before end (an end at midnight is the end of
     *     the day)
     */
    public Interval {
      requireNonNull(start, "start");
      requireNonNull(end, "end");
      if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
        throw new IllegalArgumentException(
            "interval " + text(start) + "-" + text(end) + ": start is not before end");
      }
    }

    /**
     * Parses {@code HH:MM} (or {@code HH:MM:SS}) times; an end of {@code 24:00} is the end of the
     * day.
     *
     * @param start the first working moment, {@code HH:MM} or {@code HH:MM:SS}
     * @param end the first moment after work, {@code HH:MM} or {@code HH:MM:SS}, or {@code 24:00}
     * @return the interval
     * @throws IllegalArgumentException if a time is not a local time or start is not before end
     */
    public static Interval of(String start, String end) {
      return new Interval(time(start, false), time(end, true));
    }

    /**
     * Whether the interval runs to the end of the day.
     *
     * @return true if the end is {@link LocalTime#MIDNIGHT}
     */
    public boolean endsAtMidnight() {
      return end.equals(LocalTime.MIDNIGHT);
    }

    /** The start of this interval on this date, as an instant in the zone. */
    Instant startOn(LocalDate date, ZoneId zone) {
      return ZonedDateTime.of(date, start, zone).toInstant();
    }

    /** The end of this interval on this date, as an instant in the zone. */
    Instant endOn(LocalDate date, ZoneId zone) {
      return endsAtMidnight()
          ? date.plusDays(1).atStartOfDay(zone).toInstant()
          : ZonedDateTime.of(date, end, zone).toInstant();
    }

    private static LocalTime time(String text, boolean end) {
      requireNonNull(text, "time");
      if (end && (text.equals("24:00") || text.equals("24:00:00"))) {
        return LocalTime.MIDNIGHT;
      }
      try {
        return LocalTime.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "\"" + text + "\" is not a local time HH:MM" + (end ? " (or 24:00)" : ""), e);
      }
    }

    private static String text(LocalTime t) {
      return t.toString();
    }

    @Override
    public String toString() {
      return start + "-" + (endsAtMidnight() ? "24:00" : end.toString());
    }
  }

  /**
   * Collects working intervals and holidays. Intervals of a day may be added in any order; {@link
   * #build()} sorts them and rejects overlaps.
   */
  public static final class Builder {
    private final ZoneId zone;
    private final Map<DayOfWeek, List<Interval>> hours = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays = new HashSet<>();

    private Builder(ZoneId zone) {
      this.zone = zone;
    }

    /**
     * Adds a working interval {@code [start, end)} to a weekday, times as {@code HH:MM}; an end of
     * {@code 24:00} is the end of the day.
     *
     * @param day the weekday
     * @param start the first working moment, {@code HH:MM}
     * @param end the first moment after work, {@code HH:MM} or {@code 24:00}
     * @return this builder
     * @throws IllegalArgumentException if a time is not {@code HH:MM} or start is not before end
     */
    public Builder hours(DayOfWeek day, String start, String end) {
      return hours(day, Interval.of(start, end));
    }

    /**
     * Adds a working interval to a weekday.
     *
     * @param day the weekday
     * @param interval the working interval
     * @return this builder
     */
    public Builder hours(DayOfWeek day, Interval interval) {
      requireNonNull(day, "day");
      requireNonNull(interval, "interval");
      hours.computeIfAbsent(day, d -> new ArrayList<>()).add(interval);
      return this;
    }

    /**
     * Adds a holiday: a local date on which nobody works.
     *
     * @param date the holiday
     * @return this builder
     */
    public Builder holiday(LocalDate date) {
      holidays.add(requireNonNull(date, "date"));
      return this;
    }

    /**
     * Builds the calendar, each day's intervals sorted by start.
     *
     * @return the calendar
     * @throws IllegalArgumentException if two intervals of a day overlap
     */
    public BusinessCalendar build() {
      Map<DayOfWeek, List<Interval>> sorted = new EnumMap<>(DayOfWeek.class);
      hours.forEach(
          (day, list) -> {
            List<Interval> copy = new ArrayList<>(list);
            copy.sort((a, b) -> a.start().compareTo(b.start()));
            sorted.put(day, copy);
          });
      return new BusinessCalendar(zone, sorted, holidays);
    }

    @Override
    public String toString() {
      return "BusinessCalendar.builder("
          + zone
          + ")"
          + (hours.isEmpty() ? "" : " hours " + hours)
          + (holidays.isEmpty() ? "" : " holidays " + holidays);
    }
  }
}
