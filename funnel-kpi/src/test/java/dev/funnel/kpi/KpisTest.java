package dev.funnel.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.Period;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The hand-planned quarter of {@link Fixture}, every expected figure worked out on paper. */
final class KpisTest {
  /** One open stage: the pipeline of the small alert and lead tests. */
  static final Pipeline ONE_STAGE =
      Pipeline.builder("b").open("new").won("won").lost("lost").build();

  private static final double EPS = 1e-9;
  private static final KpiReport MONTHS = Fixture.query().report();

  private static void assertValue(double expected, OptionalDouble actual, String what) {
    assertTrue(actual.isPresent(), what + " is absent, expected " + expected);
    assertEquals(expected, actual.getAsDouble(), EPS * Math.max(1, Math.abs(expected)), what);
  }

  private static void assertValue(double expected, String period, String scope, String id) {
    assertValue(expected, MONTHS.value(period, scope, id), period + " " + scope + " " + id);
  }

  private static void assertAbsent(String period, String scope, String id) {
    OptionalDouble v = MONTHS.value(period, scope, id);
    assertTrue(v.isEmpty(), period + " " + scope + " " + id + " should be absent, was " + v);
  }

  private static Kpis valueQuery() {
    return Fixture.query()
        .by("owner")
        .ltv(Money.of("3000.00", "EUR"))
        .kpi(
            KpiDefinition.builder("cost_per_qualified_or_won")
                .outcome()
                .unit(Unit.MONEY)
                .lowerIsBetter()
                .formula(
                    Formula.of(Measure.SPEND)
                        .plus(Formula.of(Measure.SALES_COST).orZero())
                        .dividedBy(
                            Formula.of(Measure.reached("qualified"))
                                .plus(Formula.of(Measure.WON_DEALS))))
                .target(Target.of(150))
                .build())
        .target("cpl", Target.forScope("channel=ads", 90));
  }

  @Test
  void aReportIsAValue() {
    Kpis query = valueQuery();
    KpiReport first = query.report();
    KpiReport again = query.report();
    KpiReport fresh = valueQuery().report();
    for (KpiReport other : List.of(again, fresh)) {
      assertEquals(first.definitions(), other.definitions());
      assertEquals(first.rows(), other.rows());
      assertEquals(first.channelEconomics(), other.channelEconomics());
      assertEquals(first, other);
      assertEquals(first.hashCode(), other.hashCode());
      assertEquals(first.toString(), other.toString());
      assertEquals(first.scorecard(), other.scorecard());
      assertEquals(first.driverTree(), other.driverTree());
    }
    assertFalse(first.alerts().isEmpty(), "the fixture plants alerts");
    assertFalse(first.equals(Fixture.query().report()), "another query, another report");
  }

  @Test
  void periodsAndScopes() {
    assertEquals(List.of("2026-01", "2026-02", "2026-03"), MONTHS.periods());
    assertEquals(List.of("all", "channel=ads", "channel=seo"), MONTHS.scopes());
    assertEquals(9, MONTHS.rows().size());
  }

  @Test
  void catalogIdsInOrder() {
    List<String> ids = MONTHS.definitions().stream().map(KpiDefinition::id).toList();
    assertEquals(
        List.of(
            "leads",
            "won_deals",
            "revenue",
            "cpl",
            "cac",
            "roas",
            "romi",
            "win_rate",
            "lead_to_deal",
            "impressions",
            "clicks",
            "ctr",
            "cpc",
            "posts",
            "cost_per_new",
            "cost_per_qualified",
            "cost_per_proposal"),
        ids);
  }

  @Test
  void adsJanuaryByHand() {
    String p = "2026-01";
    String s = "channel=ads";
    assertValue(10, p, s, "leads");
    assertValue(2, p, s, "won_deals");
    assertValue(2000, p, s, "revenue");
    assertValue(1000.0 / 10, p, s, "cpl");
    assertValue(1000.0 / 2, p, s, "cac");
    assertValue(2000.0 / 1000, p, s, "roas");
    assertValue((2000.0 - 1000) / 1000, p, s, "romi");
    assertValue(2.0 / 3, p, s, "win_rate");
    assertValue(3.0 / 10, p, s, "lead_to_deal");
    assertValue(10000, p, s, "impressions");
    assertValue(200, p, s, "clicks");
    assertValue(200.0 / 10000, p, s, "ctr");
    assertValue(1000.0 / 200, p, s, "cpc");
    assertAbsent(p, s, "posts");
    assertValue(1000.0 / 3, p, s, "cost_per_new");
    assertValue(1000.0 / 3, p, s, "cost_per_qualified");
    assertValue(1000.0 / 2, p, s, "cost_per_proposal");
  }

