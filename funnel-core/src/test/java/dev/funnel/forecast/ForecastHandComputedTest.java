package dev.funnel.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * METRICS.md "Forecast" on a chain small enough to solve on paper.
 *
 * <pre>
 * Pipeline a -> b -> won | lost, declared a 0.5, b 0.9. Times are days after T0.
 * D1 created 0, implicit a: b@1, b@2 (no-op), won@3          a->b, b->won
 * D2 created 0, a@0 explicit: b@1, a@2 (backward), b@3, won@4 a->b, b->a, a->b, b->won
 * D3 created 0: lost@1                                       a->lost
 * D4 created 0, b@0 (no entry into a): lost@2                b->lost
 * D5 created 5, 1300.00, still in a (censored, not a loss)
 * D6 created 5, 130.00: b@5 (at creation: no entry into a), still in b
 * D7 created 5, no amount, still in a
 * as-of: day 10.
 * Counts: a: b 3, lost 1.  b: won 2, a 1, lost 1.
 * P(a) = 3/4 P(b);  P(b) = 2/4 + 1/4 P(a)  =>  P(b) = 8/13, P(a) = 6/13.
 * Direct: a entered by D1 D2 D3 (closed; D5, D7 open): 2/3 won; b by D1 D2 D4: 2/3.
 * Weighted pipeline = 1300 x 6/13 + 130 x 8/13 = 600 + 80 = 680.00 EUR; D7 counted apart.
 * </pre>
 */
final class ForecastHandComputedTest {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  static final Pipeline PIPELINE =
      Pipeline.builder("p").open("a", 0.5).open("b", 0.9).won("won").lost("lost").build();

  static DealLog log() {
    return DealLog.builder(PIPELINE)
        .deal(Deal.builder("D1", day(0)).owner("ann").channel("ads").build())
        .deal(Deal.builder("D2", day(0)).owner("ann").channel("ads").build())
        .deal(Deal.builder("D3", day(0)).owner("bob").build())
        .deal(Deal.builder("D4", day(0)).owner("bob").build())
        .deal(
            Deal.builder("D5", day(5)).owner("ann").channel("ads").amount("1300.00", "EUR").build())
        .deal(
            Deal.builder("D6", day(5)).owner("bob").channel("seo").amount("130.00", "EUR").build())
        .deal(Deal.builder("D7", day(5)).owner("bob").channel("seo").build())
        .change("D1", "b", day(1))
        .change("D1", "b", day(2))
        .change("D1", "won", day(3))
        .change("D2", "a", day(0))
        .change("D2", "b", day(1))
        .change("D2", "a", day(2))
        .change("D2", "b", day(3))
        .change("D2", "won", day(4))
        .change("D3", "lost", day(1))
        .change("D4", "b", day(0))
        .change("D4", "lost", day(2))
        .change("D6", "b", day(5))
        .build();
  }

  static ForecastReport report() {
    return Forecast.of(log()).asOf(day(10)).simulations(2_000).report();
  }

  @Test
  void absorptionProbabilitiesSolveTheChainWithABackwardMove() {
    ForecastReport r = report();
    StageProbability a = r.stages().get(0);
    StageProbability b = r.stages().get(1);
    assertEquals("a", a.stage());
    assertEquals(4, a.finishedVisits());
    assertEquals(4, b.finishedVisits());
    assertEquals(6.0 / 13, a.empirical().getAsDouble(), 1e-12);
    assertEquals(8.0 / 13, b.empirical().getAsDouble(), 1e-12);
    assertEquals(Proportion.of(2, 3), a.direct());
    assertEquals(Proportion.of(2, 3), b.direct());
    assertEquals(OptionalDouble.of(0.5), a.declared());
    assertEquals(6.0 / 13 - 0.5, a.gap().getAsDouble(), 1e-12);
    assertTrue(a.low().getAsDouble() <= a.empirical().getAsDouble());
    assertTrue(a.high().getAsDouble() >= a.empirical().getAsDouble());
  }

