package dev.funnel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SampleCalendarTest {
  private final SampleCalendar berlin = SampleCalendar.berlin(2025, 2026);

  @Test
  void easterSundayMatchesPublishedDates() {
    assertEquals(LocalDate.of(2024, 3, 31), SampleCalendar.easterSunday(2024));
    assertEquals(LocalDate.of(2025, 4, 20), SampleCalendar.easterSunday(2025));
    assertEquals(LocalDate.of(2026, 4, 5), SampleCalendar.easterSunday(2026));
    assertEquals(LocalDate.of(2019, 4, 21), SampleCalendar.easterSunday(2019));
  }

  @Test
  void berlinHolidaysOf2025() {
    List<LocalDate> y2025 = berlin.holidays().stream().filter(d -> d.getYear() == 2025).toList();
    assertEquals(
        List.of(
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 3, 8),
            LocalDate.of(2025, 4, 18),
            LocalDate.of(2025, 4, 21),
            LocalDate.of(2025, 5, 1),
            LocalDate.of(2025, 5, 29),
            LocalDate.of(2025, 6, 9),
            LocalDate.of(2025, 10, 3),
            LocalDate.of(2025, 12, 25),
            LocalDate.of(2025, 12, 26)),
        y2025);
  }

  @Test
  void intervalOfTextSaysWhichTimeIsNotOne() {
    assertEquals(
        new SampleCalendar.Interval(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 30)),
        SampleCalendar.Interval.of("09:00", "17:30"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SampleCalendar.Interval.of("9am", "17:00"));
    assertEquals("working interval: \"9am\" is not a local time such as 09:00", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> SampleCalendar.Interval.of("17:00", "09:00"));
  }

  @Test
  void workingTimeFollowsTheHoursInLocalTime() {
    // 2025-03-14 is a Friday; Berlin is UTC+1 in March before the switch.
    assertTrue(berlin.isWorkingTime(Instant.parse("2025-03-14T08:00:00Z"))); // 09:00 local
    assertFalse(berlin.isWorkingTime(Instant.parse("2025-03-14T12:30:00Z"))); // 13:30 lunch
    assertTrue(berlin.isWorkingTime(Instant.parse("2025-03-14T13:00:00Z"))); // 14:00
    assertFalse(berlin.isWorkingTime(Instant.parse("2025-03-14T16:00:00Z"))); // 17:00 closed
    assertTrue(berlin.isWorkingTime(Instant.parse("2025-03-13T16:59:59Z"))); // Thu 17:59:59
    assertFalse(berlin.isWorkingTime(Instant.parse("2025-03-15T10:00:00Z"))); // Saturday
    assertFalse(berlin.isWorkingTime(Instant.parse("2025-05-01T10:00:00Z"))); // Labour Day
    // Summer time: 09:00 local is 07:00Z.
    assertTrue(berlin.isWorkingTime(Instant.parse("2025-07-01T07:00:00Z")));
    assertFalse(berlin.isWorkingTime(Instant.parse("2025-07-01T06:59:59Z")));
  }

  @Test
  void overlappingIntervalsAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SampleCalendar(
                    ZoneId.of("UTC"),
                    Map.of(
                        DayOfWeek.MONDAY,
                        List.of(
                            SampleCalendar.Interval.of("09:00", "13:00"),
                            SampleCalendar.Interval.of("12:00", "17:00"))),
                    List.of()));
    assertEquals(
        "calendar: MONDAY: interval Interval[start=12:00, end=17:00] starts before the previous"
            + " one ends",
        e.getMessage());
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class, () -> SampleCalendar.Interval.of("10:00", "10:00"));
    assertEquals("working interval 10:00-10:00: end is not after start", empty.getMessage());
  }

  @Test
  void toJsonIsTheFormatsMdCalendar() {
    SampleCalendar small =
        new SampleCalendar(
            ZoneId.of("Europe/Berlin"),
            Map.of(
                DayOfWeek.FRIDAY,
                List.of(
                    SampleCalendar.Interval.of("09:00", "13:00"),
                    SampleCalendar.Interval.of("14:00", "17:00")),
                DayOfWeek.MONDAY,
                List.of(SampleCalendar.Interval.of("09:00", "18:00"))),
            List.of(LocalDate.of(2026, 5, 1)));
    assertEquals(
        "{\n"
            + "  \"zone\": \"Europe/Berlin\",\n"
            + "  \"hours\": {\n"
            + "    \"MONDAY\": [[\"09:00\", \"18:00\"]],\n"
            + "    \"FRIDAY\": [[\"09:00\", \"13:00\"], [\"14:00\", \"17:00\"]]\n"
            + "  },\n"
            + "  \"holidays\": [\"2026-05-01\"]\n"
            + "}\n",
        small.toJson());
  }
}