  @Test
  void adsMarchByHand() {
    String p = "2026-03";
    String s = "channel=ads";
    assertValue(15, p, s, "leads");
    assertValue(3, p, s, "won_deals");
    assertValue(3300, p, s, "revenue");
    assertValue(1200.0 / 15, p, s, "cpl");
    assertValue(1200.0 / 3, p, s, "cac");
    assertValue(3300.0 / 1200, p, s, "roas");
    assertValue(3.0 / 4, p, s, "win_rate");
    assertValue(4.0 / 15, p, s, "lead_to_deal");
    assertValue(1200.0 / 4, p, s, "cost_per_proposal");
  }

  @Test
  void allScopeMergesChannelsBeforeDividing() {
    // Jan: ads 10 leads + seo 2; spend only on ads (1000); won A1, A2, S1; revenue 2500.
    assertValue(12, "2026-01", "all", "leads");
    assertValue(1000.0 / 12, "2026-01", "all", "cpl");
    assertValue(1000.0 / 3, "2026-01", "all", "cac");
    assertValue(2500.0 / 1000, "2026-01", "all", "roas");
    assertValue(3.0 / 4, "2026-01", "all", "win_rate");
    assertValue(3.0 / 12, "2026-01", "all", "lead_to_deal");
    assertValue(4, "2026-01", "all", "posts");
    assertValue(1000.0 / 4, "2026-01", "all", "cost_per_new");
    assertValue(1000.0 / 3, "2026-01", "all", "cost_per_proposal");
  }

  @Test
  void scopeWithoutSpendHasAbsentSpendBasedKpis() {
    for (String p : MONTHS.periods()) {
      for (String id :
          List.of(
              "cpl",
              "cac",
              "roas",
              "romi",
              "cpc",
              "cost_per_new",
              "cost_per_qualified",
              "cost_per_proposal")) {
        assertAbsent(p, "channel=seo", id);
      }
      assertAbsent(p, "channel=seo", "impressions");
      assertAbsent(p, "channel=seo", "ctr");
    }
    assertValue(500, "2026-01", "channel=seo", "revenue");
    assertValue(0, "2026-01", "channel=seo", "lead_to_deal");
    // No deal closed in seo in February: win rate 0/0 is absent, not 0.
    assertAbsent("2026-02", "channel=seo", "win_rate");
    ChannelEconomics seo = MONTHS.channelEconomics().get(2);
    assertEquals("channel=seo", seo.scope());
    assertTrue(seo.spend().isEmpty());
    assertTrue(seo.cpl().isEmpty() && seo.cac().isEmpty() && seo.roas().isEmpty());
  }

  @Test
  void directedChangesFlipForLowerIsBetter() {
    KpiRow feb = MONTHS.row("2026-02", "channel=ads").orElseThrow();
    // cpc 5 -> 1000/300: relative change -1/3, lower is better: +1/3.
    assertValue(1.0 / 3, feb.kpi("cpc").orElseThrow().directedChange(), "cpc change");
    // cost per qualified 1000/3 -> 1000/2: +50% relative, lower is better: -50%.
    assertValue(-0.5, feb.kpi("cost_per_qualified").orElseThrow().directedChange(), "cpq");
    // impressions 10000 -> 20000: +100%.
    assertValue(1.0, feb.kpi("impressions").orElseThrow().directedChange(), "impressions");
    // ctr 0.02 -> 0.015: -25%.
    assertValue(-0.25, feb.kpi("ctr").orElseThrow().directedChange(), "ctr");
    assertValue(0, feb.kpi("revenue").orElseThrow().directedChange(), "revenue");
    // seo lead_to_deal was 0 in January: the change is absent.
    KpiRow seoFeb = MONTHS.row("2026-02", "channel=seo").orElseThrow();
    assertTrue(seoFeb.kpi("lead_to_deal").orElseThrow().directedChange().isEmpty());
    assertValue(-1, seoFeb.kpi("won_deals").orElseThrow().directedChange(), "seo won");
    KpiRow jan = MONTHS.row("2026-01", "all").orElseThrow();
    assertTrue(jan.kpis().stream().allMatch(v -> v.directedChange().isEmpty()), "first period");
  }

