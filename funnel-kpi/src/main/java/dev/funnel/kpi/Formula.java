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

  /**
   * The expression tree: what the formula computes. Equality of formulas is equality of trees (the
   * nodes are records), and {@link #evaluate} walks the tree, so two equal formulas compute the
   * same value on every cell. The text is not used for equality: it does not determine the tree
   * (the constants 0 and -0.0 both print as {@code 0}, and an activity metric may contain {@code "
   * + "}).
   */
  private sealed interface Node permits Sum, Constant, Param, OrZero, Binary {
    OptionalDouble apply(Measures measures, KpiParameters parameters);
  }

  /** The sum of a measure. */
  private record Sum(Measure measure) implements Node {
    @Override
    public OptionalDouble apply(Measures measures, KpiParameters parameters) {
      Optional<BigDecimal> v = measures.get(measure);
      return v.isPresent() ? OptionalDouble.of(v.get().doubleValue()) : OptionalDouble.empty();
    }
  }

  /** A finite constant; equal as {@link Double#compare} has it (0 and -0.0 differ). */
  private record Constant(double value) implements Node {
    @Override
    public OptionalDouble apply(Measures measures, KpiParameters parameters) {
      return OptionalDouble.of(value);
    }
  }

  /** A parameter of the report. */
  private record Param(Parameter parameter) implements Node {
    @Override
    public OptionalDouble apply(Measures measures, KpiParameters parameters) {
      return parameters.value(parameter);
    }
  }

  /** An operand with an absent value read as zero. */
  private record OrZero(Node operand) implements Node {
    @Override
    public OptionalDouble apply(Measures measures, KpiParameters parameters) {
      OptionalDouble v = operand.apply(measures, parameters);
      return v.isPresent() ? v : OptionalDouble.of(0);
    }
  }

  /** The four operations, with the symbol each prints as. */
  private enum Op {
    PLUS(" + "),
    MINUS(" - "),
    TIMES(" x "),
    DIVIDED_BY(" / ");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    OptionalDouble apply(double a, double b) {
      switch (this) {
        case PLUS:
          return OptionalDouble.of(a + b);
        case MINUS:
          return OptionalDouble.of(a - b);
        case TIMES:
          return OptionalDouble.of(a * b);
        case DIVIDED_BY:
          return b == 0 ? OptionalDouble.empty() : OptionalDouble.of(a / b);
      }
      throw new AssertionError(this);
    }
  }

  /** An operation on two operands; absent when either is, or the result is not finite. */
  private record Binary(Op op, Node left, Node right) implements Node {
    @Override
    public OptionalDouble apply(Measures measures, KpiParameters parameters) {
      OptionalDouble a = left.apply(measures, parameters);
      if (a.isEmpty()) {
        return a;
      }
      OptionalDouble b = right.apply(measures, parameters);
      if (b.isEmpty()) {
        return b;
      }
      OptionalDouble r = op.apply(a.getAsDouble(), b.getAsDouble());
      return r.isPresent() && Double.isFinite(r.getAsDouble()) ? r : OptionalDouble.empty();
    }
  }

  private final Node node;
  private final String text;
  private final boolean compound;
  private final Set<Measure> measures;
  private final Set<Parameter> parameters;

  private Formula(
      Node node, String text, boolean compound, Set<Measure> measures, Set<Parameter> parameters) {
    this.node = node;
    this.text = text;
    this.compound = compound;
    this.measures = Collections.unmodifiableSet(measures);
    this.parameters = Collections.unmodifiableSet(parameters);
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
    return new Formula(new Sum(measure), measure.id(), false, ms, EnumSet.noneOf(Parameter.class));
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
        new Constant(value),
        stripZero(value),
        false,
        new LinkedHashSet<>(),
        EnumSet.noneOf(Parameter.class));
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
        new Param(parameter),
        parameter.name().toLowerCase(java.util.Locale.ROOT),
        false,
        new LinkedHashSet<>(),
        EnumSet.of(parameter));
  }

  /**
   * This formula, with an absent value read as zero (e.g. sales cost "if given").
   *
   * @return the new formula; never absent
   */
  public Formula orZero() {
    return new Formula(
        new OrZero(node),
        "(" + text + " or 0)",
        false,
        new LinkedHashSet<>(measures),
        copy(parameters));
  }

  /**
   * The sum of two formulas.
   *
   * @param other the formula to add
   * @return {@code this + other}
   */
  public Formula plus(Formula other) {
    return combine(Op.PLUS, other);
  }

  /**
   * The difference of two formulas.
   *
   * @param other the formula to subtract
   * @return {@code this - other}
   */
  public Formula minus(Formula other) {
    return combine(Op.MINUS, other);
  }

  /**
   * The product of two formulas.
   *
   * @param other the formula to multiply by
   * @return {@code this x other}
   */
  public Formula times(Formula other) {
    return combine(Op.TIMES, other);
  }

  /**
   * The quotient of two formulas; absent when the denominator is zero or absent.
   *
   * @param other the denominator
   * @return {@code this / other}
   */
  public Formula dividedBy(Formula other) {
    return combine(Op.DIVIDED_BY, other);
  }

  private Formula combine(Op op, Formula other) {
    requireNonNull(other, "other");
    Set<Measure> ms = new LinkedHashSet<>(measures);
    ms.addAll(other.measures);
    Set<Parameter> ps = copy(parameters);
    ps.addAll(other.parameters);
    return new Formula(
        new Binary(op, node, other.node), wrap() + op.symbol + other.wrap(), true, ms, ps);
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
    return node.apply(cell, parameters);
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

  /**
   * Whether the other object is a formula with the same expression tree: the same operations in the
   * same nesting over the same measures, parameters and constants (constants compared as {@link
   * Double#compare} does). {@code (a + b) x c} and {@code a + (b x c)} differ, as do {@code a + b}
   * and {@code b + a}: equality is structural, not algebraic. Equal formulas compute the same value
   * on every cell, so KPI definitions, rows and reports holding them are values.
   *
   * @param o the object to compare with
   * @return true if {@code o} is a formula with the same expression tree
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Formula f && node.equals(f.node);
  }

  /** A hash of the expression tree, consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return node.hashCode();
  }

  /** The formula as text, e.g. {@code spend / leads}. */
  @Override
  public String toString() {
    return text;
  }
}
