package dev.funnel.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Business time over long ranges: whole days in the middle of a range come from prefix sums, not a
 * walk over every day, with the same result as the walk.
 */
final class BusinessTimeScaleTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

  static BusinessCalendar calendar(Random r) {
    BusinessCalendar.Builder b =
        BusinessCalendar.builder(BERLIN)
            .hours(DayOfWeek.MONDAY, "09:00", "18:00")
            .hours(DayOfWeek.TUESDAY, "00:00", "24:00")
            // across the spring-forward gap (02:00-03:00) and the fall-back overlap
            .hours(DayOfWeek.SUNDAY, "01:30", "03:30")
            .hours(DayOfWeek.FRIDAY, "09:00", "13:00")
            .hours(DayOfWeek.FRIDAY, "14:00", "17:00:00.5");
    for (int i = 0; i < 3000; i++) {
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
   * 50,000 ranges of 40 years each (untouched leads against a far as-of): the walk over every day
   * took about a millisecond per range, a minute in all; now the days are summed once.
   */
  @Test
  void manyLongRangesAreCheap() {
    BusinessCalendar c = calendar(new Random(13));
    Instant to = T0.plus(Duration.ofDays(40 * 366));
    Duration total =
        assertTimeoutPreemptively(
            Duration.ofSeconds(15),
            () -> {
              Duration sum = Duration.ZERO;
              for (int i = 0; i < 50_000; i++) {
                sum = sum.plus(c.businessTime(T0.plusSeconds(600L * i), to));
              }
              return sum;
            });
    assertEquals(
        walked(c, T0, to).compareTo(Duration.ZERO) > 0, total.compareTo(Duration.ZERO) > 0);
  }
}
