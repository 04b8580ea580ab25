package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a KPI is and how it is computed (METRICS.md "KPIs"): an id, a name, a {@link Kind kind}
 * (outcome or activity), a {@link Unit unit}, a {@link Direction direction}, a {@link Formula} over
 * additive base measures, and optional targets per period and scope. A value: definitions are equal
 * when every component is, the formula by its expression tree ({@link Formula#equals}).
 *
 * <p>Build user-defined KPIs with {@link #builder(String)}:
 *
 * {@snippet :
 * KpiDefinition costPerQualified = KpiDefinition.builder("cost_per_qualified")
 *     .name("Cost per qualified lead")
 *     .outcome()
 *     .costPer(Measure.reached("qualified"))
 *     .target(Target.of(120))
 *     .build();
 * }
 *
 * @param id the id, non-blank, without surrounding whitespace
 * @param name a human name
 * @param kind outcome or activity
 * @param unit what the value counts
 * @param direction which way it improves
 * @param formula how it is computed from a cell's measures
 * @param targets its targets
 */
public record KpiDefinition(
    String id,
    String name,
    Kind kind,
    Unit unit,
    Direction direction,
    Formula formula,
    List<Target> targets) {

  /**
   * Validates the definition.
   *
   * @throws IllegalArgumentException if the id or name is blank or the id has surrounding
   *     whitespace
   */
  public KpiDefinition {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(unit, "unit");
    requireNonNull(direction, "direction");
    requireNonNull(formula, "formula");
    targets = List.copyOf(targets);
    requireId(id);
    if (name.isBlank()) {
      throw new IllegalArgumentException("KPI \"" + id + "\": name is blank");
    }
  }

  private static void requireId(String id) {
    if (id.isBlank() || !id.strip().equals(id)) {
      throw new IllegalArgumentException(
          "KPI id \"" + id + "\" is blank or has surrounding whitespace");
    }
  }

  /**
   * Starts a definition with this id.
   *
   * @param id the id, non-blank, without surrounding whitespace
   * @return a new builder
   * @throws IllegalArgumentException if the id is blank or has surrounding whitespace
   */
  public static Builder builder(String id) {
    requireNonNull(id, "id");
    requireId(id);
    return new Builder(id);
  }

  /**
   * The KPI's value over a cell's measures; absent on a zero denominator or an absent measure or
   * parameter, never infinite.
   *
   * @param cell the cell's measures
   * @param parameters the report's parameters
   * @return the value, or empty when it is absent
   */
  public OptionalDouble compute(Measures cell, KpiParameters parameters) {
    return formula.evaluate(cell, parameters);
  }

  /**
   * The target of this cell: the most specific matching target (see {@link Target}).
   *
   * @param period the cell's period label
   * @param scope the cell's scope name
   * @return the target value; empty if no target applies
   */
  public OptionalDouble target(String period, String scope) {
    Target best = null;
    for (Target t : targets) {
      if (t.appliesTo(period, scope) && (best == null || t.specificity() >= best.specificity())) {
        best = t;
      }
    }
    return best == null ? OptionalDouble.empty() : OptionalDouble.of(best.value());
  }

  /** Directed changes are rounded to 12 decimals. */
  private static final double DECIMALS = 1e12;

  /**
   * Only changes smaller than this in size are rounded: {@code change * 1e12} then stays below
   * 2^53, where doubles still hold every integer.
   */
  private static final double ROUNDED_BELOW = 1e3;

  /**
   * The directed change from {@code before} to {@code after}: the relative change {@code (after -
   * before) / |before|}, sign flipped for lower-is-better KPIs; absent when either value is absent
   * or {@code before} is zero (METRICS.md "KPIs"). Dividing by {@code |before|} keeps a rise of a
   * negative value (a ROMI from -50% to -20%) an improvement.
   *
   * <p>The change is rounded to 12 decimals (below 1,000 in size): KPI values are doubles, and an
   * exact rise of 10% such as a win rate from 7/11 to 7/10 computes as 0.09999999999999995, which
   * compared with the alert threshold 0.10 would miss it. Rounded, it is the double closest to 0.1,
   * as the threshold is.
   *
   * @param before the earlier value
   * @param after the later value
   * @return the directed change: above 0 is an improvement, e.g. 0.1 for 10% better
   */
  public OptionalDouble directedChange(OptionalDouble before, OptionalDouble after) {
    if (before.isEmpty() || after.isEmpty() || before.getAsDouble() == 0) {
      return OptionalDouble.empty();
    }
    double b = before.getAsDouble();
    double change = (after.getAsDouble() - b) / Math.abs(b);
    if (!Double.isFinite(change)) {
      return OptionalDouble.empty();
    }
    if (Math.abs(change) < ROUNDED_BELOW) {
      change = Math.rint(change * DECIMALS) / DECIMALS;
    }
    // + 0.0 turns the -0.0 of an unchanged lower-is-better KPI into 0.0.
    return OptionalDouble.of(direction.sign() * change + 0.0);
  }

  /**
   * This definition with one more target.
   *
   * @param target the target to add
   * @return a copy of this definition with the target added
   */
  public KpiDefinition withTarget(Target target) {
    requireNonNull(target, "target");
    List<Target> ts = new ArrayList<>(targets);
    ts.add(target);
    return new KpiDefinition(id, name, kind, unit, direction, formula, ts);
  }

  /** E.g. {@code cpl (OUTCOME, MONEY, LOWER_IS_BETTER) = spend / leads}. */
  @Override
  public String toString() {
    return id + " (" + kind + ", " + unit + ", " + direction + ") = " + formula;
  }

  /**
   * A fluent builder of a KPI definition. Each option may be set once (a second call throws {@link
   * IllegalStateException}); {@link #build()} checks that kind, direction and the computation are
   * set. Sums default to unit COUNT (MONEY for money measures) and higher-is-better; ratios to
   * RATIO; {@link #costPer(Measure)} to MONEY and lower-is-better.
   */
  public static final class Builder {
    private final String id;
    private Optional<String> name = Optional.empty();
    private Optional<Kind> kind = Optional.empty();
    private Optional<Unit> unit = Optional.empty();
    private Optional<Direction> direction = Optional.empty();
    private Optional<Formula> formula = Optional.empty();
    private Optional<Unit> defaultUnit = Optional.empty();
    private Optional<Direction> defaultDirection = Optional.empty();
    private final List<Target> targets = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    private <T> Optional<T> once(Optional<T> current, String option, T value) {
      requireNonNull(value, option);
      if (current.isPresent()) {
        throw new IllegalStateException(
            "KPI \"" + id + "\": " + option + " was already set to " + current.get());
      }
      return Optional.of(value);
    }

    /**
     * A human name (default: the id).
     *
     * @param value the name, non-blank
     * @return this builder
     */
    public Builder name(String value) {
      if (value.isBlank()) {
        throw new IllegalArgumentException("KPI \"" + id + "\": name is blank");
      }
      name = once(name, "name", value);
      return this;
    }

    /**
     * The kind.
     *
     * @param value the kind
     * @return this builder
     */
    public Builder kind(Kind value) {
      kind = once(kind, "kind", value);
      return this;
    }

    /**
     * Kind {@link Kind#OUTCOME}.
     *
     * @return this builder
     */
    public Builder outcome() {
      return kind(Kind.OUTCOME);
    }

    /**
     * Kind {@link Kind#ACTIVITY}.
     *
     * @return this builder
     */
    public Builder activity() {
      return kind(Kind.ACTIVITY);
    }

    /**
     * The unit (overrides the default of the computation).
     *
     * @param value the unit
     * @return this builder
     */
    public Builder unit(Unit value) {
      unit = once(unit, "unit", value);
      return this;
    }

    /**
     * The direction (overrides the default of the computation).
     *
     * @param value the direction
     * @return this builder
     */
    public Builder direction(Direction value) {
      direction = once(direction, "direction", value);
      return this;
    }

    /**
     * Direction {@link Direction#HIGHER_IS_BETTER}.
     *
     * @return this builder
     */
    public Builder higherIsBetter() {
      return direction(Direction.HIGHER_IS_BETTER);
    }

    /**
     * Direction {@link Direction#LOWER_IS_BETTER}.
     *
     * @return this builder
     */
    public Builder lowerIsBetter() {
      return direction(Direction.LOWER_IS_BETTER);
    }

    /**
     * Adds a target.
     *
     * @param value the target
     * @return this builder
     */
    public Builder target(Target value) {
      targets.add(requireNonNull(value, "target"));
      return this;
    }

    /**
     * The sum of a measure (unit COUNT or MONEY, higher-is-better by default).
     *
     * @param measure the measure
     * @return this builder
     */
    public Builder sum(Measure measure) {
      return computed(
          Formula.of(measure),
          measure.isMoney() ? Unit.MONEY : Unit.COUNT,
          Direction.HIGHER_IS_BETTER);
    }

    /**
     * The ratio of two measures' sums (unit RATIO, higher-is-better by default).
     *
     * @param numerator the measure above the line
     * @param denominator the measure below the line
     * @return this builder
     */
    public Builder ratio(Measure numerator, Measure denominator) {
      return computed(
          Formula.of(numerator).dividedBy(Formula.of(denominator)),
          Unit.RATIO,
          Direction.HIGHER_IS_BETTER);
    }

    /**
     * Cost per unit: marketing spend divided by the measure, e.g. cost per qualified lead with
     * {@code costPer(Measure.reached("qualified"))} (unit MONEY, lower-is-better by default).
     *
     * @param measure the measure
     * @return this builder
     */
    public Builder costPer(Measure measure) {
      return computed(
          Formula.of(Measure.SPEND).dividedBy(Formula.of(measure)),
          Unit.MONEY,
          Direction.LOWER_IS_BETTER);
    }

    /**
     * Any formula; unit and direction must then be set explicitly.
     *
     * @param value the formula
     * @return this builder
     */
    public Builder formula(Formula value) {
      formula = once(formula, "computation", value);
      return this;
    }

    private Builder computed(Formula f, Unit u, Direction d) {
      formula(f);
      defaultUnit = Optional.of(u);
      defaultDirection = Optional.of(d);
      return this;
    }

    /**
     * The definition.
     *
     * @return the definition
     * @throws IllegalStateException naming each missing option
     */
    public KpiDefinition build() {
      List<String> missing = new ArrayList<>();
      if (kind.isEmpty()) {
        missing.add("kind (outcome() or activity())");
      }
      if (formula.isEmpty()) {
        missing.add("computation (sum, ratio, costPer or formula)");
      }
      if (unit.isEmpty() && defaultUnit.isEmpty()) {
        missing.add("unit");
      }
      if (direction.isEmpty() && defaultDirection.isEmpty()) {
        missing.add("direction (higherIsBetter() or lowerIsBetter())");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "KPI \"" + id + "\" is incomplete: set " + String.join(", ", missing));
      }
      return new KpiDefinition(
          id,
          name.orElse(id),
          kind.get(),
          unit.or(() -> defaultUnit).get(),
          direction.or(() -> defaultDirection).get(),
          formula.get(),
          targets);
    }

    /** The options set so far. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("KpiDefinition.builder(\"").append(id).append("\")");
      name.ifPresent(v -> sb.append(".name(\"").append(v).append("\")"));
      kind.ifPresent(v -> sb.append(".kind(").append(v).append(')'));
      unit.ifPresent(v -> sb.append(".unit(").append(v).append(')'));
      direction.ifPresent(v -> sb.append(".direction(").append(v).append(')'));
      formula.ifPresent(v -> sb.append(".formula(").append(v).append(')'));
      targets.forEach(t -> sb.append(".target(").append(t).append(')'));
      return sb.toString();
    }
  }
}