  @Test
  void weightedPipelineCountsDealsWithoutAmountApart() {
    ForecastReport r = report();
    assertEquals(3, r.openDeals());
    assertEquals(1, r.withoutAmount());
    assertEquals(0, r.withoutProbability());
    assertEquals(Money.of("680.00", "EUR"), r.weightedPipeline());
    // ann holds D5 (600.00), bob D6 (80.00) and D7 without amount.
    assertEquals("ann", r.byOwner().get(0).key());
    assertEquals(Money.of("600.00", "EUR"), r.byOwner().get(0).weightedPipeline());
    assertEquals(1, r.byOwner().get(1).withoutAmount());
    assertEquals(Money.of("80.00", "EUR"), r.byChannel().get(1).weightedPipeline());
    // print(1): ann's row, then one more row (bob); printAll and toString show both
    String one = r.print(1);
    assertTrue(one.contains("\nann "), one);
    assertFalse(one.contains("\nbob "), one);
    assertTrue(one.contains("\n... 1 more rows\n"), one);
    assertTrue(r.printAll().contains("\nbob "), r.printAll());
    assertEquals(r.print(20), r.toString());
    assertThrows(IllegalArgumentException.class, () -> r.print(-1));
  }

  @Test
  void coverageIsWeightedPipelineOverTarget() {
    ForecastReport r =
        Forecast.of(log())
            .asOf(day(10))
            .simulations(10)
            .target(Money.of("1360.00", "EUR"))
            .report();
    assertEquals(0.5, r.coverage().getAsDouble(), 1e-12);
  }

  @Test
  void withoutFinishedVisitsAStageHasNoProbability() {
    // As of day 0.5 nothing has finished: both stages are undefined, never 0.
    ForecastReport r =
        Forecast.of(log()).asOf(day(0).plus(Duration.ofHours(12))).simulations(10).report();
    assertTrue(r.stages().get(0).empirical().isEmpty());
    assertTrue(r.stages().get(1).empirical().isEmpty());
    assertFalse(r.stages().get(0).declaredOutsideInterval());
  }

  /**
   * A backtest at T = day 10 of [T, T + 10 days), pipeline new -> won | lost, every deal created on
   * day 1 except D5 (day 10, at T). By T the visits of new that finished are D1 (won day 5), D2
   * (lost day 6) and D6 (won at T itself, seen: events at T are in the pipeline as it stood): the
   * chain's P(new) = 2/3. Open at T: D3 100, D4 200, D5 50 = 350 EUR, predicted 350 x 2/3 = 233.33.
   * Actual: D3 won day 15 and D5 day 12 = 150; D4's win on day 20 = T + H is outside [T, T + H).
   * Absolute error 83.33; Brier ((2/3 - 1)^2 + (2/3)^2 + (2/3 - 1)^2) / 3 = 2/9.
   */
  @Test
  void backtestOfTheChainByHand() {
    Pipeline p = Pipeline.builder("p").open("new").won("won").lost("lost").build();
    DealLog log =
        DealLog.builder(p)
            .deal(Deal.builder("D1", day(1)).amount("10", "EUR").build())
            .deal(Deal.builder("D2", day(1)).amount("10", "EUR").build())
            .deal(Deal.builder("D3", day(1)).amount("100", "EUR").build())
            .deal(Deal.builder("D4", day(1)).amount("200", "EUR").build())
            .deal(Deal.builder("D5", day(10)).amount("50", "EUR").build())
            .deal(Deal.builder("D6", day(1)).amount("10", "EUR").build())
            .change("D1", "won", day(5))
            .change("D2", "lost", day(6))
            .change("D3", "won", day(15))
            .change("D4", "won", day(20))
            .change("D5", "won", day(12))
            .change("D6", "won", day(10))
            .build();
    Backtest b = Forecast.of(log).horizon(Duration.ofDays(10)).backtest(day(10));
    assertEquals(3, b.openDeals());
    MethodResult chain = b.result(Method.CHAIN);
    assertEquals(3, chain.deals());
    assertEquals(Money.of("233.33", "EUR"), chain.predicted());
    assertEquals(Money.of("150.00", "EUR"), chain.actual());
    assertEquals(Money.of("83.33", "EUR"), chain.absoluteError());
    assertEquals(2.0 / 9, chain.brier().getAsDouble(), 1e-12);
  }

