package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.io.internal.CsvReaders;
import dev.funnel.io.internal.CsvTable;
import dev.funnel.io.internal.StrictUtf8Reader;
import dev.funnel.log.Origin;
import dev.funnel.model.SpendSample;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
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
   * @throws dev.funnel.log.RejectedRecordException in strict mode, at the first bad row
   * @throws InputFileException if the file is unusable
   * @throws IOException if the stream cannot be read
   */
  public static SpendRecords read(FunnelFiles files, InputStream in, String source)
      throws IOException {
    requireNonNull(files, "files");
    requireNonNull(in, "in");
    requireNonNull(source, "source");
    List<Origin> origins = new ArrayList<>();
    try (Reader r = new StrictUtf8Reader(in);
        CsvTable t = CsvTable.open(r, source, files.maxCellLength(), CsvReaders.SPEND)) {
      CsvReaders.RowParser<SpendSample> parser = CsvReaders.spend(t);
      ReadResult<SpendSample> result =
          CsvReaders.all(
              t,
              files.isLenient(),
              row -> {
                SpendSample s = parser.parse(row);
                origins.add(new Origin(row.source(), row.line()));
                return s;
              });
      return new SpendRecords(result, origins);
    }
  }
}
