package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.audit.Audit;
import dev.funnel.audit.AuditReport;
import dev.funnel.audit.MustHave;
import dev.funnel.forecast.Forecast;
import dev.funnel.hygiene.Hygiene;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.losses.HandOff;
import dev.funnel.losses.Losses;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Touch;
import dev.funnel.people.People;
import dev.funnel.sla.Sla;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Public API contracts found wanting by the third review round (STYLE.md: immutable values, precise
 * errors, set-once options), each pinned here.
 */
final class ApiContractsTest {
  static final Pipeline P =
      Pipeline.builder("p").open("s1").open("s2").won("won").lost("lost").build();
  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  static DealLog log() {
    DealLogBuilder b = DealLog.builder(P);
    for (int i = 0; i < 6; i++) {
      String id = "D" + i;
      b.deal(
          Deal.builder(id, T0.plusSeconds(i * 3600L))
              .owner("o" + (i % 3))
              .channel("c" + (i % 2))
              .amount((100 + i) + ".00", "EUR")
              .build());
      b.change(id, "s2", T0.plusSeconds(i * 3600L + 86_400));
      b.change(id, i % 2 == 0 ? "won" : "lost", T0.plusSeconds(i * 3600L + 2 * 86_400));
    }
    return b.build();
  }

  @Test
  void everyEntryPointRefusesAForeignDealLogAtOnce() {
    // Embedding review: Funnel.of refused a DealLog of another implementation, the other analyses
    // took it and failed at report().
    DealLog log = log();
    DealLog foreign =
        (DealLog)
            java.lang.reflect.Proxy.newProxyInstance(
                DealLog.class.getClassLoader(),
                new Class<?>[] {DealLog.class},
                (proxy, method, args) -> method.invoke(log, args));
    List<Executable> starts =
        List.of(
            () -> Funnel.of(foreign),
            () -> Hygiene.of(foreign),
            () -> Losses.of(foreign),
            () -> People.of(foreign),
            () -> Audit.of(foreign),
            () -> Forecast.of(foreign));
    for (Executable start : starts) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, start);
      assertTrue(e.getMessage().contains("is not supported: build logs with DealLog.builder"));
    }
  }

  @Test
  void nullsAndSecondValuesAreNamed() {
    // Embedding review: message-less or misnamed null checks, a lookup that took null, and a blank
    // first value that read as nothing (the empty breakdown list: FunnelApiTest).
    Instant t = T0;
    assertEquals(
        "who",
        assertThrows(
                NullPointerException.class,
                () -> dev.funnel.model.StageChange.of("D", "s1", t).actor(null))
            .getMessage());
    assertEquals(
        "value",
        assertThrows(NullPointerException.class, () -> Deal.builder("D", t).amount(null, "EUR"))
            .getMessage());
    assertEquals(
        "currencyCode",
        assertThrows(NullPointerException.class, () -> Deal.builder("D", t).amount("1", null))
            .getMessage());
    assertEquals(
        "stageId", assertThrows(NullPointerException.class, () -> P.find(null)).getMessage());
    assertEquals(
        "dealId", assertThrows(NullPointerException.class, () -> log().indexOf(null)).getMessage());
    assertEquals(
        "owner was already set to \" \"",
        assertThrows(IllegalStateException.class, () -> Deal.builder("D", t).owner(" ").owner("a"))
            .getMessage());
  }

  @Test
  void dealStatesCannotBeChanged() {
    List<DealState> states = Funnel.of(log()).dealStates();
    assertEquals(6, states.size());
    assertThrows(UnsupportedOperationException.class, () -> states.remove(0));
  }

  @Test
  void theDefaultPercentilesCannotBeChanged() {
    // It was a public double[] that every default report used as is.
    assertThrows(
        UnsupportedOperationException.class, () -> Distribution.DEFAULT_PERCENTILES.set(2, 0.99));
    assertEquals(List.of(0.5, 0.75, 0.9), Distribution.DEFAULT_PERCENTILES);
    assertEquals(List.of(0.5, 0.75, 0.9), Funnel.of(log()).report().percentiles());
  }

  @Test
  void aLeadListedTwiceIsRefusedNotCountedTwice() {
    Lead l =
        new Lead(
            "L0",
            T0,
            Optional.of("c0"),
            Optional.of(T0),
            Optional.of(T0.plusSeconds(60)),
            Optional.empty(),
            Optional.empty());
    String message = "lead \"L0\" appears twice in the leads: each lead arrives once";
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> HandOff.of(List.of(l, l))).getMessage());
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> Forecast.of(log()).leads(List.of(l, l)))
            .getMessage());
    // The SLA, the audit and the budget scenario refuse them too, at once and in the same words
    // (API review: the first two only at report(), the last silently dropped them).
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> Audit.of(log()).leads(List.of(l, l)))
            .getMessage());
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> Sla.of(List.of(l, l), List.of()))
            .getMessage());
    assertEquals(
        message,
        assertThrows(
                IllegalArgumentException.class,
                () -> Forecast.of(log()).budget(0.2, List.of(), List.of(l, l)))
            .getMessage());
    assertEquals(1, HandOff.of(List.of(l)).report().all().leads());
    List<Lead> withNull = new ArrayList<>();
    withNull.add(l);
    withNull.add(null);
    assertEquals(
        "leads[1]",
        assertThrows(NullPointerException.class, () -> Lead.copyOfDistinct(withNull)).getMessage());
  }

  @Test
  void durationsRefuseNumbersThatAreNoDuration() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1e300, 0x1p63}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Durations.ofSeconds(bad));
      assertTrue(e.getMessage().contains("not a finite number"), e.getMessage());
    }
    assertEquals(Duration.ofSeconds(-2, 500_000_000), Durations.ofSeconds(-1.5));
    assertEquals(Duration.ofSeconds(90, 250_000_000), Durations.ofSeconds(90.25));
  }

  @Test
  void everyReportRefusesANegativeRowCap() {
    DealLog log = log();
    List<Lead> leads = List.of(Lead.of("L1", T0, "c0"));
    List<Touch> touches = List.of(Touch.of("L1", T0.plusSeconds(60)));
    List<Executable> calls =
        List.of(
            () -> Hygiene.of(log).report().print(-1),
            () -> Losses.of(log).report().print(-1),
            () -> People.of(log).report().print(-1),
            () -> Sla.of(leads, touches).report().print(-1),
            () -> HandOff.of(leads).report().print(-1),
            () -> Funnel.of(log).report().print(-1));
    for (Executable call : calls) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
      assertEquals("maxRows -1 is negative", e.getMessage());
    }
    // 0 rows is a valid cap
    assertTrue(Losses.of(log).report().print(0).length() > 0);
  }

  @Test
  void anAuditReportHoldsOneItemPerMustHaveInOrder() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new AuditReport(T0, List.of()));
    assertTrue(e.getMessage().startsWith("an audit has one item per must-have"), e.getMessage());
    AuditReport real = Audit.of(log()).report();
    List<dev.funnel.audit.AuditItem> reversed = new ArrayList<>(real.items());
    java.util.Collections.reverse(reversed);
    assertThrows(IllegalArgumentException.class, () -> new AuditReport(T0, reversed));
    for (MustHave m : MustHave.values()) {
      assertEquals(m, real.item(m).mustHave());
    }
    assertEquals(real, new AuditReport(real.asOf(), real.items()));
  }

  @Test
  void moneyInACurrencyWithoutMinorUnitsCountsWholeUnits() {
    Currency none = Currency.getInstance("XXX");
    assertEquals(-1, none.getDefaultFractionDigits());
    Money m = Money.ofMinor(5, none);
    assertEquals(new java.math.BigDecimal("5"), m.amount());
    assertEquals(5, m.minorUnits());
  }

  @Test
  void dealBuilderOptionsAreSetOnce() {
    assertEquals(
        "amount was already set to 100.00 EUR",
        assertThrows(
                IllegalStateException.class,
                () -> Deal.builder("D", T0).amount("100.00", "EUR").amount("100.00", "USD"))
            .getMessage());
    assertThrows(IllegalStateException.class, () -> Deal.builder("D", T0).owner("a").owner("b"));
    assertThrows(
        IllegalStateException.class, () -> Deal.builder("D", T0).channel("a").channel("b"));
    assertThrows(
        IllegalStateException.class, () -> Deal.builder("D", T0).lossReason("a").lossReason("b"));
    assertThrows(IllegalStateException.class, () -> Deal.builder("D", T0).leadId("a").leadId("b"));
    assertEquals(
        "attribute \"segment\" was already set to \"smb\"",
        assertThrows(
                IllegalStateException.class,
                () -> Deal.builder("D", T0).attribute("segment", "smb").attribute("segment", "ent"))
            .getMessage());
    assertEquals(
        "owner",
        assertThrows(NullPointerException.class, () -> Deal.builder("D", T0).owner(null))
            .getMessage());
  }

  @Test
  void nullElementsAreNamed() {
    assertEquals(
        "dimensions[1]",
        assertThrows(
                NullPointerException.class,
                () -> Funnel.of(log()).by(Dimension.OWNER, (Dimension) null))
            .getMessage());
    assertEquals(
        "dimensions[0]",
        assertThrows(NullPointerException.class, () -> Funnel.of(log()).by((String) null))
            .getMessage());
    Map<Double, Duration> withNullKey = new HashMap<>();
    withNullKey.put(null, Duration.ZERO);
    assertEquals(
        "a percentile",
        assertThrows(
                NullPointerException.class,
                () ->
                    new Distribution(
                        1,
                        Optional.of(Duration.ZERO),
                        Optional.of(Duration.ZERO),
                        Optional.of(Duration.ZERO),
                        withNullKey))
            .getMessage());
  }

  @Test
  void misuseFailsFastNamingTheArgument() {
    // review findings: lenient() after build() succeeded; nulls surfaced as bare or "helpful" NPEs
    Pipeline p = Pipeline.builder("p").open("new").won("won").lost("lost").build();
    DealLogBuilder b = DealLog.builder(p);
    b.build();
    assertThrows(IllegalStateException.class, b::lenient);
    List<Lead> leads = new ArrayList<>();
    leads.add(null);
    NullPointerException lead =
        assertThrows(NullPointerException.class, () -> Sla.of(leads, List.of()));
    assertEquals("leads[0]", lead.getMessage());
    DealLog log =
        DealLog.builder(p)
            .deal(Deal.builder("A", Instant.parse("2026-01-01T00:00:00Z")).build())
            .build();
    FunnelAggregate a = Funnel.of(log).query().aggregate(0, 1);
    assertEquals(
        "other", assertThrows(NullPointerException.class, () -> a.merge(null)).getMessage());
    dev.funnel.stats.Proportion one = dev.funnel.stats.Proportion.of(1, 1);
    assertEquals(
        "other", assertThrows(NullPointerException.class, () -> one.plus(null)).getMessage());
    assertThrows(
        ArithmeticException.class,
        () -> dev.funnel.stats.Proportion.of(Long.MAX_VALUE, Long.MAX_VALUE).plus(one));
  }
}
