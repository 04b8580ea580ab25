package dev.funnel.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;

final class BudgetScenarioPropertyTest {
  private static Arbitrary<int[]> months(int min, int max) {
    return Arbitraries.integers().between(min, max).array(int[].class).ofSize(6);
  }

  @Provide
  Arbitrary<int[]> r1_50() {
    return months(1, 50);
  }

  @Provide
  Arbitrary<int[]> r0_40() {
    return months(0, 40);
  }

  @Provide
  Arbitrary<int[]> r1_30() {
    return months(1, 30);
  }

  @Provide
  Arbitrary<int[]> r1_9() {
    return months(1, 9);
  }

  /** Six months of "ads" spend and leads, one owner with the given deals and wins per month. */
  private static BudgetScenario scenario(
      int[] spendHundreds, int[] leadShare, int[] created, int[] wonShare, double change) {
    long[] spend = new long[6];
    int[] leads = new int[6];
    int[] won = new int[6];
    for (int m = 0; m < 6; m++) {
      spend[m] = spendHundreds[m] * 100L;
      leads[m] = created[m] + leadShare[m];
      won[m] = Math.max(1, created[m] * wonShare[m] / 10);
    }
    BudgetPlanted p = new BudgetPlanted().channel("ads", spend, leads).owner("ann", created, won);
    return p.forecast().budget(change, p.spend, p.leads);
  }

  @Property(tries = 60)
  void theModelsLawsHold(
      @ForAll("r1_50") int[] spendHundreds,
      @ForAll("r0_40") int[] extraLeads,
      @ForAll("r1_30") int[] created,
      @ForAll("r1_9") int[] wonTenths,
      @ForAll @DoubleRange(min = -0.9, max = 3) double change) {
    BudgetScenario s = scenario(spendHundreds, extraLeads, created, wonTenths, change);
    BudgetScenario.Channel ads = s.channels().get(0);
    Statistics.collect(ads.fitted() ? "fitted" : "not fitted", s.capacity().slack() > 0);
    assertTrue(ads.b() >= 0 && ads.b() <= 1, "b in [0, 1]: " + ads.b());
    assertTrue(s.workedExtraDeals() <= s.capacity().slack() + 1e-9, "capacity caps the deals");
    // a rise adds deals, a cut loses them: at most the deals the team works in the baseline
    if (change >= 0) {
      assertTrue(s.workedExtraDeals() >= 0);
    } else {
      assertTrue(s.extraDeals() <= 0 && s.workedExtraDeals() <= 0);
      assertTrue(s.workedExtraDeals() >= -s.capacity().baselineDeals() - 1e-9);
      assertTrue(s.load().newLoad() >= -1e-12);
      if (s.load().slope() == 0) {
        assertTrue(
            s.scenarioRevenue().amount().compareTo(s.baselineRevenue().amount()) <= 0,
            "without a load line a cut never adds revenue");
      }
    }
    assertTrue(s.load().slope() <= 0, "conversion never rises with load");
    assertTrue(s.winRateAtNewLoad() >= 0 && s.winRateAtNewLoad() <= 1);
    // leads move along the curve: never more than in proportion to the budget
    if (change >= 0) {
      assertTrue(ads.scenarioLeads() <= ads.baselineLeads() * (1 + change) + 1e-9);
    } else {
      assertTrue(ads.scenarioLeads() <= ads.baselineLeads() + 1e-9);
    }
  }

  @Property(tries = 30)
  void noChangeKeepsTheBaseline(
      @ForAll("r1_50") int[] spendHundreds,
      @ForAll("r0_40") int[] extraLeads,
      @ForAll("r1_30") int[] created,
      @ForAll("r1_9") int[] wonTenths) {
    BudgetScenario s = scenario(spendHundreds, extraLeads, created, wonTenths, 0);
    assertEquals(s.baselineRevenue(), s.scenarioRevenue());
    assertEquals(s.baselineRevenue(), s.naiveRevenue());
    assertEquals(0, s.extraLeads(), 1e-9);
  }
}
