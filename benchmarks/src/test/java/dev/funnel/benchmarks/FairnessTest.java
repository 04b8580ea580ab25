package dev.funnel.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.examples.SampleData;
import dev.funnel.examples.SampleSpec;
import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.StageChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The race is fair: on a generated dataset, DuckDB's SQL and the Streams version compute the same
 * reached counts, conversions, win rate, p50/p90 time in stage and won cycle as the engine, overall
 * and for every owner and channel, at the latest instant and at a past one.
 */
final class FairnessTest {
  private static final SampleSpec SPEC = Datasets.spec(2_000, 20, 10);
  private static DealLog log;
  private static List<Deal> deals;
  private static List<StageChange> changes;
  private static DuckFunnel duck;

  @BeforeAll
  static void load() throws Exception {
    log = SampleData.dealLog(SPEC);
    deals = new ArrayList<>();
    changes = new ArrayList<>();
    for (int d = 0; d < log.dealCount(); d++) {
      deals.add(log.deal(d));
      changes.addAll(log.changes(d));
    }
    duck = DuckFunnel.load(log);
  }

  @AfterAll
  static void close() throws Exception {
    duck.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"latest", "past"})
  void peersComputeTheEnginesFigures(String when) throws Exception {
    Instant asOf =
        when.equals("latest") ? log.latestEventTime().orElseThrow() : Datasets.pastInstant(SPEC);
    Optional<Instant> q = when.equals("latest") ? Optional.empty() : Optional.of(asOf);
    Map<String, Figures> engine = EngineFigures.of(EngineFigures.report(log, q, Optional.empty()));
    assertEquals(1 + 20 + 10, engine.size(), engine.keySet().toString());
    assertTrue(engine.get("all").won() > 50, "the dataset has won deals: " + engine.get("all"));
    assertSame("streams", engine, StreamsFunnel.report(log.pipeline(), deals, changes, asOf));
    assertSame("duckdb threads=1", engine, duck.report(1, asOf));
    assertSame("duckdb threads=2", engine, duck.report(2, asOf));
  }

  private static void assertSame(
      String who, Map<String, Figures> engine, Map<String, Figures> peer) {
    assertEquals(engine.keySet(), peer.keySet(), who + ": groups");
    engine.forEach(
        (key, e) -> {
          Figures p = peer.get(key);
          String at = who + " " + key + ": engine " + e + " vs " + p;
          assertEquals(e.deals(), p.deals(), at);
          assertEquals(e.won(), p.won(), at);
          assertEquals(e.lost(), p.lost(), at);
          assertEquals(List.of(box(e.reached())), List.of(box(p.reached())), at);
          assertClose(e.winRate(), p.winRate(), at);
          for (int k = 0; k < e.reached().length; k++) {
            assertClose(e.conversions()[k], p.conversions()[k], at);
            assertClose(e.timeP50()[k], p.timeP50()[k], at);
            assertClose(e.timeP90()[k], p.timeP90()[k], at);
          }
          assertClose(e.wonCycleP50(), p.wonCycleP50(), at);
          assertClose(e.wonCycleP90(), p.wonCycleP90(), at);
        });
  }

  private static Long[] box(long[] v) {
    Long[] out = new Long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  /** Equal to a microsecond (the engine rounds percentiles to nanoseconds), or both NaN. */
  private static void assertClose(double expected, double actual, String at) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      assertEquals(Double.isNaN(expected), Double.isNaN(actual), at);
    } else {
      assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)), at);
    }
  }
}
