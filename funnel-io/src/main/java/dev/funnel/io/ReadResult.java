package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.log.Rejection;
import java.util.List;

/**
 * The records read from one file: those accepted, those rejected with their reasons (lenient
 * reading; strict reading fails on the first instead), and the count read. Accepted + rejected =
 * read.
 *
 * @param <T> the record type
 * @param records the accepted records, in file order
 * @param rejections the rejected records, in file order
 * @param read every record read (data rows; the header and blank lines are not records)
 */
public record ReadResult<T>(List<T> records, List<Rejection> rejections, long read) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if accepted + rejected differs from read
   */
  public ReadResult {
    records = List.copyOf(records);
    rejections = List.copyOf(requireNonNull(rejections, "rejections"));
    if (records.size() + (long) rejections.size() != read) {
      throw new IllegalArgumentException(
          records.size()
              + " accepted + "
              + rejections.size()
              + " rejected records differ from the "
              + read
              + " read");
    }
  }
}
