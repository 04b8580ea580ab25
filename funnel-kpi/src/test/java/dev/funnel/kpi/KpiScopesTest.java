package dev.funnel.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.Dimension;
import dev.funnel.Period;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Owner and attribute scopes on a hand-planned two-month log (all channel ads, EUR, UTC).
 *
 * <pre>
 * deal owner segment lead created   path                         amount
 * D1   ann   smb     L1   Jan 05    won Jan 20                   100
 * D2   ann   ent     L2   Jan 06    qualified Jan 07, lost Jan 25 300
 * D3   bob   smb     L3   Jan 10    won Jan 28                   200
 * D4   bob   -       -    Jan 12    qualified Jan 15 (open)      -
 * D5   -     ent     L4   Jan 15    won Jan 30                   500
 * D6   bob   smb     L1   Feb 03    open (L1 stays with D1: ann)  -
 * D7-9 ann   -       -    Feb 10-12 open                         -
 * leads L1-L6 Jan 02 (L5, L6 without deal), L7 Feb 02 (without deal)
 * spend ads Jan 1000, Feb 1000; sales cost ads Jan 50; clicks ads Jan 100, Feb 100
 * </pre>
 *
 * Planted: in February ann opens 3 deals against 2 in January and wins nothing, an
 * activity-without-outcome pattern on the user KPI deals_opened.
 */
final class KpiScopesTest {
  private static final double EPS = 1e-9;
  private static final Instant AS_OF = Instant.parse("2026-02-28T23:00:00Z");

  private static Pipeline pipeline() {
    return Pipeline.builder("b2b").open("new").open("qualified").won("won").lost("lost").build();
  }

  private static Instant t(String date) {
    return Instant.parse(date + "T10:00:00Z");
  }

  private static Deal.Builder deal(String id, String created, String owner, String segment) {
    Deal.Builder d = Deal.builder(id, t(created)).channel("ads");
    if (owner != null) {
      d.owner(owner);
    }
    if (segment != null) {
      d.attribute("segment", segment);
    }
    return d;
  }

  static DealLog log() {
    DealLogBuilder b = DealLog.builder(pipeline());
    b.deal(deal("D1", "2026-01-05", "ann", "smb").leadId("L1").amount("100", "EUR").build());
    b.change("D1", "won", t("2026-01-20"));
    b.deal(deal("D2", "2026-01-06", "ann", "ent").leadId("L2").amount("300", "EUR").build());
    b.change("D2", "qualified", t("2026-01-07"));
    b.change("D2", "lost", t("2026-01-25"));
    b.deal(deal("D3", "2026-01-10", "bob", "smb").leadId("L3").amount("200", "EUR").build());
    b.change("D3", "won", t("2026-01-28"));
    b.deal(deal("D4", "2026-01-12", "bob", null).build());
    b.change("D4", "qualified", t("2026-01-15"));
    b.deal(deal("D5", "2026-01-15", null, "ent").leadId("L4").amount("500", "EUR").build());
    b.change("D5", "won", t("2026-01-30"));
    b.deal(deal("D6", "2026-02-03", "bob", "smb").leadId("L1").build());
    b.deal(deal("D7", "2026-02-10", "ann", null).build());
    b.deal(deal("D8", "2026-02-11", "ann", null).build());
    b.deal(deal("D9", "2026-02-12", "ann", null).build());
    return b.build();
  }

