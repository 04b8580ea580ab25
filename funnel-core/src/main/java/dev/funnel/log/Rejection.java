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

  /**
   * Validates the rejection.
   *
   * @throws IllegalArgumentException if the line is negative
   */
  public Rejection {
    requireNonNull(source, "source");
    requireNonNull(field, "field");
    requireNonNull(value, "value");
    requireNonNull(reason, "reason");
    if (line < 0) {
      throw new IllegalArgumentException("line " + line + " is negative");
    }
  }

  /**
   * A rejection of the record at this origin.
   *
   * @param origin the record's source and line
   * @param field the field at fault, empty when the record as a whole is at fault
   * @param value the offending value as read, empty when there is none
   * @param reason what rule the record breaks
   * @return the rejection
   */
  public static Rejection of(Origin origin, String field, String value, String reason) {
    return new Rejection(origin.source(), origin.line(), field, value, reason);
  }

  /**
   * Where the record came from.
   *
   * @return the record's source and line
   */
  public Origin origin() {
    return new Origin(source, line);
  }

  /**
   * The one-line message, e.g. {@code deals.csv:17: created_at: "2026-13-01": not an ISO-8601
   * timestamp}. Line breaks and other control characters are written as backslash escapes (a line
   * break as backslash n, others as backslash u and four hex digits), so that every problem is one
   * line.
   *
   * @return the message, without a line break
   */
  public String message() {
    StringBuilder sb = new StringBuilder(oneLine(origin().toString())).append(": ");
    if (!field.isEmpty()) {
      sb.append(oneLine(field)).append(": ");
    }
    if (!value.isEmpty()) {
      sb.append('"').append(oneLine(abbreviate(value))).append("\": ");
    }
    return sb.append(oneLine(reason)).toString();
  }

  private static String abbreviate(String v) {
    return v.length() <= 80 ? v : v.substring(0, 77) + "...";
  }

  private static String oneLine(String s) {
    if (s.chars().noneMatch(Character::isISOControl)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (Character.isISOControl(c)) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
