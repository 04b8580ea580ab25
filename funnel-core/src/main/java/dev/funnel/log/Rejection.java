package dev.funnel.log;

import static java.util.Objects.requireNonNull;

/**
 * An input record that was not accepted, and why. Strict reading fails with the first one (as a
 * {@link RejectedRecordException}); lenient reading lists them all. Either way accepted + rejected
 * = records read.
 *
 * @param source the file or source of the record ({@code deals.csv})
 * @param line its 1-based line (or record number), 0 when unknown
 * @param field the field at fault, empty when the record as a whole is at fault
 * @param value the offending value as read, empty when there is none
 * @param reason what rule the record breaks
 */
public record Rejection(String source, long line, String field, String value, String reason) {

  /** Validates the rejection. */
  public Rejection {
    requireNonNull(source, "source");
    requireNonNull(field, "field");
    requireNonNull(value, "value");
    requireNonNull(reason, "reason");
    if (line < 0) {
      throw new IllegalArgumentException("line " + line + " is negative");
    }
  }

  /** A rejection of the record at this origin. */
  public static Rejection of(Origin origin, String field, String value, String reason) {
    return new Rejection(origin.source(), origin.line(), field, value, reason);
  }

  /** Where the record came from. */
  public Origin origin() {
    return new Origin(source, line);
  }

  /**
   * The one-line message, e.g. {@code deals.csv:17: created_at: "2026-13-01": not an ISO-8601
   * timestamp}.
   */
  public String message() {
    StringBuilder sb = new StringBuilder(origin().toString()).append(": ");
    if (!field.isEmpty()) {
      sb.append(field).append(": ");
    }
    if (!value.isEmpty()) {
      sb.append('"').append(abbreviate(value)).append("\": ");
    }
    return sb.append(reason).toString();
  }

  private static String abbreviate(String v) {
    return v.length() <= 80 ? v : v.substring(0, 77) + "...";
  }

  @Override
  public String toString() {
    return message();
  }
}
