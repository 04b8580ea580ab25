package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The numbers a KPI report is given rather than measures: gross margin (default 1), customer
 * lifetime value and monthly revenue per customer (absent unless given), the last two in the
 * report's currency.
 *
 * @param margin the gross margin, in [0, 1]
 * @param ltv customer lifetime value, not negative
 * @param monthlyRevenuePerCustomer monthly revenue per customer, not negative
 */
public record KpiParameters(
    double margin, Optional<BigDecimal> ltv, Optional<BigDecimal> monthlyRevenuePerCustomer) {

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException if the margin is outside [0, 1] or an amount is negative
   */
  public KpiParameters {
    requireNonNull(ltv, "ltv");
    requireNonNull(monthlyRevenuePerCustomer, "monthlyRevenuePerCustomer");
    if (!(margin >= 0 && margin <= 1)) {
      throw new IllegalArgumentException("margin " + margin + " is not in [0, 1]");
    }
    ltv.ifPresent(v -> requireNotNegative("ltv", v));
    monthlyRevenuePerCustomer.ifPresent(v -> requireNotNegative("monthly revenue per customer", v));
  }

  private static void requireNotNegative(String name, BigDecimal value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " " + value.toPlainString() + " is negative");
    }
  }

  /**
   * Margin 1, no LTV, no monthly revenue per customer.
   *
   * @return the default parameters
   */
  public static KpiParameters defaults() {
    return new KpiParameters(1, Optional.empty(), Optional.empty());
  }

  /**
   * The parameter's value, absent when it was not given.
   *
   * @param parameter the parameter
   * @return its value; the margin is always present
   */
  public OptionalDouble value(Parameter parameter) {
    switch (requireNonNull(parameter, "parameter")) {
      case MARGIN:
        return OptionalDouble.of(margin);
      case LTV:
        return ltv.map(v -> OptionalDouble.of(v.doubleValue())).orElse(OptionalDouble.empty());
      case MONTHLY_REVENUE_PER_CUSTOMER:
        return monthlyRevenuePerCustomer
            .map(v -> OptionalDouble.of(v.doubleValue()))
            .orElse(OptionalDouble.empty());
    }
    throw new AssertionError(parameter);
  }
}
