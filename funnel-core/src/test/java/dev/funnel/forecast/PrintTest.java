package dev.funnel.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class PrintTest {

  @Test
  void aHorizonPrintsInTwoUnitsOnlyWhenTheyHoldItExactly() {
    assertEquals("90d", Print.horizon(Duration.ofDays(90)));
    assertEquals("1d 12h", Print.horizon(Duration.ofHours(36)));
    assertEquals("2h 5m", Print.horizon(Duration.ofMinutes(125)));
    assertEquals("4m 10s", Print.horizon(Duration.ofSeconds(250)));
    // two units would drop the rest: 1d 30m is not "1d", 2h 5m 3s is not "2h 5m"
    assertEquals("PT24H30M", Print.horizon(Duration.ofMinutes(24 * 60 + 30)));
    assertEquals("PT2H5M3S", Print.horizon(Duration.ofSeconds(2 * 3600 + 5 * 60 + 3)));
    assertEquals("PT1M0.5S", Print.horizon(Duration.ofMillis(60_500)));
  }
}