  /**
   * A backtest sees the pipeline of T as the CRM held it then: records back-dated to before T but
   * entered after it are unseen at T. Pipeline new -> won | lost, T = day 10, H = 10 days.
   *
   * <pre>
   * H1 100 created 0, won@2                   recorded at once
   * H2 100 created 0, lost@3                  recorded at once
   * H3 100 created 0, lost@4                  recorded day 15
   * H4  50 created 0, won@9                   recorded day 11
   * O1 200 created 5, lost@8                  recorded day 12
   * O2 300 created 6, won@14                  recorded at once
   * O3 400 created 7, still open; O4 created day 30 (as-of).
   * Known at T: finished visits H1 won, H2 lost: P(new) = 1/2. Open: H3 H4 O1 O2 O3.
   * Predicted: (100 + 50 + 200 + 300 + 400) / 2 = 525.00. Won, not known at T, before day 20:
   * H4 (50, back-dated) and O2 (300) = 350.00. Brier: five deals at 1/2, each 1/4: 0.25.
   * By occurrence alone T would see H3, H4, O1 closed: P = 2/5, two open deals, actual 300.
   * </pre>
   */
  @Test
  void backtestSeesThePipelineAsRecordedAtT() {
    Pipeline p = Pipeline.builder("p").open("new").won("won").lost("lost").build();
    List<Deal> deals =
        List.of(
            Deal.builder("H1", day(0)).amount("100", "EUR").build(),
            Deal.builder("H2", day(0)).amount("100", "EUR").build(),
            Deal.builder("H3", day(0)).amount("100", "EUR").build(),
            Deal.builder("H4", day(0)).amount("50", "EUR").build(),
            Deal.builder("O1", day(5)).amount("200", "EUR").build(),
            Deal.builder("O2", day(6)).amount("300", "EUR").build(),
            Deal.builder("O3", day(7)).amount("400", "EUR").build(),
            Deal.builder("O4", day(30)).build());
    List<StageChange> changes =
        List.of(
            StageChange.of("H1", "won", day(2)),
            StageChange.of("H2", "lost", day(3)),
            StageChange.of("H3", "lost", day(4)).recordedAt(day(15)),
            StageChange.of("H4", "won", day(9)).recordedAt(day(11)),
            StageChange.of("O1", "lost", day(8)).recordedAt(day(12)),
            StageChange.of("O2", "won", day(14)));
    Backtest b = Forecast.of(log(p, deals, changes)).horizon(Duration.ofDays(10)).backtest(day(10));
    assertEquals(5, b.openDeals());
    MethodResult chain = b.result(Method.CHAIN);
    assertEquals(5, chain.deals());
    assertEquals(Money.of("525.00", "EUR"), chain.predicted());
    assertEquals(Money.of("350.00", "EUR"), chain.actual());
    assertEquals(Money.of("175.00", "EUR"), chain.absoluteError());
    assertEquals(0.25, chain.brier().getAsDouble(), 1e-12);
    // The same records entered on time: the occurrence reading, by hand as above.
    List<StageChange> onTime =
        changes.stream().map(c -> StageChange.of(c.dealId(), c.toStage(), c.occurredAt())).toList();
    Backtest timely =
        Forecast.of(log(p, deals, onTime)).horizon(Duration.ofDays(10)).backtest(day(10));
    assertEquals(2, timely.openDeals());
    assertEquals(Money.of("280.00", "EUR"), timely.result(Method.CHAIN).predicted());
    assertEquals(Money.of("300.00", "EUR"), timely.result(Method.CHAIN).actual());
  }

  private static DealLog log(Pipeline p, List<Deal> deals, List<StageChange> changes) {
    DealLogBuilder b = DealLog.builder(p);
    deals.forEach(b::deal);
    changes.forEach(b::change);
    return b.build();
  }

