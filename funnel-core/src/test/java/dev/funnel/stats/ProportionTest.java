package dev.funnel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class ProportionTest {

  /*
   * Expected Wilson bounds, computed by hand with python3 (not with this code), z = 1.959964,
   * z^2 = 3.841458881296:
   *   center = (p + z^2/(2n)) / (1 + z^2/n)
   *   half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2))
   *   low, high = center -/+ half
   * and cross-checked with the equivalent form (s + z^2/2 -/+ z sqrt(s(n-s)/n + z^2/4)) / (n + z^2):
   *   3/7:   center 0.453880746, half 0.295660892 -> [0.15821985399244537, 0.7495416372469643]
   *   0/10:  center 0.138766402, half 0.138766402 -> [0,                   0.2775328030260577]
   *   10/10: center 0.861233598, half 0.138766402 -> [0.7224671969739421,  1]
   *   1/1:   center 0.603274656, half 0.396725344 -> [0.2065493117918027,  1]
   *   1/2:   center 0.5,         half 0.405468795 -> [0.09453120463920084, 0.9054687953607992]
   */
  static Stream<Arguments> wilson() {
    return Stream.of(
        Arguments.of(3, 7, 0.42857142857142855, 0.15821985399244537, 0.7495416372469643),
        Arguments.of(0, 10, 0.0, 0.0, 0.2775328030260577),
        Arguments.of(10, 10, 1.0, 0.7224671969739421, 1.0),
        Arguments.of(1, 1, 1.0, 0.2065493117918027, 1.0),
        Arguments.of(1, 2, 0.5, 0.09453120463920084, 0.9054687953607992));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("wilson")
  void wilsonBoundsMatchHandComputedValues(
      long successes, long trials, double rate, double low, double high) {
    Proportion p = Proportion.of(successes, trials);
    assertEquals(rate, p.rate().getAsDouble(), 1e-15);
    assertEquals(low, p.low().getAsDouble(), 1e-12);
    assertEquals(high, p.high().getAsDouble(), 1e-12);
  }

  @Test
  void edgesAreExact() {
    // no rounding below 0 or above 1 at the edges
    assertEquals(0.0, Proportion.of(0, 10).low().getAsDouble());
    assertEquals(1.0, Proportion.of(10, 10).high().getAsDouble());
    assertEquals(1.0, Proportion.of(1, 1).high().getAsDouble());
  }

  @Test
  void noTrialsMeansEveryFigureIsAbsent() {
    Proportion p = Proportion.of(0, 0);
    assertEquals(Proportion.empty(), p);
    assertTrue(p.isUndefined());
    assertFalse(Proportion.of(0, 1).isUndefined());
    assertEquals(OptionalDouble.empty(), p.rate());
    assertEquals(OptionalDouble.empty(), p.low());
    assertEquals(OptionalDouble.empty(), p.high());
    assertEquals("-", p.percent());
    assertEquals("- 0/0", p.toString());
  }

  @Test
  void printsRateIntervalAndCounts() {
    // 3/7 = 42.857% ; bounds 15.82% and 74.95% from the table above
    assertEquals("42.9% [15.8%, 75.0%] 3/7", Proportion.of(3, 7).toString());
    assertEquals("0.0% [0.0%, 27.8%] 0/10", Proportion.of(0, 10).toString());
    assertEquals("100.0% [72.2%, 100.0%] 10/10", Proportion.of(10, 10).toString());
    assertEquals("100.0% [20.7%, 100.0%] 1/1", Proportion.of(1, 1).toString());
    assertEquals("42.9%", Proportion.of(3, 7).percent());
  }

  @Test
  void sumsCountsExactly() {
    assertEquals(Proportion.of(4, 9), Proportion.of(3, 7).plus(Proportion.of(1, 2)));
    assertEquals(Proportion.of(3, 7), Proportion.of(3, 7).plus(Proportion.empty()));
    ArithmeticException e =
        assertThrows(
            ArithmeticException.class,
            () -> Proportion.of(0, Long.MAX_VALUE).plus(Proportion.of(0, 1)));
    assertEquals("long overflow", e.getMessage());
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(-1, 5, "proportion -1/5: need 0 <= successes <= trials"),
        Arguments.of(6, 5, "proportion 6/5: need 0 <= successes <= trials"),
        Arguments.of(0, -1, "proportion 0/-1: need 0 <= successes <= trials"),
        Arguments.of(1, 0, "proportion 1/0: need 0 <= successes <= trials"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("invalid")
  void rejectsImpossibleCounts(long successes, long trials, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Proportion.of(successes, trials));
    assertEquals(IllegalArgumentException.class, e.getClass());
    assertEquals(message, e.getMessage());
  }

  @Property
  void boundsEncloseTheRateWithinZeroAndOne(
      @ForAll @LongRange(min = 1, max = 1_000_000) long trials,
      @ForAll @LongRange(min = 0, max = 1_000_000) long s) {
    long successes = s % (trials + 1);
    Proportion p = Proportion.of(successes, trials);
    double rate = p.rate().getAsDouble();
    double low = p.low().getAsDouble();
    double high = p.high().getAsDouble();
    assertTrue(0 <= low && low <= rate && rate <= high && high <= 1, p.toString());
    // the interval of k/n mirrors that of (n-k)/n
    Proportion mirror = Proportion.of(trials - successes, trials);
    assertEquals(1 - high, mirror.low().getAsDouble(), 1e-9);
  }
}
