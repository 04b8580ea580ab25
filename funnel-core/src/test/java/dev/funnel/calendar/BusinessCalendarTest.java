package dev.funnel.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.calendar.BusinessCalendar.Interval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class BusinessCalendarTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Mon-Thu 09-18, Friday split 09-13 and 14-17, 2026-05-01 (a Friday) is a holiday. */
  private static final BusinessCalendar OFFICE =
      BusinessCalendar.builder(BERLIN)
          .hours(DayOfWeek.MONDAY, "09:00", "18:00")
          .hours(DayOfWeek.TUESDAY, "09:00", "18:00")
          .hours(DayOfWeek.WEDNESDAY, "09:00", "18:00")
          .hours(DayOfWeek.THURSDAY, "09:00", "18:00")
          .hours(DayOfWeek.FRIDAY, "14:00", "17:00")
          .hours(DayOfWeek.FRIDAY, "09:00", "13:00")
          .holiday(LocalDate.parse("2026-05-01"))
          .build();

  /** Works only on Sundays 01:00-04:00, across the hours the clocks change. */
  private static final BusinessCalendar NIGHT =
      BusinessCalendar.builder("Europe/Berlin").hours(DayOfWeek.SUNDAY, "01:00", "04:00").build();

  private static final BusinessCalendar SUNDAYS =
      BusinessCalendar.builder(BERLIN).hours(DayOfWeek.SUNDAY, "00:00", "24:00").build();

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static Duration between(BusinessCalendar c, String from, String to) {
    return c.businessTime(at(from), at(to));
  }

  @Test
  void insideOneWorkingInterval() {
    // Monday 2026-03-02, CET.
    assertEquals(
        Duration.ofMinutes(150),
        between(OFFICE, "2026-03-02T10:00:00+01:00", "2026-03-02T12:30:00+01:00"));
  }

  @Test
  void afterHoursCountsNothingUntilTheNextMorning() {
    assertEquals(
        Duration.ofHours(1),
        between(OFFICE, "2026-03-02T19:00:00+01:00", "2026-03-03T10:00:00+01:00"));
    assertEquals(
        Duration.ZERO, between(OFFICE, "2026-03-02T18:00:00+01:00", "2026-03-03T09:00:00+01:00"));
  }

  @Test
  void weekendsDoNotWork() {
    // Friday 16:00-17:00 plus Monday 09:00-10:00.
    assertEquals(
        Duration.ofHours(2),
        between(OFFICE, "2026-03-06T16:00:00+01:00", "2026-03-09T10:00:00+01:00"));
  }

  @Test
  void holidaysDoNotWork() {
    // Thursday 17:00-18:00, Friday 1 May is a holiday, Monday 09:00-10:00 (CEST).
    assertEquals(
        Duration.ofHours(2),
        between(OFFICE, "2026-04-30T17:00:00+02:00", "2026-05-04T10:00:00+02:00"));
    assertFalse(OFFICE.isWorkingDay(LocalDate.parse("2026-05-01")));
    assertTrue(OFFICE.isWorkingDay(LocalDate.parse("2026-05-08")));
  }

  @Test
  void holidaysAreAnUnmodifiableSetInDateOrder() {
    BusinessCalendar c =
        new BusinessCalendar(
            BERLIN,
            Map.of(),
            Set.of(
                LocalDate.parse("2026-12-25"),
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-05-01")));
    assertEquals(
        List.of(
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-05-01"),
            LocalDate.parse("2026-12-25")),
        List.copyOf(c.holidays()));
    assertTrue(c.holidays().contains(LocalDate.parse("2026-05-01")));
    // A query with another type answers false, as Set.copyOf does, rather than throwing.
    assertFalse(c.holidays().contains("2026-05-01"));
    assertThrows(
        UnsupportedOperationException.class, () -> c.holidays().add(LocalDate.parse("2026-06-01")));
    assertThrows(UnsupportedOperationException.class, () -> c.holidays().clear());
    // Equal calendars whatever set the holidays came in.
    assertEquals(
        c,
        new BusinessCalendar(BERLIN, Map.of(), new java.util.HashSet<>(List.copyOf(c.holidays()))));
    assertEquals(c.hashCode(), new BusinessCalendar(BERLIN, Map.of(), c.holidays()).hashCode());
  }

  @Test
  void splitShiftSkipsTheBreak() {
    // Friday 12:00-13:00 and 14:00-15:00.
    assertEquals(
        Duration.ofHours(2),
        between(OFFICE, "2026-03-06T12:00:00+01:00", "2026-03-06T15:00:00+01:00"));
  }

  @Test
  void zeroLengthRangeIsZero() {
    assertEquals(
        Duration.ZERO, between(OFFICE, "2026-03-02T10:00:00+01:00", "2026-03-02T10:00:00+01:00"));
  }

  @Test
  void endBeforeStartIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> between(OFFICE, "2026-03-02T10:00:00Z", "2026-03-02T09:00:00Z"));
    assertEquals(
        "business time: end 2026-03-02T09:00:00Z is before start 2026-03-02T10:00:00Z",
        e.getMessage());
  }

  @Test
  void springForwardDayHasAnHourLess() {
    // 2026-03-29 01:00 CET = 00:00Z; 04:00 CEST = 02:00Z.
    assertEquals(
        Duration.ofHours(2), between(NIGHT, "2026-03-28T12:00:00Z", "2026-03-30T00:00:00Z"));
    // An ordinary Sunday, 2026-03-22: three hours.
    assertEquals(
        Duration.ofHours(3), between(NIGHT, "2026-03-21T12:00:00Z", "2026-03-23T00:00:00Z"));
    // 2026-03-29 00:00 CET = 2026-03-28T23:00Z; 2026-03-30 00:00 CEST = 2026-03-29T22:00Z.
    assertEquals(
        Duration.ofHours(23), between(SUNDAYS, "2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z"));
  }

  @Test
  void fallBackDayHasAnHourMore() {
    // 2026-10-25 01:00 CEST = 2026-10-24T23:00Z; 04:00 CET = 03:00Z.
    assertEquals(
        Duration.ofHours(4), between(NIGHT, "2026-10-24T12:00:00Z", "2026-10-26T00:00:00Z"));
    // 2026-10-25 00:00 CEST = 2026-10-24T22:00Z; 2026-10-26 00:00 CET = 2026-10-25T23:00Z.
    assertEquals(
        Duration.ofHours(25), between(SUNDAYS, "2026-10-24T00:00:00Z", "2026-10-27T00:00:00Z"));
  }

  @Test
  void plusBusinessAcrossTheClockChanges() {
    // From 01:00 CET (00:00Z): one hour reaches 02:00 CET = 03:00 CEST, then 30 more minutes.
    assertEquals(
        at("2026-03-29T01:30:00Z"),
        NIGHT.plusBusiness(at("2026-03-29T00:00:00Z"), Duration.ofMinutes(90)));
    // From 01:00 CEST (23:00Z): three hours of the four-hour night end at 02:00Z = 03:00 CET.
    assertEquals(
        at("2026-10-25T02:00:00Z"),
        NIGHT.plusBusiness(at("2026-10-24T23:00:00Z"), Duration.ofHours(3)));
    // Starting on Saturday: the count begins at Sunday 01:00.
    assertEquals(
        at("2026-03-29T00:30:00Z"),
        NIGHT.plusBusiness(at("2026-03-28T10:00:00Z"), Duration.ofMinutes(30)));
  }

  @Test
  void plusBusinessStartsAfterHoursAtTheNextWorkingMoment() {
    assertEquals(
        at("2026-03-03T10:00:00+01:00"),
        OFFICE.plusBusiness(at("2026-03-02T19:00:00+01:00"), Duration.ofHours(1)));
    // Saturday: Monday 09:30.
    assertEquals(
        at("2026-03-09T09:30:00+01:00"),
        OFFICE.plusBusiness(at("2026-03-07T11:00:00+01:00"), Duration.ofMinutes(30)));
  }

  @Test
  void plusBusinessSkipsBreaksAndHolidays() {
    // Friday 12:30: half an hour until 13:00, then 14:00 + 30 minutes.
    assertEquals(
        at("2026-03-06T14:30:00+01:00"),
        OFFICE.plusBusiness(at("2026-03-06T12:30:00+01:00"), Duration.ofHours(1)));
    // Thursday 30 April 17:30: half an hour, Friday is a holiday, Monday 09:30.
    assertEquals(
        at("2026-05-04T09:30:00+02:00"),
        OFFICE.plusBusiness(at("2026-04-30T17:30:00+02:00"), Duration.ofHours(1)));
    // Used up exactly at the end of an interval: that end.
    assertEquals(
        at("2026-03-06T13:00:00+01:00"),
        OFFICE.plusBusiness(at("2026-03-06T12:00:00+01:00"), Duration.ofHours(1)));
  }

  @Test
  void plusBusinessOfZeroIsTheStart() {
    Instant saturday = at("2026-03-07T11:00:00+01:00");
    assertEquals(saturday, OFFICE.plusBusiness(saturday, Duration.ZERO));
  }

  @Test
  void plusBusinessInvertsBusinessTime() {
    Instant start = at("2026-03-05T16:47:00+01:00");
    for (int minutes = 1; minutes < 5000; minutes += 97) {
      Instant end = OFFICE.plusBusiness(start, Duration.ofMinutes(minutes));
      assertEquals(Duration.ofMinutes(minutes), OFFICE.businessTime(start, end));
      assertTrue(OFFICE.businessTime(start, end.minusSeconds(1)).toMinutes() < minutes);
    }
  }

  @Test
  void hoursAreSortedAndDaysWithoutHoursDoNotWork() {
    assertEquals(
        List.of(Interval.of("09:00", "13:00"), Interval.of("14:00", "17:00")),
        OFFICE.hours(DayOfWeek.FRIDAY));
    assertEquals(List.of(), OFFICE.hours(DayOfWeek.SATURDAY));
    assertEquals("00:00-24:00", SUNDAYS.hours(DayOfWeek.SUNDAY).get(0).toString());
  }

  static Stream<Arguments> badCalendars() {
    return Stream.of(
        Arguments.of(
            (Supplier<?>)
                () ->
                    BusinessCalendar.builder(BERLIN)
                        .hours(DayOfWeek.MONDAY, "09:00", "13:00")
                        .hours(DayOfWeek.MONDAY, "12:00", "17:00")
                        .build(),
            "MONDAY: intervals 09:00-13:00 and 12:00-17:00 overlap"),
        Arguments.of(
            (Supplier<?>)
                () ->
                    new BusinessCalendar(
                        BERLIN,
                        Map.of(
                            DayOfWeek.TUESDAY,
                            List.of(Interval.of("14:00", "17:00"), Interval.of("09:00", "13:00"))),
                        Set.of()),
            "TUESDAY: interval 09:00-13:00 is listed after 14:00-17:00;"
                + " list the intervals of a day in time order"),
        Arguments.of(
            (Supplier<?>)
                () ->
                    BusinessCalendar.builder(BERLIN)
                        .hours(DayOfWeek.SUNDAY, "20:00", "24:00")
                        .hours(DayOfWeek.SUNDAY, "22:00", "23:00")
                        .build(),
            "SUNDAY: intervals 20:00-24:00 and 22:00-23:00 overlap"),
        Arguments.of(
            (Supplier<?>) () -> Interval.of("18:00", "09:00"),
            "interval 18:00-09:00: start is not before end"),
        Arguments.of(
            (Supplier<?>) () -> Interval.of("09:00", "09:00"),
            "interval 09:00-09:00: start is not before end"),
        Arguments.of(
            (Supplier<?>) () -> Interval.of("9am", "17:00"), "\"9am\" is not a local time HH:MM"),
        Arguments.of(
            (Supplier<?>) () -> Interval.of("09:00", "25:00"),
            "\"25:00\" is not a local time HH:MM (or 24:00)"),
        Arguments.of(
            (Supplier<?>) () -> BusinessCalendar.builder("Europe/Berlln"),
            "\"Europe/Berlln\" is not a known time zone id"),
        Arguments.of(
            (Supplier<?>) () -> OFFICE.plusBusiness(Instant.EPOCH, Duration.ofMinutes(-1)),
            "business time PT-1M is negative"),
        Arguments.of(
            (Supplier<?>)
                () ->
                    BusinessCalendar.builder(BERLIN)
                        .build()
                        .plusBusiness(Instant.EPOCH, Duration.ofMinutes(1)),
            "business time PT1M never elapses: the calendar has no working hours"));
  }

  @ParameterizedTest
  @MethodSource("badCalendars")
  void badInputIsRejectedWithAPreciseMessage(Supplier<?> action, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::get);
    assertEquals(message, e.getMessage());
  }

  @Test
  void midnightEndMeansEndOfDay() {
    Interval allDay = new Interval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    assertTrue(allDay.endsAtMidnight());
  }
}
