package dev.funnel.io;

import static java.util.Objects.requireNonNull;

/**
 * A key of a JSON input ({@code pipeline.json}, {@code calendar.json}) that FORMATS.md does not
 * define, which the reader skipped with its value: "more fields may be added", and a CRM's export
 * carries {@code color}, {@code order}, {@code status} and the like. A skipped key is not an error,
 * but nothing in it reaches the result either, so a reader can hear of each one ({@link
 * FunnelFiles#skippedKeys}) and, for example, list them as {@code funnel validate} does: a key
 * misspelled beyond what the reader recognizes as a misspelling ({@code win_prob} for {@code
 * probability}) shows up here.
 *
 * @param source the file or source name the reader was given
 * @param line the 1-based line of the key, 0 when unknown
 * @param column the 1-based column of the key, 0 when unknown
 * @param path where the key is in the document: {@code color} at the top, {@code stages[2].color}
 *     in the third stage
 */
public record SkippedKey(String source, long line, long column, String path) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if the line or column is negative or the path is empty
   */
  public SkippedKey {
    requireNonNull(source, "source");
    requireNonNull(path, "path");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException(
          "line " + line + " and column " + column + " must not be negative (0: unknown)");
    }
    if (path.isEmpty()) {
      throw new IllegalArgumentException("the path of a skipped key is empty");
    }
  }

  /**
   * The key itself, without the path of its object: {@code color} for {@code stages[2].color}.
   *
   * @return the key
   */
  public String key() {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  /**
   * The key as one line, located as the readers' errors are: {@code pipeline.json:7:7:
   * stages[0].color: not a key of this file, skipped}.
   *
   * @return the message
   */
  public String message() {
    return source
        + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "")
        + ": "
        + path
        + ": not a key of this file, skipped";
  }
}
