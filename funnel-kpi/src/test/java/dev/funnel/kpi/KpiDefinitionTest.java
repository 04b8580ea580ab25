package dev.funnel.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.model.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class KpiDefinitionTest {

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of(
            (Supplier<Object>) () -> KpiDefinition.builder(" x"),
            IllegalArgumentException.class,
            "KPI id \" x\" is blank or has surrounding whitespace"),
        Arguments.of(
            (Supplier<Object>) () -> KpiDefinition.builder("x").sum(Measure.LEADS).build(),
            IllegalStateException.class,
            "KPI \"x\" is incomplete: set kind (outcome() or activity())"),
        Arguments.of(
            (Supplier<Object>)
                () ->
                    KpiDefinition.builder("x").outcome().formula(Formula.of(Measure.LEADS)).build(),
            IllegalStateException.class,
            "KPI \"x\" is incomplete: set unit, direction (higherIsBetter() or lowerIsBetter())"),
        Arguments.of(
            (Supplier<Object>) () -> KpiDefinition.builder("x").outcome().activity(),
            IllegalStateException.class,
            "KPI \"x\": kind was already set to OUTCOME"),
        Arguments.of(
            (Supplier<Object>) () -> Measure.activity(" "),
            IllegalArgumentException.class,
            "measure ACTIVITY: argument is blank"),
        Arguments.of(
            (Supplier<Object>) () -> Target.of(Double.NaN),
            IllegalArgumentException.class,
            "target value NaN is not finite"),
        Arguments.of(
            (Supplier<Object>) () -> Fixture.query().margin(1.5),
            IllegalArgumentException.class,
            "margin 1.5 is not in [0, 1]"),
        Arguments.of(
            (Supplier<Object>)
                () ->
                    Fixture.query().period(dev.funnel.Period.WEEK).period(dev.funnel.Period.MONTH),
            IllegalStateException.class,
            "period was already set"),
        Arguments.of(
            (Supplier<Object>) () -> Fixture.query().ltv(Money.of("-1.00", "EUR")),
            IllegalArgumentException.class,
            "ltv -1.00 EUR is negative"),
        Arguments.of(
            (Supplier<Object>) () -> Fixture.query().target("nope", Target.of(1)).report(),
            IllegalArgumentException.class,
            "target for unknown KPI \"nope\" (known: leads, won_deals, revenue, cpl, cac, roas,"
                + " romi, win_rate, lead_to_deal, impressions, clicks, ctr, cpc, posts,"
                + " cost_per_new, cost_per_qualified, cost_per_proposal)"),
        Arguments.of(
            (Supplier<Object>)
                () ->
                    Fixture.query()
                        .kpi(
                            KpiDefinition.builder("cpx")
                                .outcome()
                                .costPer(Measure.reached("demo"))
                                .build())
                        .report(),
            IllegalArgumentException.class,
            "KPI \"cpx\": stage \"demo\" is not in pipeline \"b2b\" (known: new, qualified,"
                + " proposal, won, lost)"),
        Arguments.of(
            (Supplier<Object>)
                () ->
                    Fixture.query()
                        .kpi(KpiDefinition.builder("cpl").activity().sum(Measure.LEADS).build())
                        .report(),
            IllegalArgumentException.class,
            "user-defined KPI \"cpl\" repeats the id of a built-in KPI: cpl (OUTCOME, MONEY,"
                + " LOWER_IS_BETTER) = spend / leads"),
        Arguments.of(
            (Supplier<Object>)
                () ->
                    Kpis.of(Fixture.log())
                        .activity(List.of(Fixture.activity("2026-01-02", "ads", "revenue", 3)))
                        .report(),
            IllegalArgumentException.class,
            "activity metric \"revenue\" has the id of the built-in KPI revenue (OUTCOME, MONEY,"
                + " HIGHER_IS_BETTER) = revenue: rename the metric in activity.csv"),
        // the stage KPIs and the parameter KPIs are built-in ids too: spend 100 / 1 deal reaching
        // "new" is cost_per_new = 100, an activity sum of 7 must not take its place
        Arguments.of(
            (Supplier<Object>)
                () ->
                    Kpis.of(Fixture.log())
                        .activity(List.of(Fixture.activity("2026-01-02", "ads", "cost_per_new", 7)))
                        .target("cost_per_new", Target.of(50))
                        .report(),
            IllegalArgumentException.class,
            "activity metric \"cost_per_new\" has the id of the built-in KPI cost_per_new"
                + " (OUTCOME, MONEY, LOWER_IS_BETTER) = spend / reached:new: rename the metric in"
                + " activity.csv"),
        Arguments.of(
            (Supplier<Object>)
                () ->
                    Kpis.of(Fixture.log())
                        .activity(List.of(Fixture.activity("2026-01-02", "ads", "ltv_cac", 3)))
                        .report(),
            IllegalArgumentException.class,
            "activity metric \"ltv_cac\" has the id of the built-in KPI ltv_cac (OUTCOME, RATIO,"
                + " HIGHER_IS_BETTER) = ltv / ((spend + (sales_cost or 0)) / won_deals): rename the metric"
                + " in activity.csv"),
        Arguments.of(
            (Supplier<Object>)
                () ->
                    Fixture.query()
                        .kpi(
                            KpiDefinition.builder("cac_payback_months")
                                .outcome()
                                .sum(Measure.WON_DEALS)
                                .build())
                        .report(),
            IllegalArgumentException.class,
            "user-defined KPI \"cac_payback_months\" repeats the id of a built-in KPI:"
                + " cac_payback_months (OUTCOME, DURATION, LOWER_IS_BETTER) = ((spend + (sales_cost or"
                + " 0)) / won_deals) / (monthly_revenue_per_customer x margin)"),
        Arguments.of(
            (Supplier<Object>)
                () ->
                    Fixture.query()
                        .kpi(
                            KpiDefinition.builder("cost_per_proposal")
                                .outcome()
                                .sum(Measure.LEADS)
                                .build())
                        .report(),
            IllegalArgumentException.class,
            "user-defined KPI \"cost_per_proposal\" repeats the id of a built-in KPI:"
                + " cost_per_proposal (OUTCOME, MONEY, LOWER_IS_BETTER) = spend / reached:proposal"),
        Arguments.of(
            (Supplier<Object>)
                () ->
                    Fixture.query()
                        .kpi(KpiDefinition.builder("posts").activity().sum(Measure.LEADS).build())
                        .report(),
            IllegalArgumentException.class,
            "user-defined KPI \"posts\" repeats the id of the KPI of activity metric \"posts\":"
                + " rename the KPI or the metric in activity.csv"));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void badInputIsRejectedWithAMessage(
      Supplier<Object> call, Class<? extends Exception> type, String message) {
    Exception e = assertThrows(type, call::get);
    assertEquals(message, e.getMessage());
  }

  static Stream<Arguments> clashes() {
    return Stream.of(
        Arguments.of("cpl", List.of(), Optional.of("cpl")),
        Arguments.of("won_deals", List.of(), Optional.of("won_deals")),
        Arguments.of("ctr", List.of(), Optional.of("ctr")),
        Arguments.of("cac_payback_months", List.of(), Optional.of("cac_payback_months")),
        // impressions and clicks are the sums of their metric, not a clash
        Arguments.of("impressions", List.of(), Optional.empty()),
        Arguments.of("clicks", List.of(), Optional.empty()),
        Arguments.of("posts", List.of("new"), Optional.empty()),
        Arguments.of("cost_per_new", List.of("new"), Optional.of("cost_per_new")),
        Arguments.of("cost_per_new", List.of(), Optional.empty()),
        Arguments.of("CPL", List.of(), Optional.empty()));
  }

  @ParameterizedTest
  @MethodSource("clashes")
  void builtInClashIsTheKpiAnActivityMetricWouldShadow(
      String metric, List<String> openStages, Optional<String> kpi) {
    assertEquals(kpi, KpiCatalog.builtInClash(metric, openStages).map(KpiDefinition::id));
  }

  @Test
  void catalogKindsAreTheOnesItsClassJavadocNames() {
    // raw leads, cpl and lead_to_deal are outcomes, like every fixed KPI but the four activity
    // ones; the parameter and stage KPIs are outcomes, activity metrics activity
    List<KpiDefinition> all =
        KpiCatalog.standard(
            List.of("posts"),
            List.of("new"),
            new KpiParameters(1.0, Optional.of(BigDecimal.TEN), Optional.of(BigDecimal.ONE)));
    List<String> activity = List.of("impressions", "clicks", "ctr", "cpc", "posts");
    for (KpiDefinition d : all) {
      assertEquals(
          activity.contains(d.id()) ? Kind.ACTIVITY : Kind.OUTCOME, d.kind(), d.toString());
    }
    assertEquals(Kind.OUTCOME, KpiCatalog.leads().kind());
    assertEquals(Kind.OUTCOME, KpiCatalog.cpl().kind());
    assertEquals(Kind.OUTCOME, KpiCatalog.leadToDeal().kind());
    assertEquals(17, all.size()); // 13 fixed, posts, ltv_cac, cac_payback_months, cost_per_new
  }

  @Test
  void builderDefaultsAndToString() {
    KpiDefinition cpql =
        KpiDefinition.builder("cpql").outcome().costPer(Measure.reached("qualified")).build();
    assertEquals(Unit.MONEY, cpql.unit());
    assertEquals(Direction.LOWER_IS_BETTER, cpql.direction());
    assertEquals("cpql", cpql.name());
    assertEquals("spend / reached:qualified", cpql.formula().toString());
    assertEquals(
        "romi (OUTCOME, RATIO, HIGHER_IS_BETTER) = ((revenue x margin) - spend) / spend",
        KpiCatalog.romi().toString());
    assertEquals(
        "KpiDefinition.builder(\"x\").kind(ACTIVITY)",
        KpiDefinition.builder("x").activity().toString());
  }
}
