package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The KPIs of one period and scope for people: outcome KPIs first, activity KPIs second, each with
 * value, target, attainment and change (the directed change against the previous period: + better,
 * - worse). In an owner or attribute scope ({@link Scope#isDealScope}) the table is preceded by a
 * note that spend- and activity-based KPIs are absent there: spend, sales cost and activity have no
 * owner or attribute.
 *
 * @param period the period label
 * @param scope the scope
 * @param currency the report's currency code, empty if no money was seen
 * @param outcome the OUTCOME KPIs, catalog order
 * @param activity the ACTIVITY KPIs, catalog order
 * @param wonWithoutAmount won deals of the period without an amount: revenue and the KPIs over it
 *     (ROAS, ROMI) count only the won deals with one, and are absent when none has one
 */
public record Scorecard(
    String period,
    String scope,
    String currency,
    List<KpiValue> outcome,
    List<KpiValue> activity,
    long wonWithoutAmount) {

  /** Validates and copies. */
  public Scorecard {
    requireNonNull(period, "period");
    requireNonNull(scope, "scope");
    requireNonNull(currency, "currency");
    outcome = List.copyOf(outcome);
    activity = List.copyOf(activity);
    if (wonWithoutAmount < 0) {
      throw new IllegalArgumentException("wonWithoutAmount " + wonWithoutAmount + " < 0");
    }
  }

  /**
   * The scorecard of a row.
   *
   * @param row the row of the period and scope
   * @param currency the report's currency code, empty if no money was seen
   * @return the scorecard
   */
  public static Scorecard of(KpiRow row, String currency) {
    List<KpiValue> o = new ArrayList<>();
    List<KpiValue> a = new ArrayList<>();
    for (KpiValue v : row.kpis()) {
      (v.kind() == Kind.OUTCOME ? o : a).add(v);
    }
    return new Scorecard(
        row.period(),
        row.scope(),
        currency,
        o,
        a,
        row.measures().records(Measure.WON_WITHOUT_AMOUNT));
  }

  /**
   * An aligned table: kind, KPI, value, target, attainment, and the directed change on the period
   * before, whose sign says better (+) or worse (-), so a lower-is-better KPI that rose shows -.
   */
  @Override
  public String toString() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("kind", "kpi", "value", "target", "attainment", "change"));
    for (List<KpiValue> part : List.of(outcome, activity)) {
      for (KpiValue v : part) {
        rows.add(
            List.of(
                v.kind().name().toLowerCase(java.util.Locale.ROOT),
                v.id(),
                Format.value(v.unit(), v.value(), currency),
                Format.value(v.unit(), v.target(), currency),
                v.attainment().isPresent()
                    ? Format.percent(v.attainment().getAsDouble())
                    : Format.ABSENT,
                Format.change(v.directedChange())));
      }
    }
    String note =
        Scope.isDealScope(scope)
            ? "(spend, sales cost and activity have no owner or attribute: spend- and"
                + " activity-based KPIs are absent in this scope)\n"
            : "";
    if (wonWithoutAmount > 0) {
      note +=
          "("
              + wonWithoutAmount
              + " won deal"
              + (wonWithoutAmount == 1 ? "" : "s")
              + " without an amount: revenue, roas and romi count only won deals with one)\n";
    }
    return "Scorecard "
        + period
        + " "
        + scope
        + "\n"
        + note
        + Format.table(rows, 2)
        + "(change: on the period before, + better, - worse: a lower-is-better KPI such as cac that"
        + " rose shows -)\n";
  }
}
