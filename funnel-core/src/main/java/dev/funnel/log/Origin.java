package dev.funnel.log;

import static java.util.Objects.requireNonNull;

/**
 * Where an input record came from: a file (or other source) and its line, from 1. Records added
 * through the API without an origin are numbered per kind ({@code deals:3} is the third deal
 * added).
 *
 * @param source the file name or source description
 * @param line the 1-based line (or record number); 0 when unknown
 */
public record Origin(String source, long line) {

  /**
   * Validates the origin.
   *
   * @throws IllegalArgumentException if the line is negative
   */
  public Origin {
    requireNonNull(source, "source");
    if (line < 0) {
      throw new IllegalArgumentException("line " + line + " is negative");
    }
  }

  @Override
  public String toString() {
    return line == 0 ? source : source + ":" + line;
  }
}