  @Test
  void plantedVanityAlertsAndPlantedGrowthDoesNot() {
    List<String> outcomes =
        List.of(
            "leads",
            "won_deals",
            "revenue",
            "cpl",
            "cac",
            "roas",
            "romi",
            "win_rate",
            "lead_to_deal",
            "cost_per_new",
            "cost_per_qualified",
            "cost_per_proposal");
    assertEquals(
        List.of(
            new Alert(
                AlertType.ACTIVITY_WITHOUT_OUTCOME,
                "2026-02",
                "all",
                List.of("impressions", "clicks", "cpc", "posts"),
                outcomes),
            new Alert(
                AlertType.ACTIVITY_WITHOUT_OUTCOME,
                "2026-02",
                "channel=ads",
                List.of("impressions", "clicks", "cpc"),
                outcomes),
            new Alert(
                AlertType.ACTIVITY_WITHOUT_OUTCOME,
                "2026-02",
                "channel=seo",
                List.of("posts"),
                outcomes)),
        MONTHS.alerts());
  }

  @Test
  void higherThresholdSilencesSmallerRises() {
    // Feb ads: impressions +100%, clicks +50%, cpc +33%; seo posts +100%.
    KpiReport r = Fixture.query().alertThreshold(0.6).report();
    assertEquals(3, r.alerts().size());
    assertEquals(List.of("impressions"), r.alerts().get(1).activity());
    assertFalse(
        Fixture.query().alertThreshold(1.5).report().alerts().stream().findAny().isPresent());
  }

  /**
   * A win rate from 7/11 (January: 7 won, 4 lost) to 7/10 (February: 7 won, 3 lost) is a rise of
   * exactly (7/10) / (7/11) - 1 = 1/10, the default threshold: the outcome rose as much as the
   * impressions' +100%, so there is no alert. In doubles the change computes as
   * 0.09999999999999995, which raised one.
   */
  @Test
  void anOutcomeRisingByExactlyTheThresholdSilencesTheAlert() {
    DealLogBuilder b = DealLog.builder(ONE_STAGE);
    int[][] plan = {{1, 7, 4}, {2, 7, 3}}; // month, won, lost
    for (int[] m : plan) {
      for (int i = 0; i < m[1] + m[2]; i++) {
        String id = "M" + m[0] + "-" + i;
        b.deal(Deal.builder(id, day(m[0], 10)).channel("ads").amount("100", "EUR").build());
        b.change(id, i < m[1] ? "won" : "lost", day(m[0], 20));
      }
    }
    KpiReport r =
        Kpis.of(b.build())
            .activity(
                List.of(
                    new ActivitySample(LocalDate.parse("2026-01-15"), "ads", "impressions", 1000),
                    new ActivitySample(LocalDate.parse("2026-02-15"), "ads", "impressions", 2000)))
            // February over: alerts are raised for complete periods only
            .asOf(Instant.parse("2026-03-01T00:00:00Z"))
            .report();
    assertTrue(r.isComplete("2026-02"));
    KpiRow feb = r.row("2026-02", "all").orElseThrow();
    assertEquals(OptionalDouble.of(0.1), feb.kpi("win_rate").orElseThrow().directedChange());
    assertEquals(OptionalDouble.of(1.0), feb.kpi("impressions").orElseThrow().directedChange());
    assertEquals(List.of(), r.alerts());
  }

  @Test
  void leadsAreSeenInWholeSecondsAsDealsAre() {
    // KPI oracle review: a deal and a lead created at 12:00:00.900, as of 12:00:00: the deal
    // counted (the log holds seconds) and the lead did not
    Instant t = Instant.parse("2025-03-31T12:00:00.900Z");
    DealLog log =
        DealLog.builder(ONE_STAGE)
            .deal(Deal.builder("D1", t).channel("ads").leadId("L1").build())
            .build();
    List<dev.funnel.model.Lead> leads = List.of(dev.funnel.model.Lead.of("L1", t, "ads"));
    KpiReport r = Kpis.of(log).leads(leads).asOf(Instant.parse("2025-03-31T12:00:00Z")).report();
    KpiRow mar = r.row("2025-03", "all").orElseThrow();
    assertEquals(OptionalDouble.of(1), mar.kpi("leads").orElseThrow().value());
    assertEquals(OptionalDouble.of(1), mar.kpi("lead_to_deal").orElseThrow().value());
    // the default as-of is the latest event to the second
    assertEquals(Instant.parse("2025-03-31T12:00:00Z"), Kpis.of(log).leads(leads).report().asOf());
  }

