package dev.funnel.examples.internal;

import dev.funnel.examples.SampleCalendar;
import dev.funnel.examples.SampleSpec;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * The independent random streams of a sample, one per concern, each derived from the seed alone, so
 * that deals come out the same whether or not leads, touches and marketing are generated too.
 */
final class Streams {
  static final int OWNERS = 1;
  static final int DEALS = 2;
  static final int DETAILS = 3;
  static final int LEADS = 4;
  static final int MARKETING = 5;

  private Streams() {}

  /** The random stream of this concern. */
  static SplittableRandom random(long seed, int stream) {
    long z = seed + stream * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  /** The sales team's calendar over the years of the spec's period. */
  static SampleCalendar calendar(SampleSpec spec) {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    int from = spec.start().atZone(berlin).getYear();
    int to = spec.end().atZone(berlin).getYear();
    return SampleCalendar.berlin(from, to);
  }

  /** The working-time clock over the spec's period, with a margin on both sides. */
  static WorkClock clock(SampleSpec spec) {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    LocalDate from = spec.start().atZone(berlin).toLocalDate().minusDays(7);
    LocalDate to = spec.end().atZone(berlin).toLocalDate().plusDays(60);
    return new WorkClock(SampleCalendar.berlin(from.getYear(), to.getYear()), from, to);
  }
}
