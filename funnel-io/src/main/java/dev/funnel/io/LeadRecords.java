package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.io.internal.CsvReaders;
import dev.funnel.io.internal.StrictUtf8Reader;
import dev.funnel.log.Origin;
import dev.funnel.log.RejectedRecordException;
import dev.funnel.log.Rejection;
import dev.funnel.model.Lead;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The leads of a {@code leads.csv} together with where each accepted lead came from (file and
 * line), so that checks made after reading can name the line, as {@link TouchRecords} does for
 * touches. Reading follows {@link FunnelFiles#leads(Path)} exactly (same columns, strict or
 * lenient, same rejections); only the origins are added.
 *
 * @param leads the leads read, in file order
 * @param origins the origin of each accepted lead, same order and size as {@code leads.records()}
 */
public record LeadRecords(ReadResult<Lead> leads, List<Origin> origins) {

  /**
   * Validates the sizes.
   *
   * @throws IllegalArgumentException if there is not one origin per accepted lead
   */
  public LeadRecords {
    requireNonNull(leads, "leads");
    origins = List.copyOf(origins);
    if (origins.size() != leads.records().size()) {
      throw new IllegalArgumentException(
          origins.size() + " origins for " + leads.records().size() + " leads");
    }
  }

  /**
   * These leads without those with an instant outside {@code [first, last]} ({@code created_at},
   * {@code handed_over_at}, {@code accepted_at} or {@code rejected_at}, the first such field
   * named), each rejected with the reason of the bound it crosses, in one pass: in strict mode the
   * first such lead of the file throws, in lenient mode each moves to the rejections (accepted +
   * rejected = read still holds).
   *
   * @param first the earliest instant a lead may have
   * @param last the latest instant a lead may have
   * @param beforeReason why an earlier lead is rejected
   * @param afterReason why a later lead is rejected
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @return the leads kept, with their origins; this object when none is dropped
   * @throws RejectedRecordException in strict mode, at the first such lead
   */
  public LeadRecords within(
      Instant first, Instant last, String beforeReason, String afterReason, FunnelFiles files) {
    requireNonNull(first, "first");
    requireNonNull(last, "last");
    requireNonNull(beforeReason, "beforeReason");
    requireNonNull(afterReason, "afterReason");
    requireNonNull(files, "files");
    Located<Lead> kept =
        new Located<>(leads, origins)
            .keep(
                (l, origin) -> {
                  String[] fields = {"created_at", "handed_over_at", "accepted_at", "rejected_at"};
                  List<Optional<Instant>> at =
                      List.of(
                          Optional.of(l.createdAt()),
                          l.handedOverAt(),
                          l.acceptedAt(),
                          l.rejectedAt());
                  for (int f = 0; f < fields.length; f++) {
                    if (at.get(f).isPresent()) {
                      @Nullable Rejection r =
                          Located.outside(
                              origin,
                              fields[f],
                              at.get(f).get(),
                              first,
                              last,
                              beforeReason,
                              afterReason);
                      if (r != null) {
                        return r;
                      }
                    }
                  }
                  return null;
                },
                files);
    return kept.result() == leads ? this : new LeadRecords(kept.result(), kept.origins());
  }

  /**
   * Reads a {@code leads.csv} in the mode of these readers.
   *
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @param file the {@code leads.csv} file
   * @return the leads read, with their origins
   * @throws RejectedRecordException in strict mode, at the first bad row
   * @throws InputFileException if the file is unusable
   * @throws IOException if the file cannot be read
   */
  public static LeadRecords read(FunnelFiles files, Path file) throws IOException {
    requireNonNull(files, "files");
    requireNonNull(file, "file");
    Path name = file.getFileName();
    return read(
        files,
        new StrictUtf8Reader(Files.newInputStream(file)),
        name == null ? file.toString() : name.toString());
  }

  /**
   * Reads leads from a UTF-8 byte stream (closed when done), named {@code source} in messages; see
   * {@link #read(FunnelFiles, Path)}.
   *
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @param in the UTF-8 bytes of the CSV
   * @param source the name of the stream in messages, e.g. {@code leads.csv}
   * @return the leads read, with their origins
   * @throws IOException if the stream cannot be read
   */
  public static LeadRecords read(FunnelFiles files, InputStream in, String source)
      throws IOException {
    return read(files, new StrictUtf8Reader(requireNonNull(in, "in")), source);
  }

  /**
   * Reads leads from a character stream (closed when done); see {@link #read(FunnelFiles, Path)}.
   *
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @param in the characters of the CSV
   * @param source the name of the stream in messages, e.g. {@code leads.csv}
   * @return the leads read, with their origins
   * @throws IOException if the stream cannot be read
   */
  public static LeadRecords read(FunnelFiles files, Reader in, String source) throws IOException {
    requireNonNull(files, "files");
    requireNonNull(in, "in");
    requireNonNull(source, "source");
    Located<Lead> read = Located.read(files, in, source, CsvReaders.LEADS, CsvReaders::leads);
    return new LeadRecords(read.result(), read.origins());
  }
}
