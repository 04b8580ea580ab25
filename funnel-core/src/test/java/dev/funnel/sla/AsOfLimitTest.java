package dev.funnel.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.audit.Audit;
import dev.funnel.forecast.Forecast;
import dev.funnel.hygiene.Hygiene;
import dev.funnel.log.DealLog;
import dev.funnel.losses.Losses;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Touch;
import dev.funnel.people.People;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A deal log measures ages in int seconds from its first instant: an as-of 2^31 seconds (68 years)
 * or more later is refused by every analysis over the log, and when it is the default (the latest
 * lead or touch, a mistyped year) the message names that record.
 */
final class AsOfLimitTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

  private static DealLog log() {
    Pipeline p = Pipeline.builder("p").open("new").won("won").lost("lost").build();
    return DealLog.builder(p)
        .deal(Deal.builder("D1", T0).owner("ann").amount("100.00", "EUR").build())
        .deal(Deal.builder("D2", T0).owner("bob").amount("50.00", "EUR").build())
        .change("D1", "won", T0.plus(Duration.ofDays(1)))
        .build();
  }

  @Test
  void aLeadDatedBeyondTheLogsYearsIsNamedAsTheDefaultAsOf() {
    List<Lead> leads = List.of(Lead.of("L0", T0, "ads"), Lead.of("L1", FAR, "ads"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Sla.of(leads, List.of()).deals(log()).report());
    assertTrue(
        e.getMessage()
            .startsWith(
                "as-of defaults to the latest record, lead \"L1\" created_at at"
                    + " 2100-01-01T00:00:00Z, which is 2^31 seconds (68 years) or more after the"
                    + " deal log's first instant 2026-03-02T09:00:00Z"),
        e.getMessage());
    IllegalArgumentException audit =
        assertThrows(IllegalArgumentException.class, () -> Audit.of(log()).leads(leads).report());
    assertTrue(audit.getMessage().contains("lead \"L1\" created_at"), audit.getMessage());
  }

  @Test
  void aTouchDatedBeyondTheLogsYearsIsNamedByItsOrigin() {
    List<Lead> leads = List.of(Lead.of("L0", T0, "ads"));
    List<Touch> touches = List.of(Touch.of("L0", T0.plusSeconds(60)), Touch.of("L0", FAR));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Audit.of(log()).leads(leads).touches(touches).report());
    assertTrue(e.getMessage().contains("touch touches:2 at 2100-01-01T00:00:00Z"), e.getMessage());
  }

  @Test
  void withoutDealsLeadsOfAnyYearAreMeasured() {
    // No deal log, no int offsets: the lead of 2100 is the as-of itself, untouched with the whole
    // 15 minutes left: at risk.
    SlaReport r = Sla.of(List.of(Lead.of("L1", FAR, "ads")), List.of()).report();
    assertEquals(FAR, r.asOf());
    assertEquals(1, r.all().atRisk());
    assertEquals(0, r.all().breached());
  }

  @Test
  void anExplicitAsOfBeyondTheLogsYearsIsRefusedByEveryAnalysis() {
    List<Runnable> analyses =
        List.of(
            () -> People.of(log()).asOf(FAR).report(),
            () -> Losses.of(log()).asOf(FAR).report(),
            () -> Hygiene.of(log()).asOf(FAR).report(),
            () -> Audit.of(log()).asOf(FAR).report(),
            () -> Sla.of(List.of(), List.of()).deals(log()).asOf(FAR).report(),
            // Forecast clamped it silently before, measuring ages at 2094 instead.
            () -> Forecast.of(log()).asOf(FAR).horizon(Duration.ofDays(30)).report());
    for (Runnable analysis : analyses) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, analysis::run);
      assertTrue(
          e.getMessage()
              .startsWith(
                  "as-of 2100-01-01T00:00:00Z is 2^31 seconds (68 years) or more after the log's"
                      + " first instant 2026-03-02T09:00:00Z"),
          e.getMessage());
    }
    // One second inside the limit is fine.
    Instant last = Instant.ofEpochSecond(T0.getEpochSecond() + Integer.MAX_VALUE);
    assertEquals(2, People.of(log()).asOf(last).report().concentration().owners());
  }
}
