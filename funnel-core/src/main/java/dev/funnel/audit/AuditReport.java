package dev.funnel.audit;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.process.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The graded must-haves (see {@link Audit}) and the summary: how many are missing (FAIL).
 *
 * @param asOf the as-of instant
 * @param items one per must-have, in {@link MustHave} order
 */
public record AuditReport(Instant asOf, List<AuditItem> items) {
  /** The verdict when three or more must-haves are missing. */
  public static final String VERDICT = "marketing money is being lost whatever the campaigns do";

  /**
   * Validates the report.
   *
   * @throws IllegalArgumentException unless the items are one per must-have, in {@link MustHave}
   *     order
   */
  public AuditReport {
    requireNonNull(asOf, "asOf");
    items = List.copyOf(items);
    MustHave[] all = MustHave.values();
    boolean inOrder = items.size() == all.length;
    for (int i = 0; inOrder && i < all.length; i++) {
      inOrder = items.get(i).mustHave() == all[i];
    }
    if (!inOrder) {
      throw new IllegalArgumentException(
          "an audit has one item per must-have, in MustHave order: got "
              + items.stream().map(i -> i.mustHave().name()).toList());
    }
  }

  /**
   * The number of items graded this way.
   *
   * @param grade the grade to count
   * @return how many items have this grade
   */
  public long count(Grade grade) {
    return items.stream().filter(i -> i.grade() == grade).count();
  }

  /**
   * Missing must-haves: those graded FAIL.
   *
   * @return how many items are graded FAIL
   */
  public long missing() {
    return count(Grade.FAIL);
  }

  /**
   * The item of this must-have.
   *
   * @param mustHave the must-have
   * @return its graded item
   */
  public AuditItem item(MustHave mustHave) {
    return items.get(requireNonNull(mustHave, "mustHave").ordinal());
  }

  /**
   * {@code "3 of 8 must-haves missing (2 warnings): marketing money is being lost whatever the
   * campaigns do"}; the verdict is added with three or more missing.
   *
   * @return the summary line, without a line break
   */
  public String summary() {
    long missing = missing();
    long warn = count(Grade.WARN);
    return missing
        + " of "
        + items.size()
        + " must-haves missing"
        + (warn > 0 ? " (" + warn + (warn == 1 ? " warning)" : " warnings)") : "")
        + (missing >= 3 ? ": " + VERDICT : "");
  }

  /** The items as a table and the summary line. */
  @Override
  public String toString() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"must-have", "grade", "evidence", "threshold"});
    for (AuditItem i : items) {
      rows.add(new String[] {i.mustHave().label(), i.grade().name(), i.evidence(), i.threshold()});
    }
    return "Process audit as of " + asOf + "\n" + Text.align(rows, 4) + summary() + "\n";
  }
}
