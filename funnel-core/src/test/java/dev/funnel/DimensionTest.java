package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class DimensionTest {
  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("owner", Dimension.OWNER),
        Arguments.of(" Owner ", Dimension.OWNER),
        Arguments.of("CHANNEL", Dimension.CHANNEL),
        Arguments.of("quarter", Dimension.created(Period.QUARTER)),
        Arguments.of("Day", Dimension.created(Period.DAY)),
        Arguments.of("segment", Dimension.attribute("segment")),
        // attribute= reaches columns spelled like a built-in dimension (review finding 4)
        Arguments.of("attribute=quarter", Dimension.attribute("quarter")),
        Arguments.of("attribute=Owner", Dimension.attribute("Owner")),
        Arguments.of("Attribute= year ", Dimension.attribute("year")),
        Arguments.of("attribute=segment", Dimension.attribute("segment")),
        Arguments.of("attribute", Dimension.attribute("attribute")));
  }

  @ParameterizedTest
  @MethodSource("names")
  void namedResolvesTheCliNames(String name, Dimension expected) {
    assertEquals(expected, Dimension.named(name));
  }

  @Test
  void attributeEqualsNeedsAName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Dimension.named("attribute= "));
    assertEquals(
        "\"attribute= \" names no attribute: say attribute=NAME, such as attribute=quarter",
        e.getMessage());
  }

  @Test
  void anAttributeSpelledLikeABuiltInIsLabelledByItsName() {
    assertEquals("quarter", Dimension.named("attribute=quarter").label());
  }
}
