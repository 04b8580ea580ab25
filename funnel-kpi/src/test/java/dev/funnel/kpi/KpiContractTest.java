package dev.funnel.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every KPI passes, built-in and user-defined (in the spirit of Micrometer's
 * MeterRegistryCompatibilityKit): kind, unit and direction present; zero denominators absent;
 * spend-based KPIs absent without spend records; sums add across cells; every KPI of a merged cell
 * equals an independent reference computed from the merged raw totals.
 */
final class KpiContractTest {

  static final KpiParameters PARAMS =
      new KpiParameters(
          0.4, Optional.of(new BigDecimal("3000")), Optional.of(new BigDecimal("250")));

  /** Every KPI under test: the full standard catalog plus user-defined ones. */
  static List<KpiDefinition> all() {
    List<KpiDefinition> out =
        new ArrayList<>(
            KpiCatalog.standard(
                List.of("impressions", "clicks", "posts", "calls"),
                List.of("new", "qualified", "proposal"),
                PARAMS));
    out.add(KpiDefinition.builder("cpql").outcome().costPer(Measure.reached("qualified")).build());
    out.add(
        KpiDefinition.builder("calls_per_deal")
            .activity()
            .lowerIsBetter()
            .ratio(Measure.activity("calls"), Measure.DEALS)
            .build());
    out.add(
        KpiDefinition.builder("sales_cost")
            .outcome()
            .lowerIsBetter()
            .sum(Measure.SALES_COST)
            .build());
    out.add(
        KpiDefinition.builder("gross_return")
            .outcome()
            .unit(Unit.MONEY)
            .higherIsBetter()
            .formula(Formula.of(Measure.REVENUE).minus(Formula.of(Measure.SPEND)))
            .build());
    return out;
  }

  static Stream<KpiDefinition> kpis() {
    return all().stream();
  }

  /** Raw totals of a cell; spend, impressions, clicks, posts and calls may be absent. */
  record Raw(
      long leads,
      long leadsWithDeal,
      long deals,
      long won,
      long lost,
      long revenue,
      Optional<Long> spend,
      long salesCost,
      Optional<Long> impressions,
      Optional<Long> clicks,
      Optional<Long> posts,
      Optional<Long> calls,
      long[] reached) {

    Raw plus(Raw o) {
      long[] r = new long[3];
      for (int i = 0; i < 3; i++) {
        r[i] = reached[i] + o.reached[i];
      }
      return new Raw(
          leads + o.leads,
          leadsWithDeal + o.leadsWithDeal,
          deals + o.deals,
          won + o.won,
          lost + o.lost,
          revenue + o.revenue,
          add(spend, o.spend),
          salesCost + o.salesCost,
          add(impressions, o.impressions),
          add(clicks, o.clicks),
          add(posts, o.posts),
          add(calls, o.calls),
          r);
    }

    private static Optional<Long> add(Optional<Long> a, Optional<Long> b) {
      if (a.isEmpty()) {
        return b;
      }
      return Optional.of(a.get() + b.orElse(0L));
    }

    /** The measures of this cell, one record per unit of a count, one per money or activity sum. */
    Measures measures() {
      Measures m = Measures.empty();
      m = count(m, Measure.LEADS, leads);
      m = count(m, Measure.LEADS_WITH_DEAL, leadsWithDeal);
      m = count(m, Measure.DEALS, deals);
      m = count(m, Measure.WON_DEALS, won);
      m = count(m, Measure.LOST_DEALS, lost);
      String[] stages = {"new", "qualified", "proposal"};
      for (int i = 0; i < 3; i++) {
        m = count(m, Measure.reached(stages[i]), reached[i]);
      }
      m = m.plus(Measure.REVENUE, BigDecimal.valueOf(revenue));
      m = m.plus(Measure.SALES_COST, BigDecimal.valueOf(salesCost));
      m = sum(m, Measure.SPEND, spend);
      m = sum(m, Measure.IMPRESSIONS, impressions);
      m = sum(m, Measure.CLICKS, clicks);
      m = sum(m, Measure.activity("posts"), posts);
      m = sum(m, Measure.activity("calls"), calls);
      return m;
    }

    private static Measures count(Measures m, Measure measure, long n) {
      for (long i = 0; i < n; i++) {
        m = m.plus(measure, BigDecimal.ONE);
      }
      return m;
    }

    private static Measures sum(Measures m, Measure measure, Optional<Long> v) {
      return v.isPresent() ? m.plus(measure, BigDecimal.valueOf(v.get())) : m;
    }
  }

  private static OptionalDouble div(double a, double b) {
    return b == 0 ? OptionalDouble.empty() : OptionalDouble.of(a / b);
  }

  private static OptionalDouble div(Optional<Long> a, double b) {
    return a.isEmpty() ? OptionalDouble.empty() : div(a.get(), b);
  }

  private static OptionalDouble div(double a, Optional<Long> b) {
    return b.isEmpty() ? OptionalDouble.empty() : div(a, b.get());
  }

