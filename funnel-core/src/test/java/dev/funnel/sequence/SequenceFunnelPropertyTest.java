package dev.funnel.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.internal.sequence.FunnelPartial;
import dev.funnel.internal.sequence.SequenceEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/** Laws of sequence funnels over small random logs (times and windows in milliseconds). */
final class SequenceFunnelPropertyTest {

  record Ev(String entity, String name, long at) {}

  @Provide
  Arbitrary<List<Ev>> oneEntity() {
    return Combinators.combine(
            Arbitraries.of("a", "b", "c", "d", "x"), Arbitraries.longs().between(0, 12))
        .as((n, t) -> new Ev("u", n, t))
        .list()
        .ofMaxSize(10);
  }

  @Provide
  Arbitrary<List<Ev>> entities() {
    return Combinators.combine(
            Arbitraries.of("u1", "u2", "u3", "u4"),
            Arbitraries.of("a", "b", "c", "d", "x"),
            Arbitraries.longs().between(0, 12))
        .as(Ev::new)
        .list()
        .ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<String>> steps() {
    return Arbitraries.shuffle("a", "b", "c", "d")
        .flatMap(
            all -> Arbitraries.integers().between(1, 4).map(k -> List.copyOf(all.subList(0, k))));
  }

  @Provide
  Arbitrary<Set<Mode>> modes() {
    return Arbitraries.subsetOf(Mode.values());
  }

  private static EventLog log(List<Ev> events) {
    EventLogBuilder b = EventLog.builder();
    for (Ev e : events) {
      b.add(new Event(e.entity(), Instant.ofEpochMilli(e.at()), e.name()));
    }
    return b.build();
  }

  private static SequenceFunnel funnel(
      List<Ev> events, List<String> steps, long window, Set<Mode> modes) {
    return SequenceFunnel.of(log(events))
        .steps(steps)
        .window(Duration.ofMillis(window))
        .mode(modes.toArray(new Mode[0]));
  }

  /**
   * The default mode by definition (ClickHouse docs): the largest k such that events e1..ek of
   * steps 1..k exist with t(e1) &lt;= t(e2) &lt;= ... &lt;= t(ek) &lt;= t(e1) + window, found by
   * trying every chain.
   */
  static int bruteForce(List<Ev> events, List<String> steps, long window) {
    int best = 0;
    for (Ev first : events) {
      if (first.name().equals(steps.get(0))) {
        best = Math.max(best, extend(events, steps, window, 1, first.at(), first.at()));
      }
    }
    return best;
  }

  private static int extend(
      List<Ev> events, List<String> steps, long window, int k, long start, long last) {
    if (k == steps.size()) {
      return k;
    }
    int best = k;
    for (Ev e : events) {
      if (e.name().equals(steps.get(k)) && e.at() >= last && e.at() <= start + window) {
        best = Math.max(best, extend(events, steps, window, k + 1, start, e.at()));
      }
    }
    return best;
  }

  @Property(tries = 2000)
  void defaultModeAgreesWithBruteForce(
      @ForAll("oneEntity") List<Ev> events,
      @ForAll("steps") List<String> steps,
      @ForAll @LongRange(min = 1, max = 12) long window) {
    Set<Long> times = new HashSet<>();
    Set<String> names = new HashSet<>();
    boolean tie = false;
    boolean repeat = false;
    for (Ev e : events) {
      tie |= !times.add(e.at());
      repeat |= !names.add(e.name());
    }
    Statistics.label("ties").collect(tie);
    Statistics.label("repeated events").collect(repeat);
    Statistics.label("ties").coverage(c -> c.check(true).percentage(p -> p > 20));
    Statistics.label("repeated events").coverage(c -> c.check(true).percentage(p -> p > 20));

    int expected = bruteForce(events, steps, window);
    Statistics.label("level").collect(expected);
    SequenceReport r = funnel(events, steps, window, Set.of()).report();
    if (events.isEmpty()) {
      assertEquals(0, r.entities());
    } else {
      assertEquals(expected, Funnels.level(r), () -> events + " " + steps + " window " + window);
    }
  }

  @Property(tries = 500)
  void levelsAreNonIncreasingAndRatesInRange(
      @ForAll("entities") List<Ev> events,
      @ForAll("steps") List<String> steps,
      @ForAll @LongRange(min = 1, max = 12) long window,
      @ForAll("modes") Set<Mode> modes) {
    Statistics.label("empty log").collect(events.isEmpty());
    SequenceReport r = funnel(events, steps, window, modes).report();
    long previous = r.entities();
    for (SequenceReport.Level l : r.levels()) {
      assertTrue(l.entities() <= previous, () -> r.toString());
      previous = l.entities();
      l.fromPrevious().rate().ifPresent(p -> assertTrue(p >= 0 && p <= 1));
      l.cumulative().rate().ifPresent(p -> assertTrue(p >= 0 && p <= 1));
    }
    for (int k = 2; k <= steps.size(); k++) {
      assertEquals(r.reached(k), r.levels().get(k - 1).timeFromPrevious().count());
    }
  }

  @Property(tries = 300)
  void parallelEqualsSequential(
      @ForAll("entities") List<Ev> events,
      @ForAll("steps") List<String> steps,
      @ForAll @LongRange(min = 1, max = 12) long window,
      @ForAll("modes") Set<Mode> modes) {
    EventLog log = log(events);
    int[] groupOf = new int[log.entityCount()];
    for (int e = 0; e < groupOf.length; e++) {
      groupOf[e] = e % 2;
    }
    SequenceEngine engine =
        new SequenceEngine(
            log,
            steps,
            window,
            modes.contains(Mode.STRICT_ORDER),
            modes.contains(Mode.STRICT_DEDUPLICATION),
            modes.contains(Mode.STRICT_INCREASE),
            groupOf,
            2);
    FunnelPartial[] sequential = engine.runSequential();
    FunnelPartial[] parallel = engine.runParallel(ForkJoinPool.commonPool(), 1);
    for (int g = 0; g < 2; g++) {
      assertArrayEquals(sequential[g].atLevel(), parallel[g].atLevel());
      for (int k = 0; k + 1 < steps.size(); k++) {
        long[] a = sequential[g].gaps(k);
        long[] b = parallel[g].gaps(k);
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(a, b);
      }
    }
    assertEquals(
        funnel(events, steps, window, modes).report(),
        funnel(events, steps, window, modes).parallel().report());
  }
}
