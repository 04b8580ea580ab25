package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The KPIs of one period in one scope, with the base measures they were computed from.
 *
 * @param period the period label ({@code 2026-04}, {@code 2026-W15}, {@code 2026-Q2})
 * @param start the first day of the period
 * @param scope {@code all}, {@code channel=<name>}, {@code owner=<name>} or {@code
 *     <attribute>=<value>} (see {@link Scope})
 * @param measures the cell's base measures
 * @param kpis one value per KPI of the report, in catalog order
 */
public record KpiRow(
    String period, LocalDate start, String scope, Measures measures, List<KpiValue> kpis) {

  /** Validates the row and copies the list. */
  public KpiRow {
    requireNonNull(period, "period");
    requireNonNull(start, "start");
    requireNonNull(scope, "scope");
    requireNonNull(measures, "measures");
    kpis = List.copyOf(kpis);
  }

  /**
   * The value of the KPI with this id, if the report has that KPI.
   *
   * @param id the KPI id
   * @return its value in this row; empty if the report does not have the KPI
   */
  public Optional<KpiValue> kpi(String id) {
    requireNonNull(id, "id");
    return kpis.stream().filter(v -> v.id().equals(id)).findFirst();
  }
}
