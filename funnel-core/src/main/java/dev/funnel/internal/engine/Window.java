package dev.funnel.internal.engine;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.columns.ColumnarDealLog;
import java.time.Instant;
import java.util.Optional;

/**
 * The cohort and as-of options every query builder shares, set once each, with the messages the
 * public builders document: a bad value throws {@link IllegalArgumentException}, a second call
 * {@link IllegalStateException}.
 */
public final class Window {
  private Optional<Instant> from = Optional.empty();
  private Optional<Instant> to = Optional.empty();
  private boolean cohortSet;
  private Optional<Instant> asOf = Optional.empty();

  /** Selects deals created in {@code [from, to)}. */
  public void cohort(Instant from, Instant to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    checkUnset(cohortSet);
    checkNotEmpty(from, to);
    this.from = Optional.of(from);
    this.to = Optional.of(to);
    cohortSet = true;
  }

  /**
   * Selects deals created at or after {@code from}; with {@link #createdBefore} the cohort {@code
   * [from, to)}.
   */
  public void createdFrom(Instant from) {
    requireNonNull(from, "from");
    checkUnset(this.from.isPresent());
    to.ifPresent(t -> checkNotEmpty(from, t));
    this.from = Optional.of(from);
    cohortSet = true;
  }

  /**
   * Selects deals created before {@code to}; with {@link #createdFrom} the cohort {@code [from,
   * to)}.
   */
  public void createdBefore(Instant to) {
    requireNonNull(to, "to");
    checkUnset(this.to.isPresent());
    from.ifPresent(f -> checkNotEmpty(f, to));
    this.to = Optional.of(to);
    cohortSet = true;
  }

  private void checkUnset(boolean set) {
    if (set) {
      throw new IllegalStateException("cohort was already set to " + describeCohort());
    }
  }

  private static void checkNotEmpty(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException(
          "cohort [" + from + ", " + to + ") is empty: 'to' must be after 'from'");
    }
  }

  /** Sees the log as it was at this instant. */
  public void asOf(Instant instant) {
    requireNonNull(instant, "instant");
    if (asOf.isPresent()) {
      throw new IllegalStateException("asOf was already set to " + asOf.get());
    }
    asOf = Optional.of(instant);
  }

  public Optional<Instant> from() {
    return from;
  }

  public Optional<Instant> to() {
    return to;
  }

  public Optional<Instant> asOf() {
    return asOf;
  }

  /** {@code [from, to)} with {@code -inf} / {@code +inf} for an open end. */
  public String describeCohort() {
    return "["
        + from.map(Object::toString).orElse("-inf")
        + ", "
        + to.map(Object::toString).orElse("+inf")
        + ")";
  }

  /** Appends the options set, e.g. {@code .cohort[a, b).asOf(t)}, for a builder's toString. */
  public StringBuilder appendTo(StringBuilder sb) {
    if (cohortSet) {
      sb.append(".cohort").append(describeCohort());
    }
    asOf.ifPresent(t -> sb.append(".asOf(").append(t).append(')'));
    return sb;
  }

  /** The deals these options select in a log. */
  public Selection resolve(ColumnarDealLog log) {
    return Selection.of(log, from, to, asOf);
  }
}
