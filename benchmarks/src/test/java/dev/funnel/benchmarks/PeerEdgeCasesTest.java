package dev.funnel.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The peers against the engine beyond {@link FairnessTest}: on the benchmark's shape (200 owners,
 * 10 channels) and on hand-made edge cases (no-op changes, reopened deals, a change at creation,
 * ties, a deal lost at creation, backward moves, a deal created at as-of, moves between two won or
 * two lost stages), at several as-of instants. Contributed by the benchmark review (third round).
 */
final class PeerEdgeCasesTest {

  @ParameterizedTest
  @CsvSource({"20000,latest", "20000,past"})
  void benchmarkSizedDataset(int n, String when) throws Exception {
    var spec = Datasets.spec(n, 200, 10);
    DealLog log = dev.funnel.examples.SampleData.dealLog(spec);
    Instant asOf =
        when.equals("latest") ? log.latestEventTime().orElseThrow() : Datasets.pastInstant(spec);
    Optional<Instant> q = when.equals("latest") ? Optional.empty() : Optional.of(asOf);
    compare(log, asOf, q, true);
  }

  static List<String> compare(DealLog log, Instant asOf, Optional<Instant> q, boolean fail)
      throws Exception {
    Peers peers = Peers.of(log);
    Map<String, Figures> engine = EngineFigures.of(EngineFigures.report(log, q, Optional.empty()));
    Map<String, Figures> streams =
        StreamsFunnel.report(log.pipeline(), peers.deals(), peers.changes(), asOf);
    Map<String, Figures> duck;
    try (DuckFunnel d = DuckFunnel.load(log)) {
      duck = d.report(1, asOf);
    }
    List<String> diffs = new ArrayList<>();
    diff("streams", engine, streams, diffs);
    diff("duckdb", engine, duck, diffs);
    diffs.forEach(System.out::println);
    if (fail) {
      assertEquals(List.of(), diffs);
    }
    return diffs;
  }

  static void diff(String who, Map<String, Figures> e, Map<String, Figures> p, List<String> out) {
    TreeSet<String> keys = new TreeSet<>(e.keySet());
    keys.addAll(p.keySet());
    for (String k : keys) {
      Figures a = e.get(k);
      Figures b = p.get(k);
      if (a == null || b == null) {
        out.add(who + " " + k + ": engine " + a + " peer " + b);
        continue;
      }
      boolean same =
          a.deals() == b.deals()
              && a.won() == b.won()
              && a.lost() == b.lost()
              && java.util.Arrays.equals(a.reached(), b.reached())
              && close(a.wonCycleP50(), b.wonCycleP50())
              && close(a.wonCycleP90(), b.wonCycleP90());
      for (int r = 0; r < a.reached().length; r++) {
        same &= close(a.timeP50()[r], b.timeP50()[r]) && close(a.timeP90()[r], b.timeP90()[r]);
      }
      if (!same) {
        out.add(who + " " + k + ":\n  engine " + a + "\n  peer   " + b);
      }
    }
  }

  static boolean close(double x, double y) {
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Double.isNaN(x) && Double.isNaN(y);
    }
    return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x));
  }

  static Instant t(int hours) {
    return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * hours);
  }

  /** Hand-made edge cases on the sample pipeline (one WON, one LOST stage). */
  @Test
  void edgeCasesSamplePipeline() throws Exception {
    Pipeline p = dev.funnel.examples.SampleData.pipeline();
    DealLogBuilder b = DealLog.builder(p);
    // 1 no-op change into the current stage
    b.deal(Deal.builder("a", t(0)).owner("o1").channel("c1").build());
    b.change("a", "new", t(5))
        .change("a", "qualified", t(10))
        .change("a", "qualified", t(20))
        .change("a", "proposal", t(30));
    // 2 reopened: won then back to negotiation (open at as-of, reached all)
    b.deal(Deal.builder("b", t(1)).owner("o1").channel("c2").build());
    b.change("b", "won", t(11)).change("b", "negotiation", t(21));
    // 3 lost, reopened, won
    b.deal(Deal.builder("c", t(2)).owner("o2").channel("c1").build());
    b.change("c", "lost", t(12)).change("c", "qualified", t(22)).change("c", "won", t(32));
    // 4 change at createdAt skips s1
    b.deal(Deal.builder("d", t(3)).owner("o2").channel("c2").build());
    b.change("d", "proposal", t(3)).change("d", "won", t(13));
    // 5 ties: two changes at one instant, input order decides
    b.deal(Deal.builder("e", t(4)).build());
    b.change("e", "qualified", t(14)).change("e", "proposal", t(14)).change("e", "lost", t(24));
    // 6 lost at creation, never in an open stage
    b.deal(Deal.builder("f", t(5)).owner("o1").build());
    b.change("f", "lost", t(5));
    // 7 backward move
    b.deal(Deal.builder("g", t(6)).channel("c1").build());
    b.change("g", "negotiation", t(16)).change("g", "qualified", t(26)).change("g", "won", t(36));
    // 8 created at as-of / after past
    b.deal(Deal.builder("h", t(40)).owner("o3").build());
    b.change("h", "qualified", t(40));
    DealLog log = b.build();
    List<String> d1 = compare(log, log.latestEventTime().orElseThrow(), Optional.empty(), false);
    List<String> d2 = compare(log, t(15), Optional.of(t(15)), false);
    List<String> d3 = compare(log, t(21), Optional.of(t(21)), false);
    List<String> all = new ArrayList<>(d1);
    all.addAll(d2);
    all.addAll(d3);
    assertEquals(List.of(), all);
  }

  /** Two WON and two LOST stages; moves between closed stages. */
  @Test
  void edgeCasesTwoWonStages() throws Exception {
    Pipeline p =
        Pipeline.builder("x")
            .open("s1")
            .open("s2")
            .open("s3")
            .won("w1")
            .won("w2")
            .lost("l1")
            .lost("l2")
            .build();
    DealLogBuilder b = DealLog.builder(p);
    b.deal(Deal.builder("a", t(0)).owner("o1").build());
    b.change("a", "s2", t(5)).change("a", "w1", t(10)).change("a", "w2", t(30));
    b.deal(Deal.builder("b", t(1)).owner("o1").build());
    b.change("b", "l1", t(7)).change("b", "l2", t(17));
    b.deal(Deal.builder("c", t(2)).owner("o2").build());
    b.change("c", "w1", t(9)).change("c", "l1", t(19));
    b.deal(Deal.builder("d", t(3)).owner("o2").build());
    b.change("d", "s3", t(8)).change("d", "w2", t(18));
    DealLog log = b.build();
    assertEquals(
        List.of(), compare(log, log.latestEventTime().orElseThrow(), Optional.empty(), false));
  }
}
