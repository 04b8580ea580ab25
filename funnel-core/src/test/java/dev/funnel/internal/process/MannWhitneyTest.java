package dev.funnel.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class MannWhitneyTest {

  @Test
  void handComputedSmallCase() {
    // x = {1, 2, 4}, y = {3, 5}: pooled ranks 1 2 3 4 5, R_x = 1 + 2 + 4 = 7,
    // U = 7 - 3 * 4 / 2 = 1; no ties, var = 3 * 2 / 12 * 6 = 3; z = (1 - 3) / sqrt(3).
    assertEquals(
        -2 / Math.sqrt(3),
        Tests.mannWhitneyZ(new long[] {1, 2, 4}, new long[] {3, 5}).getAsDouble(),
        1e-12);
  }

  @Test
  void sidesOfAboveFortySixThousandValuesDoNotOverflow() {
    // x: 46,350 values, 4,635 of each of 1..10; y: one of each. Every x of value v beats the
    // v - 1 smaller y's and ties one: U = 4,635 * sum(v - 1/2) = 4,635 * 50 = 231,750 = nx ny / 2,
    // so z = 0. (nx (nx + 1) passes Integer.MAX_VALUE from nx = 46,341.)
    long[] x = new long[46_350];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1 + i % 10;
    }
    long[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(0.0, Tests.mannWhitneyZ(x, y).getAsDouble(), 1e-9);
    assertEquals(0.0, Tests.mannWhitneyZ(y, x).getAsDouble(), 1e-9);
  }
}