  @Test
  void theRunningPeriodRaisesNoAlert() {
    // ctr 10% in January, 15% in the first days of February (as-of February 10): +50%, no outcome
    // KPI moves; an alert once February is over, none while it runs.
    DealLog log =
        DealLog.builder(ONE_STAGE)
            .deal(Deal.builder("D1", day(1, 10)).channel("ads").build())
            .build();
    List<ActivitySample> activity =
        List.of(
            new ActivitySample(LocalDate.parse("2026-01-15"), "ads", "impressions", 1000),
            new ActivitySample(LocalDate.parse("2026-01-15"), "ads", "clicks", 100),
            new ActivitySample(LocalDate.parse("2026-02-05"), "ads", "impressions", 100),
            new ActivitySample(LocalDate.parse("2026-02-05"), "ads", "clicks", 15));
    KpiReport running =
        Kpis.of(log).activity(activity).asOf(Instant.parse("2026-02-10T00:00:00Z")).report();
    assertFalse(running.isComplete("2026-02"));
    assertEquals(
        0.5,
        running
            .row("2026-02", "all")
            .orElseThrow()
            .kpi("ctr")
            .orElseThrow()
            .directedChange()
            .getAsDouble(),
        1e-12);
    assertEquals(List.of(), running.alerts());
    KpiReport over =
        Kpis.of(log).activity(activity).asOf(Instant.parse("2026-03-01T00:00:00Z")).report();
    assertEquals(
        List.of("2026-02 all", "2026-02 channel=ads"),
        over.alerts().stream().map(a -> a.period() + " " + a.scope()).toList());
    assertEquals(List.of("ctr"), over.alerts().get(0).activity());
  }

  /**
   * CTR from 100/1000 = 0.10 to 99/900 = 0.11 is a rise of exactly 1/10 while no outcome rose (one
   * 100 EUR deal won each month on the same spend): the alert fires. In doubles the change computes
   * as 0.09999999999999995, which missed it.
   */
  @Test
  void anActivityRisingByExactlyTheThresholdRaisesTheAlert() {
    DealLog log =
        DealLog.builder(ONE_STAGE)
            .deal(Deal.builder("D1", day(1, 10)).channel("ads").amount("100", "EUR").build())
            .deal(Deal.builder("D2", day(2, 10)).channel("ads").amount("100", "EUR").build())
            .change("D1", "won", day(1, 20))
            .change("D2", "won", day(2, 20))
            .build();
    LocalDate jan = LocalDate.parse("2026-01-15");
    LocalDate feb = LocalDate.parse("2026-02-15");
    KpiReport r =
        Kpis.of(log)
            .spend(
                List.of(
                    new SpendSample(jan, "ads", Money.of("400", "EUR")),
                    new SpendSample(feb, "ads", Money.of("400", "EUR"))))
            .activity(
                List.of(
                    new ActivitySample(jan, "ads", "impressions", 1000),
                    new ActivitySample(jan, "ads", "clicks", 100),
                    new ActivitySample(feb, "ads", "impressions", 900),
                    new ActivitySample(feb, "ads", "clicks", 99)))
            .asOf(Instant.parse("2026-03-01T00:00:00Z"))
            .report();
    KpiRow row = r.row("2026-02", "all").orElseThrow();
    assertEquals(OptionalDouble.of(0.1), row.kpi("ctr").orElseThrow().directedChange());
    assertTrue(r.isComplete("2026-02"));
    assertEquals(
        List.of("2026-02 all", "2026-02 channel=ads"),
        r.alerts().stream().map(a -> a.period() + " " + a.scope()).toList());
    assertEquals(List.of("ctr"), r.alerts().get(0).activity());
  }

  @Test
  void anOutcomeRisingFromZeroSilencesTheAlert() {
    // Oracle review: posts 4 -> 5 (+25%) while the channel's leads, won deals and revenue went from
    // 0 to their first ones. Those directed changes are absent (earlier value zero), which read as
    // "not risen": the alert said "no outcome improved" for a channel that had just won its first
    // customer.
    DealLog log =
        DealLog.builder(ONE_STAGE)
            .deal(
                Deal.builder("E1", day(3, 6))
                    .channel("social")
                    .amount("400.00", "EUR")
                    .leadId("K1")
                    .build())
            .change("E1", "won", day(3, 10))
            .build();
    KpiReport r =
        Kpis.of(log)
            .leads(List.of(dev.funnel.model.Lead.of("K1", day(3, 5), "social")))
            .spend(
                List.of(
                    new SpendSample(LocalDate.parse("2026-02-01"), "ads", Money.of("100", "EUR"))))
            .activity(
                List.of(
                    new ActivitySample(LocalDate.parse("2026-02-15"), "social", "posts", 4),
                    new ActivitySample(LocalDate.parse("2026-03-15"), "social", "posts", 5)))
            .asOf(Instant.parse("2026-04-15T00:00:00Z"))
            .report();
    KpiRow mar = r.row("2026-03", "channel=social").orElseThrow();
    assertEquals(OptionalDouble.of(0.25), mar.kpi("posts").orElseThrow().directedChange());
    for (String outcome : List.of("leads", "won_deals", "revenue")) {
      KpiValue v = mar.kpi(outcome).orElseThrow();
      assertEquals(OptionalDouble.of(0), v.previous(), outcome);
      assertTrue(v.value().getAsDouble() > 0, outcome);
      assertEquals(OptionalDouble.empty(), v.directedChange(), outcome);
    }
    assertEquals(List.of(), r.alerts());
  }