  private static OptionalDouble of(Optional<Long> a) {
    return a.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(a.get());
  }

  private static OptionalDouble cac(Raw r) {
    return r.spend.isEmpty() ? OptionalDouble.empty() : div(r.spend.get() + r.salesCost, r.won);
  }

  /** METRICS.md "KPIs" written out again, independently of Formula. */
  static final Map<String, Function<Raw, OptionalDouble>> REFERENCE =
      Map.ofEntries(
          Map.entry("leads", r -> OptionalDouble.of(r.leads)),
          Map.entry("won_deals", r -> OptionalDouble.of(r.won)),
          Map.entry("revenue", r -> OptionalDouble.of(r.revenue)),
          Map.entry("cpl", r -> div(r.spend, r.leads)),
          Map.entry("cac", KpiContractTest::cac),
          Map.entry("roas", r -> div(r.revenue, r.spend)),
          Map.entry(
              "romi",
              r ->
                  r.spend.isEmpty()
                      ? OptionalDouble.empty()
                      : div(r.revenue * 0.4 - r.spend.get(), r.spend.get())),
          Map.entry("win_rate", r -> div(r.won, r.won + r.lost)),
          Map.entry("lead_to_deal", r -> div(r.leadsWithDeal, r.leads)),
          Map.entry("impressions", r -> of(r.impressions)),
          Map.entry("clicks", r -> of(r.clicks)),
          Map.entry("posts", r -> of(r.posts)),
          Map.entry("calls", r -> of(r.calls)),
          Map.entry(
              "ctr",
              r ->
                  r.clicks.isEmpty() ? OptionalDouble.empty() : div(r.clicks.get(), r.impressions)),
          Map.entry(
              "cpc",
              r -> r.spend.isEmpty() ? OptionalDouble.empty() : div(r.spend.get(), r.clicks)),
          Map.entry(
              "ltv_cac",
              r -> cac(r).isEmpty() ? OptionalDouble.empty() : div(3000, cac(r).getAsDouble())),
          Map.entry(
              "cac_payback_months",
              r ->
                  cac(r).isEmpty() ? OptionalDouble.empty() : div(cac(r).getAsDouble(), 250 * 0.4)),
          Map.entry("cost_per_new", r -> div(r.spend, r.reached[0])),
          Map.entry("cost_per_qualified", r -> div(r.spend, r.reached[1])),
          Map.entry("cost_per_proposal", r -> div(r.spend, r.reached[2])),
          Map.entry("cpql", r -> div(r.spend, r.reached[1])),
          Map.entry(
              "calls_per_deal",
              r -> r.calls.isEmpty() ? OptionalDouble.empty() : div(r.calls.get(), r.deals)),
          Map.entry("sales_cost", r -> OptionalDouble.of(r.salesCost)),
          Map.entry(
              "gross_return",
              r ->
                  r.spend.isEmpty()
                      ? OptionalDouble.empty()
                      : OptionalDouble.of(r.revenue - r.spend.get())));

  /** KPIs whose value is a plain sum of one measure. */
  static final Set<String> SUMS =
      Set.of(
          "leads", "won_deals", "revenue", "impressions", "clicks", "posts", "calls", "sales_cost");

  static Raw zeros(boolean spend) {
    Optional<Long> zero = Optional.of(0L);
    return new Raw(
        0, 0, 0, 0, 0, 0, spend ? zero : Optional.empty(), 0, zero, zero, zero, zero, new long[3]);
  }

  @ParameterizedTest
  @MethodSource("kpis")
  void describesItself(KpiDefinition kpi) {
    assertFalse(kpi.id().isBlank());
    assertNotNull(kpi.kind());
    assertNotNull(kpi.unit());
    assertNotNull(kpi.direction());
    assertFalse(kpi.formula().measures().isEmpty(), kpi + " reads no measure");
    assertTrue(REFERENCE.containsKey(kpi.id()), kpi.id() + " has no reference formula");
    assertTrue(kpi.toString().startsWith(kpi.id() + " ("), kpi.toString());
  }

  @ParameterizedTest
  @MethodSource("kpis")
  void zeroDenominatorsAreAbsent(KpiDefinition kpi) {
    OptionalDouble v = kpi.compute(zeros(true).measures(), PARAMS);
    if (SUMS.contains(kpi.id()) || kpi.id().equals("gross_return")) {
      assertEquals(OptionalDouble.of(0), v, kpi.id());
    } else {
      assertTrue(v.isEmpty(), kpi.id() + " on an all-zero cell should be absent, was " + v);
    }
  }

  @ParameterizedTest
  @MethodSource("kpis")
  void spendBasedKpisAreAbsentWithoutSpendRecords(KpiDefinition kpi) {
    Optional<Long> ten = Optional.of(10L);
    Raw busy =
        new Raw(
            10, 5, 8, 4, 2, 900, Optional.empty(), 50, ten, ten, ten, ten, new long[] {8, 6, 5});
    OptionalDouble v = kpi.compute(busy.measures(), PARAMS);
    boolean spendBased = kpi.formula().measures().contains(Measure.SPEND);
    assertEquals(spendBased, v.isEmpty(), kpi.id() + " = " + v);
  }

