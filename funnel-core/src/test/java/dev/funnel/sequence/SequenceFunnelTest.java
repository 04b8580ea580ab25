package dev.funnel.sequence;

import static dev.funnel.sequence.Funnels.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-computed cases for every mode; times are epoch seconds, windows in seconds. */
final class SequenceFunnelTest {
  private static final List<Mode> DEFAULT = List.of();
  private static final List<Mode> ORDER = List.of(Mode.STRICT_ORDER);
  private static final List<Mode> DEDUP = List.of(Mode.STRICT_DEDUPLICATION);
  private static final List<Mode> INCREASE = List.of(Mode.STRICT_INCREASE);

  static Stream<Arguments> levels() {
    return Stream.of(
        // default: a chain spans at most the window, boundary included
        Arguments.of("span equal to window", "a@0 b@10 c@20", 20, DEFAULT, 3),
        Arguments.of("span one second over", "a@0 b@10 c@20", 19, DEFAULT, 2),
        Arguments.of("steps out of order", "b@0 a@1", 10, DEFAULT, 1),
        Arguments.of("first step missing", "b@0 c@1", 10, DEFAULT, 0),
        Arguments.of("no event is a step", "x@0 y@1", 10, DEFAULT, 0),
        Arguments.of("other events between steps", "a@0 x@1 b@2 y@3 c@4", 10, DEFAULT, 3),
        Arguments.of("later first step restarts the window", "a@0 a@15 b@20 c@30", 15, DEFAULT, 3),
        Arguments.of("restart does not lose a level", "a@0 b@1 a@50", 10, DEFAULT, 2),
        Arguments.of("repeated middle step", "a@1 b@2 b@3 c@4", 10, DEFAULT, 3),
        Arguments.of("skipped step", "a@1 c@2", 10, DEFAULT, 1),
        // equal times are visited in step order, whatever the input order
        Arguments.of("tie, input order b a", "b@5 a@5", 10, DEFAULT, 2),
        Arguments.of("tie of three, reversed input", "c@5 b@5 a@5", 10, DEFAULT, 3),
        Arguments.of("tie, strict increase", "b@5 a@5", 10, INCREASE, 1),
        // strict_order
        Arguments.of("strict order, clean chain", "a@1 b@2 c@3", 10, ORDER, 3),
        Arguments.of("strict order, other event before start", "x@0 a@1 b@2 c@3", 10, ORDER, 3),
        Arguments.of("strict order, other event between", "a@1 b@2 x@3 c@4", 10, ORDER, 2),
        Arguments.of("strict order, step too early", "a@1 c@2 b@3", 10, ORDER, 1),
        Arguments.of("default, same events", "a@1 c@2 b@3", 10, DEFAULT, 2),
        Arguments.of("strict order, other event tied with step", "a@1 b@2 x@2", 10, ORDER, 1),
        Arguments.of("strict order, step before start ignored", "b@0 a@1 b@2", 10, ORDER, 2),
        Arguments.of("strict order, out of window is no stop", "a@1 b@20 a@21 b@22", 5, ORDER, 2),
        // ClickHouse source: a repeated first step restarts the chain, no stop (see class javadoc)
        Arguments.of("strict order, repeated first step", "a@1 b@2 a@3 c@4", 10, ORDER, 3),
        // strict_deduplication
        Arguments.of("dedup, repeated middle step stops", "a@1 b@2 b@3 c@4", 10, DEDUP, 2),
        Arguments.of("dedup, repeated first step does not", "a@1 a@2 b@3 c@4", 10, DEDUP, 3),
        Arguments.of("dedup, repeat of an unreached step", "a@1 c@2 c@3 b@4 c@5", 10, DEDUP, 3),
        // strict_increase
        Arguments.of("increase, distinct times", "a@1 b@2 c@3", 10, INCREASE, 3),
        Arguments.of("increase, later tie is skipped", "a@1 b@1 b@2 c@3", 10, INCREASE, 3),
        Arguments.of("increase, greedy keeps the latest chain", "a@1 b@2 b@3 c@3", 10, INCREASE, 2),
        Arguments.of("default, same events", "a@1 b@2 b@3 c@3", 10, DEFAULT, 3),
        // combinations
        Arguments.of(
            "order+dedup",
            "a@1 b@2 a@3 b@4 c@5",
            10,
            List.of(Mode.STRICT_ORDER, Mode.STRICT_DEDUPLICATION),
            2),
        Arguments.of("order alone, same events", "a@1 b@2 a@3 b@4 c@5", 10, ORDER, 3),
        Arguments.of("dedup alone, same events", "a@1 b@2 a@3 b@4 c@5", 10, DEDUP, 2),
        Arguments.of(
            "order+increase",
            "a@1 b@1 c@2 b@3 c@4",
            10,
            List.of(Mode.STRICT_ORDER, Mode.STRICT_INCREASE),
            1),
        Arguments.of("increase alone, same events", "a@1 b@1 c@2 b@3 c@4", 10, INCREASE, 3),
        Arguments.of("order alone, same events", "a@1 b@1 c@2 b@3 c@4", 10, ORDER, 3),
        Arguments.of(
            "all three",
            "a@1 b@2 b@2 c@3",
            10,
            List.of(Mode.STRICT_ORDER, Mode.STRICT_DEDUPLICATION, Mode.STRICT_INCREASE),
            2));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("levels")
  void reachesLevel(String name, String events, long window, List<Mode> modes, int expected) {
    assertEquals(expected, level(events, window, modes, "a", "b", "c"), name);
  }

  @Test
  void windowBoundaryIsInclusiveToTheMillisecond() {
    EventLog log =
        EventLog.builder()
            .add(new Event("u", Instant.ofEpochMilli(0), "a"))
            .add(new Event("u", Instant.ofEpochMilli(1000), "b"))
            .build();
    assertEquals(
        2, level(SequenceFunnel.of(log).steps("a", "b").window(Duration.ofMillis(1000)).report()));
    assertEquals(
        1, level(SequenceFunnel.of(log).steps("a", "b").window(Duration.ofMillis(999)).report()));
  }

  @Test
  void timesComeFromTheChainThatReachedTheLevel() {
    // a@0 is replaced by a@15 as the start; the chain a@15 b@20 c@30 spans exactly 15 s.
    SequenceReport r =
        SequenceFunnel.of(Funnels.log("a@0 a@15 b@20 c@30"))
            .steps("a", "b", "c")
            .window(Duration.ofSeconds(15))
            .report();
    assertEquals(List.of(0L, 0L, 0L, 1L), r.entitiesByLevel());
    assertEquals(Optional.of(Duration.ofSeconds(5)), r.levels().get(1).timeFromPrevious().p50());
    assertEquals(Optional.of(Duration.ofSeconds(10)), r.levels().get(2).timeFromPrevious().p50());
    assertTrue(r.levels().get(0).timeFromPrevious().isEmpty());
  }

  @Test
  void unknownStepsAreReachedByNobody() {
    SequenceReport r =
        SequenceFunnel.of(Funnels.log("a@1 b@2"))
            .steps("a", "nope")
            .window(Duration.ofSeconds(10))
            .report();
    assertEquals(List.of(0L, 1L, 0L), r.entitiesByLevel());
    assertEquals(0, r.reached(2));
    assertEquals(Proportion.of(0, 1), r.overall());
  }

  @Test
  void emptyLogHasUndefinedRates() {
    SequenceReport r =
        SequenceFunnel.of(EventLog.builder().build())
            .steps("a", "b")
            .window(Duration.ofDays(1))
            .report();
    assertEquals(0, r.entities());
    assertEquals(List.of(0L, 0L, 0L), r.entitiesByLevel());
    assertTrue(r.overall().isUndefined());
    assertTrue(r.levels().get(0).fromPrevious().isUndefined());
    assertTrue(r.levels().get(1).timeFromPrevious().isEmpty());
    assertTrue(r.toString().contains("- 0/0"), r.toString());
  }

  /**
   * Five entities, window one day (times in seconds): u1 visit 0, signup 3600, demo 7200, purchase
   * 10800 (level 4); u2 visit 0, signup 1800 (level 2); u3 visit 0 (level 1); u4 signup 0 (level
   * 0); u5 visit 0, signup 7200, demo 9000 (level 3).
   */
  private static EventLog fiveEntities() {
    EventLogBuilder b = EventLog.builder();
    Funnels.addAll(b, "u1", "visit@0 signup@3600 demo@7200 purchase@10800");
    Funnels.addAll(b, "u2", "visit@0 signup@1800");
    Funnels.addAll(b, "u3", "visit@0");
    Funnels.addAll(b, "u4", "signup@0");
    Funnels.addAll(b, "u5", "visit@0 signup@7200 demo@9000");
    return b.build();
  }

  private static SequenceFunnel fiveEntityFunnel() {
    return SequenceFunnel.of(fiveEntities())
        .steps("visit", "signup", "demo", "purchase")
        .window(Duration.ofDays(1));
  }

  @Test
  void reportFigures() {
    SequenceReport r = fiveEntityFunnel().report();
    assertEquals(5, r.entities());
    assertEquals(List.of(1L, 1L, 1L, 1L, 1L), r.entitiesByLevel());
    List<SequenceReport.Level> l = r.levels();
    assertEquals(
        List.of("visit", "signup", "demo", "purchase"), l.stream().map(x -> x.step()).toList());
    assertEquals(List.of(4L, 3L, 2L, 1L), l.stream().map(x -> x.entities()).toList());
    assertEquals(Proportion.of(4, 5), l.get(0).fromPrevious());
    assertEquals(Proportion.of(3, 4), l.get(1).fromPrevious());
    assertEquals(Proportion.of(2, 3), l.get(2).fromPrevious());
    assertEquals(Proportion.of(1, 2), l.get(3).fromPrevious());
    assertEquals(Proportion.of(2, 4), l.get(2).cumulative());
    assertEquals(Proportion.of(1, 4), r.overall());
    // signup gaps: 1h (u1), 30m (u2), 2h (u5)
    Distribution signup = l.get(1).timeFromPrevious();
    assertEquals(3, signup.count());
    assertEquals(Optional.of(Duration.ofHours(1)), signup.p50());
    assertEquals(Optional.of(Duration.ofMinutes(70)), signup.mean());
    assertEquals(Optional.of(Duration.ofMinutes(30)), signup.min());
    // demo gaps: 1h (u1), 30m (u5): median interpolates to 45m
    assertEquals(Optional.of(Duration.ofMinutes(45)), l.get(2).timeFromPrevious().p50());
    assertEquals(Optional.of(Duration.ofHours(1)), l.get(3).timeFromPrevious().p50());
    assertEquals(Duration.ofDays(1), r.window());
    assertEquals(Map.of(), r.breakdown());
  }

  @Test
  void breakdownByMapPutsMissingEntitiesInUnspecified() {
    SequenceReport r =
        fiveEntityFunnel().by(Map.of("u1", "ads", "u2", "ads", "u3", "seo")).report();
    assertEquals(List.of("(unspecified)", "ads", "seo"), List.copyOf(r.breakdown().keySet()));
    assertEquals(List.of(0L, 0L, 1L, 0L, 1L), r.breakdown().get("ads").entitiesByLevel());
    assertEquals(List.of(0L, 1L, 0L, 0L, 0L), r.breakdown().get("seo").entitiesByLevel());
    assertEquals(List.of(1L, 0L, 0L, 1L, 0L), r.breakdown().get("(unspecified)").entitiesByLevel());
    assertEquals(List.of(1L, 1L, 1L, 1L, 1L), r.entitiesByLevel());
    assertEquals(
        Optional.of(Duration.ofMinutes(45)),
        r.breakdown().get("ads").levels().get(1).timeFromPrevious().p50());
  }

  @Test
  void breakdownByMapWithNullValueIsUnspecifiedAsWithAFunction() {
    // A CRM lookup map may hold null for an entity without the property: the same group as a
    // function returning null, not a NullPointerException.
    Map<String, String> groups = new java.util.HashMap<>(Map.of("u1", "ads", "u2", "ads"));
    groups.put("u3", null);
    SequenceReport byMap = fiveEntityFunnel().by(groups).report();
    SequenceReport byFunction = fiveEntityFunnel().by(groups::get).report();
    assertEquals(byFunction.breakdown(), byMap.breakdown());
    assertEquals(
        List.of(1L, 1L, 0L, 1L, 0L), byMap.breakdown().get("(unspecified)").entitiesByLevel());
    SequenceFunnel query = fiveEntityFunnel().by(groups);
    groups.put("u3", "seo"); // copied: later changes to the map do not change the query
    assertEquals(byMap.breakdown(), query.report().breakdown());
  }

  @Test
  void breakdownByFunction() {
    SequenceReport r = fiveEntityFunnel().by(id -> id.equals("u4") ? "x" : "y").report();
    assertEquals(List.of(1L, 0L, 0L, 0L, 0L), r.breakdown().get("x").entitiesByLevel());
    assertEquals(List.of(0L, 1L, 1L, 1L, 1L), r.breakdown().get("y").entitiesByLevel());
  }

  @Test
  void tableIsAligned() {
    String table = fiveEntityFunnel().report().toString();
    List<String> lines = table.lines().toList();
    assertTrue(
        lines.get(0).startsWith("sequence funnel: 4 steps, window 1d, mode default, 5 entities"));
    assertTrue(lines.get(1).startsWith("step      entities  from previous"), lines.get(1));
    int end = lines.get(1).indexOf("entities") + "entities".length();
    String[] counts = {"4", "3", "2", "1"};
    String[] steps = {"visit", "signup", "demo", "purchase"};
    for (int i = 0; i < 4; i++) {
      String row = lines.get(2 + i);
      assertTrue(row.startsWith(steps[i]), row);
      assertEquals(counts[i], row.substring(end - 1, end), row);
      assertEquals(' ', row.charAt(end - 2), row);
    }
    assertTrue(lines.get(3).endsWith("1h"), lines.get(3));
    assertTrue(lines.get(4).endsWith("45m"), lines.get(4));
    assertTrue(lines.get(2).contains("80.0% ["), lines.get(2));
  }

  @Test
  void parallelEqualsSequentialOnManyEntities() {
    Random random = new Random(42);
    EventLogBuilder b = EventLog.builder();
    String[] names = {"a", "b", "c", "d", "x"};
    for (int e = 0; e < 10_000; e++) {
      int n = random.nextInt(12);
      for (int i = 0; i < n; i++) {
        b.add(
            new Event(
                "e" + e,
                Instant.ofEpochSecond(random.nextInt(40)),
                names[random.nextInt(names.length)]));
      }
    }
    EventLog log = b.build();
    List<List<Mode>> modes = List.of(DEFAULT, ORDER, DEDUP, INCREASE, List.of(Mode.values()));
    for (List<Mode> m : modes) {
      Map<String, String> groups = Map.of("e1", "one", "e2", "two");
      SequenceReport sequential =
          SequenceFunnel.of(log)
              .steps("a", "b", "c", "d")
              .window(Duration.ofSeconds(10))
              .mode(m.toArray(new Mode[0]))
              .by(groups)
              .report();
      SequenceReport parallel =
          SequenceFunnel.of(log)
              .steps("a", "b", "c", "d")
              .window(Duration.ofSeconds(10))
              .mode(m.toArray(new Mode[0]))
              .by(groups)
              .parallel()
              .report();
      assertEquals(sequential, parallel, m.toString());
      assertTrue(sequential.reached(2) > 0, "the generated log reaches step 2");
      // The whole population's figures do not depend on a breakdown (its groups' reports come
      // from the same partials).
      SequenceReport whole =
          SequenceFunnel.of(log)
              .steps("a", "b", "c", "d")
              .window(Duration.ofSeconds(10))
              .mode(m.toArray(new Mode[0]))
              .report();
      assertEquals(whole.levels(), sequential.levels(), m.toString());
      assertEquals(whole.entitiesByLevel(), sequential.entitiesByLevel(), m.toString());
    }
  }

  static Stream<Arguments> badOptions() {
    Consumer<SequenceFunnel> emptySteps = f -> f.steps();
    Consumer<SequenceFunnel> blank = f -> f.steps("a", " ");
    Consumer<SequenceFunnel> twice = f -> f.steps("a", "b", "a");
    Consumer<SequenceFunnel> zero = f -> f.window(Duration.ZERO);
    Consumer<SequenceFunnel> negative = f -> f.window(Duration.ofSeconds(-1));
    Consumer<SequenceFunnel> subMilli = f -> f.window(Duration.ofNanos(1_500_000));
    Consumer<SequenceFunnel> modeTwice = f -> f.mode(Mode.STRICT_ORDER, Mode.STRICT_ORDER);
    return Stream.of(
        Arguments.of(emptySteps, "steps: none given; a funnel needs at least one step"),
        Arguments.of(blank, "steps: step 2 is blank"),
        Arguments.of(twice, "steps: \"a\" is step 1 and step 3; each step names a distinct event"),
        Arguments.of(zero, "window PT0S is not positive"),
        Arguments.of(negative, "window PT-1S is not positive"),
        Arguments.of(
            subMilli,
            "window PT0.0015S is not a whole number of milliseconds (the log's resolution)"),
        Arguments.of(modeTwice, "mode strict_order is given twice"));
  }

  @ParameterizedTest
  @MethodSource("badOptions")
  void badValuesAreRejected(Consumer<SequenceFunnel> call, String message) {
    SequenceFunnel f = SequenceFunnel.of(Funnels.log("a@1"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(f));
    assertEquals(message, e.getMessage());
  }

  static Stream<Arguments> secondCalls() {
    Consumer<SequenceFunnel> steps = f -> f.steps("a").steps("b");
    Consumer<SequenceFunnel> window = f -> f.window(Duration.ofDays(1)).window(Duration.ofDays(2));
    Consumer<SequenceFunnel> mode = f -> f.mode().mode(Mode.STRICT_ORDER);
    Consumer<SequenceFunnel> by = f -> f.by(Map.of()).by(id -> id);
    Consumer<SequenceFunnel> parallel = f -> f.parallel().parallel();
    Consumer<SequenceFunnel> noSteps = f -> f.window(Duration.ofDays(1)).report();
    Consumer<SequenceFunnel> noWindow = f -> f.steps("a").report();
    return Stream.of(
        Arguments.of(steps, "steps were already set to [a]"),
        Arguments.of(window, "window was already set to PT24H"),
        Arguments.of(mode, "modes were already set to []"),
        Arguments.of(by, "a breakdown was already set"),
        Arguments.of(parallel, "parallel() was already called"),
        Arguments.of(noSteps, "steps(...) was not called; a funnel needs its steps"),
        Arguments.of(noWindow, "window(...) was not called; a funnel needs its window"));
  }

  @ParameterizedTest
  @MethodSource("secondCalls")
  void secondOrMissingCallsAreStateErrors(Consumer<SequenceFunnel> call, String message) {
    SequenceFunnel f = SequenceFunnel.of(Funnels.log("a@1"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> call.accept(f));
    assertEquals(message, e.getMessage());
  }

  @Test
  void modesParseFromClickHouseNames() {
    assertEquals(Mode.STRICT_ORDER, Mode.ofClickHouseName("strict_order"));
    assertEquals(Mode.STRICT_INCREASE, Mode.ofClickHouseName(" STRICT_INCREASE "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Mode.ofClickHouseName("strict"));
    assertEquals(
        "mode \"strict\" is not a windowFunnel mode (known: strict_order, strict_deduplication,"
            + " strict_increase)",
        e.getMessage());
  }

  @Test
  void builderToStringShowsOptionsSet() {
    SequenceFunnel f =
        SequenceFunnel.of(Funnels.log("a@1")).steps("a", "b").window(Duration.ofDays(7));
    assertTrue(f.toString().endsWith(".steps([a, b]).window(7d)"), f.toString());
  }

  /**
   * Times to convert whose sum exceeds a long of milliseconds (a window of about 292 million years,
   * which the log and the window accept) still give a report: the mean is their mean, not an
   * ArithmeticException.
   */
  @Test
  void timesToConvertWhoseSumOverflowsALongGiveTheirMean() {
    long gap = 4_000_000_000_000_000_000L; // ms, about 127 million years
    EventLogBuilder b = EventLog.builder();
    for (String u : List.of("u1", "u2", "u3")) {
      b.add(new Event(u, Instant.ofEpochMilli(-gap / 2), "a"));
      b.add(new Event(u, Instant.ofEpochMilli(gap / 2), "b"));
    }
    SequenceReport r =
        SequenceFunnel.of(b.build())
            .steps("a", "b")
            .window(Duration.ofMillis(Long.MAX_VALUE))
            .report();
    Distribution d = r.levels().get(1).timeFromPrevious();
    assertEquals(3, d.count());
    assertEquals(Optional.of(Duration.ofMillis(gap)), d.mean());
    assertEquals(Optional.of(Duration.ofMillis(gap)), d.p90());
  }
}
