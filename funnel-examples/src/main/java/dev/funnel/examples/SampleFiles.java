package dev.funnel.examples;

import static java.util.Objects.requireNonNull;

import dev.funnel.examples.internal.FileSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a sample as the files of FORMATS.md: {@code pipeline.json}, {@code calendar.json}, {@code
 * deals.csv}, {@code stage_changes.csv}, {@code leads.csv}, {@code touches.csv}, {@code spend.csv},
 * {@code activity.csv} and {@code events.csv}. CSV files are UTF-8 with a header row, RFC 4180
 * quoting where needed and {@code \n} line ends; deals and stage changes carry UTC instants ({@code
 * Z}), leads, touches and events the Berlin offset ({@code +01:00}/{@code +02:00}); amounts are
 * plain decimals with a currency column. {@code deals.csv} has one attribute column, {@code
 * segment}. The same spec writes the same bytes.
 */
public final class SampleFiles {
  private SampleFiles() {}

  /** The names of the files {@link #write} writes, in the order of this class's description. */
  public static final List<String> NAMES =
      List.of(
          "pipeline.json",
          "calendar.json",
          "deals.csv",
          "stage_changes.csv",
          "leads.csv",
          "touches.csv",
          "spend.csv",
          "activity.csv",
          "events.csv");

  /**
   * Writes the sample into this directory (created if needed; files of the same names are
   * replaced), streaming rows as they are generated.
   *
   * @param spec the sample spec
   * @param dir the directory
   * @return the files written
   * @throws UncheckedIOException if a file cannot be written
   */
  public static List<Path> write(SampleSpec spec, Path dir) {
    requireNonNull(spec, "spec");
    requireNonNull(dir, "dir");
    FileSink sink = new FileSink(dir);
    try (sink) {
      SampleData.generate(spec, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the sample to " + dir + ": " + e.getMessage(), e);
    }
    return sink.files();
  }
}