  @ParameterizedTest
  @MethodSource("kpis")
  void directedChangeFollowsDirection(KpiDefinition kpi) {
    OptionalDouble change = kpi.directedChange(OptionalDouble.of(200), OptionalDouble.of(250));
    assertEquals(
        kpi.direction() == Direction.HIGHER_IS_BETTER ? 0.25 : -0.25, change.getAsDouble());
    // No change is +0.0 in either direction, never -0.0 (which would print as "-0.0").
    assertEquals(
        Double.doubleToLongBits(0.0),
        Double.doubleToLongBits(
            kpi.directedChange(OptionalDouble.of(7), OptionalDouble.of(7)).getAsDouble()));
    // A negative earlier value: rising from -50 to -20 is +60% for higher-is-better.
    assertEquals(
        kpi.direction().sign() * 0.6,
        kpi.directedChange(OptionalDouble.of(-50), OptionalDouble.of(-20)).getAsDouble(),
        1e-12);
    assertTrue(kpi.directedChange(OptionalDouble.of(0), OptionalDouble.of(5)).isEmpty());
    assertTrue(kpi.directedChange(OptionalDouble.empty(), OptionalDouble.of(5)).isEmpty());
    assertTrue(kpi.directedChange(OptionalDouble.of(5), OptionalDouble.empty()).isEmpty());
  }

  @Provide
  Arbitrary<Raw> cells() {
    Arbitrary<Long> count = Arbitraries.longs().between(0, 12);
    Arbitrary<Optional<Long>> maybe = Arbitraries.longs().between(0, 5000).optional(0.6);
    Arbitrary<long[]> counts = count.array(long[].class).ofSize(9);
    Arbitrary<Long> money = Arbitraries.longs().between(0, 100_000);
    return Combinators.combine(counts, money, maybe, maybe, maybe, maybe, maybe, money)
        .as(
            (c, revenue, spend, imp, clicks, posts, calls, sales) ->
                new Raw(
                    c[0],
                    Math.min(c[1], c[0]),
                    c[2],
                    c[3],
                    c[4],
                    revenue,
                    spend,
                    sales % 3 == 0 ? 0 : sales,
                    imp,
                    clicks,
                    posts,
                    calls,
                    new long[] {c[5], Math.min(c[5], c[6]), Math.min(Math.min(c[5], c[6]), c[7])}));
  }

  @Property(tries = 300)
  void everyKpiOfAMergedCellIsRecomputedFromMergedParts(
      @ForAll("cells") Raw a, @ForAll("cells") Raw b, @ForAll("cells") Raw c) {
    Statistics.collect(a.plus(b).spend.isEmpty() ? "no spend" : "spend");
    Statistics.collect(a.plus(b).won == 0 ? "no wins" : "wins");
    Measures merged = a.measures().plus(b.measures()).plus(c.measures());
    Raw raw = a.plus(b).plus(c);
    for (KpiDefinition kpi : all()) {
      OptionalDouble expected = REFERENCE.get(kpi.id()).apply(raw);
      OptionalDouble actual = kpi.compute(merged, PARAMS);
      assertEquals(
          expected.isPresent(), actual.isPresent(), kpi.id() + ": " + actual + " vs " + expected);
      if (expected.isPresent()) {
        double e = expected.getAsDouble();
        assertEquals(e, actual.getAsDouble(), 1e-9 * Math.max(1, Math.abs(e)), kpi.id());
        assertTrue(Double.isFinite(actual.getAsDouble()));
      }
      if (SUMS.contains(kpi.id()) && actual.isPresent()) {
        double parts = 0;
        for (Raw r : List.of(a, b, c)) {
          parts += kpi.compute(r.measures(), PARAMS).orElse(0);
        }
        assertEquals(parts, actual.getAsDouble(), 1e-9, kpi.id() + " adds across cells");
      }
    }
  }

  @Property(tries = 200)
  void mergeIsAssociativeAndCommutativeWithEmptyAsIdentity(
      @ForAll("cells") Raw a, @ForAll("cells") Raw b, @ForAll("cells") Raw c) {
    Measures x = a.measures();
    Measures y = b.measures();
    Measures z = c.measures();
    assertEquals(x.plus(y).plus(z), x.plus(y.plus(z)));
    assertEquals(x.plus(y), y.plus(x));
    assertEquals(x, x.plus(Measures.empty()));
    assertEquals(x, Measures.empty().plus(x));
  }

  @ParameterizedTest
  @MethodSource("kpis")
  void idsAreUnique(KpiDefinition kpi) {
    Set<String> seen = new HashSet<>();
    for (KpiDefinition d : all()) {
      assertTrue(seen.add(d.id()), "duplicate id " + d.id());
    }
    assertTrue(seen.contains(kpi.id()));
  }
}
