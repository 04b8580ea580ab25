package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.log.Rejection;

/**
 * A key of a JSON input ({@code pipeline.json}, {@code calendar.json}) that FORMATS.md does not
 * define, which the reader skipped with its value: "more fields may be added", and a CRM's export
 * carries {@code color}, {@code order}, {@code status} and the like. A skipped key is not an error,
 * but nothing in it reaches the result either, so a reader can hear of each one ({@link
 * FunnelFiles#onSkippedKey}) and, for example, list them as {@code funnel validate} does: a key
 * misspelled beyond what the reader recognizes as a misspelling ({@code win_prob} for {@code
 * probability}) shows up here. The keys inside a skipped value go with it and are not reported on
 * their own.
 *
 * @param source the file or source name the reader was given
 * @param line the 1-based line of the key, 0 when unknown
 * @param column the 1-based column of the key in characters as Java counts them (UTF-16 units: a
 *     character beyond U+FFFF, such as an emoji, counts 2; a byte order mark none), 0 when unknown
 * @param object the path of the object that holds the key: empty at the top of the document, {@code
 *     stages[2]} in the third stage
 * @param key the key as read (JSON escapes resolved: <code>"&#92;u0063olor"</code> is {@code
 *     color}), which may be any string, the empty one included
 */
public record SkippedKey(String source, long line, long column, String object, String key) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException if the source, object or key is null
   * @throws IllegalArgumentException if the line or column is negative
   */
  public SkippedKey {
    requireNonNull(source, "source");
    requireNonNull(object, "object");
    requireNonNull(key, "key");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException(
          "line " + line + " and column " + column + " must not be negative (0: unknown)");
    }
  }

  /**
   * The key as messages show it: as read when it is a plain name (ASCII letters, digits, {@code _}
   * and {@code -}, not starting with a digit or {@code -}), otherwise as a JSON string literal
   * whose control, formatting and other invisible characters (private-use, unassigned, spaces other
   * than U+0020, fillers and variation selectors) are escaped as JSON escapes, so that a message
   * stays one visible line ({@code "a.b"}, {@code ""}, {@code "x\n"}, <code>
   * "&#92;u202eevil"</code>).
   *
   * @return the key for messages
   */
  public String name() {
    return plain(key) ? key : quoted(key);
  }

  /**
   * Where the key is in the document: {@code color} at the top, {@code stages[2].color} in the
   * third stage, {@code stages[2]["a.b"]} or {@code [""]} for a key that is not a plain name
   * ({@link #name}).
   *
   * @return the path of the key
   */
  public String path() {
    if (!plain(key)) {
      return object + "[" + name() + "]";
    }
    return object.isEmpty() ? key : object + "." + key;
  }

  /**
   * The key as one line, located as the readers' errors are: {@code pipeline.json:7:7:
   * stages[0].color: not a key of this file, skipped}. The source and the object path are shown as
   * they are: the readers build the path from array indexes and plain keys only (a key that is not
   * a plain name ends a path), and the source is the name the caller gave.
   *
   * @return the message
   */
  public String message() {
    return InputFileException.location(source, line, column)
        + ": "
        + path()
        + ": not a key of this file, skipped";
  }

  private static boolean plain(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean more = (c >= '0' && c <= '9') || c == '-';
      if (!(letter || (i > 0 && more))) {
        return false;
      }
    }
    return true;
  }

  /** The key as a JSON string: quote and backslash escaped, then what does not show. */
  private static String quoted(String key) {
    return '"' + Rejection.visible(key.replace("\\", "\\\\").replace("\"", "\\\"")) + '"';
  }
}
