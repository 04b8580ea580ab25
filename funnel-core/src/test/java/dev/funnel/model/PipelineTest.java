package dev.funnel.model;

import static dev.funnel.model.Rejects.iae;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class PipelineTest {

  static final Pipeline B2B =
      Pipeline.builder("b2b")
          .open("new")
          .open("qualified")
          .open("proposal")
          .won("won")
          .lost("lost")
          .build();

  /** n open stages s1..sn, then one WON and one LOST stage: n + 2 stages. */
  static List<Stage> stages(int open) {
    List<Stage> out = new ArrayList<>();
    for (int i = 1; i <= open; i++) {
      out.add(Stage.open("s" + i));
    }
    out.add(Stage.won("won"));
    out.add(Stage.lost("lost"));
    return out;
  }

  static Stream<Arguments> invalidPipelines() {
    return Stream.of(
        iae(
            "pipeline id is blank",
            () -> Pipeline.builder(" ").open("a").won("w").lost("l").build()),
        iae(
            "pipeline \"b2b\": stage id \"new\" is used twice",
            () -> Pipeline.builder("b2b").open("new").open("new").won("w").lost("l").build()),
        iae(
            "pipeline \"b2b\": stage id \"done\" is used twice",
            () -> Pipeline.builder("b2b").open("new").won("done").lost("done").build()),
        iae(
            "pipeline \"b2b\" has no OPEN stage (it needs at least one)",
            () -> Pipeline.builder("b2b").won("won").lost("lost").build()),
        iae(
            "pipeline \"b2b\" has no WON stage (it needs at least one)",
            () -> Pipeline.builder("b2b").open("new").lost("lost").build()),
        iae(
            "pipeline \"b2b\" has no LOST stage (it needs at least one)",
            () -> Pipeline.builder("b2b").open("new").won("won").build()),
        iae(
            "pipeline \"empty\" has no OPEN stage (it needs at least one)",
            () -> new Pipeline("empty", List.of())),
        // 126 open + won + lost = 128 stages, one more than MAX_STAGES = 127
        iae(
            "pipeline \"big\" has 128 stages, more than the 127 supported",
            () -> new Pipeline("big", stages(126))),
        iae(
            "stage \"demo\" is not in pipeline \"b2b\" (known: new, qualified, proposal, won, lost)",
            () -> B2B.stage("demo")),
        iae(
            "stage \"demo\" is not in pipeline \"b2b\" (known: new, qualified, proposal, won, lost)",
            () -> B2B.indexOf("demo")),
        iae(
            "stage \"demo\" is not in pipeline \"b2b\" (known: new, qualified, proposal, won, lost)",
            () -> B2B.rank("demo")),
        iae("stage \"won\" is WON, only open stages have a rank", () -> B2B.rank("won")),
        iae("stage \"lost\" is LOST, only open stages have a rank", () -> B2B.rank("lost")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPipelines")
  void rejectsInvalidPipeline(String message, Executable action) {
    Rejects.assertRejected(message, action);
  }

  @Test
  void holdsExactlyMaxStages() {
    Pipeline p = new Pipeline("big", stages(125)); // 125 + 2 = 127
    assertEquals(Pipeline.MAX_STAGES, p.stages().size());
    assertEquals(125, p.openStageCount());
    assertEquals(125, p.rank("s125"));
    assertEquals(126, p.indexOf("lost"));
  }

  @Test
  void ranksCountOpenStagesOnlyInPipelineOrder() {
    // closed stages may be listed anywhere; the rank counts open stages only
    Pipeline p =
        Pipeline.builder("mixed")
            .lost("early-loss")
            .open("a")
            .won("won")
            .open("b")
            .open("c")
            .build();
    assertEquals(1, p.rank("a"));
    assertEquals(2, p.rank("b"));
    assertEquals(3, p.rank("c"));
    assertEquals(3, p.openStageCount());
    assertEquals(List.of(Stage.open("a"), Stage.open("b"), Stage.open("c")), p.openStages());
    assertEquals(0, p.indexOf("early-loss"));
    assertEquals(3, p.indexOf("b"));
  }

  @Test
  void findsStagesById() {
    assertEquals(Optional.of(Stage.open("qualified")), B2B.find("qualified"));
    assertEquals(Optional.empty(), B2B.find("demo"));
    assertEquals(Stage.won("won"), B2B.stage("won"));
    assertEquals(3, B2B.rank("proposal"));
    assertEquals(1, B2B.rank("new"));
    assertEquals(
        "stage \"x\" is not in pipeline \"b2b\" (known: new, qualified, proposal, won, lost)",
        B2B.unknownStageMessage("x"));
  }

  @Test
  void copiesItsStages() {
    List<Stage> input = stages(2);
    Pipeline p = new Pipeline("p", input);
    input.add(Stage.open("late"));
    assertEquals(4, p.stages().size());
  }
}
