package dev.funnel.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lead-flow model of new-deal revenue on a planted history: on each of days 0..119 after T0 ten
 * leads arrive (at hours 1..10); the first two of each day become a deal one minute after the lead,
 * worth 100.00 EUR, won exactly 10 days after the lead. As-of is T0 + 120 days, so the lookback (T0
 * + 30d, T0 + 120d] holds days 30..119: 900 leads, 10 a day, 180 converted (20%); every deal that
 * finished went new -> won (first-stage win probability 1); every delay is 10 days.
 */
final class LeadFlowTest {
  static final Pipeline PIPELINE =
      Pipeline.builder("p").open("new").won("won").lost("lost").build();
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant AS_OF = T0.plus(Duration.ofDays(120));
  static final long DAY = 86_400;

  static DealLog log() {
    DealLogBuilder b = DealLog.builder(PIPELINE);
    for (int d = 0; d < 120; d++) {
      for (int k = 0; k < 2; k++) {
        Instant lead = leadAt(d, k);
        b.deal(
            Deal.builder("D" + d + "-" + k, lead.plusSeconds(60))
                .amount("100.00", "EUR")
                .leadId("L" + d + "-" + k)
                .build());
        b.change("D" + d + "-" + k, "won", lead.plusSeconds(10 * DAY));
      }
    }
    return b.build();
  }

  static Instant leadAt(int day, int k) {
    return T0.plusSeconds(day * DAY + (k + 1) * 3600L);
  }

  static List<Lead> leads(long shiftDays) {
    List<Lead> out = new ArrayList<>();
    for (int d = 0; d < 120; d++) {
      for (int k = 0; k < 10; k++) {
        out.add(Lead.of("L" + d + "-" + k, leadAt(d, k).plusSeconds(shiftDays * DAY), "ads"));
      }
    }
    return out;
  }

  static NewDeals newDeals(Duration horizon, List<Lead> leads) {
    return Forecast.of(log())
        .asOf(AS_OF)
        .horizon(horizon)
        .simulations(10)
        .leads(leads)
        .report()
        .newDeals()
        .orElseThrow();
  }

  @Test
  void tenLeadsADayTwentyPercentWonTenDaysLaterOverThirtyDays() {
    NewDeals n = newDeals(Duration.ofDays(30), leads(0));
    assertEquals(NewDeals.Model.LEAD_FLOW, n.model());
    NewDeals.LeadFlow f = n.leadFlow().orElseThrow();
    assertEquals(900, f.leads());
    assertEquals(10.0, f.leadsPerDay(), 1e-12);
    assertEquals(300.0, f.expectedLeads(), 1e-9);
    assertEquals(180, f.conversion().successes());
    assertEquals(900, f.conversion().trials());
    assertEquals(1.0, f.winProbability(), 1e-12);
    // Deals won by as-of: leads of days 0..109 (day 110's win falls at 120d + 1h), 2 a day.
    assertEquals(220, f.wonFromLeads());
    assertEquals(60.0 / DAY, f.meanLeadToDealDays().getAsDouble(), 1e-12);
    assertEquals(10.0 - 60.0 / DAY, f.meanDealToWonDays().getAsDouble(), 1e-12);
    assertEquals(Money.of("100.00", "EUR"), f.meanWonAmount());
    // Leads of arrival days a = 0..19 are won before day 30 (10 < 30 - a): 20 of 30 days.
    assertEquals(20.0 / 30, f.wonWithinHorizon(), 1e-12);
    // 10 leads/day x 20 days x 0.2 x 1 x 100.00
    assertEquals(Money.of("4000.00", "EUR"), f.expectedRevenue());
    assertEquals(f.expectedRevenue(), n.expectedRevenue());
    assertEquals(List.of(), f.notes());
  }

  /** As-of sees leads in whole seconds, as the deal log sees deals: 900 + the same-second one. */
  @Test
  void leadsAreSeenInWholeSeconds() {
    List<Lead> leads = new ArrayList<>(leads(0));
    leads.add(Lead.of("same-second", AS_OF.plusMillis(500), "ads"));
    leads.add(Lead.of("next-second", AS_OF.plusSeconds(1), "ads"));
    assertEquals(901, newDeals(Duration.ofDays(30), leads).leadFlow().orElseThrow().leads());
  }

  @Test
  void theDealRateModelAgreesOnThePlantedHistory() {
    NewDeals n = newDeals(Duration.ofDays(30), leads(0));
    // 180 deals created in the lookback: 2 a day; every deal is won 10 days minus a minute after
    // its creation, so the integral of F over 30 days is 20 days + 60 s:
    // 2 x 100.00 x (20 + 60/86400) = 4000.1388.. EUR.
    assertEquals(180, n.deals());
    assertEquals(2.0, n.dealsPerDay(), 1e-12);
    assertEquals(Money.of("4000.14", "EUR"), n.dealRateRevenue());
  }

