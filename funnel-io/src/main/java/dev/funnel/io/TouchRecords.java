package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.io.internal.CsvReaders;
import dev.funnel.io.internal.StrictUtf8Reader;
import dev.funnel.log.Origin;
import dev.funnel.log.Rejection;
import dev.funnel.model.Lead;
import dev.funnel.model.Touch;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The touches of a {@code touches.csv} together with where each accepted touch came from (file and
 * line), so that later checks can name the line: {@link #afterTheirLeads} rejects a touch before
 * its lead's creation as {@code touches.csv:7: at: "...": touch of lead "L1" is before the lead was
 * created at ...} (strict: throws; lenient: skips and lists it), and {@code Sla.of(leads,
 * records.touches().records()).touchOrigins(records.origins())} names the same line.
 *
 * <p>Reading follows {@link FunnelFiles#touches(Path)} exactly (same columns, strict or lenient,
 * same rejections); only the origins are added.
 *
 * @param touches the touches read, in file order
 * @param origins the origin of each accepted touch, same order and size as {@code
 *     touches.records()}
 */
public record TouchRecords(ReadResult<Touch> touches, List<Origin> origins) {

  /**
   * Validates the sizes.
   *
   * @throws IllegalArgumentException if there is not one origin per accepted touch
   */
  public TouchRecords {
    requireNonNull(touches, "touches");
    origins = List.copyOf(origins);
    if (origins.size() != touches.records().size()) {
      throw new IllegalArgumentException(
          origins.size() + " origins for " + touches.records().size() + " touches");
    }
  }

  /**
   * These touches checked against the leads: a touch of a lead before the lead was created is
   * rejected as {@code touches.csv:7: at: "2026-03-02T08:00:00Z": touch of lead "L1" is before the
   * lead was created at 2026-03-02T09:00:00Z}. In strict mode the first one throws; in lenient mode
   * each one moves from the records to the rejections (accepted + rejected = read still holds), so
   * that the SLA never sees it. Touches of deals or of unknown subjects are kept as they are.
   *
   * @param leads the leads (the first lead of an id counts)
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @return the touches kept, with their origins; this object when none is dropped
   * @throws dev.funnel.log.RejectedRecordException in strict mode, at the first such touch
   */
  public TouchRecords afterTheirLeads(List<Lead> leads, FunnelFiles files) {
    requireNonNull(leads, "leads");
    requireNonNull(files, "files");
    Map<String, Lead> byId = new HashMap<>();
    leads.forEach(l -> byId.putIfAbsent(l.id(), l));
    return keep(
        (t, origin) -> {
          Lead lead = byId.get(t.subjectId());
          return lead != null && t.at().isBefore(lead.createdAt())
              ? Rejection.of(
                  origin,
                  "at",
                  t.at().toString(),
                  "touch of lead \""
                      + lead.id()
                      + "\" is before the lead was created at "
                      + lead.createdAt())
              : null;
        },
        files);
  }

  /**
   * These touches without those outside {@code [first, last]}, each rejected on {@code at} with the
   * reason of the bound it crosses, in one pass: in strict mode the first such touch of the file
   * throws, in lenient mode each moves to the rejections. For bounds a reader cannot know, such as
   * the instants a deal log can measure.
   *
   * @param first the earliest instant a touch may have
   * @param last the latest instant a touch may have
   * @param beforeReason why an earlier touch is rejected
   * @param afterReason why a later touch is rejected
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @return the touches kept, with their origins; this object when none is dropped
   * @throws dev.funnel.log.RejectedRecordException in strict mode, at the first such touch
   */
  public TouchRecords within(
      Instant first, Instant last, String beforeReason, String afterReason, FunnelFiles files) {
    requireNonNull(first, "first");
    requireNonNull(last, "last");
    requireNonNull(beforeReason, "beforeReason");
    requireNonNull(afterReason, "afterReason");
    requireNonNull(files, "files");
    return keep(
        (t, origin) ->
            Located.outside(origin, "at", t.at(), first, last, beforeReason, afterReason),
        files);
  }

  private TouchRecords keep(
      BiFunction<Touch, Origin, @Nullable Rejection> reject, FunnelFiles files) {
    Located<Touch> kept = new Located<>(touches, origins).keep(reject, files);
    return kept.result() == touches ? this : new TouchRecords(kept.result(), kept.origins());
  }

  /**
   * Reads a {@code touches.csv} in the mode of these readers.
   *
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @param file the {@code touches.csv} file
   * @return the touches read, with their origins
   * @throws dev.funnel.log.RejectedRecordException in strict mode, at the first bad row
   * @throws InputFileException if the file is unusable
   * @throws IOException if the file cannot be read
   */
  public static TouchRecords read(FunnelFiles files, Path file) throws IOException {
    requireNonNull(file, "file");
    Path name = file.getFileName();
    return read(
        files,
        new StrictUtf8Reader(Files.newInputStream(file)),
        name == null ? file.toString() : name.toString());
  }

  /**
   * Reads touches from a UTF-8 byte stream (closed when done), named {@code source} in messages;
   * bytes that are not UTF-8 are reported with their line and byte position, as in every other CSV
   * file. See {@link #read(FunnelFiles, Path)}.
   *
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @param in the UTF-8 bytes of the CSV
   * @param source the name of the stream in messages, e.g. {@code touches.csv}
   * @return the touches read, with their origins
   * @throws IOException if the stream cannot be read
   */
  public static TouchRecords read(FunnelFiles files, InputStream in, String source)
      throws IOException {
    return read(files, new StrictUtf8Reader(requireNonNull(in, "in")), source);
  }

  /**
   * Reads touches from a character stream (closed when done); see {@link #read(FunnelFiles, Path)}.
   *
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @param in the characters of the CSV
   * @param source the name of the stream in messages, e.g. {@code touches.csv}
   * @return the touches read, with their origins
   * @throws IOException if the stream cannot be read
   */
  public static TouchRecords read(FunnelFiles files, Reader in, String source) throws IOException {
    requireNonNull(files, "files");
    requireNonNull(in, "in");
    requireNonNull(source, "source");
    Located<Touch> read = Located.read(files, in, source, CsvReaders.TOUCHES, CsvReaders::touches);
    return new TouchRecords(read.result(), read.origins());
  }
}
