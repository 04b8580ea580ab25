package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.calendar.BusinessCalendar;
import dev.funnel.io.internal.CsvReaders;
import dev.funnel.io.internal.CsvTable;
import dev.funnel.io.internal.JsonFiles;
import dev.funnel.io.internal.StrictUtf8Reader;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.log.RejectedRecordException;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import dev.funnel.model.Touch;
import dev.funnel.sequence.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the files of FORMATS.md. Pick a mode, then name the file:
 *
 * {@snippet :
 * Pipeline pipeline = FunnelFiles.strict().pipeline(dir.resolve("pipeline.json"));
 * DealLog log = FunnelFiles.lenient()
 *     .dealLog(pipeline, dir.resolve("deals.csv"), dir.resolve("stage_changes.csv"));
 * ReadResult<Lead> leads = FunnelFiles.lenient().leads(dir.resolve("leads.csv"));
 * Dataset all = FunnelFiles.strict().dataset(dir);
 * }
 *
 * <p><b>CSV</b>: UTF-8 (a byte order mark is dropped), a header row, RFC 4180 quoting, any line
 * ends. Columns may come in any order; the required columns of FORMATS.md must be in the header;
 * further columns of {@code deals.csv} become deal attributes, further columns of other files are
 * ignored. An empty cell is an absent value. Timestamps are ISO-8601 with an offset or {@code Z}; a
 * date alone is an error, not midnight. Amounts are plain decimals with {@code .} and need an ISO
 * 4217 currency. Blank lines are skipped; the header and blank lines are not records. Line numbers
 * are physical lines where a record starts (the header is line 1).
 *
 * <p><b>Record faults</b> (a bad value, a missing required value, a row with a different number of
 * cells than the header) reject the row: in {@link #strict()} mode the first one throws a {@link
 * RejectedRecordException} with a message such as {@code deals.csv:17: created_at: "2026-13-01":
 * not an ISO-8601 timestamp}; in {@link #lenient()} mode every one is listed and accepted +
 * rejected = read.
 *
 * <p><b>File faults</b> throw an {@link InputFileException} in both modes, because no record of the
 * file (or none after the fault) can be trusted: an empty file, a missing, duplicate or nameless
 * header column, bytes that are not UTF-8, a quoted cell not closed before the end of the file, a
 * cell over {@link #maxCellLength()} characters, any other malformed CSV, and every fault of a JSON
 * file (reported with its line and column in characters, where known: bytes that are not UTF-8 come
 * with their line only, a UTF-16 or UTF-32 file that does not decode with neither), including a key
 * that looks like one the file has and holds its kind of value ({@code probabilty}, {@code Stages},
 * {@code public_holidays}) and a calendar without any working interval. Other keys a JSON file does
 * not have are skipped (FORMATS.md: more fields may be added), and a required key found missing
 * names those of its object ({@code zone: missing (skipped: timezone)}); {@link #onSkippedKey}
 * reports every one.
 *
 * <p><b>JSON</b> is UTF-8 (RFC 8259; a byte order mark is dropped). A file whose first bytes show
 * UTF-16 or UTF-32, by a byte order mark or by the zero bytes of ASCII text (RFC 4627), as some
 * Windows tools write JSON, is read as that.
 *
 * <p>Failures to read at all (a missing file, a disk error) throw {@link IOException}. Bad input
 * throws one of two unchecked exceptions, both {@link IllegalArgumentException}s: {@link
 * InputFileException} for a file fault, {@link RejectedRecordException} for a record fault in
 * strict mode. So {@code catch (IOException e)} alone does not catch bad input; catch those two by
 * name.
 *
 * <p>Instances are immutable and thread-safe; each call reads its input once and closes it.
 */
public final class FunnelFiles {
  /** The default limit on the length of one CSV cell, in characters: 1 MiB. */
  public static final int DEFAULT_MAX_CELL_LENGTH = 1 << 20;

  private static final Consumer<SkippedKey> IGNORE = k -> {};

  private static final FunnelFiles STRICT = new FunnelFiles(false, DEFAULT_MAX_CELL_LENGTH, IGNORE);
  private static final FunnelFiles LENIENT = new FunnelFiles(true, DEFAULT_MAX_CELL_LENGTH, IGNORE);

  private final boolean lenient;
  private final int maxCellLength;
  private final Consumer<? super SkippedKey> skippedKeys;

  private FunnelFiles(
      boolean lenient, int maxCellLength, Consumer<? super SkippedKey> skippedKeys) {
    this.lenient = lenient;
    this.maxCellLength = maxCellLength;
    this.skippedKeys = skippedKeys;
  }

  /**
   * Readers that fail on the first record that cannot be accepted.
   *
   * @return the strict readers
   */
  public static FunnelFiles strict() {
    return STRICT;
  }

  /**
   * Readers that skip and list every record that cannot be accepted.
   *
   * @return the lenient readers
   */
  public static FunnelFiles lenient() {
    return LENIENT;
  }

  /**
   * These readers with another limit on the length of one CSV cell.
   *
   * @param characters the most characters a cell may hold; positive
   * @return readers of the same mode with that limit
   * @throws IllegalArgumentException if the limit is not positive
   */
  public FunnelFiles maxCellLength(int characters) {
    if (characters <= 0) {
      throw new IllegalArgumentException(
          "max cell length " + characters + " is not positive (characters per cell)");
    }
    return new FunnelFiles(lenient, characters, skippedKeys);
  }

  /**
   * These readers, telling the listener of every key of a JSON input that FORMATS.md does not
   * define and that the reader therefore skipped (see {@link SkippedKey}), in document order, as it
   * reads. The keys inside a skipped value go with it and are not reported on their own. Keys are
   * reported as they are met, so a file found unusable further on (an {@link InputFileException})
   * may have reported some first; an exception the listener throws ends the reading and reaches the
   * caller. By default skipped keys are not reported; a second call replaces the listener. The
   * listener runs on the reading thread, so readers that share one listener across threads are as
   * thread-safe as the listener.
   *
   * {@snippet :
   * Pipeline pipeline =
   *     FunnelFiles.strict()
   *         .onSkippedKey(k -> System.err.println(k.message()))
   *         .pipeline(dir.resolve("pipeline.json"));
   * }
   *
   * @param listener what to tell of each skipped key
   * @return readers of the same mode and limits that report skipped keys to the listener
   * @throws NullPointerException if the listener is null
   */
  public FunnelFiles onSkippedKey(Consumer<? super SkippedKey> listener) {
    return new FunnelFiles(lenient, maxCellLength, requireNonNull(listener, "listener"));
  }

  /**
   * The limit on the length of one CSV cell, in characters.
   *
   * @return the limit
   */
  public int maxCellLength() {
    return maxCellLength;
  }

  /**
   * Whether these readers skip and list bad records instead of failing.
   *
   * @return true for lenient readers, false for strict ones
   */
  public boolean isLenient() {
    return lenient;
  }

  // ---- JSON ----

  /**
   * Reads a {@code pipeline.json}.
   *
   * @param file the file
   * @return the pipeline
   * @throws InputFileException naming the file, line and column of the fault
   * @throws IOException if the file cannot be read
   */
  public Pipeline pipeline(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(requireNonNull(file, "file"))) {
      return pipeline(in, name(file));
    }
  }

  /**
   * Reads a pipeline from a stream, closed when read, named {@code source} in messages.
   *
   * @param in the stream of the JSON
   * @param source the name of the stream in messages, e.g. {@code pipeline.json}
   * @return the pipeline
   * @throws InputFileException naming the source, line and column of the fault
   * @throws IOException if the stream cannot be read
   */
  public Pipeline pipeline(InputStream in, String source) throws IOException {
    return JsonFiles.pipeline(
        requireNonNull(in, "in"), requireNonNull(source, "source"), skippedKeys);
  }

  /**
   * Reads a {@code calendar.json}.
   *
   * @param file the file
   * @return the calendar
   * @throws InputFileException naming the file, line and column of the fault
   * @throws IOException if the file cannot be read
   */
  public BusinessCalendar calendar(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(requireNonNull(file, "file"))) {
      return calendar(in, name(file));
    }
  }

  /**
   * Reads a calendar from a stream, closed when read, named {@code source} in messages.
   *
   * @param in the stream of the JSON
   * @param source the name of the stream in messages, e.g. {@code calendar.json}
   * @return the calendar
   * @throws InputFileException naming the source, line and column of the fault
   * @throws IOException if the stream cannot be read
   */
  public BusinessCalendar calendar(InputStream in, String source) throws IOException {
    return JsonFiles.calendar(
        requireNonNull(in, "in"), requireNonNull(source, "source"), skippedKeys);
  }

  // ---- the deal log ----

  /**
   * Reads {@code deals.csv} and {@code stage_changes.csv} into a validated log of this pipeline.
   *
   * @param pipeline the pipeline of the deals
   * @param deals the {@code deals.csv} file
   * @param changes the {@code stage_changes.csv} file
   * @return the deal log
   * @throws RejectedRecordException in strict mode, at the first record that is not accepted
   * @throws InputFileException if either file is unusable
   * @throws IOException if a file cannot be read
   */
  public DealLog dealLog(Pipeline pipeline, Path deals, Path changes) throws IOException {
    try (InputStream d = Files.newInputStream(requireNonNull(deals, "deals"));
        InputStream c = Files.newInputStream(requireNonNull(changes, "changes"))) {
      return dealLog(pipeline, d, name(deals), c, name(changes));
    }
  }

  /**
   * Reads deals and stage changes from UTF-8 byte streams (closed when done).
   *
   * @param pipeline the pipeline of the deals
   * @param deals the stream of {@code deals.csv}
   * @param dealsSource its name in messages
   * @param changes the stream of {@code stage_changes.csv}
   * @param changesSource its name in messages
   * @return the deal log
   * @throws RejectedRecordException in strict mode, at the first record that is not accepted
   * @throws InputFileException if either stream is unusable
   * @throws IOException if a stream cannot be read
   */
  public DealLog dealLog(
      Pipeline pipeline,
      InputStream deals,
      String dealsSource,
      InputStream changes,
      String changesSource)
      throws IOException {
    return dealLog(pipeline, utf8(deals), dealsSource, utf8(changes), changesSource);
  }

  /**
   * Reads deals and stage changes from character streams (closed when done).
   *
   * @param pipeline the pipeline of the deals
   * @param deals the stream of {@code deals.csv}
   * @param dealsSource its name in messages
   * @param changes the stream of {@code stage_changes.csv}
   * @param changesSource its name in messages
   * @return the deal log
   * @throws RejectedRecordException in strict mode, at the first record that is not accepted
   * @throws InputFileException if either stream is unusable
   * @throws IOException if a stream cannot be read
   */
  public DealLog dealLog(
      Pipeline pipeline, Reader deals, String dealsSource, Reader changes, String changesSource)
      throws IOException {
    requireNonNull(pipeline, "pipeline");
    DealLogBuilder builder = DealLog.builder(pipeline);
    if (lenient) {
      builder.lenient();
    }
    try (Reader d = deals;
        Reader c = changes) {
      try (CsvTable t = table(d, dealsSource, CsvReaders.DEALS)) {
        CsvReaders.deals(t, builder);
      }
      try (CsvTable t = table(c, changesSource, CsvReaders.CHANGES)) {
        CsvReaders.changes(t, builder);
      }
    }
    return builder.build();
  }

  // ---- other CSV files ----

  /**
   * Reads a {@code leads.csv}. A lead id appears once: a later row with the same id is rejected
   * ({@code leads.csv:3: lead_id: "L-1": lead id is used twice}).
   *
   * @param file the file
   * @return the leads read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the file is unusable
   * @throws IOException if the file cannot be read
   */
  public ReadResult<Lead> leads(Path file) throws IOException {
    return leads(utf8(Files.newInputStream(requireNonNull(file, "file"))), name(file));
  }

  /**
   * Reads leads from a UTF-8 stream (closed when done); see {@link #leads(Path)}.
   *
   * @param in the UTF-8 bytes of the CSV
   * @param source the name of the stream in messages, e.g. {@code leads.csv}
   * @return the leads read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the stream is unusable
   * @throws IOException if the stream cannot be read
   */
  public ReadResult<Lead> leads(InputStream in, String source) throws IOException {
    return leads(utf8(in), source);
  }

  /**
   * Reads leads from a character stream (closed when done); see {@link #leads(Path)}.
   *
   * @param in the characters of the CSV
   * @param source the name of the stream in messages, e.g. {@code leads.csv}
   * @return the leads read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the stream is unusable
   * @throws IOException if the stream cannot be read
   */
  public ReadResult<Lead> leads(Reader in, String source) throws IOException {
    try (CsvTable t = table(in, source, CsvReaders.LEADS)) {
      return CsvReaders.all(t, lenient, CsvReaders.leads(t));
    }
  }

  /**
   * Reads a {@code touches.csv}.
   *
   * @param file the file
   * @return the touches read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the file is unusable
   * @throws IOException if the file cannot be read
   */
  public ReadResult<Touch> touches(Path file) throws IOException {
    return touches(utf8(Files.newInputStream(requireNonNull(file, "file"))), name(file));
  }

  /**
   * Reads touches from a UTF-8 stream (closed when done); see {@link #touches(Path)}.
   *
   * @param in the UTF-8 bytes of the CSV
   * @param source the name of the stream in messages, e.g. {@code touches.csv}
   * @return the touches read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the stream is unusable
   * @throws IOException if the stream cannot be read
   */
  public ReadResult<Touch> touches(InputStream in, String source) throws IOException {
    return touches(utf8(in), source);
  }

  /**
   * Reads touches from a character stream (closed when done); see {@link #touches(Path)}.
   *
   * @param in the characters of the CSV
   * @param source the name of the stream in messages, e.g. {@code touches.csv}
   * @return the touches read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the stream is unusable
   * @throws IOException if the stream cannot be read
   */
  public ReadResult<Touch> touches(Reader in, String source) throws IOException {
    try (CsvTable t = table(in, source, CsvReaders.TOUCHES)) {
      return CsvReaders.all(t, lenient, CsvReaders.touches(t));
    }
  }

  /**
   * Reads a {@code spend.csv}.
   *
   * @param file the file
   * @return the spend samples read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the file is unusable
   * @throws IOException if the file cannot be read
   */
  public ReadResult<SpendSample> spend(Path file) throws IOException {
    return spend(utf8(Files.newInputStream(requireNonNull(file, "file"))), name(file));
  }

  /**
   * Reads spend from a UTF-8 stream (closed when done); see {@link #spend(Path)}.
   *
   * @param in the UTF-8 bytes of the CSV
   * @param source the name of the stream in messages, e.g. {@code spend.csv}
   * @return the spend samples read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the stream is unusable
   * @throws IOException if the stream cannot be read
   */
  public ReadResult<SpendSample> spend(InputStream in, String source) throws IOException {
    return spend(utf8(in), source);
  }

  /**
   * Reads spend from a character stream (closed when done); see {@link #spend(Path)}.
   *
   * @param in the characters of the CSV
   * @param source the name of the stream in messages, e.g. {@code spend.csv}
   * @return the spend samples read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the stream is unusable
   * @throws IOException if the stream cannot be read
   */
  public ReadResult<SpendSample> spend(Reader in, String source) throws IOException {
    try (CsvTable t = table(in, source, CsvReaders.SPEND)) {
      return CsvReaders.all(t, lenient, CsvReaders.spend(t));
    }
  }

  /**
   * Reads an {@code activity.csv}.
   *
   * @param file the file
   * @return the activity samples read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the file is unusable
   * @throws IOException if the file cannot be read
   */
  public ReadResult<ActivitySample> activity(Path file) throws IOException {
    return activity(utf8(Files.newInputStream(requireNonNull(file, "file"))), name(file));
  }

  /**
   * Reads activity from a UTF-8 stream (closed when done); see {@link #activity(Path)}.
   *
   * @param in the UTF-8 bytes of the CSV
   * @param source the name of the stream in messages, e.g. {@code activity.csv}
   * @return the activity samples read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the stream is unusable
   * @throws IOException if the stream cannot be read
   */
  public ReadResult<ActivitySample> activity(InputStream in, String source) throws IOException {
    return activity(utf8(in), source);
  }

  /**
   * Reads activity from a character stream (closed when done); see {@link #activity(Path)}.
   *
   * @param in the characters of the CSV
   * @param source the name of the stream in messages, e.g. {@code activity.csv}
   * @return the activity samples read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the stream is unusable
   * @throws IOException if the stream cannot be read
   */
  public ReadResult<ActivitySample> activity(Reader in, String source) throws IOException {
    try (CsvTable t = table(in, source, CsvReaders.ACTIVITY)) {
      return CsvReaders.all(t, lenient, CsvReaders.activity(t));
    }
  }

  /**
   * Reads an {@code events.csv}.
   *
   * @param file the file
   * @return the events read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the file is unusable
   * @throws IOException if the file cannot be read
   */
  public ReadResult<Event> events(Path file) throws IOException {
    return events(utf8(Files.newInputStream(requireNonNull(file, "file"))), name(file));
  }

  /**
   * Reads events from a UTF-8 stream (closed when done); see {@link #events(Path)}.
   *
   * @param in the UTF-8 bytes of the CSV
   * @param source the name of the stream in messages, e.g. {@code events.csv}
   * @return the events read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the stream is unusable
   * @throws IOException if the stream cannot be read
   */
  public ReadResult<Event> events(InputStream in, String source) throws IOException {
    return events(utf8(in), source);
  }

  /**
   * Reads events from a character stream (closed when done); see {@link #events(Path)}.
   *
   * @param in the characters of the CSV
   * @param source the name of the stream in messages, e.g. {@code events.csv}
   * @return the events read and the rows rejected
   * @throws RejectedRecordException in strict mode, at the first row that cannot be read
   * @throws InputFileException if the stream is unusable
   * @throws IOException if the stream cannot be read
   */
  public ReadResult<Event> events(Reader in, String source) throws IOException {
    try (CsvTable t = table(in, source, CsvReaders.EVENTS)) {
      return CsvReaders.all(t, lenient, CsvReaders.events(t));
    }
  }

  // ---- a directory ----

  /**
   * Reads the files of FORMATS.md found in a directory: {@code pipeline.json}, {@code deals.csv}
   * and {@code stage_changes.csv} are required; {@code leads.csv}, {@code touches.csv}, {@code
   * spend.csv}, {@code activity.csv}, {@code events.csv} and {@code calendar.json} are read when
   * present.
   *
   * @param dir the directory
   * @return the files read
   * @throws NoSuchFileException if a required file is missing
   * @throws InputFileException if a file is unusable
   * @throws RejectedRecordException in strict mode, at the first record that is not accepted
   * @throws IOException if a file cannot be read
   */
  public Dataset dataset(Path dir) throws IOException {
    requireNonNull(dir, "dir");
    for (String required : List.of("pipeline.json", "deals.csv", "stage_changes.csv")) {
      if (!Files.isRegularFile(dir.resolve(required))) {
        // a missing file is an IOException, as from every reader of a path
        throw new NoSuchFileException(
            dir.resolve(required).toString(),
            null,
            "a dataset needs pipeline.json, deals.csv and stage_changes.csv");
      }
    }
    Pipeline pipeline = pipeline(dir.resolve("pipeline.json"));
    DealLog log = dealLog(pipeline, dir.resolve("deals.csv"), dir.resolve("stage_changes.csv"));
    return new Dataset(
        pipeline,
        log,
        optional(dir, "leads.csv", this::leads),
        optional(dir, "touches.csv", this::touches),
        optional(dir, "spend.csv", this::spend),
        optional(dir, "activity.csv", this::activity),
        optional(dir, "events.csv", this::events),
        optional(dir, "calendar.json", this::calendar));
  }

  private interface FileReader<T> {
    T read(Path file) throws IOException;
  }

  private static <T> Optional<T> optional(Path dir, String name, FileReader<T> reader)
      throws IOException {
    Path file = dir.resolve(name);
    return Files.isRegularFile(file) ? Optional.of(reader.read(file)) : Optional.empty();
  }

  // ---- plumbing ----

  private CsvTable table(Reader in, String source, List<String> required) throws IOException {
    requireNonNull(in, "in");
    requireNonNull(source, "source");
    boolean ok = false;
    try {
      CsvTable t = CsvTable.open(in, source, maxCellLength, required);
      ok = true;
      return t;
    } finally {
      if (!ok) {
        in.close();
      }
    }
  }

  private static Reader utf8(InputStream in) {
    return new StrictUtf8Reader(requireNonNull(in, "in"));
  }

  private static String name(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  @Override
  public String toString() {
    return "FunnelFiles."
        + (lenient ? "lenient()" : "strict()")
        + (maxCellLength == DEFAULT_MAX_CELL_LENGTH ? "" : ".maxCellLength(" + maxCellLength + ")")
        + (skippedKeys == IGNORE ? "" : ".onSkippedKey(...)");
  }
}
