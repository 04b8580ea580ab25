package dev.funnel.model;

import static dev.funnel.model.Rejects.iae;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class StageTest {

  static Stream<Arguments> invalidStages() {
    return Stream.of(
        iae("stage id is blank", () -> Stage.open(" ")),
        iae("stage id is blank", () -> Stage.won("")),
        iae("stage \"new\": name is blank", () -> Stage.open("new").withName("\t")),
        iae("stage \"new\": probability 1.5 is not in [0, 1]", () -> Stage.open("new", 1.5)),
        iae("stage \"new\": probability -0.1 is not in [0, 1]", () -> Stage.open("new", -0.1)),
        iae("stage \"new\": probability NaN is not in [0, 1]", () -> Stage.open("new", Double.NaN)),
        iae(
            "stage \"won\": only open stages declare a probability, this one is WON",
            () -> new Stage("won", "Won", StageKind.WON, OptionalDouble.of(1))),
        iae(
            "stage \"lost\": only open stages declare a probability, this one is LOST",
            () -> new Stage("lost", "Lost", StageKind.LOST, OptionalDouble.of(0))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidStages")
  void rejectsInvalidStage(String message, Executable action) {
    Rejects.assertRejected(message, action);
  }

  @Test
  void factoriesNameTheStageByItsId() {
    Stage s = Stage.open("qualified", 0.25);
    assertEquals("qualified", s.name());
    assertEquals(StageKind.OPEN, s.kind());
    assertEquals(OptionalDouble.of(0.25), s.declaredProbability());
    assertTrue(s.isOpen());
    assertFalse(s.isClosed());
    assertTrue(Stage.won("won").isClosed());
    assertTrue(Stage.lost("lost").isClosed());
    assertEquals("Qualified", s.withName("Qualified").name());
    assertEquals(OptionalDouble.empty(), Stage.open("new").declaredProbability());
  }

  @Test
  void probabilityBoundsAreInclusive() {
    assertEquals(OptionalDouble.of(0), Stage.open("a", 0).declaredProbability());
    assertEquals(OptionalDouble.of(1), Stage.open("a", 1).declaredProbability());
  }
}
