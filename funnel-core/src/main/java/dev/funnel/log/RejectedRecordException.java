package dev.funnel.log;

/**
 * Thrown in strict mode by the first input record that is not accepted. The message is the
 * rejection's one-line message, naming the source, line, field, value and rule.
 */
public final class RejectedRecordException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The rejected record, serialized with the exception. */
  private final Rejection rejection;

  /**
   * An exception for this rejection.
   *
   * @param rejection the rejected record; its message is the exception's
   */
  public RejectedRecordException(Rejection rejection) {
    super(rejection.message());
    this.rejection = rejection;
  }

  /**
   * The rejection, with its source, line, field, value and reason.
   *
   * @return the rejected record
   */
  public Rejection rejection() {
    return rejection;
  }
}
