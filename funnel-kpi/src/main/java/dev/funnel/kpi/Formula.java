package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How a KPI is computed from the base {@link Measures} of a cell: an arithmetic expression over
 * measure sums, constants and {@link Parameter parameters}. Because a formula sees only sums, the
 * KPI of a merged cell (a quarter, the whole) is computed from merged parts, never averaged.
 *
 * <p>Absent values propagate: a measure that is absent in the cell (spend or activity without
 * records), a parameter that was not given, or a division by zero make the whole value absent,
 * never infinity or NaN (METRICS.md "KPIs").
 *
 * {@snippet :
 * Formula costPerQualified = Formula.of(Measure.SPEND).dividedBy(Formula.of(Measure.reached("qualified")));
 * }
 */
public final class Formula {

  private interface Eval {
    OptionalDouble apply(Measures measures, KpiParameters parameters);
  }

  private final String text;
  private final boolean compound;
  private final Set<Measure> measures;
  private final Set<Parameter> parameters;
  private final Eval eval;

  private Formula(
      String text, boolean compound, Set<Measure> measures, Set<Parameter> parameters, Eval eval) {
    this.text = text;
    this.compound = compound;
    this.measures = Collections.unmodifiableSet(measures);
    this.parameters = Collections.unmodifiableSet(parameters);
    this.eval = eval;
  }

  /**
   * The sum of a measure in the cell; absent when the measure is absent there.
   *
   * @param measure the measure
   * @return the formula
   */
  public static Formula of(Measure measure) {
    requireNonNull(measure, "measure");
    Set<Measure> ms = new LinkedHashSet<>();
    ms.add(measure);
    return new Formula(
        measure.id(),
        false,
        ms,
        EnumSet.noneOf(Parameter.class),
        (m, p) -> toDouble(m.get(measure)));
  }

  private static OptionalDouble toDouble(Optional<BigDecimal> v) {
    return v.isPresent() ? OptionalDouble.of(v.get().doubleValue()) : OptionalDouble.empty();
  }

  /**
   * A constant.
   *
   * @param value the constant, finite
   * @return the formula
   * @throws IllegalArgumentException if the constant is not finite
   */
  public static Formula constant(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("constant " + value + " is not finite");
    }
    return new Formula(
        stripZero(value),
        false,
        new LinkedHashSet<>(),
        EnumSet.noneOf(Parameter.class),
        (m, p) -> OptionalDouble.of(value));
  }

  private static String stripZero(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * A parameter of the report; absent when it was not given.
   *
   * @param parameter the parameter
   * @return the formula
   */
  public static Formula parameter(Parameter parameter) {
    requireNonNull(parameter, "parameter");
    return new Formula(
        parameter.name().toLowerCase(java.util.Locale.ROOT),
        false,
        new LinkedHashSet<>(),
        EnumSet.of(parameter),
        (m, p) -> p.value(parameter));
  }

  /**
   * This formula, with an absent value read as zero (e.g. sales cost "if given").
   *
   * @return the new formula; never absent
   */
  public Formula orZero() {
    Eval inner = eval;
    return new Formula(
        "(" + text + " or 0)",
        false,
        new LinkedHashSet<>(measures),
        copy(parameters),
        (m, p) -> {
          OptionalDouble v = inner.apply(m, p);
          return v.isPresent() ? v : OptionalDouble.of(0);
        });
  }

  /**
   * The sum of two formulas.
   *
   * @param other the formula to add
   * @return {@code this + other}
   */
  public Formula plus(Formula other) {
    return combine(other, " + ", (a, b) -> OptionalDouble.of(a + b));
  }

  /**
   * The difference of two formulas.
   *
   * @param other the formula to subtract
   * @return {@code this - other}
   */
  public Formula minus(Formula other) {
    return combine(other, " - ", (a, b) -> OptionalDouble.of(a - b));
  }

  /**
   * The product of two formulas.
   *
   * @param other the formula to multiply by
   * @return {@code this x other}
   */
  public Formula times(Formula other) {
    return combine(other, " x ", (a, b) -> OptionalDouble.of(a * b));
  }

  /**
   * The quotient of two formulas; absent when the denominator is zero or absent.
   *
   * @param other the denominator
   * @return {@code this / other}
   */
  public Formula dividedBy(Formula other) {
    return combine(
        other, " / ", (a, b) -> b == 0 ? OptionalDouble.empty() : OptionalDouble.of(a / b));
  }

  private interface Op {
    OptionalDouble apply(double a, double b);
  }

  private Formula combine(Formula other, String symbol, Op op) {
    requireNonNull(other, "other");
    Eval left = eval;
    Eval right = other.eval;
    Set<Measure> ms = new LinkedHashSet<>(measures);
    ms.addAll(other.measures);
    Set<Parameter> ps = copy(parameters);
    ps.addAll(other.parameters);
    return new Formula(
        wrap() + symbol + other.wrap(),
        true,
        ms,
        ps,
        (m, p) -> {
          OptionalDouble a = left.apply(m, p);
          if (a.isEmpty()) {
            return a;
          }
          OptionalDouble b = right.apply(m, p);
          if (b.isEmpty()) {
            return b;
          }
          OptionalDouble r = op.apply(a.getAsDouble(), b.getAsDouble());
          return r.isPresent() && Double.isFinite(r.getAsDouble()) ? r : OptionalDouble.empty();
        });
  }

  private static Set<Parameter> copy(Set<Parameter> ps) {
    Set<Parameter> out = EnumSet.noneOf(Parameter.class);
    out.addAll(ps);
    return out;
  }

  private String wrap() {
    return compound ? "(" + text + ")" : text;
  }

  /**
   * The value of the formula over a cell's measures; absent as the class comment says.
   *
   * @param cell the cell's measures
   * @param parameters the report's parameters
   * @return the value, or empty when it is absent
   */
  public OptionalDouble evaluate(Measures cell, KpiParameters parameters) {
    requireNonNull(cell, "cell");
    requireNonNull(parameters, "parameters");
    return eval.apply(cell, parameters);
  }

  /**
   * The measures the formula reads, in order of appearance.
   *
   * @return the measures, read-only
   */
  public Set<Measure> measures() {
    return measures;
  }

  /**
   * The parameters the formula reads.
   *
   * @return the parameters, read-only
   */
  public Set<Parameter> parameters() {
    return parameters;
  }

  /** The formula as text, e.g. {@code spend / leads}. */
  @Override
  public String toString() {
    return text;
  }
}
