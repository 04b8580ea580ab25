package dev.funnel.io.internal;

/**
 * A cell that cannot be read: the column, the value as read and the rule it breaks. Carries no
 * stack trace; it becomes a {@code Rejection} at once.
 */
public final class CellException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String value;

  /** A bad cell of this column. */
  public CellException(String field, String value, String reason) {
    super(reason, null, false, false);
    this.field = field;
    this.value = value;
  }

  /** The column name, empty when the row as a whole is at fault. */
  public String field() {
    return field;
  }

  /** The value as read, empty when there is none. */
  public String value() {
    return value;
  }

  /** The rule that the value breaks. */
  public String reason() {
    return getMessage();
  }
}
