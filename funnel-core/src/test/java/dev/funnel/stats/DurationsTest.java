package dev.funnel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class DurationsTest {

  static Stream<Arguments> human() {
    return Stream.of(
        Arguments.of(Duration.ZERO, "0s"),
        Arguments.of(Duration.ofSeconds(45), "45s"),
        Arguments.of(Duration.ofSeconds(60), "1m"),
        Arguments.of(Duration.ofSeconds(4 * 60 + 10), "4m 10s"),
        Arguments.of(Duration.ofHours(2), "2h"),
        Arguments.of(Duration.ofHours(2).plusMinutes(5), "2h 5m"),
        // only the two largest units: seconds under hours are dropped, not rounded
        Arguments.of(Duration.ofHours(2).plusMinutes(5).plusSeconds(59), "2h 5m"),
        Arguments.of(Duration.ofHours(2).plusSeconds(30), "2h"),
        Arguments.of(Duration.ofDays(1).plusMinutes(30), "1d"),
        Arguments.of(Duration.ofDays(3), "3d"),
        Arguments.of(Duration.ofDays(3).plusHours(4), "3d 4h"),
        Arguments.of(Duration.ofDays(1).plusHours(23).plusMinutes(59).plusSeconds(59), "1d 23h"),
        Arguments.of(Duration.ofDays(400), "400d"),
        Arguments.of(Duration.ofMillis(500), "500ms"),
        Arguments.of(Duration.ofMillis(1500), "1s"),
        // a positive duration never prints as zero
        Arguments.of(Duration.ofNanos(1), "<1ms"),
        Arguments.of(Duration.ofNanos(999_999), "<1ms"),
        Arguments.of(Duration.ofNanos(1_000_000), "1ms"),
        Arguments.of(Duration.ZERO, "0s"),
        Arguments.of(Duration.ofNanos(-500_000), "-<1ms"),
        Arguments.of(Duration.ofDays(3).plusHours(4).negated(), "-3d 4h"),
        Arguments.of(Duration.ofMillis(-250), "-250ms"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("human")
  void printsTheLargestUnitAndTheNextDown(Duration d, String expected) {
    assertEquals(expected, Durations.human(d));
  }

  @Test
  void daysAreSecondsOver86400() {
    assertEquals(1.5, Durations.days(Duration.ofHours(36)));
    assertEquals(0.5 / 86_400, Durations.days(Duration.ofMillis(500)));
    assertEquals(-1.0, Durations.days(Duration.ofDays(-1)));
  }

  @Test
  void secondsAsDoubleRoundToTheNanosecond() {
    assertEquals(Duration.ofMillis(1500), Durations.ofSeconds(1.5));
    assertEquals(Duration.ofSeconds(-2).plusMillis(500), Durations.ofSeconds(-1.5));
    assertEquals(Duration.ofSeconds(7), Durations.ofSeconds(7));
    assertEquals(Duration.ofNanos(1), Durations.ofSeconds(1e-9));
  }

  static Stream<Arguments> labels() {
    return Stream.of(
        Arguments.of(0.5, "50"),
        Arguments.of(0.9, "90"),
        Arguments.of(0.0, "0"),
        Arguments.of(1.0, "100"),
        Arguments.of(0.995, "99.5"),
        // 0.29 * 100 and 0.57 * 100 are 28.999999999999996 and 56.99999999999999 in doubles
        Arguments.of(0.29, "29"),
        Arguments.of(0.57, "57"),
        Arguments.of(0.1234, "12.34"),
        Arguments.of(0.12345, "12.345"),
        Arguments.of(0.999999, "100"));
  }

  @ParameterizedTest(name = "p{1}")
  @MethodSource("labels")
  void labelsPercentiles(double p, String label) {
    assertEquals(label, Distribution.percentLabel(p));
  }
}
