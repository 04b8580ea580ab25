package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.io.internal.CsvReaders;
import dev.funnel.io.internal.StrictUtf8Reader;
import dev.funnel.log.Origin;
import dev.funnel.model.SpendSample;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * The spend of a {@code spend.csv} together with where each accepted row came from (file and line),
 * so that a check across rows can name the line, such as a cost in another currency than the deals:
 * {@code spend.csv:3: currency: "USD": spend is in USD but deals are in EUR: ...}.
 *
 * <p>Reading follows {@link FunnelFiles#spend(java.nio.file.Path)} exactly (same columns, strict or
 * lenient, same rejections); only the origins are added.
 *
 * @param spend the spend read, in file order
 * @param origins the origin of each accepted row, same order and size as {@code spend.records()}
 */
public record SpendRecords(ReadResult<SpendSample> spend, List<Origin> origins) {

  /**
   * Validates the sizes.
   *
   * @throws IllegalArgumentException if there is not one origin per accepted row
   */
  public SpendRecords {
    requireNonNull(spend, "spend");
    origins = List.copyOf(origins);
    if (origins.size() != spend.records().size()) {
      throw new IllegalArgumentException(
          origins.size() + " origins for " + spend.records().size() + " spend rows");
    }
  }

  /**
   * Reads spend from a UTF-8 byte stream (closed when done), named {@code source} in messages, in
   * the mode of these readers.
   *
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @param in the UTF-8 bytes of the CSV
   * @param source the name of the stream in messages, e.g. {@code spend.csv}
   * @return the spend samples read, with their origins
   * @throws dev.funnel.log.RejectedRecordException in strict mode, at the first bad row
   * @throws InputFileException if the file is unusable
   * @throws IOException if the stream cannot be read
   */
  public static SpendRecords read(FunnelFiles files, InputStream in, String source)
      throws IOException {
    requireNonNull(files, "files");
    requireNonNull(in, "in");
    requireNonNull(source, "source");
    Located<SpendSample> read =
        Located.read(files, new StrictUtf8Reader(in), source, CsvReaders.SPEND, CsvReaders::spend);
    return new SpendRecords(read.result(), read.origins());
  }

  /**
   * These rows without those dated outside {@code [first, last]}, each rejected on {@code date}
   * with the reason of the bound it crosses, in one pass: in strict mode the first such row of the
   * file throws, in lenient mode each moves to the rejections (accepted + rejected = read still
   * holds). For bounds a reader cannot know, such as the days a deal log can measure.
   *
   * @param first the earliest date a row may have
   * @param last the latest date a row may have
   * @param beforeReason why an earlier row is rejected
   * @param afterReason why a later row is rejected
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @return the rows kept, with their origins; this object when none is dropped
   * @throws dev.funnel.log.RejectedRecordException in strict mode, at the first such row
   */
  public SpendRecords within(
      LocalDate first, LocalDate last, String beforeReason, String afterReason, FunnelFiles files) {
    requireNonNull(first, "first");
    requireNonNull(last, "last");
    requireNonNull(beforeReason, "beforeReason");
    requireNonNull(afterReason, "afterReason");
    requireNonNull(files, "files");
    Located<SpendSample> kept =
        new Located<>(spend, origins)
            .keepDated(SpendSample::date, first, last, beforeReason, afterReason, files);
    return kept.result() == spend ? this : new SpendRecords(kept.result(), kept.origins());
  }
}