  @Test
  void anActivityRisingFromZeroRaisesNoAlert() {
    // Posts from 0 to 5 while nothing was won either month: no directed change, so by METRICS.md's
    // letter no activity rose (only an outcome from zero departs from the letter).
    DealLog log =
        DealLog.builder(ONE_STAGE)
            .deal(Deal.builder("D1", day(1, 10)).channel("social").build())
            .build();
    KpiReport r =
        Kpis.of(log)
            .activity(
                List.of(
                    new ActivitySample(LocalDate.parse("2026-01-15"), "social", "posts", 0),
                    new ActivitySample(LocalDate.parse("2026-02-15"), "social", "posts", 5)))
            .asOf(Instant.parse("2026-03-01T00:00:00Z"))
            .report();
    assertEquals(
        OptionalDouble.empty(),
        r.row("2026-02", "channel=social")
            .orElseThrow()
            .kpi("posts")
            .orElseThrow()
            .directedChange());
    assertEquals(List.of(), r.alerts());
  }

  private static Instant day(int month, int day) {
    return Instant.parse(String.format("2026-%02d-%02dT00:00:00Z", month, day));
  }

  @Test
  void quarterRatiosComeFromMergedParts() {
    KpiReport q = Fixture.query().period(Period.QUARTER).report();
    assertEquals(List.of("2026-Q1"), q.periods());
    OptionalDouble cpl = q.value("2026-Q1", "channel=ads", "cpl");
    // 3200 spend / 35 leads, not the mean of 100, 100 and 80.
    assertValue(3200.0 / 35, cpl, "quarter cpl");
    assertFalse(Math.abs(cpl.getAsDouble() - (100.0 + 100 + 80) / 3) < 1e-6);
    assertValue(3200.0 / 7, q.value("2026-Q1", "channel=ads", "cac"), "quarter cac");
    assertValue(7300.0 / 3200, q.value("2026-Q1", "channel=ads", "roas"), "quarter roas");
    assertValue(7.0 / 10, q.value("2026-Q1", "channel=ads", "win_rate"), "quarter win");
    assertValue(8.0 / 11, q.value("2026-Q1", "all", "win_rate"), "all win");
    assertValue(3200.0 / 8, q.value("2026-Q1", "all", "cac"), "all cac");
    for (String scope : q.scopes()) {
      Measures merged = Measures.empty();
      for (String month : MONTHS.periods()) {
        merged = merged.plus(MONTHS.row(month, scope).orElseThrow().measures());
      }
      assertEquals(merged, q.row("2026-Q1", scope).orElseThrow().measures(), scope);
    }
  }

  @Test
  void allIsTheMergeOfTheChannels() {
    for (String p : MONTHS.periods()) {
      Measures merged =
          MONTHS
              .row(p, "channel=ads")
              .orElseThrow()
              .measures()
              .plus(MONTHS.row(p, "channel=seo").orElseThrow().measures());
      assertEquals(merged, MONTHS.row(p, "all").orElseThrow().measures(), p);
    }
  }

  @Test
  void channelEconomicsOverTheWindow() {
    ChannelEconomics ads = MONTHS.channelEconomics().get(1);
    assertEquals("channel=ads", ads.scope());
    assertEquals(new java.math.BigDecimal("3200.00"), ads.spend().orElseThrow());
    assertEquals(35, ads.leads().getAsLong());
    assertEquals(10, ads.deals());
    assertEquals(7, ads.wonDeals());
    assertEquals(Optional.of(new java.math.BigDecimal("7300.00")), ads.revenue());
    assertEquals(0, ads.wonWithoutAmount());
    assertValue(3200.0 / 35, ads.cpl(), "cpl");
    assertValue(3200.0 / 7, ads.cac(), "cac");
    assertValue(7300.0 / 3200, ads.roas(), "roas");
    assertValue((7300.0 - 3200) / 3200, ads.romi(), "romi");
    assertEquals("all", MONTHS.channelEconomics().get(0).scope());
    assertEquals(41, MONTHS.channelEconomics().get(0).leads().getAsLong());
  }