  @Test
  void withoutLeadsTheDealRateModelIsUsed() {
    NewDeals n =
        Forecast.of(log())
            .asOf(AS_OF)
            .horizon(Duration.ofDays(30))
            .simulations(10)
            .report()
            .newDeals()
            .orElseThrow();
    assertEquals(NewDeals.Model.DEAL_RATE, n.model());
    assertTrue(n.leadFlow().isEmpty());
    assertEquals(Money.of("4000.14", "EUR"), n.expectedRevenue());
    assertTrue(n.toString().contains("new deals (model deal rate)"), n.toString());
  }

  static Stream<Arguments> horizons() {
    return Stream.of(
        // No arrival day leaves more than 10 days: a delay of exactly H - a is too late.
        Arguments.of(Duration.ofDays(10), "0.00", 0.0),
        Arguments.of(Duration.ofDays(5), "0.00", 0.0),
        // Only day 0: 10 x 0.2 x 100.00.
        Arguments.of(Duration.ofDays(11), "200.00", 1.0 / 11),
        // Days 0..10, the last half a day long: only day 0 leaves more than 10 days.
        Arguments.of(Duration.ofHours(10 * 24 + 12), "200.00", 1.0 / 10.5),
        // Days 0..89 of 100.
        Arguments.of(Duration.ofDays(100), "18000.00", 0.9));
  }

  @ParameterizedTest
  @MethodSource("horizons")
  void theBoundaryOfTheHorizonIsExclusive(Duration horizon, String revenue, double within) {
    NewDeals.LeadFlow f = newDeals(horizon, leads(0)).leadFlow().orElseThrow();
    assertEquals(Money.of(revenue, "EUR"), f.expectedRevenue());
    assertEquals(within, f.wonWithinHorizon(), 1e-12);
  }

  @Test
  void leadsAfterAsOfAreNotSeenAndTheRateIsZero() {
    NewDeals n = newDeals(Duration.ofDays(30), leads(365));
    NewDeals.LeadFlow f = n.leadFlow().orElseThrow();
    assertEquals(NewDeals.Model.LEAD_FLOW, n.model());
    assertEquals(0, f.leads());
    assertEquals(0.0, f.leadsPerDay());
    assertTrue(f.conversion().isUndefined());
    assertEquals(0, f.wonFromLeads());
    assertEquals(Money.of("0.00", "EUR"), f.expectedRevenue());
    assertEquals(
        List.of(
            "no lead arrived in the lookback (2026-01-31T00:00:00Z, 2026-05-01T00:00:00Z] (1200"
                + " leads given): the lead rate is 0",
            "no deal created from a given lead was won by as-of: no lead-to-won delay"),
        f.notes());
    assertTrue(n.toString().contains("note: no lead arrived in the lookback"), n.toString());
  }

  @Test
  void leadsBeforeTheLookbackGiveDelaysButNoRate() {
    // Shifted 200 days back: every lead precedes the window; the deals still name them.
    NewDeals.LeadFlow f = newDeals(Duration.ofDays(30), leads(-200)).leadFlow().orElseThrow();
    assertEquals(0, f.leads());
    assertEquals(220, f.wonFromLeads());
    assertEquals(210.0 - 60.0 / DAY, f.meanDealToWonDays().getAsDouble() + 200, 1e-9);
    assertEquals(Money.of("0.00", "EUR"), f.expectedRevenue());
    assertEquals(1, f.notes().size());
  }

  @Test
  void toStringPrintsEveryAssumption() {
    String s = newDeals(Duration.ofDays(30), leads(0)).toString();
    for (String part :
        List.of(
            "new deals (model lead flow): expected revenue within horizon 4000.00 EUR",
            "leads: 900 in the lookback 90d -> 10.00/day; expected in horizon 300.0",
            "lead -> deal conversion 20.0% [",
            "new deal win probability 100.0%",
            "220 deals won from leads",
            "mean won amount 100.00 EUR; won before horizon end (mean over arrival days) 66.7%",
            "P(lead -> won delay < H - a)",
            "biased low",
            "deal-rate model for comparison: 2.00 deals/day -> 4000.14 EUR")) {
      assertTrue(s.contains(part), part + "\n" + s);
    }
  }

  static Stream<Arguments> bad() {
    Lead a = Lead.of("A", T0, "ads");
    return Stream.of(
        Arguments.of(
            (Consumer<Forecast>) f -> f.leads(List.of(a, Lead.of("A", T0.plusSeconds(1), "x"))),
            IllegalArgumentException.class,
            "lead \"A\" appears twice in the leads: each lead arrives once"),
        Arguments.of(
            (Consumer<Forecast>) f -> f.leads(List.of(a)).leads(List.of()),
            IllegalStateException.class,
            "leads were already set (1 leads)"));
  }

  @ParameterizedTest
  @MethodSource("bad")
  void badLeadsFailWithAPreciseMessage(
      Consumer<Forecast> call, Class<? extends RuntimeException> type, String message) {
    RuntimeException e = assertThrows(type, () -> call.accept(Forecast.of(log())));
    assertEquals(message, e.getMessage());
  }
}
