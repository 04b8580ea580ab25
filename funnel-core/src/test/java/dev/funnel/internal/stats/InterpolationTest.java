package dev.funnel.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class InterpolationTest {

  @Test
  void aDecimalPercentileInterpolatesWithoutBinaryNoise() {
    // x = 0, 27,322,103 s; p90: h = 0.9, 0.9 x 27,322,103 = 24,589,892.7 s exactly
    // (in doubles: 24,589,892.699999999 s, printed PT6830H31M32.699999999S)
    assertEquals(0, Interpolation.lower(2, 0.9));
    assertTrue(Interpolation.between(2, 0.9));
    assertEquals(
        Duration.ofSeconds(24_589_892, 700_000_000), Interpolation.at(0, 27_322_103, 2, 0.9));
    // x = 0, 123,456,789 s: p90 = 111,111,110.1 s (doubles: ...110.100000009)
    assertEquals(
        Duration.ofSeconds(111_111_110, 100_000_000), Interpolation.at(0, 123_456_789, 2, 0.9));
  }

  @Test
  void aRankThatIsWholeInDecimalIsNotTakenOneBelow() {
    // n = 51, p58: h = 50 x 0.58 = 29 exactly, no interpolation (doubles: 28.999999999999996,
    // rank 28 and a fraction of 0.999999999999996 of the next gap)
    assertEquals(29, Interpolation.lower(51, 0.58));
    assertFalse(Interpolation.between(51, 0.58));
    assertEquals(
        Duration.ofSeconds(29_000_087), Interpolation.at(29_000_087, 30_000_090, 51, 0.58));
  }

  @Test
  void fractionsRoundToTheNearestNanosecond() {
    // x = 0, 1 s, n = 2, p = 0.123456789: 0.123456789 s exactly
    assertEquals(Duration.ofNanos(123_456_789), Interpolation.at(0, 1, 2, 0.123456789));
    // x = 10, 11 s, n = 3, p = 0.0000000015 (ten decimals: doubles): h = 0.000000003, 3 ns
    assertEquals(Duration.ofSeconds(10, 3), Interpolation.at(10, 11, 3, 0.0000000015));
    // x = 0, 1 s, n = 2, p = 0.0000000005 (ten decimals: not exact, doubles): 0.5 ns -> 1 ns
    assertEquals(Duration.ofNanos(1), Interpolation.at(0, 1, 2, 0.0000000005));
  }

  @Test
  void aPercentileWithoutAShortDecimalFormUsesDoubles() {
    // p = 1/3 of x = 0, 3, 6, 9: h = 3 x (1/3) = 1.0 in doubles -> x[1] = 3
    double third = 1.0 / 3;
    assertEquals(1, Interpolation.lower(4, third));
    assertFalse(Interpolation.between(4, third));
    assertEquals(Duration.ofSeconds(3), Interpolation.at(3, 6, 4, third));
    // p = 1/3 of x = 0, 9 (n = 2): 3 s
    assertEquals(Duration.ofSeconds(3), Interpolation.at(0, 9, 2, third));
    // p = 1/3 of -6e18, 6e18 s: about -2e18 s, the difference taken in doubles (review: in longs
    // it overflowed to -8.15e18, below the smallest value)
    double v =
        Interpolation.at(-6_000_000_000_000_000_000L, 6_000_000_000_000_000_000L, 2, third)
            .getSeconds();
    assertEquals(-2e18, v, 1e4);
  }

  @Test
  void spansBeyondTheExactRangeAndOverflowingDifferences() {
    // p50 of -4e18, 4e18 s: 0 (the span exceeds the long-arithmetic range: decimals)
    assertEquals(
        Duration.ZERO,
        Interpolation.at(-4_000_000_000_000_000_000L, 4_000_000_000_000_000_000L, 2, 0.5));
    // p50 of -6e18, 6e18 s: the difference overflows a long; still 0
    assertEquals(
        Duration.ZERO,
        Interpolation.at(-6_000_000_000_000_000_000L, 6_000_000_000_000_000_000L, 2, 0.5));
    // p75 of 0, 5,000,000,001 s: 3,750,000,000.75 s
    assertEquals(
        Duration.ofSeconds(3_750_000_000L, 750_000_000),
        Interpolation.at(0, 5_000_000_001L, 2, 0.75));
  }

  @Test
  void valuesInSmallerUnitsRoundOnceAtTheRealNanosecond() {
    long ms = 1_000_000L;
    // review: 500 ms over 1001 values is 499,500.4995 ns -> 499,500 ns; fed through seconds and
    // rounded again it came out as 499,501 ns
    assertEquals(Duration.ofNanos(499_500), Interpolation.mean(500, 1001, ms));
    assertEquals(Duration.ofNanos(388_833), Interpolation.mean(390, 1003, ms)); // 388,833.499...
    // p25 of 0, 1 ms: 0.25 ms; p50 of -3, 0 ms: -1.5 ms
    assertEquals(Duration.ofNanos(250_000), Interpolation.at(0, 1, 2, 0.25, ms));
    assertEquals(Duration.ofNanos(-1_500_000), Interpolation.at(-3, 0, 2, 0.5, ms));
    assertEquals(Duration.ofMillis(-1), Interpolation.units(-1, ms));
    assertEquals(Duration.ofMillis(2_500), Interpolation.units(2_500, ms));
    // a span past the long-arithmetic range, in microseconds: p50 of 0 and 9e15 us = 4.5e9 s
    assertEquals(
        Duration.ofSeconds(4_500_000_000L),
        Interpolation.at(0, 9_000_000_000_000_000L, 2, 0.5, 1_000));
  }

  @Test
  void meansRoundToTheNearestNanosecondATieUpwards() {
    // 2 / 3 s = 0.666666666.67 ns -> 0.666666667 s
    assertEquals(Duration.ofNanos(666_666_667), Interpolation.mean(2, 3));
    // -2 / 3 s -> -0.666666667 s = -1 s + 333,333,333 ns
    assertEquals(Duration.ofSeconds(-1, 333_333_333), Interpolation.mean(-2, 3));
    // 1 / 2,000,000,000 s = 0.5 ns: a tie, upwards -> 1 ns; -0.5 ns -> 0
    assertEquals(Duration.ofNanos(1), Interpolation.mean(1, 2_000_000_000L));
    assertEquals(Duration.ZERO, Interpolation.mean(-1, 2_000_000_000L));
    // a sum beyond a long: 2 x (2^63 - 1) over 2 values
    BigInteger sum = BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1);
    assertEquals(Duration.ofSeconds(Long.MAX_VALUE), Interpolation.mean(sum, 2));
    // -(2^63) x 3 + 1 over 3 values: -(2^63) + 1/3 s -> -(2^63) s + 333,333,333 ns
    BigInteger low =
        BigInteger.valueOf(Long.MIN_VALUE).multiply(BigInteger.valueOf(3)).add(BigInteger.ONE);
    assertEquals(Duration.ofSeconds(Long.MIN_VALUE, 333_333_333), Interpolation.mean(low, 3));
  }
}
