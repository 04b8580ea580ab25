package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An activity-without-outcome alert on one complete period and scope (METRICS.md "KPIs"): some
 * ACTIVITY KPI improved by the threshold or more on the period before, by its directed change (a
 * lower-is-better KPI such as {@code cpc} improves when it falls), while no OUTCOME KPI did; a
 * higher-is-better OUTCOME KPI rising from zero to above zero counts as improved, though its
 * directed change is absent (see {@link Kpis}).
 *
 * @param type the alert type
 * @param period the period label
 * @param scope {@code all}, {@code channel=<name>}, or a deal scope asked for with {@link
 *     Kpis#scopes} ({@code owner=<name>}, {@code <attribute>=<value>})
 * @param activity the ACTIVITY KPIs whose directed change reached the threshold
 * @param outcome the OUTCOME KPIs that were checked (none of them reached it)
 */
public record Alert(
    AlertType type, String period, String scope, List<String> activity, List<String> outcome) {

  /** Validates the alert and copies the lists. */
  public Alert {
    requireNonNull(type, "type");
    requireNonNull(period, "period");
    requireNonNull(scope, "scope");
    activity = List.copyOf(activity);
    outcome = List.copyOf(outcome);
  }

  @Override
  public String toString() {
    return type
        + " "
        + period
        + " "
        + scope
        + ": activity improved "
        + activity
        + ", no outcome improved among "
        + outcome;
  }
}
