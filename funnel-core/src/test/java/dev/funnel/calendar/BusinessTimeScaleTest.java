package dev.funnel.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Business time over long ranges: the whole days in the middle of a range are counted by weeks,
 * holidays and offset transitions, not walked one by one, with the same result as the walk.
 */
final class BusinessTimeScaleTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

  static BusinessCalendar calendar(Random r) {
    return calendar(r, BERLIN, 3000);
  }

  static BusinessCalendar calendar(Random r, ZoneId zone, int holidays) {
    BusinessCalendar.Builder b =
        BusinessCalendar.builder(zone)
            .hours(DayOfWeek.MONDAY, "09:00", "18:00")
            .hours(DayOfWeek.TUESDAY, "00:00", "24:00")
            // across the spring-forward gap (02:00-03:00) and the fall-back overlap
            .hours(DayOfWeek.SUNDAY, "01:30", "03:30")
            .hours(DayOfWeek.FRIDAY, "09:00", "13:00")
            .hours(DayOfWeek.FRIDAY, "14:00", "17:00:00.5");
    for (int i = 0; i < holidays; i++) {
      b.holiday(LocalDate.of(2020, 1, 1).plusDays(r.nextInt(20 * 366)));
    }
    return b.build();
  }

  /** The working time as the calendar defines it: every day's intervals clipped to the range. */
  static Duration walked(BusinessCalendar c, Instant from, Instant to) {
    Duration total = Duration.ZERO;
    LocalDate last = LocalDate.ofInstant(to, c.zone()).plusDays(1);
    for (LocalDate d = LocalDate.ofInstant(from, c.zone()).minusDays(1);
        !d.isAfter(last);
        d = d.plusDays(1)) {
      if (!c.isWorkingDay(d)) {
        continue;
      }
      for (BusinessCalendar.Interval i : c.hours(d.getDayOfWeek())) {
        Instant s = i.startOn(d, c.zone());
        Instant e = i.endOn(d, c.zone());
        s = s.isAfter(from) ? s : from;
        e = e.isBefore(to) ? e : to;
        if (s.isBefore(e)) {
          total = total.plus(Duration.between(s, e));
        }
      }
    }
    return total;
  }

  @Test
  void longAndShortRangesEqualTheDayByDayWalk() {
    Random r = new Random(11);
    BusinessCalendar c = calendar(r);
    BusinessCalendar other = calendar(new Random(12));
    for (int k = 0; k < 3000; k++) {
      BusinessCalendar cal = k % 7 == 0 ? other : c;
      Instant from = T0.plusSeconds(r.nextInt(20 * 366 * 86_400)).plusNanos(r.nextInt(1000));
      long span =
          switch (k % 4) {
            case 0 -> r.nextInt(4 * 86_400);
            case 1 -> r.nextInt(30 * 86_400);
            case 2 -> r.nextInt(3 * 366 * 86_400);
            default -> 86_400L * r.nextInt(60 * 366);
          };
      Instant to = from.plusSeconds(span).plusNanos(r.nextInt(1000));
      assertEquals(walked(cal, from, to), cal.businessTime(from, to), from + " .. " + to);
    }
  }

  /**
   * Zones whose transitions are unusual: Apia skipped 30 December 2011 (a whole day), Santiago and
   * Sao Paulo moved their clocks at midnight, Lord Howe moves by 30 minutes, Kolkata never moves.
   */
  @Test
  void zonesWithUnusualTransitionsEqualTheDayByDayWalk() {
    Random r = new Random(21);
    for (String id :
        List.of(
            "Pacific/Apia",
            "America/Santiago",
            "America/Sao_Paulo",
            "Australia/Lord_Howe",
            "Asia/Kolkata")) {
      BusinessCalendar c = calendar(r, ZoneId.of(id), 200);
      Instant start = Instant.parse("2008-01-01T00:00:00Z");
      for (int k = 0; k < 600; k++) {
        Instant from = start.plusSeconds(r.nextInt(8 * 366 * 86_400)).plusNanos(r.nextInt(1000));
        long span = k % 2 == 0 ? r.nextInt(40 * 86_400) : 86_400L * r.nextInt(6 * 366);
        Instant to = from.plusSeconds(span);
        assertEquals(walked(c, from, to), c.businessTime(from, to), id + " " + from + " .. " + to);
      }
    }
  }
}