  /**
   * What a deal open in the pipeline of T won is read from its stage at T as the log now tells it.
   * Pipeline new -> won | lost, reopened into new; T = day 10, H = 10 days.
   *
   * <pre>
   * A        created 0, won@1                                   on time
   * B        created 0, lost@1                                  on time
   * W     1  created 0, won@3 (recorded 4), new@8 (recorded 12)  won at T as recorded: not open
   * X  1000  created 0, won@5 (recorded 15), new@7 (on time)     reopened by T: open, not won
   * Y   100  created 0, won@10 = T (recorded 11)                 won at T: counts
   * Z    10  created 0, won@6 (recorded 25, after T + H)         won at T: counts
   * V 10000  created 0, won@4 (rec. 12), new@6 (rec. 13), won@15 won in (T, T + H): counts
   * O        created 30 (as-of)
   * Known at T: new finished by A won, B lost, W won: P(new) = 2/3. Open: X Y Z V (11,110).
   * Predicted 7,406.67; actual Y + Z + V = 10,110.00; Brier (4/9 + 3 x 1/9) / 4 = 7/36.
   * </pre>
   */
  @Test
  void backtestCountsWinsByTheStageAtTAsTheLogNowReads() {
    Pipeline p = Pipeline.builder("p").open("new").won("won").lost("lost").build();
    DealLog log =
        DealLog.builder(p)
            .deal(Deal.builder("A", day(0)).build())
            .deal(Deal.builder("B", day(0)).build())
            .deal(Deal.builder("W", day(0)).amount("1", "EUR").build())
            .deal(Deal.builder("X", day(0)).amount("1000", "EUR").build())
            .deal(Deal.builder("Y", day(0)).amount("100", "EUR").build())
            .deal(Deal.builder("Z", day(0)).amount("10", "EUR").build())
            .deal(Deal.builder("V", day(0)).amount("10000", "EUR").build())
            .deal(Deal.builder("O", day(30)).build())
            .change("A", "won", day(1))
            .change("B", "lost", day(1))
            .change(StageChange.of("W", "won", day(3)).recordedAt(day(4)))
            .change(StageChange.of("W", "new", day(8)).recordedAt(day(12)))
            .change(StageChange.of("X", "won", day(5)).recordedAt(day(15)))
            .change("X", "new", day(7))
            .change(StageChange.of("Y", "won", day(10)).recordedAt(day(11)))
            .change(StageChange.of("Z", "won", day(6)).recordedAt(day(25)))
            .change(StageChange.of("V", "won", day(4)).recordedAt(day(12)))
            .change(StageChange.of("V", "new", day(6)).recordedAt(day(13)))
            .change("V", "won", day(15))
            .build();
    Backtest b = Forecast.of(log).horizon(Duration.ofDays(10)).backtest(day(10));
    assertEquals(4, b.openDeals());
    MethodResult chain = b.result(Method.CHAIN);
    assertEquals(Money.of("7406.67", "EUR"), chain.predicted());
    assertEquals(Money.of("10110.00", "EUR"), chain.actual());
    assertEquals(7.0 / 36, chain.brier().getAsDouble(), 1e-12);
  }

  /**
   * Simulation percentiles are linear between closest ranks (METRICS.md "Durations"): over the
   * sorted totals 0, 100, 100, 300, 400, P10 is at rank 0.4 (0 + 0.4 x 100 = 40), P50 at rank 2
   * (100), P90 at rank 3.6 (300 + 0.6 x 100 = 360).
   */
  @Test
  void simulationPercentilesAreLinearBetweenClosestRanks() {
    long[] sorted = {0, 100, 100, 300, 400};
    assertEquals(40, Forecast.percentile(sorted, 0.1), 1e-9);
    assertEquals(100, Forecast.percentile(sorted, 0.5), 1e-9);
    assertEquals(360, Forecast.percentile(sorted, 0.9), 1e-9);
    assertEquals(400, Forecast.percentile(sorted, 1.0), 1e-9);
    assertEquals(0, Forecast.percentile(sorted, 0.0), 1e-9);
  }

  /**
   * Every finished visit of new was won, so P(new) = 1 and every run wins both open deals: P10 =
   * P50 = P90 = mean = 100 + 200 = 300.00 EUR, whatever the seed.
   */
  @Test
  void certainOutcomesMakeEveryPercentileTheSureTotal() {
    Pipeline p = Pipeline.builder("p").open("new").won("won").lost("lost").build();
    DealLog log =
        DealLog.builder(p)
            .deal(Deal.builder("D1", day(0)).amount("10", "EUR").build())
            .deal(Deal.builder("D2", day(1)).amount("100", "EUR").build())
            .deal(Deal.builder("D3", day(1)).amount("200", "EUR").build())
            .change("D1", "won", day(2))
            .build();
    Simulation sim = Forecast.of(log).simulations(200).seed(3).report().simulation();
    Money sure = Money.of("300.00", "EUR");
    assertEquals(sure, sim.p10());
    assertEquals(sure, sim.p50());
    assertEquals(sure, sim.p90());
    assertEquals(sure, sim.mean());
  }

  @Test
  void toStringIsATable() {
    String text = report().toString();
    assertTrue(text.contains("46.2%"), text);
    assertTrue(text.contains("680.00 EUR"), text);
  }
}
