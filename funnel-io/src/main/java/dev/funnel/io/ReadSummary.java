package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.log.DealLog;
import dev.funnel.log.Rejection;
import dev.funnel.sequence.EventLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounting of the records behind a report: how many were read and which were rejected, with
 * their reasons. Accepted + rejected = read (FORMATS.md "The funnel command"). A report's {@code
 * records} and {@code rejected} sections are written from it.
 *
 * @param read every record read (data rows; headers and blank lines are not records)
 * @param rejections the rejected records, in input order
 */
public record ReadSummary(long read, List<Rejection> rejections) {

  /**
   * Validates the counts and copies the rejections.
   *
   * @throws IllegalArgumentException if read is negative or smaller than the number rejected
   */
  public ReadSummary {
    rejections = List.copyOf(requireNonNull(rejections, "rejections"));
    if (read < rejections.size()) {
      throw new IllegalArgumentException(
          "read " + read + " is less than the " + rejections.size() + " rejected records");
    }
  }

  /**
   * No records at all.
   *
   * @return the summary of no records
   */
  public static ReadSummary empty() {
    return new ReadSummary(0, List.of());
  }

  /**
   * The records of a deal log: its deals and stage changes, accepted and rejected.
   *
   * @param log the deal log
   * @return its summary
   */
  public static ReadSummary of(DealLog log) {
    return new ReadSummary(log.recordsRead(), log.rejections());
  }

  /**
   * The records of an event log.
   *
   * @param log the event log
   * @return its summary
   */
  public static ReadSummary of(EventLog log) {
    return new ReadSummary(log.recordsRead(), log.rejections());
  }

  /**
   * The records of one CSV file.
   *
   * @param result the result of reading the file
   * @return its summary
   */
  public static ReadSummary of(ReadResult<?> result) {
    return new ReadSummary(result.read(), result.rejections());
  }

  /**
   * Every CSV record of a dataset: deals, stage changes and the optional files.
   *
   * @param dataset the dataset
   * @return its summary
   */
  public static ReadSummary of(Dataset dataset) {
    return new ReadSummary(dataset.recordsRead(), dataset.rejections());
  }

  /**
   * The number of rejected records.
   *
   * @return the number of rejected records
   */
  public long rejected() {
    return rejections.size();
  }

  /**
   * The number of accepted records: read minus rejected.
   *
   * @return the number of accepted records
   */
  public long accepted() {
    return read - rejections.size();
  }

  /**
   * The records of both summaries, this one's rejections first.
   *
   * @param other the other summary
   * @return the summary of both
   */
  public ReadSummary plus(ReadSummary other) {
    List<Rejection> all = new ArrayList<>(rejections);
    all.addAll(other.rejections);
    return new ReadSummary(Math.addExact(read, other.read), all);
  }

  /** {@code "12 read, 10 accepted, 2 rejected"}. */
  @Override
  public String toString() {
    return read + " read, " + accepted() + " accepted, " + rejected() + " rejected";
  }
}
