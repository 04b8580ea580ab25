package dev.funnel.io;

import static java.util.Objects.requireNonNull;

/**
 * A whole input file is unusable: it is empty, its header lacks a required column or repeats one,
 * it is not UTF-8, a quoted cell runs to the end of the file, a cell exceeds the size limit, or its
 * JSON is malformed or lacks a field. Thrown in strict and lenient mode alike, since no record of
 * the file (or none after the fault) can be trusted. The message reads {@code file:line[:column]:
 * detail}, for example {@code deals.csv:1: header: required column "created_at" is missing (found:
 * deal_id, owner)}.
 */
public final class InputFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The file or source name. */
  private final String source;

  /** The line, from 1; 0 when unknown. */
  private final long line;

  /** The column, from 1; 0 when unknown. */
  private final long column;

  /**
   * An error of this source at this line and column (each 0 when unknown).
   *
   * @param source the file name or source description
   * @param line the 1-based line, 0 when the file as a whole is at fault
   * @param column the 1-based column (JSON), 0 when unknown
   * @param detail what is wrong, without the location
   */
  public InputFileException(String source, long line, long column, String detail) {
    super(location(requireNonNull(source, "source"), line, column) + ": " + detail);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /** {@code source:line:column}, leaving out a line or column of 0 (unknown). */
  static String location(String source, long line, long column) {
    return source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
  }

  /**
   * The file name or source description.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * The 1-based line of the fault, 0 when the file as a whole is at fault.
   *
   * @return the line, or 0
   */
  public long line() {
    return line;
  }

  /**
   * The 1-based column of the fault (JSON files), 0 when unknown.
   *
   * @return the column, or 0
   */
  public long column() {
    return column;
  }
}
