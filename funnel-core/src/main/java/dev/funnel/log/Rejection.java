package dev.funnel.log;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.text.Visible;

/**
 * An input record that was not accepted, and why. Strict reading fails with the first one (as a
 * {@link RejectedRecordException}); lenient reading lists them all. Either way accepted + rejected
 * = records read. Serializable, so that the exception carrying it is too (a record: reading one
 * back runs this validation).
 *
 * @param source the file or source of the record ({@code deals.csv})
 * @param line its 1-based line (or record number), 0 when unknown
 * @param field the field at fault, empty when the record as a whole is at fault
 * @param value the offending value as read, empty when there is none
 * @param reason what rule the record breaks
 */
public record Rejection(String source, long line, String field, String value, String reason)
    implements java.io.Serializable {

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
   * timestamp}. Every character that does not show as itself is written as a JSON-style escape:
   * line breaks and tabs as backslash n, r and t, other controls and invisible characters (a
   * zero-width space, a bidirectional override, a no-break space) as backslash u and four hex
   * digits. So every problem is one line, and a value that differs from the expected one by an
   * invisible character shows where. The source is the caller's name for the file and is kept as
   * given, unless it holds a line break or another control character.
   *
   * @return the message, without a line break
   */
  public String message() {
    // The source is the caller's name for the file, shown as InputFileException shows it (a path
    // one can paste), unless a line break or another control would split or hide the line.
    String where = origin().toString();
    boolean controls = where.chars().anyMatch(Character::isISOControl);
    StringBuilder sb = new StringBuilder(controls ? Visible.escape(where) : where).append(": ");
    if (!field.isEmpty()) {
      sb.append(Visible.escape(field)).append(": ");
    }
    if (!value.isEmpty()) {
      sb.append('"').append(Visible.escape(abbreviate(value))).append("\": ");
    }
    return sb.append(Visible.escape(reason)).toString();
  }

  /**
   * Text from an input file as the library's messages write it: every character that does not show
   * as itself on one line becomes a JSON-style escape (a line break as backslash n, a zero-width
   * space as backslash u200b), and every other character, backslashes and quotes included, stays.
   * {@link #message()} writes each of its parts so; the file readers write their faults so.
   *
   * @param text any text
   * @return the text as one visible line, the same string when every character shows
   */
  public static String visible(String text) {
    return Visible.escape(requireNonNull(text, "text"));
  }

  /** The value cut to 77 chars and "..." when longer than 80, never inside a surrogate pair. */
  private static String abbreviate(String v) {
    if (v.length() <= 80) {
      return v;
    }
    return v.substring(0, Character.isHighSurrogate(v.charAt(76)) ? 76 : 77) + "...";
  }

  @Override
  public String toString() {
    return message();
  }
}
