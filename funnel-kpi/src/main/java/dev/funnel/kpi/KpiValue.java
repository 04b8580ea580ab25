package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * One KPI in one cell (period and scope): its value, the value of the previous period in the same
 * scope, the directed change between them and the target.
 *
 * @param definition the KPI
 * @param value the value; absent on a zero denominator or missing inputs
 * @param previous the value in the previous period; absent for the first period
 * @param directedChange see {@link KpiDefinition#directedChange(OptionalDouble, OptionalDouble)}
 * @param target the most specific target of the cell
 */
public record KpiValue(
    KpiDefinition definition,
    OptionalDouble value,
    OptionalDouble previous,
    OptionalDouble directedChange,
    OptionalDouble target) {

  /** Validates the value. */
  public KpiValue {
    requireNonNull(definition, "definition");
    requireNonNull(value, "value");
    requireNonNull(previous, "previous");
    requireNonNull(directedChange, "directedChange");
    requireNonNull(target, "target");
  }

  /**
   * The KPI id.
   *
   * @return the KPI id
   */
  public String id() {
    return definition.id();
  }

  /**
   * The KPI kind.
   *
   * @return the KPI kind
   */
  public Kind kind() {
    return definition.kind();
  }

  /**
   * The KPI unit.
   *
   * @return the KPI unit
   */
  public Unit unit() {
    return definition.unit();
  }

  /**
   * How far the value meets its target: {@code value / target} for higher-is-better KPIs, {@code
   * target / value} for lower-is-better ones, so 1 means on target and more is better either way.
   * Absent without a target or value, or when the divisor is zero.
   *
   * @return the attainment; 1 on target, above 1 better than the target
   */
  public OptionalDouble attainment() {
    if (value.isEmpty() || target.isEmpty()) {
      return OptionalDouble.empty();
    }
    double v = value.getAsDouble();
    double t = target.getAsDouble();
    boolean higher = definition.direction() == Direction.HIGHER_IS_BETTER;
    double num = higher ? v : t;
    double den = higher ? t : v;
    return den == 0 ? OptionalDouble.empty() : OptionalDouble.of(num / den);
  }

  @Override
  public String toString() {
    return id() + "=" + Format.value(unit(), value, "");
  }
}
