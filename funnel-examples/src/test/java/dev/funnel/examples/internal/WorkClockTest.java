package dev.funnel.examples.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.examples.SampleCalendar;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Working-time arithmetic of the Berlin calendar, checked by hand in local time. */
final class WorkClockTest {
  private final WorkClock clock =
      new WorkClock(
          SampleCalendar.berlin(2025, 2025), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 1));

  private static long t(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }

  private String plus(String from, long seconds) {
    return Instant.ofEpochSecond(clock.plusWorking(t(from), seconds)).toString();
  }

  @Test
  void addsWithinADay() {
    // Tuesday 2025-03-11 10:00 local (09:00Z) + 2h = 12:00 local.
    assertEquals("2025-03-11T11:00:00Z", plus("2025-03-11T09:00:00Z", 7200));
  }

  @Test
  void skipsTheFridayLunchBreakAndTheWeekend() {
    // Friday 2025-03-14 12:30 local + 1h: 30 min to 13:00, then 30 min from 14:00 -> 14:30 local.
    assertEquals("2025-03-14T13:30:00Z", plus("2025-03-14T11:30:00Z", 3600));
    // Friday 16:30 local + 1h: 30 min to 17:00, then Monday 09:00 + 30 min -> 09:30 local.
    assertEquals("2025-03-17T08:30:00Z", plus("2025-03-14T15:30:00Z", 3600));
  }

  @Test
  void startsAfterHoursAtTheNextWorkingMoment() {
    // Saturday 2025-03-15 noon + 15 min -> Monday 09:15 local.
    assertEquals("2025-03-17T08:15:00Z", plus("2025-03-15T11:00:00Z", 900));
    // Wednesday 2025-04-30 17:30 local + 1h: 30 min to 18:00, May 1 is a holiday,
    // then Friday 09:00 + 30 min -> 09:30 local (UTC+2).
    assertEquals("2025-05-02T07:30:00Z", plus("2025-04-30T15:30:00Z", 3600));
  }

  @Test
  void knowsDaysAndWorkingTime() {
    assertTrue(clock.isWorking(t("2025-03-11T09:00:00Z")));
    assertFalse(clock.isWorking(t("2025-03-11T17:00:00Z"))); // 18:00 local
    int day = clock.day(t("2025-03-15T23:30:00Z")); // already Sunday 00:30 local
    assertEquals(LocalDate.of(2025, 3, 16), clock.date(day));
    assertFalse(clock.isWorkingDay(day));
  }
}