  static List<Lead> leads() {
    List<Lead> out = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      out.add(Lead.of("L" + i, t("2026-01-02"), "ads"));
    }
    out.add(Lead.of("L7", t("2026-02-02"), "ads"));
    return out;
  }

  static Kpis query() {
    return query(AS_OF);
  }

  static Kpis query(Instant asOf) {
    return Kpis.of(log())
        .leads(leads())
        .spend(
            List.of(
                Fixture.spend("2026-01-02", "ads", "1000", "EUR"),
                Fixture.spend("2026-02-02", "ads", "1000", "EUR")))
        .salesCost(List.of(Fixture.spend("2026-01-03", "ads", "50", "EUR")))
        .activity(
            List.of(
                Fixture.activity("2026-01-04", "ads", "clicks", 100),
                Fixture.activity("2026-02-04", "ads", "clicks", 100)))
        .asOf(asOf);
  }

  private static final KpiDefinition DEALS_OPENED =
      KpiDefinition.builder("deals_opened").activity().sum(Measure.DEALS).build();
  private static final KpiDefinition SALES_COST =
      KpiDefinition.builder("sales_cost").activity().sum(Measure.SALES_COST).build();

  private static final KpiReport REPORT =
      query().by("owner", "segment").kpi(DEALS_OPENED).kpi(SALES_COST).report();

  private static void assertValue(double expected, String period, String scope, String id) {
    OptionalDouble v = REPORT.value(period, scope, id);
    assertTrue(v.isPresent(), period + " " + scope + " " + id + " is absent, expected " + expected);
    assertEquals(expected, v.getAsDouble(), EPS, period + " " + scope + " " + id);
  }

  private static void assertAbsent(String period, String scope, String id) {
    OptionalDouble v = REPORT.value(period, scope, id);
    assertTrue(v.isEmpty(), period + " " + scope + " " + id + " should be absent, was " + v);
  }

  @Test
  void scopesInOrder() {
    assertEquals(
        List.of(
            "all",
            "channel=ads",
            "owner=(unspecified)",
            "owner=ann",
            "owner=bob",
            "segment=(unspecified)",
            "segment=ent",
            "segment=smb"),
        REPORT.scopes());
    assertEquals(List.of("2026-01", "2026-02"), REPORT.periods());
    assertEquals(16, REPORT.rows().size());
  }

  /** January by hand: {count of leads, deals, won, lost, revenue} per scope, then the ratios. */
  static Stream<Arguments> january() {
    return Stream.of(
        // scope, leads, deals, won, revenue, win_rate (NaN: absent), lead_to_deal (NaN: absent)
        Arguments.of("all", 6, 5, 3, 800, 3.0 / 4, 4.0 / 6),
        Arguments.of("owner=ann", 2, 2, 1, 100, 1.0 / 2, 1.0),
        Arguments.of("owner=bob", 1, 2, 1, 200, 1.0, 1.0),
        Arguments.of("owner=(unspecified)", 3, 1, 1, 500, 1.0, 1.0 / 3),
        Arguments.of("segment=smb", 2, 2, 2, 300, 1.0, 1.0),
        Arguments.of("segment=ent", 2, 2, 1, 500, 1.0 / 2, 1.0),
        Arguments.of("segment=(unspecified)", 2, 1, 0, 0, Double.NaN, 0.0));
  }

  @ParameterizedTest
  @MethodSource("january")
  void januaryByHand(
      String scope, int leads, int deals, int won, int revenue, double winRate, double leadToDeal) {
    assertValue(leads, "2026-01", scope, "leads");
    assertValue(deals, "2026-01", scope, "deals_opened");
    assertValue(won, "2026-01", scope, "won_deals");
    assertValue(revenue, "2026-01", scope, "revenue");
    if (Double.isNaN(winRate)) {
      assertAbsent("2026-01", scope, "win_rate");
    } else {
      assertValue(winRate, "2026-01", scope, "win_rate");
    }
    assertValue(leadToDeal, "2026-01", scope, "lead_to_deal");
  }

  @Test
  void leadFollowsTheFirstDealThatNamesIt() {
    // D6 (bob, February) names L1 too, but L1 stays with D1 (ann); bob has no lead in February.
    assertValue(0, "2026-02", "owner=bob", "leads");
    assertValue(1, "2026-02", "owner=bob", "deals_opened");
    // L7 has no deal.
    assertValue(1, "2026-02", "owner=(unspecified)", "leads");
    assertValue(0, "2026-02", "owner=(unspecified)", "lead_to_deal");
  }

  @Test
  void reachedStagesFollowTheDeal() {
    Measure qualified = Measure.reached("qualified");
    // ann: D1 won (reached every open stage), D2 qualified; bob: D3 won, D4 qualified.
    assertEquals(
        BigDecimal.valueOf(2),
        REPORT.row("2026-01", "owner=ann").orElseThrow().measures().get(qualified).orElseThrow());
    assertEquals(
        BigDecimal.valueOf(2),
        REPORT.row("2026-01", "owner=bob").orElseThrow().measures().get(qualified).orElseThrow());
    assertEquals(
        BigDecimal.ONE,
        REPORT
            .row("2026-01", "segment=(unspecified)")
            .orElseThrow()
            .measures()
            .get(qualified)
            .orElseThrow());
  }

  @ParameterizedTest
  @MethodSource("spendAndActivityKpis")
  void spendAndActivityKpisAreAbsentInDealScopes(String id) {
    for (String scope : REPORT.scopes()) {
      if (scope.equals("all") || scope.equals("channel=ads")) {
        assertTrue(REPORT.value("2026-01", scope, id).isPresent(), scope + " " + id);
      } else {
        assertAbsent("2026-01", scope, id);
        assertAbsent("2026-02", scope, id);
      }
    }
  }

  static Stream<String> spendAndActivityKpis() {
    return Stream.of("cpl", "cac", "roas", "romi", "clicks", "cpc", "cost_per_qualified");
  }

  @Test
  void salesCostAloneIsAbsentNotZeroInDealScopes() {
    assertValue(50, "2026-01", "all", "sales_cost");
    assertValue(0, "2026-02", "all", "sales_cost");
    assertAbsent("2026-01", "owner=ann", "sales_cost");
    assertAbsent("2026-01", "segment=smb", "sales_cost");
  }

  /** February over: the as-of at which the planted alerts are raised (complete periods only). */
  private static final Instant CLOSED = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void allAndChannelResultsDoNotChange() {
    KpiReport plain = query().kpi(DEALS_OPENED).kpi(SALES_COST).report();
    List<KpiRow> kept = REPORT.rows().stream().filter(r -> !Scope.isDealScope(r.scope())).toList();
    assertEquals(view(plain.rows()), view(kept));
    KpiReport closedPlain = query(CLOSED).kpi(DEALS_OPENED).kpi(SALES_COST).report();
    KpiReport closed =
        query(CLOSED).by("owner", "segment").kpi(DEALS_OPENED).kpi(SALES_COST).report();
    assertFalse(closed.alerts().isEmpty());
    assertEquals(
        closedPlain.alerts(),
        closed.alerts().stream().filter(a -> !Scope.isDealScope(a.scope())).toList());
    assertEquals(plain.channelEconomics(), REPORT.channelEconomics());
    assertEquals(
        plain.definitions().stream().map(KpiDefinition::toString).toList(),
        REPORT.definitions().stream().map(KpiDefinition::toString).toList());
  }

  /** Rows as comparable values (definitions hold formulas, which compare by identity). */
  private static List<String> view(List<KpiRow> rows) {
    List<String> out = new ArrayList<>();
    for (KpiRow r : rows) {
      StringBuilder sb = new StringBuilder(r.period() + " " + r.scope() + " " + r.measures());
      for (KpiValue v : r.kpis()) {
        sb.append(' ')
            .append(v.id())
            .append('=')
            .append(v.value())
            .append('/')
            .append(v.previous())
            .append('/')
            .append(v.directedChange())
            .append('/')
            .append(v.target());
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void alertPerOwnerScopeOnPlantedData() {
    // At AS_OF (February 28, 23:00) February is still running: no alert on it.
    assertEquals(List.of(), REPORT.alerts());
    KpiReport closed =
        query(CLOSED).by("owner", "segment").kpi(DEALS_OPENED).kpi(SALES_COST).report();
    List<String> scopes = new ArrayList<>();
    for (Alert a : closed.alerts()) {
      scopes.add(a.period() + " " + a.scope());
    }
    // ann: deals_opened 2 -> 3 (+50%); won 1 -> 0, revenue 100 -> 0, leads 2 -> 0, win_rate and
    // lead_to_deal absent in February. segment=(unspecified): deals_opened 1 -> 3 (D4; D7-D9),
    // leads 2 -> 1, won 0 -> 0 (no change from zero). Every other scope opens fewer deals.
    assertEquals(List.of("2026-02 owner=ann", "2026-02 segment=(unspecified)"), scopes);
    Alert ann = closed.alerts().get(0);
    assertEquals(AlertType.ACTIVITY_WITHOUT_OUTCOME, ann.type());
    assertEquals(List.of("deals_opened"), ann.activity());
    assertEquals(
        0.5,
        closed
            .row("2026-02", "owner=ann")
            .orElseThrow()
            .kpi("deals_opened")
            .orElseThrow()
            .directedChange()
            .getAsDouble(),
        EPS);
  }

  @Test
  void scorecardOfADealScopeSaysWhatIsAbsent() {
    String card = REPORT.scorecard("2026-01", "owner=ann").toString();
    assertTrue(card.contains("spend- and activity-based KPIs are absent in this scope"), card);
    assertFalse(REPORT.scorecard("2026-01", "all").toString().contains("absent in this scope"));
  }

  @Test
  void scopesByDimensionEqualScopesByName() {
    KpiReport byDimension =
        query()
            .scopes(Dimension.OWNER, Dimension.attribute("segment"))
            .kpi(DEALS_OPENED)
            .kpi(SALES_COST)
            .report();
    assertEquals(view(REPORT.rows()), view(byDimension.rows()));
    KpiReport closed =
        query(CLOSED).by("owner", "segment").kpi(DEALS_OPENED).kpi(SALES_COST).report();
    KpiReport closedByDimension =
        query(CLOSED)
            .scopes(Dimension.OWNER, Dimension.attribute("segment"))
            .kpi(DEALS_OPENED)
            .kpi(SALES_COST)
            .report();
    assertFalse(closed.alerts().isEmpty());
    assertEquals(closed.alerts(), closedByDimension.alerts());
  }

  static Stream<Arguments> badScopes() {
    return Stream.of(
        Arguments.of(
            new Dimension[] {Dimension.attribute("region")},
            "scopes: unknown deal attribute \"region\" (known: segment)"),
        Arguments.of(
            new Dimension[] {Dimension.CHANNEL},
            "scopes: channel scopes are always in the report; ask for owner or a deal attribute"),
        Arguments.of(
            new Dimension[] {Dimension.created(Period.MONTH)},
            "scopes: \"month\" is a creation period, not a scope; set period(...) for the period"
                + " size"),
        Arguments.of(
            new Dimension[] {Dimension.OWNER, Dimension.OWNER}, "scopes: \"owner\" is given twice"),
        Arguments.of(
            new Dimension[] {Dimension.attribute("channel")},
            "scopes: attribute \"channel\" would clash with the channel scopes"),
        Arguments.of(
            new Dimension[] {},
            "scopes: no dimension given (owner or a deal attribute such as segment)"));
  }

  @ParameterizedTest
  @MethodSource("badScopes")
  void badScopesAreRejected(Dimension[] dimensions, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> query().scopes(dimensions));
    assertEquals(message, e.getMessage());
  }

  @Test
  void unknownAttributeOfALogWithoutAttributes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Fixture.query().by("segment"));
    assertEquals(
        "scopes: unknown deal attribute \"segment\" (known: none, the deals carry no attributes)",
        e.getMessage());
  }

  @Test
  void scopesAreSetOnce() {
    Kpis q = query().by("owner");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.by("segment"));
    assertEquals("scopes was already set", e.getMessage());
  }

  // ---- the merged-scope law -------------------------------------------------------------------

  /** One generated deal: owner 0-2 (2: none), segment 0-2 (2: none), fate, month, lead. */
  record Spec(int owner, int segment, int fate, int month, boolean lead, int amount) {}

  @Provide
  Arbitrary<List<Spec>> specs() {
    Arbitrary<Spec> spec =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 1000))
            .as(Spec::new);
    return spec.list().ofMinSize(1).ofMaxSize(25);
  }

  private static final List<Measure> DEAL_BASED =
      List.of(
          Measure.LEADS,
          Measure.LEADS_WITH_DEAL,
          Measure.DEALS,
          Measure.WON_DEALS,
          Measure.LOST_DEALS,
          Measure.REVENUE,
          Measure.reached("qualified"));

  /**
   * For each period and each dimension, the deal scopes' lead and deal-based measures add up to
   * {@code all}'s, and the ratios recomputed from their merge equal {@code all}'s.
   */
  @Property(tries = 100)
  void dealScopesOfOneDimensionAddUpToAll(@ForAll("specs") List<Spec> specs) {
    DealLogBuilder b = DealLog.builder(pipeline());
    List<Lead> leads = new ArrayList<>();
    b.deal(deal("X", "2026-01-05", "o0", "s0").build());
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      String id = "G" + i;
      String created = "2026-0" + s.month() + "-05";
      Deal.Builder d =
          deal(id, created, s.owner() == 2 ? null : "o" + s.owner(), null)
              .amount(Integer.toString(s.amount()), "EUR");
      if (s.segment() < 2) {
        d.attribute("segment", "s" + s.segment());
      } else {
        d.attribute("size", "any");
      }
      if (s.lead()) {
        d.leadId("L" + (i % 7));
      }
      b.deal(d.build());
      if (s.fate() == 1) {
        b.change(id, "qualified", t("2026-0" + s.month() + "-10"));
      } else if (s.fate() == 2) {
        b.change(id, "won", t("2026-0" + s.month() + "-20"));
      } else if (s.fate() == 3) {
        b.change(id, "lost", t("2026-0" + s.month() + "-20"));
      }
    }
    for (int i = 0; i < 9; i++) {
      leads.add(Lead.of("L" + i, t("2026-0" + (1 + i % 3) + "-02"), "ads"));
    }
    KpiReport r =
        Kpis.of(b.build())
            .leads(leads)
            .asOf(Instant.parse("2026-03-31T23:00:00Z"))
            .by("owner", "segment")
            .report();
    for (String period : r.periods()) {
      KpiRow all = r.row(period, Scope.ALL).orElseThrow();
      for (String prefix : List.of("owner=", "segment=")) {
        Measures merged = Measures.empty();
        for (KpiRow row : r.rows()) {
          if (row.period().equals(period) && row.scope().startsWith(prefix)) {
            merged = merged.plus(row.measures());
          }
        }
        for (Measure m : DEAL_BASED) {
          assertEquals(
              all.measures().get(m).orElseThrow().stripTrailingZeros(),
              merged.get(m).orElseThrow().stripTrailingZeros(),
              period + " " + prefix + " " + m);
        }
        for (KpiDefinition d : List.of(KpiCatalog.winRate(), KpiCatalog.leadToDeal())) {
          assertEquals(
              all.kpi(d.id()).orElseThrow().value(),
              d.compute(merged, r.parameters()),
              period + " " + prefix + " " + d.id());
        }
      }
    }
  }
}
