package dev.funnel.examples.internal;

import dev.funnel.examples.SampleCalendar;
import java.time.LocalDate;
import java.util.List;

/**
 * A {@link SampleCalendar} unrolled over a range of local days into epoch seconds, so that the
 * generator asks "which day", "is it working time" and "add working time" without allocating.
 * Instants outside the range fall back to wall time.
 */
final class WorkClock {
  private static final long DAY = 86_400;

  private final LocalDate firstDay;
  private final long[] midnight; // per day, plus the midnight after the last day
  private final long[][] work; // per day: start0, end0, start1, end1, ... in epoch seconds

  WorkClock(SampleCalendar calendar, LocalDate from, LocalDate toExclusive) {
    firstDay = from;
    int days = (int) (toExclusive.toEpochDay() - from.toEpochDay());
    midnight = new long[days + 1];
    work = new long[days][];
    for (int d = 0; d <= days; d++) {
      LocalDate date = from.plusDays(d);
      midnight[d] = date.atStartOfDay(calendar.zone()).toEpochSecond();
      if (d == days) {
        break;
      }
      List<SampleCalendar.Interval> intervals = calendar.intervals(date);
      long[] w = new long[intervals.size() * 2];
      for (int i = 0; i < intervals.size(); i++) {
        w[2 * i] = date.atTime(intervals.get(i).start()).atZone(calendar.zone()).toEpochSecond();
        w[2 * i + 1] = date.atTime(intervals.get(i).end()).atZone(calendar.zone()).toEpochSecond();
      }
      work[d] = w;
    }
  }

  /** The number of days in the range. */
  int days() {
    return work.length;
  }

  /** The local date of a day index. */
  LocalDate date(int day) {
    return firstDay.plusDays(day);
  }

  /** The epoch second of the local midnight that starts this day. */
  long midnight(int day) {
    return midnight[day];
  }

  /** Whether this day of the range has working hours. */
  boolean isWorkingDay(int day) {
    return work[day].length > 0;
  }

  /** The day index of an instant, clamped to the range. */
  int day(long t) {
    int last = work.length - 1;
    int d = (int) Math.max(0, Math.min(last, Math.floorDiv(t - midnight[0], DAY)));
    while (d > 0 && midnight[d] > t) {
      d--;
    }
    while (d < last && midnight[d + 1] <= t) {
      d++;
    }
    return d;
  }

  /** Whether the instant lies inside a working interval. */
  boolean isWorking(long t) {
    if (t < midnight[0] || t >= midnight[work.length]) {
      return false;
    }
    long[] w = work[day(t)];
    for (int i = 0; i < w.length; i += 2) {
      if (t >= w[i] && t < w[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The instant after {@code seconds} of working time counted from {@code t} (a moment after hours
   * starts counting at the next working moment). Beyond the range, wall time is added.
   */
  long plusWorking(long t, long seconds) {
    if (t < midnight[0] || t >= midnight[work.length]) {
      return t + seconds;
    }
    long left = seconds;
    long now = t;
    for (int d = day(t); d < work.length; d++) {
      long[] w = work[d];
      for (int i = 0; i < w.length; i += 2) {
        if (now >= w[i + 1]) {
          continue;
        }
        long from = Math.max(now, w[i]);
        long available = w[i + 1] - from;
        if (left <= available) {
          return from + left;
        }
        left -= available;
        now = w[i + 1];
      }
    }
    return Math.max(now, midnight[work.length]) + left;
  }
}
