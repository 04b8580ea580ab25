package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A target value of a KPI, for one period label ({@code 2026-04}), one scope ({@code all}, {@code
 * channel=ads}), both, or everywhere. When several targets match a cell the most specific wins:
 * period and scope, then scope only, then period only, then the unrestricted one.
 *
 * @param period the period label it applies to; empty for every period
 * @param scope the scope it applies to; empty for every scope
 * @param value the target value, finite
 */
public record Target(Optional<String> period, Optional<String> scope, double value) {

  /**
   * Validates the target.
   *
   * @throws IllegalArgumentException if the value is not finite or a label is blank
   */
  public Target {
    requireNonNull(period, "period");
    requireNonNull(scope, "scope");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("target value " + value + " is not finite");
    }
    if (period.isPresent() && period.get().isBlank()) {
      throw new IllegalArgumentException("target period is blank");
    }
    if (scope.isPresent() && scope.get().isBlank()) {
      throw new IllegalArgumentException("target scope is blank");
    }
  }

  /**
   * A target for every period and scope.
   *
   * @param value the target value, finite
   * @return the target
   */
  public static Target of(double value) {
    return new Target(Optional.empty(), Optional.empty(), value);
  }

  /**
   * A target for one scope in every period.
   *
   * @param scope the scope name, e.g. {@code channel=ads}
   * @param value the target value, finite
   * @return the target
   */
  public static Target forScope(String scope, double value) {
    return new Target(Optional.empty(), Optional.of(scope), value);
  }

  /**
   * A target for one period label in every scope.
   *
   * @param period the period label, e.g. {@code 2026-04}
   * @param value the target value, finite
   * @return the target
   */
  public static Target forPeriod(String period, double value) {
    return new Target(Optional.of(period), Optional.empty(), value);
  }

  /**
   * A target for one period label and one scope.
   *
   * @param period the period label, e.g. {@code 2026-04}
   * @param scope the scope name, e.g. {@code channel=ads}
   * @param value the target value, finite
   * @return the target
   */
  public static Target of(String period, String scope, double value) {
    return new Target(Optional.of(period), Optional.of(scope), value);
  }

  /**
   * Whether the target applies to this cell.
   *
   * @param periodLabel the cell's period label
   * @param scopeName the cell's scope name
   * @return true if the target's period and scope, where given, are the cell's
   */
  public boolean appliesTo(String periodLabel, String scopeName) {
    return period.map(periodLabel::equals).orElse(true)
        && scope.map(scopeName::equals).orElse(true);
  }

  /** 3 for period and scope, 2 for scope only, 1 for period only, 0 for everywhere. */
  int specificity() {
    return (scope.isPresent() ? 2 : 0) + (period.isPresent() ? 1 : 0);
  }
}
