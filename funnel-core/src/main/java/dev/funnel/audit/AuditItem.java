package dev.funnel.audit;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * The grade of one must-have, with its evidence.
 *
 * @param mustHave what is graded
 * @param grade PASS, WARN or FAIL
 * @param figure the evidence figure; absent when it could not be measured (then the grade is FAIL)
 * @param evidence the figure in words, e.g. {@code "compliance 84.0% (42/50 leads)"} or {@code "not
 *     measurable: no touches"}
 * @param threshold the thresholds used, e.g. {@code "PASS >= 90.0%, WARN >= 70.0%"}
 */
public record AuditItem(
    MustHave mustHave, Grade grade, OptionalDouble figure, String evidence, String threshold) {

  /**
   * Validates the item.
   *
   * @throws IllegalArgumentException if a missing figure is not graded FAIL
   */
  public AuditItem {
    requireNonNull(mustHave, "mustHave");
    requireNonNull(grade, "grade");
    requireNonNull(figure, "figure");
    requireNonNull(evidence, "evidence");
    requireNonNull(threshold, "threshold");
    if (figure.isEmpty() && grade != Grade.FAIL) {
      throw new IllegalArgumentException(mustHave + ": an item without a figure is FAIL");
    }
  }
}
