package dev.funnel.forecast;

import static dev.funnel.forecast.BudgetPlanted.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.SpendSample;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class BudgetScenarioTest {
  /** Spends whose square roots are whole: leads = 10 * spend^0.5 exactly, month m uses m % 4. */
  static final long[] SQUARES = {400, 900, 1600, 2500};

  static final int[] ROOTS_X10 = {200, 300, 400, 500};

  static long[] adsSpend() {
    long[] s = new long[12];
    for (int m = 0; m < 12; m++) {
      s[m] = SQUARES[m % 4];
    }
    return s;
  }

  static int[] adsLeads() {
    int[] l = new int[12];
    for (int m = 0; m < 12; m++) {
      l[m] = ROOTS_X10[m % 4];
    }
    return l;
  }

  /** Baseline = months 9, 10, 11 = pattern 1, 2, 3: leads 300, 400, 500. */
  static final double ADS_BASELINE_LEADS = (300 + 400 + 500) / 3.0;

  static final double ADS_LEADS_TOTAL = 3 * (200 + 300 + 400 + 500);

  static BudgetPlanted ads() {
    return new BudgetPlanted().channel("ads", adsSpend(), adsLeads());
  }

  static double eur(Money m) {
    assertEquals("EUR", m.currency().getCurrencyCode());
    return m.amount().doubleValue();
  }

  @Test
  void responseCurveRecoversAPlantedSquareRoot() {
    BudgetScenario s = run(ads().owner("ann", repeat(10, 12), repeat(5, 12)), 0.20);
    BudgetScenario.Channel ads = s.channels().get(0);
    assertEquals("ads", ads.channel());
    assertEquals(12, ads.months());
    assertTrue(ads.fitted());
    assertFalse(ads.clamped());
    assertEquals(0.5, ads.b(), 1e-9);
    assertEquals(10, ads.a().getAsDouble(), 1e-6);
    assertEquals(ADS_BASELINE_LEADS, ads.baselineLeads(), 1e-9);
    assertEquals(ADS_BASELINE_LEADS * Math.sqrt(1.2), ads.scenarioLeads(), 1e-9);
    // (900 + 1600 + 2500) / 3 = 1666.666... EUR, rounded to the cent
    assertEquals(new BigDecimal("1666.67"), ads.baselineSpend().amount());
    assertEquals(YearMonth.of(2025, 1), s.firstMonth());
    assertEquals(YearMonth.of(2025, 12), s.lastMonth());
    assertEquals(
        List.of(YearMonth.of(2025, 10), YearMonth.of(2025, 11), YearMonth.of(2025, 12)),
        s.baselineMonths());
    assertEquals(333.33, eur(s.extraSpend()), 0.006);
  }

  private static BudgetScenario run(BudgetPlanted p, double change) {
    return p.forecast().budget(change, p.spend, p.leads);
  }

  @Test
  void aTeamAtCapacityGainsNothingWhileTheNaiveLineSaysPlus20() {
    BudgetPlanted p =
        ads()
            .owner("ann", repeat(10, 12), repeat(5, 12))
            .owner("bob", repeat(10, 12), repeat(5, 12));
    BudgetScenario s = run(p, 0.20);
    // every owner works 10 deals every month: P90 = median = 10, capacity 20 = baseline 20
    assertEquals(20, s.capacity().dealsPerMonth(), 1e-9);
    assertEquals(20, s.capacity().baselineDeals(), 1e-9);
    assertEquals(0, s.capacity().slack(), 1e-9);
    assertTrue(s.extraDeals() > 0);
    assertEquals(0, s.workedExtraDeals(), 1e-9);
    // 20 deals x 50% x 1000.00 EUR
    assertEquals(10_000.00, eur(s.baselineRevenue()), 1e-9);
    assertEquals(12_000.00, eur(s.naiveRevenue()), 1e-9);
    assertEquals(10_000.00, eur(s.scenarioRevenue()), 1e-9);
    assertEquals(0, s.revenueChange().getAsDouble(), 1e-12);
    assertFalse(s.load().fitted(), "all loads are 1.0: no line to fit");
  }

  @Test
  void aTeamWithSlackConvertsExtraLeadsAtTheObservedRates() {
    int[] created = new int[12];
    int[] won = new int[12];
    for (int m = 0; m < 12; m++) {
      created[m] = m < 9 ? 20 : 10;
      won[m] = created[m] / 2;
    }
    BudgetPlanted p = ads().owner("ann", created, won).owner("bob", created, won);
    BudgetScenario s = run(p, 0.20);
    // counts sorted 10,10,10,20 x 9: P90 (rank 9.9) = 20, median (rank 5.5) = 20
    assertEquals(40, s.capacity().dealsPerMonth(), 1e-9);
    assertEquals(20, s.capacity().baselineDeals(), 1e-9);
    assertEquals(20, s.capacity().slack(), 1e-9);
    // 2 x (9 x 20 + 3 x 10) = 420 deals, each from its own lead, of 4200 leads
    assertEquals(420, s.leadToDeal().successes());
    assertEquals(4200, s.leadToDeal().trials());
    double extraLeads = ADS_BASELINE_LEADS * (Math.sqrt(1.2) - 1);
    assertEquals(extraLeads, s.extraLeads(), 1e-9);
    assertEquals(extraLeads * 0.1, s.workedExtraDeals(), 1e-9);
    assertEquals(0.5, s.winRateAtNewLoad(), 1e-12);
    assertEquals(0, s.load().slope(), 1e-12);
    assertTrue(s.load().fitted());
    assertEquals(10_000.00, eur(s.baselineRevenue()), 1e-9);
    assertEquals(10_000.00 + extraLeads * 0.1 * 0.5 * 1000, eur(s.scenarioRevenue()), 0.006);
    assertEquals(12_000.00, eur(s.naiveRevenue()), 1e-9);
  }

  @Test
  void winRateFallsWithLoadAsPlanted() {
    // month m % 3: 20, 40, 60 deals (load 0.5, 1.0, 1.5 of the median 40), won 65%, 50%, 35%
    int[] created = new int[12];
    int[] won = new int[12];
    int[] c = {20, 40, 60};
    int[] w = {13, 20, 21};
    for (int m = 0; m < 12; m++) {
      created[m] = c[m % 3];
      won[m] = w[m % 3];
    }
    BudgetScenario s = run(ads().owner("ann", created, won), 0.20);
    BudgetScenario.Load load = s.load();
    assertTrue(load.fitted());
    assertFalse(load.clamped());
    assertEquals(12, load.points());
    assertEquals(-0.3, load.slope(), 1e-9);
    assertEquals(52, load.lighter().successes());
    assertEquals(80, load.lighter().trials());
    assertEquals(80, load.usual().successes());
    assertEquals(160, load.usual().trials());
    assertEquals(84, load.heavier().successes());
    assertEquals(240, load.heavier().trials());
    // capacity P90 = 60, baseline (20 + 40 + 60) / 3 = 40: slack 20
    assertEquals(20, s.capacity().slack(), 1e-9);
    double l2d = 480 / ADS_LEADS_TOTAL;
    double worked = ADS_BASELINE_LEADS * (Math.sqrt(1.2) - 1) * l2d;
    assertEquals(worked, s.workedExtraDeals(), 1e-9);
    assertEquals(1.0, load.baselineLoad(), 1e-12);
    assertEquals((40 + worked) / 40, load.newLoad(), 1e-12);
    double w0 = 216 / 480.0;
    double w1 = w0 - 0.3 * worked / 40;
    assertEquals(w1, s.winRateAtNewLoad(), 1e-9);
    // the extra deals win at w1, and the 40 deals already worked drop from w0 to w1
    double expected = 40 * w0 * 1000 + worked * w1 * 1000 + 40 * (w1 - w0) * 1000;
    assertEquals(expected, eur(s.scenarioRevenue()), 0.006);
    assertTrue(s.revenueChange().getAsDouble() < 0.20);
  }

  @Test
  void aShortChannelUsesProportionalLeadsAndASteepOneIsClamped() {
    long[] eventsSpend = new long[12];
    int[] eventsLeads = new int[12];
    eventsSpend[10] = 500;
    eventsSpend[11] = 700;
    eventsLeads[10] = 40;
    eventsLeads[11] = 50;
    long[] seoSpend = new long[12];
    int[] seoLeads = new int[12];
    long[] s = {100, 400, 900};
    int[] l = {10, 80, 270}; // spend^1.5 / 100
    for (int m = 0; m < 12; m++) {
      seoSpend[m] = s[m % 3];
      seoLeads[m] = l[m % 3];
    }
    BudgetPlanted p =
        ads()
            .channel("events", eventsSpend, eventsLeads)
            .channel("organic", new long[12], repeat(6, 12))
            .channel("seo", seoSpend, seoLeads)
            .owner("ann", repeat(10, 12), repeat(5, 12));
    BudgetScenario r = run(p, 0.20);
    assertEquals(List.of("ads", "events", "organic", "seo"), names(r));
    BudgetScenario.Channel events = r.channels().get(1);
    assertFalse(events.fitted());
    assertEquals(2, events.months());
    assertEquals(1.0, events.b());
    assertTrue(events.a().isEmpty());
    assertEquals(90 / 3.0, events.baselineLeads(), 1e-9);
    assertEquals(90 / 3.0 * 1.2, events.scenarioLeads(), 1e-9);
    BudgetScenario.Channel organic = r.channels().get(2);
    assertEquals(6, organic.baselineLeads(), 1e-12);
    assertEquals(6, organic.scenarioLeads(), 1e-12, "no spend: the budget does not reach it");
    BudgetScenario.Channel seo = r.channels().get(3);
    assertTrue(seo.fitted());
    assertTrue(seo.clamped());
    assertEquals(1.0, seo.b());
    // least squares of ln L = ln a + ln S: ln a = mean(ln(L / S)) = ln of the geometric mean
    assertEquals(Math.cbrt(0.1 * 0.2 * 0.3), seo.a().getAsDouble(), 1e-9);
    assertEquals(120 * 1.2, seo.scenarioLeads(), 1e-9);
    String table = r.toString();
    assertTrue(table.contains("(not fitted: b = 1)"), table);
    assertTrue(table.contains("(b clamped to [0, 1])"), table);
    assertTrue(table.contains("naive: revenue ~ budget"), table);
  }

  @Test
  void aCutLosesLeadsAlongTheCurveAndTheRevenueOfTheirDeals() {
    BudgetScenario s = run(ads().owner("ann", repeat(10, 12), repeat(5, 12)), -0.36);
    // leads 400 x 0.64^0.5 = 320: 80 fewer; lead-to-deal 120 / 4200 = 1/35: 80/35 deals fewer
    assertEquals(ADS_BASELINE_LEADS * 0.8, s.channels().get(0).scenarioLeads(), 1e-9);
    assertEquals(-80, s.extraLeads(), 1e-9);
    assertEquals(-80 / 35.0, s.extraDeals(), 1e-9);
    assertEquals(-80 / 35.0, s.workedExtraDeals(), 1e-9);
    // all loads 1.0: no line, the win rate stays 50%; 10 x 50% x 1000 = 5000 EUR, then
    // 5000 - 80/35 x 50% x 1000 = 3857.14 EUR
    assertEquals(0.5, s.winRateAtNewLoad(), 1e-12);
    assertEquals(5_000.00, eur(s.baselineRevenue()), 1e-9);
    assertEquals(3_857.14, eur(s.scenarioRevenue()), 1e-9);
    assertEquals(3_200.00, eur(s.naiveRevenue()), 1e-9);
  }

  @Test
  void halvingAFlatBudgetHalvesTheRevenueOfTheDealsItLoses() {
    // three months of 1000 EUR, 10 leads, 5 deals (2 won) each: equal spend, so no curve, b = 1
    BudgetPlanted p =
        new BudgetPlanted()
            .channel("ads", new long[] {1000, 1000, 1000}, repeat(10, 3))
            .owner("ann", repeat(5, 3), repeat(2, 3));
    BudgetScenario s = run(p, -0.5);
    // leads 10 x 0.5^1 = 5: 5 fewer; lead-to-deal 15/30 = 0.5: 2.5 deals fewer
    assertFalse(s.channels().get(0).fitted());
    assertEquals(-5, s.extraLeads(), 1e-9);
    assertEquals(-2.5, s.extraDeals(), 1e-9);
    // capacity P90(5, 5, 5) = 5, baseline 5: slack 0 caps no cut, worked -2.5
    assertEquals(0, s.capacity().slack(), 1e-9);
    assertEquals(-2.5, s.workedExtraDeals(), 1e-9);
    // win rate 6/15 = 0.4 at every load: baseline 5 x 0.4 x 1000 = 2000,
    // scenario 2000 - 2.5 x 0.4 x 1000 + 5 x (0.4 - 0.4) x 1000 = 1000 (-50%)
    assertEquals(0.4, s.winRateAtNewLoad(), 1e-12);
    assertEquals(Money.of("2000.00", "EUR"), s.baselineRevenue());
    assertEquals(Money.of("1000.00", "EUR"), s.scenarioRevenue());
    assertEquals(-0.5, s.revenueChange().getAsDouble(), 1e-12);
  }

  @Test
  void aCutLosesAtMostTheDealsTheTeamWorks() {
    // 10 leads a month at flat spend; ann works 10 of them a month (5 won), then 1 (none won)
    int[] created = new int[12];
    int[] won = new int[12];
    for (int m = 0; m < 12; m++) {
      created[m] = m < 9 ? 10 : 1;
      won[m] = m < 9 ? 5 : 0;
    }
    long[] spend = new long[12];
    java.util.Arrays.fill(spend, 1000);
    BudgetScenario s =
        run(
            new BudgetPlanted().channel("ads", spend, repeat(10, 12)).owner("ann", created, won),
            -0.9);
    // leads 10 -> 1: 9 fewer; lead-to-deal 93/120: 6.975 deals fewer, but ann works only 1 a month
    assertEquals(-9, s.extraLeads(), 1e-9);
    assertEquals(-9 * 93 / 120.0, s.extraDeals(), 1e-9);
    assertEquals(1, s.capacity().baselineDeals(), 1e-12);
    assertEquals(-1, s.workedExtraDeals(), 1e-12);
    assertEquals(0, s.load().newLoad(), 1e-12);
    // load 1.0 wins 50%, load 0.1 wins 0%: a rise, held at 0; w0 = 45/93
    assertEquals(0, s.load().slope(), 1e-12);
    // baseline 1 x 45/93 x 1000 = 483.87; scenario 483.87 - 1 x 45/93 x 1000 = 0, never below
    assertEquals(483.87, eur(s.baselineRevenue()), 1e-9);
    assertEquals(0, eur(s.scenarioRevenue()), 1e-9);
  }

  @Test
  void aCutLightensTheLoadAndTheRemainingDealsWinMoreOften() {
    // the planted load line of winRateFallsWithLoadAsPlanted: slope -0.3, w0 = 216/480 = 0.45
    int[] created = new int[12];
    int[] won = new int[12];
    int[] c = {20, 40, 60};
    int[] w = {13, 20, 21};
    for (int m = 0; m < 12; m++) {
      created[m] = c[m % 3];
      won[m] = w[m % 3];
    }
    BudgetScenario s = run(ads().owner("ann", created, won), -0.36);
    // leads 400 -> 320: 80 fewer; lead-to-deal 480/4200: 80 x 480/4200 = 9.142857 deals fewer
    double lost = 80 * 480 / ADS_LEADS_TOTAL;
    assertEquals(-lost, s.workedExtraDeals(), 1e-9);
    assertEquals((40 - lost) / 40, s.load().newLoad(), 1e-12);
    // w1 = 0.45 - 0.3 x (-9.142857 / 40) = 0.518571
    double w1 = 0.45 + 0.3 * lost / 40;
    assertEquals(w1, s.winRateAtNewLoad(), 1e-9);
    // 18000 - 9.142857 x 0.518571 x 1000 + 40 x (0.518571 - 0.45) x 1000 = 16001.63:
    // less than the 18000 - 9.142857 x 0.45 x 1000 = 13885.71 of the lost deals alone
    assertEquals(18_000.00, eur(s.baselineRevenue()), 1e-9);
    assertEquals(
        18_000 - lost * w1 * 1000 + 40 * (w1 - 0.45) * 1000, eur(s.scenarioRevenue()), 0.006);
    assertEquals(16_001.63, eur(s.scenarioRevenue()), 1e-9);
  }

  private static List<String> names(BudgetScenario s) {
    List<String> out = new ArrayList<>();
    s.channels().forEach(c -> out.add(c.channel()));
    return out;
  }

  static Stream<Arguments> badInput() {
    Function<BudgetPlanted, List<SpendSample>> spend = p -> p.spend;
    Function<BudgetPlanted, List<SpendSample>> none = p -> List.of();
    Function<BudgetPlanted, List<SpendSample>> mixed =
        p -> {
          List<SpendSample> s = new ArrayList<>(p.spend);
          s.add(new SpendSample(LocalDate.of(2025, 3, 5), "tv", Money.of("10.00", "USD")));
          return s;
        };
    Function<BudgetPlanted, List<SpendSample>> dollars =
        p -> List.of(new SpendSample(LocalDate.of(2025, 3, 5), "tv", Money.of("10.00", "USD")));
    Function<BudgetPlanted, List<SpendSample>> late =
        p -> List.of(new SpendSample(LocalDate.of(2026, 1, 1), "ads", Money.of("10.00", "EUR")));
    return Stream.of(
        Arguments.of(-1.0, spend, true, "budget change -100.0% is not above -100%"),
        Arguments.of(-2.5, spend, true, "budget change -250.0% is not above -100%"),
        Arguments.of(Double.NaN, spend, true, "budget change NaN is not a finite number"),
        Arguments.of(0.2, none, true, "no spend history: the budget scenario fits leads"),
        Arguments.of(
            0.2,
            mixed,
            true,
            "spend mixes currencies EUR and USD (tv on 2025-03-05): one report never mixes"),
        Arguments.of(0.2, dollars, true, "spend is in USD but deal amounts are in EUR"),
        Arguments.of(
            0.2,
            late,
            true,
            "no spend history: no spend above zero in the complete months 2025-01..2025-12"),
        Arguments.of(0.2, spend, false, "no leads in the complete months 2025-01..2025-12"));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void badInputIsRefusedWithAPreciseMessage(
      double change,
      Function<BudgetPlanted, List<SpendSample>> spend,
      boolean withLeads,
      String message) {
    BudgetPlanted p = ads().owner("ann", repeat(10, 12), repeat(5, 12));
    Forecast f = p.forecast();
    List<Lead> leads = withLeads ? p.leads : List.of();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> f.budget(change, spend.apply(p), leads));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }
}