  @Test
  void channelEconomicsWriteZeroSumsToTheMinorUnit() {
    // Oracle review: a scope with nothing won printed revenue "0" beside "5100.00", and its JSON
    // had "amount":0; a sum of no amounts now has the currency's two decimals too.
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    DealLog log =
        DealLog.builder(ONE_STAGE)
            .deal(Deal.builder("A", t).channel("ads").amount("400.00", "EUR").build())
            .deal(Deal.builder("S", t).channel("seo").build())
            .change("A", "won", t.plusSeconds(3600))
            .build();
    KpiReport r =
        Kpis.of(log)
            .spend(
                List.of(
                    new SpendSample(LocalDate.parse("2026-03-01"), "ads", Money.of("50", "EUR"))))
            .report();
    ChannelEconomics seo =
        r.channelEconomics().stream()
            .filter(e -> e.scope().equals("channel=seo"))
            .findFirst()
            .orElseThrow();
    assertEquals(Optional.of(new java.math.BigDecimal("0.00")), seo.revenue());
    ChannelEconomics ads =
        r.channelEconomics().stream()
            .filter(e -> e.scope().equals("channel=ads"))
            .findFirst()
            .orElseThrow();
    assertEquals(Optional.of(new java.math.BigDecimal("50.00")), ads.spend());
    assertEquals(Optional.of(new java.math.BigDecimal("400.00")), ads.revenue());
  }

  @Test
  void marginSalesCostLtvAndPayback() {
    KpiReport r =
        Fixture.query()
            .margin(0.5)
            .salesCost(List.of(Fixture.spend("2026-01-31", "ads", "500.00", "EUR")))
            .ltv(Money.of("3000.00", "EUR"))
            .monthlyRevenuePerCustomer(Money.of("100.00", "EUR"))
            .report();
    String p = "2026-01";
    String s = "channel=ads";
    // romi = (2000 x 0.5 - 1000) / 1000 = 0
    assertValue(0, r.value(p, s, "romi"), "romi");
    // cac = (1000 + 500) / 2 = 750; ltv:cac = 3000 / 750; payback = 750 / (100 x 0.5)
    assertValue(750, r.value(p, s, "cac"), "cac");
    assertValue(4, r.value(p, s, "ltv_cac"), "ltv_cac");
    assertValue(15, r.value(p, s, "cac_payback_months"), "payback");
    // February has no sales cost: cac = 1000 / 2.
    assertValue(500, r.value("2026-02", s, "cac"), "feb cac");
    assertEquals(Direction.LOWER_IS_BETTER, KpiCatalog.cacPaybackMonths().direction());
  }

  @Test
  void targetsAndAttainment() {
    KpiReport r =
        Fixture.query()
            .target("cac", Target.forScope("all", 400))
            .target("cac", Target.of("2026-02", "all", 450))
            .target("revenue", Target.of(2500))
            .report();
    KpiValue cacJan = r.row("2026-01", "all").orElseThrow().kpi("cac").orElseThrow();
    assertValue(400, cacJan.target(), "jan target");
    // lower is better: 400 / (1000 / 3)
    assertValue(400 / (1000.0 / 3), cacJan.attainment(), "jan attainment");
    KpiValue cacFeb = r.row("2026-02", "all").orElseThrow().kpi("cac").orElseThrow();
    assertValue(450, cacFeb.target(), "most specific target wins");
    assertValue(450.0 / 500, cacFeb.attainment(), "feb attainment");
    KpiValue revAds = r.row("2026-02", "channel=ads").orElseThrow().kpi("revenue").orElseThrow();
    assertValue(2000.0 / 2500, revAds.attainment(), "higher is better");
    assertTrue(
        r.row("2026-02", "channel=ads").orElseThrow().kpi("cac").orElseThrow().target().isEmpty());
  }

  @Test
  void userDefinedCostPerQualifiedLead() {
    KpiDefinition cpql =
        KpiDefinition.builder("cpql")
            .name("Cost per qualified lead")
            .outcome()
            .costPer(Measure.reached("qualified"))
            .build();
    KpiReport r = Fixture.query().kpi(cpql).report();
    // Feb ads: A4 and A5 reached qualified (A6 was lost from new): 1000 / 2.
    assertValue(500, r.value("2026-02", "channel=ads", "cpql"), "cpql");
    assertEquals("cpql", r.definitions().get(r.definitions().size() - 1).id());
  }

