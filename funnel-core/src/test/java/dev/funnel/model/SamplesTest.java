package dev.funnel.model;

import static dev.funnel.model.Rejects.iae;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Touch, SpendSample and ActivitySample. */
final class SamplesTest {
  static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  static Stream<Arguments> invalidSamples() {
    return Stream.of(
        iae("touch: subject id is blank", () -> Touch.of("", Instant.EPOCH)),
        iae("spend on 2026-03-02: channel is blank", () -> new SpendSample(DAY, " ", eur("1"))),
        iae(
            "spend on 2026-03-02 for ads: cost -0.01 EUR is negative",
            () -> new SpendSample(DAY, "ads", eur("-0.01"))),
        iae(
            "activity on 2026-03-02: channel or metric is blank",
            () -> new ActivitySample(DAY, "", "clicks", 1)),
        iae(
            "activity on 2026-03-02: channel or metric is blank",
            () -> new ActivitySample(DAY, "ads", " ", 1)),
        iae(
            "activity on 2026-03-02 ads/clicks: value -1.0 is negative or not finite",
            () -> new ActivitySample(DAY, "ads", "clicks", -1)),
        iae(
            "activity on 2026-03-02 ads/clicks: value NaN is negative or not finite",
            () -> new ActivitySample(DAY, "ads", "clicks", Double.NaN)),
        iae(
            "activity on 2026-03-02 ads/clicks: value Infinity is negative or not finite",
            () -> new ActivitySample(DAY, "ads", "clicks", Double.POSITIVE_INFINITY)),
        // 2^53 + 2, the next double after 2^53 (2^53 + 1 is not a double)
        iae(
            "activity on 2026-03-02 ads/clicks: value 9.007199254740994E15 is above 2^53 ="
                + " 9007199254740992: beyond it a double no longer holds every whole count",
            () -> new ActivitySample(DAY, "ads", "clicks", 9_007_199_254_740_994.0)),
        iae(
            "activity on 2026-03-02 ads/clicks: value 1.0E300 is above 2^53 ="
                + " 9007199254740992: beyond it a double no longer holds every whole count",
            () -> new ActivitySample(DAY, "ads", "clicks", 1e300)));
  }

  static dev.funnel.model.Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSamples")
  void rejectsInvalidSample(String message, Executable action) {
    Rejects.assertRejected(message, action);
  }

  @Test
  void acceptsTwoToTheFiftyThird() {
    assertEquals(9_007_199_254_740_992L, (long) ActivitySample.MAX_VALUE);
    assertEquals(
        9_007_199_254_740_992.0,
        new ActivitySample(DAY, "ads", "impressions", 9_007_199_254_740_992.0).value());
  }

  @Test
  void acceptsZeroAndKeepsFields() {
    assertEquals(0.0, new ActivitySample(DAY, "ads", "clicks", 0).value());
    assertEquals(eur("0.00"), new SpendSample(DAY, "ads", eur("0")).cost());
    Touch t = new Touch("D-1", Instant.EPOCH, Optional.of("call"), Optional.of("ann"));
    assertEquals(Optional.of("call"), t.kind());
    assertEquals(Touch.of("D-1", Instant.EPOCH).actor(), Optional.empty());
  }
}
