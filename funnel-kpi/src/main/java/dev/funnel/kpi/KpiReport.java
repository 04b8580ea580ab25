package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import dev.funnel.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The KPI report: one row per period and scope (periods ascending and contiguous from the first
 * record to as-of; scope {@code all} first, then {@code channel=<name>} sorted, then, when asked
 * for with {@link Kpis#scopes}, for each dimension in the order asked its scopes {@code
 * owner=<name>} or {@code <attribute>=<value>} sorted by value), the alerts (per scope, deal scopes
 * included), the channel economics of {@code all} and each channel over the whole window, and
 * driver trees on demand. An immutable value: two reports are equal when every component is, so the
 * same query over the same inputs, run twice, gives equal reports with equal hash codes
 * (definitions compare by their {@link Formula}'s expression tree).
 *
 * @param asOf the as-of instant
 * @param period the period size
 * @param zone the zone periods are bucketed in
 * @param currency the currency of every money figure; empty if no money was seen
 * @param parameters margin, LTV and monthly revenue per customer
 * @param alertThreshold the directed change that counts as a rise for alerts
 * @param definitions the KPIs, catalog order then user-defined ones
 * @param rows the rows, period-major
 * @param alerts the alerts, in row order
 * @param channelEconomics the economics of {@code all} then each channel, over the whole window
 */
public record KpiReport(
    Instant asOf,
    Period period,
    ZoneId zone,
    Optional<Currency> currency,
    KpiParameters parameters,
    double alertThreshold,
    List<KpiDefinition> definitions,
    List<KpiRow> rows,
    List<Alert> alerts,
    List<ChannelEconomics> channelEconomics) {

  /** Validates and copies. */
  public KpiReport {
    requireNonNull(asOf, "asOf");
    requireNonNull(period, "period");
    requireNonNull(zone, "zone");
    requireNonNull(currency, "currency");
    requireNonNull(parameters, "parameters");
    definitions = List.copyOf(definitions);
    rows = List.copyOf(rows);
    alerts = List.copyOf(alerts);
    channelEconomics = List.copyOf(channelEconomics);
  }

  /**
   * The period labels, ascending.
   *
   * @return the period labels
   */
  public List<String> periods() {
    Set<String> out = new LinkedHashSet<>();
    rows.forEach(r -> out.add(r.period()));
    return List.copyOf(out);
  }

  /**
   * The scopes: {@code all}, each channel, then each owner or attribute scope asked for.
   *
   * @return the scope names, in row order
   */
  public List<String> scopes() {
    Set<String> out = new LinkedHashSet<>();
    rows.forEach(r -> out.add(r.scope()));
    return List.copyOf(out);
  }

  /**
   * The row of this period and scope, if the report has it.
   *
   * @param periodLabel the period label, e.g. {@code 2026-04}
   * @param scope the scope name
   * @return the row; empty if the report has no such row
   */
  public Optional<KpiRow> row(String periodLabel, String scope) {
    requireNonNull(periodLabel, "periodLabel");
    requireNonNull(scope, "scope");
    return rows.stream()
        .filter(r -> r.period().equals(periodLabel) && r.scope().equals(scope))
        .findFirst();
  }

  private KpiRow requireRow(String periodLabel, String scope) {
    return row(periodLabel, scope)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no KPI row for period \""
                        + periodLabel
                        + "\" and scope \""
                        + scope
                        + "\" (periods: "
                        + periods()
                        + ", scopes: "
                        + scopes()
                        + ")"));
  }

  /**
   * The value of one KPI in one cell; absent when the value is.
   *
   * @param periodLabel the period label, e.g. {@code 2026-04}
   * @param scope the scope name
   * @param kpiId the KPI id
   * @return the value, or empty when it is absent
   * @throws IllegalArgumentException if the period, scope or KPI id is not in the report
   */
  public OptionalDouble value(String periodLabel, String scope, String kpiId) {
    KpiRow row = requireRow(periodLabel, scope);
    return row.kpi(kpiId)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no KPI \"" + kpiId + "\" in the report (known: " + ids() + ")"))
        .value();
  }

  private List<String> ids() {
    List<String> ids = new ArrayList<>();
    definitions.forEach(d -> ids.add(d.id()));
    return ids;
  }

  /**
   * The scorecard of one period and scope.
   *
   * @param periodLabel the period label, e.g. {@code 2026-04}
   * @param scope the scope name
   * @return the scorecard
   * @throws IllegalArgumentException if the report has no such row
   */
  public Scorecard scorecard(String periodLabel, String scope) {
    return Scorecard.of(requireRow(periodLabel, scope), currencyCode());
  }

  /**
   * Whether the period is over by as-of (its last day ended, in the report's zone). The latest
   * period usually holds as-of and is still running: compared with a whole period before it, a few
   * days of data look like a collapse.
   *
   * @param periodLabel the period label, e.g. {@code 2026-04}
   * @return true if the period ended at or before as-of
   * @throws IllegalArgumentException if the report has no such period
   */
  public boolean isComplete(String periodLabel) {
    return complete(period, requireRow(periodLabel, Scope.ALL).start(), zone, asOf);
  }

  /** Whether the period starting on {@code start} has ended by {@code asOf} in the zone. */
  static boolean complete(Period period, LocalDate start, ZoneId zone, Instant asOf) {
    return !period.next(start).atStartOfDay(zone).toInstant().isAfter(asOf);
  }

  /**
   * The latest period that is over by as-of; empty if none is.
   *
   * @return the period label; empty if no period is over by as-of
   */
  public Optional<String> lastCompletePeriod() {
    List<String> ps = periods();
    for (int i = ps.size() - 1; i >= 0; i--) {
      if (isComplete(ps.get(i))) {
        return Optional.of(ps.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The scorecard of scope {@code all} in the last complete period (see {@link #isComplete}), or in
   * the latest period when none is complete yet.
   *
   * @return the scorecard
   * @throws NoSuchElementException if the report has no rows (no data)
   */
  public Scorecard scorecard() {
    List<String> ps = periods();
    if (ps.isEmpty()) {
      throw new NoSuchElementException("the KPI report has no periods: no record before as-of");
    }
    return scorecard(lastCompletePeriod().orElse(ps.get(ps.size() - 1)), Scope.ALL);
  }

  /**
   * The driver tree of a scope from one period to another.
   *
   * @param fromPeriod the earlier period label
   * @param toPeriod the later period label
   * @param scope the scope name
   * @return the driver tree
   * @throws IllegalArgumentException if either row is not in the report, or the revenue of either
   *     is unknown (won deals, none with an amount)
   */
  public DriverTree driverTree(String fromPeriod, String toPeriod, String scope) {
    KpiRow before = requireRow(fromPeriod, scope);
    KpiRow after = requireRow(toPeriod, scope);
    return DriverTree.between(scope, fromPeriod, before.measures(), toPeriod, after.measures());
  }

  /**
   * The driver tree of scope {@code all} from the period before the {@link #scorecard()}'s to that
   * one; empty when it has none before it, or when the revenue of either period is unknown (won
   * deals, none with an amount).
   *
   * @return the driver tree; empty when there is no earlier period or a revenue is unknown
   */
  public Optional<DriverTree> driverTree() {
    List<String> ps = periods();
    if (ps.isEmpty()) {
      return Optional.empty();
    }
    int to = ps.indexOf(lastCompletePeriod().orElse(ps.get(ps.size() - 1)));
    if (to < 1) {
      return Optional.empty();
    }
    for (String p : List.of(ps.get(to - 1), ps.get(to))) {
      if (requireRow(p, Scope.ALL).measures().get(Measure.REVENUE).isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(driverTree(ps.get(to - 1), ps.get(to), Scope.ALL));
  }

  private String currencyCode() {
    return currency.map(Currency::getCurrencyCode).orElse("");
  }

  /**
   * The scorecard of the last complete period, the alerts, the channel economics and the driver
   * tree into that period.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("KPIs as of ")
        .append(asOf)
        .append(", ")
        .append(period.name().toLowerCase(java.util.Locale.ROOT))
        .append(" periods in ")
        .append(zone)
        .append(", ")
        .append(periods().size())
        .append(" periods x ")
        .append(scopes().size())
        .append(" scopes\n");
    if (rows.isEmpty()) {
      return sb.append("(no data)\n").toString();
    }
    Scorecard card = scorecard();
    sb.append(
            isComplete(card.period())
                ? "The last complete period:\n"
                : "The latest period, not complete yet (data to as-of):\n")
        .append(card)
        .append('\n');
    sb.append("Alerts: ").append(alerts.isEmpty() ? "none" : alerts.size()).append('\n');
    alerts.forEach(a -> sb.append("  ").append(a).append('\n'));
    sb.append('\n').append(ChannelEconomics.table(channelEconomics, currencyCode()));
    driverTree().ifPresent(t -> sb.append('\n').append(t));
    return sb.toString();
  }
}