  @Test
  void kpiIdsAreUniqueSoAMetricNamedCostPerAStageNotInThePipelineStaysAnActivity() {
    // "demo" is no stage of b2b, so cost_per_demo is no built-in id: an activity sum, 7 in Jan,
    // next to the real stage KPI cost_per_new = Jan ads spend 1000 / 3 deals reaching new
    List<ActivitySample> activity =
        List.of(Fixture.activity("2026-01-02", "ads", "cost_per_demo", 7));
    KpiReport r =
        Kpis.of(Fixture.log())
            .leads(Fixture.leads())
            .spend(Fixture.spend())
            .activity(activity)
            .asOf(Fixture.AS_OF)
            .report();
    List<String> ids = r.definitions().stream().map(KpiDefinition::id).toList();
    assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), ids.toString());
    assertEquals(Kind.ACTIVITY, r.definitions().get(ids.indexOf("cost_per_demo")).kind());
    assertValue(7, r.value("2026-01", "channel=ads", "cost_per_demo"), "cost_per_demo");
    assertValue(1000.0 / 3, r.value("2026-01", "channel=ads", "cost_per_new"), "cost_per_new");
  }

  @Test
  void mixedCurrenciesNameBoth() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Kpis.of(Fixture.log())
                    .spend(List.of(Fixture.spend("2026-01-02", "ads", "600.00", "USD")))
                    .report());
    assertEquals(
        "spend on 2026-01-02 for ads is in USD but deals are in EUR: one report never mixes"
            + " currencies without a conversion table",
        e.getMessage());
  }

  @Test
  void weeksInAZone() {
    KpiReport w = Fixture.query().period(Period.WEEK).zone(ZoneId.of("Europe/Berlin")).report();
    assertEquals("2026-W01", w.periods().get(0));
    assertEquals("2026-W14", w.periods().get(w.periods().size() - 1));
    assertEquals(LocalDate.of(2025, 12, 29), w.rows().get(0).start());
    // Contiguous weeks: empty weeks are reported too.
    assertEquals(14, w.periods().size());
    double leads = 0;
    for (String p : w.periods()) {
      leads += w.value(p, "all", "leads").orElseThrow();
    }
    assertEquals(41, leads);
  }

  @Test
  void recordsAfterAsOfAreNotSeen() {
    KpiReport r =
        Kpis.of(Fixture.log())
            .leads(Fixture.leads())
            .spend(Fixture.spend())
            .asOf(Instant.parse("2026-02-20T12:00:00Z"))
            .report();
    assertEquals(List.of("2026-01", "2026-02"), r.periods());
    // A4 won on 02-20 10:00 is seen; A5 (02-21) and A6's loss (02-25) are not.
    assertValue(1, r.value("2026-02", "channel=ads", "won_deals"), "won by as-of");
    // Only A4 closed in February by as-of: win rate 1 / 1.
    assertValue(1, r.value("2026-02", "channel=ads", "win_rate"), "win rate by as-of");
    // February leads L11-L20, N3, N4 all precede as-of; March is not reported.
    assertValue(12, r.value("2026-02", "all", "leads"), "leads by as-of");
  }

  @Test
  void withoutLeadsGivenTheLeadKpisAreAbsentNotZero() {
    KpiReport r = Kpis.of(Fixture.log()).spend(Fixture.spend()).report();
    for (String kpi : List.of("leads", "cpl", "lead_to_deal")) {
      assertTrue(r.value("2026-02", "all", kpi).isEmpty(), kpi);
    }
    assertTrue(r.channelEconomics().get(0).leads().isEmpty());
    assertTrue(r.channelEconomics().get(0).cpl().isEmpty());
    // what the deals carry is still there
    assertTrue(r.value("2026-02", "all", "won_deals").isPresent());
    // with leads given, a period without any is a real 0
    KpiReport given = Kpis.of(Fixture.log()).leads(List.of()).spend(Fixture.spend()).report();
    assertValue(0, given.value("2026-02", "all", "leads"), "leads given, none created");
  }

  @Test
  void wonDealsWithoutAnAmountAreCountedApartNeverAsZeroRevenue() {
    // January, ads: W1 won with 100.00, W2 won without amount; spend 200.00.
    // February: W3 (ads) and W4 (seo) won, neither with an amount; ads spend 100.00.
    dev.funnel.log.DealLogBuilder b = DealLog.builder(Fixture.pipeline());
    Fixture.deal(b, "W1", "2026-01-05", "ads", null, "100.00", "won", "2026-01-10");
    Fixture.deal(b, "W2", "2026-01-06", "ads", null, null, "won", "2026-01-12");
    Fixture.deal(b, "W3", "2026-02-02", "ads", null, null, "won", "2026-02-05");
    Fixture.deal(b, "W4", "2026-02-03", "seo", null, null, "won", "2026-02-06");
    KpiReport r =
        Kpis.of(b.build())
            .spend(
                List.of(
                    Fixture.spend("2026-01-01", "ads", "200.00", "EUR"),
                    Fixture.spend("2026-02-01", "ads", "100.00", "EUR")))
            .asOf(Fixture.t("2026-03-15"))
            .report();
    // January: revenue of the priced deal only; roas 100/200, romi (100 - 200)/200.
    assertValue(2, r.value("2026-01", "channel=ads", "won_deals"), "2026-01 channel=ads won_deals");
    assertValue(100, r.value("2026-01", "channel=ads", "revenue"), "2026-01 channel=ads revenue");
    assertValue(0.5, r.value("2026-01", "channel=ads", "roas"), "2026-01 channel=ads roas");
    assertValue(-0.5, r.value("2026-01", "channel=ads", "romi"), "2026-01 channel=ads romi");
    Scorecard jan = r.scorecard("2026-01", "channel=ads");
    assertEquals(1, jan.wonWithoutAmount());
    assertTrue(
        jan.toString()
            .contains(
                "(1 won deal without an amount: revenue, roas and romi count only won deals with"
                    + " one)"),
        jan.toString());
    // February: every won deal lacks an amount: revenue unknown, not 0; so are roas and romi.
    for (String kpi : List.of("revenue", "roas", "romi")) {
      assertTrue(r.value("2026-02", "channel=ads", kpi).isEmpty(), kpi);
      assertTrue(r.value("2026-02", "all", kpi).isEmpty(), kpi);
    }
    assertValue(1, r.value("2026-02", "channel=ads", "won_deals"), "2026-02 channel=ads won_deals");
    // Over the window: ads 3 won, 2 without amount, revenue 100.00, roas 100/300.
    ChannelEconomics ads =
        r.channelEconomics().stream()
            .filter(c -> c.scope().equals("channel=ads"))
            .findFirst()
            .orElseThrow();
    assertEquals(3, ads.wonDeals());
    assertEquals(2, ads.wonWithoutAmount());
    assertEquals(Optional.of(new java.math.BigDecimal("100.00")), ads.revenue());
    assertEquals(100 / 300.0, ads.roas().getAsDouble(), 1e-12);
    ChannelEconomics seo =
        r.channelEconomics().stream()
            .filter(c -> c.scope().equals("channel=seo"))
            .findFirst()
            .orElseThrow();
    assertEquals(Optional.empty(), seo.revenue());
    assertTrue(
        ChannelEconomics.table(r.channelEconomics(), "EUR").contains("won w/o amount"),
        ChannelEconomics.table(r.channelEconomics(), "EUR"));
    // The driver tree into February has no revenue to decompose.
    assertTrue(r.driverTree().isEmpty());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> r.driverTree("2026-01", "2026-02", "all"));
    assertEquals(
        "revenue of all in 2026-02 is unknown: its 2 won deals have no amount", e.getMessage());
  }

  @Test
  void aLeadListedTwiceIsRefusedAndNullRecordsAreNamed() {
    // Review (third round): the lead counted twice in leads, CPL and lead_to_deal.
    dev.funnel.model.Lead l = dev.funnel.model.Lead.of("L0", Fixture.t("2026-01-02"), "ads");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Kpis.of(Fixture.log()).leads(List.of(l, l)));
    assertEquals("lead \"L0\" appears twice in the leads: each lead arrives once", e.getMessage());
    java.util.List<dev.funnel.model.SpendSample> spend = new java.util.ArrayList<>(Fixture.spend());
    spend.add(null);
    assertEquals(
        "spend[4]",
        assertThrows(NullPointerException.class, () -> Kpis.of(Fixture.log()).spend(spend))
            .getMessage());
  }

  @Test
  void defaultAsOfIsTheLatestEventInTheData() {
    KpiReport r = Kpis.of(Fixture.log()).leads(Fixture.leads()).spend(Fixture.spend()).report();
    assertEquals(Fixture.t("2026-03-20"), r.asOf());
  }

  @Test
  void scorecardPutsOutcomesFirst() {
    Scorecard card = MONTHS.scorecard("2026-02", "channel=ads");
    assertTrue(card.outcome().stream().allMatch(v -> v.kind() == Kind.OUTCOME));
    assertTrue(card.activity().stream().allMatch(v -> v.kind() == Kind.ACTIVITY));
    assertEquals(12, card.outcome().size()); // leads, cpl and lead_to_deal are outcomes
    String text = card.toString();
    assertTrue(text.indexOf("won_deals") < text.indexOf("impressions"), text);
    assertTrue(text.contains("+100.0%"), text);
    assertTrue(text.contains("500.00 EUR"), text);
    assertTrue(MONTHS.toString().contains("ACTIVITY_WITHOUT_OUTCOME 2026-02 channel=seo"));
  }

  @Test
  void emptyInputsGiveAnEmptyReport() {
    KpiReport r = Kpis.of(DealLog.builder(Fixture.pipeline()).build()).asOf(Fixture.AS_OF).report();
    assertTrue(r.rows().isEmpty());
    assertTrue(r.alerts().isEmpty());
    assertTrue(r.driverTree().isEmpty());
    assertTrue(r.toString().contains("(no data)"));
  }
}
