package dev.funnel.cli;

import dev.funnel.calendar.BusinessCalendar;
import dev.funnel.io.FunnelFiles;
import dev.funnel.io.InputFileException;
import dev.funnel.io.LeadRecords;
import dev.funnel.io.ReadResult;
import dev.funnel.io.SkippedKey;
import dev.funnel.io.SpendRecords;
import dev.funnel.io.TouchRecords;
import dev.funnel.log.DealLog;
import dev.funnel.log.RejectedRecordException;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the input files named on the command line. Messages name each file as the user gave it
 * ({@code data/deals.csv:17: ...}). Every failure to use a file becomes an {@link InputException}
 * or passes as the reader's own {@link RejectedRecordException} / {@link InputFileException}, each
 * of which ends the command with status 2.
 */
final class Inputs {
  private final FunnelFiles files;

  /** Where to note the keys a JSON file had that the reader skipped; null: nowhere. */
  private final @Nullable PrintWriter notes;

  Inputs(boolean lenient) {
    this(lenient, null);
  }

  /**
   * Readers that note on {@code notes} (standard error), one line per JSON file, the keys
   * FORMATS.md does not define that the file had and that were therefore skipped.
   */
  Inputs(boolean lenient, @Nullable PrintWriter notes) {
    this.files = lenient ? FunnelFiles.lenient() : FunnelFiles.strict();
    this.notes = notes;
  }

  /** A reader of one stream with the name to use in messages. */
  interface Read<T> {
    T read(InputStream in, String name) throws IOException;
  }

  /** Opens the file and reads it, turning I/O failures into one-line problems. */
  static <T> T read(Path file, Read<T> reader) {
    String name = file.toString();
    check(file);
    try (InputStream in = Files.newInputStream(file)) {
      return reader.read(in, name);
    } catch (IOException e) {
      throw new InputException(name + ": cannot be read: " + e.getMessage());
    }
  }

  /** Fails with one line when the file name is empty, or the file missing or a directory. */
  static void check(Path file) {
    if (file.toString().isEmpty()) {
      // The empty path is the working directory: it read ": is a directory, not a file".
      throw new InputException("\"\": the file name is empty");
    }
    if (Files.isDirectory(file)) {
      throw new InputException(file + ": is a directory, not a file");
    }
    if (!Files.exists(file)) {
      throw new InputException(file + ": no such file");
    }
  }

  Pipeline pipeline(Path file) {
    return json(file, f -> f::pipeline);
  }

  /** Reads a JSON file with the readers' reader of it, then notes the keys it skipped, if any. */
  private <T> T json(Path file, Function<FunnelFiles, Read<T>> reader) {
    List<SkippedKey> skipped = new ArrayList<>();
    T value = read(file, reader.apply(files.onSkippedKey(skipped::add)));
    if (notes != null && !skipped.isEmpty()) {
      FunnelCli.note(notes, "funnel: " + skippedNote(file.toString(), skipped));
    }
    return value;
  }

  /** The most distinct keys a note names; the rest are counted. */
  static final int NOTE_KEYS = 10;

  /**
   * One line on the keys a file had that were skipped: how many, and the first {@value #NOTE_KEYS}
   * distinct keys in order of first appearance, each with its count ({@code pipeline.json: skipped
   * 6 keys the file format does not define: color (x4), status, meta; funnel validate lists where
   * each is}). Keys are shown as {@link SkippedKey#name} shows them, so the note stays one line.
   */
  static String skippedNote(String name, List<SkippedKey> skipped) {
    Map<String, Integer> keys = new LinkedHashMap<>();
    for (SkippedKey k : skipped) {
      keys.merge(k.name(), 1, Integer::sum);
    }
    StringBuilder sb =
        new StringBuilder(name)
            .append(": skipped ")
            .append(skipped.size())
            .append(skipped.size() == 1 ? " key" : " keys")
            .append(" the file format does not define: ");
    int shown = 0;
    for (Map.Entry<String, Integer> e : keys.entrySet()) {
      if (shown == NOTE_KEYS) {
        int more = keys.size() - NOTE_KEYS;
        sb.append(" and ").append(more).append(more == 1 ? " other key" : " other keys");
        break;
      }
      sb.append(shown == 0 ? "" : ", ").append(e.getKey());
      if (e.getValue() > 1) {
        sb.append(" (x").append(e.getValue()).append(')');
      }
      shown++;
    }
    return sb.append("; funnel validate lists where each is").toString();
  }

  /** The deal log of two files. */
  DealLog dealLog(Pipeline pipeline, Path deals, Path changes) {
    String dealsName = deals.toString();
    String changesName = changes.toString();
    check(deals);
    check(changes);
    try (InputStream d = Files.newInputStream(deals);
        InputStream c = Files.newInputStream(changes)) {
      return files.dealLog(pipeline, d, dealsName, c, changesName);
    } catch (IOException e) {
      throw new InputException(
          dealsName + ", " + changesName + ": cannot be read: " + e.getMessage());
    } catch (RejectedRecordException | InputFileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // a rule over the whole log that names no record
      throw new InputException(dealsName + ", " + changesName + ": " + e.getMessage());
    }
  }

  BusinessCalendar calendar(Path file) {
    return json(file, f -> f::calendar);
  }

  ReadResult<Lead> leads(Path file) {
    return read(file, files::leads);
  }

  /** The leads of a {@code leads.csv} with the origin of each, for checks made after reading. */
  LeadRecords leadRecords(Path file) {
    return read(file, (in, name) -> LeadRecords.read(files, in, name));
  }

  /**
   * The touches of a {@code touches.csv} with the origin of each, named as given, so that a touch
   * before its lead is reported as {@code data/touches.csv:7: ...}.
   */
  TouchRecords touches(Path file) {
    return read(file, (in, name) -> TouchRecords.read(files, in, name));
  }

  /**
   * The spend of a {@code spend.csv} with the origin of each row, for checks made after reading.
   */
  SpendRecords spendRecords(Path file) {
    return read(file, (in, name) -> SpendRecords.read(files, in, name));
  }

  FunnelFiles files() {
    return files;
  }
}
