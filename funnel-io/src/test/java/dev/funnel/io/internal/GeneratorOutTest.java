package dev.funnel.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class GeneratorOutTest {
  static Stream<Arguments> percentiles() {
    return Stream.of(
        Arguments.of(0.5, "p50"),
        Arguments.of(0.99, "p99"),
        Arguments.of(0.995, "p99.5"),
        Arguments.of(0.0, "p0"),
        Arguments.of(1.0, "p100"),
        Arguments.of(0.29, "p29"),
        Arguments.of(0.12345, "p12.345"));
  }

  @ParameterizedTest
  @MethodSource("percentiles")
  void percentileNames(double p, String name) {
    assertEquals(name, GeneratorOut.percentileName(p));
  }
}
