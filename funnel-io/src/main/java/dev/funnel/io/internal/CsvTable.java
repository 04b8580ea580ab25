package dev.funnel.io.internal;

import dev.funnel.io.InputFileException;
import dev.funnel.log.Rejection;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * A CSV file read row by row with Jackson's streaming parser: a header row naming the columns, then
 * records as arrays of strings. Blank lines are skipped. Faults that leave the rest of the file
 * untrustworthy become {@link InputFileException}s: an empty file, a bad header, bytes that are not
 * UTF-8, a quoted cell not closed before the end of the file, a cell over the size limit, other
 * malformed CSV.
 */
public final class CsvTable implements Closeable {
  private static final Map<Integer, CsvFactory> FACTORIES = new HashMap<>();

  private final String source;
  private final JsonParser parser;
  private final @Nullable StrictUtf8Reader utf8;
  private final int maxCell;
  private final String[] header;
  private final Map<String, Integer> columns = new HashMap<>();
  private String[] cells;
  private int size;
  private long line;
  private long nextLine;

  private static synchronized CsvFactory factory(int maxCell) {
    return FACTORIES.computeIfAbsent(
        maxCell,
        m ->
            CsvFactory.builder()
                .enable(CsvReadFeature.WRAP_AS_ARRAY)
                .enable(CsvReadFeature.SKIP_EMPTY_LINES)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(m).build())
                .build());
  }

  /**
   * Opens a table and reads its header.
   *
   * @param reader the characters (a {@link StrictUtf8Reader} for files, so bad bytes get a line)
   * @param source the file name used in messages
   * @param maxCell the largest cell, in characters
   * @param required the columns the header must have
   * @throws InputFileException if the file is empty or the header is bad
   * @throws IOException if reading fails
   */
  public static CsvTable open(Reader reader, String source, int maxCell, List<String> required)
      throws IOException {
    CsvTable table = new CsvTable(reader, source, maxCell, required);
    return table;
  }

  private CsvTable(Reader reader, String source, int maxCell, List<String> required)
      throws IOException {
    this.source = source;
    this.maxCell = maxCell;
    this.utf8 = reader instanceof StrictUtf8Reader ? (StrictUtf8Reader) reader : null;
    Reader in = utf8 != null ? reader : new BomSkippingReader(reader);
    this.parser = factory(maxCell).createParser(ObjectReadContext.empty(), in);
    this.cells = new String[16];
    this.nextLine = 1;
    boolean ok = false;
    try {
      JsonToken first = token();
      if (first != JsonToken.START_ARRAY || !next()) {
        throw fault(
            source,
            0,
            0,
            "the file is empty; it needs a header row with the columns "
                + String.join(", ", required));
      }
      header = Arrays.copyOf(cells, size);
      for (String cell : header) {
        if (cell.indexOf('\0') >= 0) {
          // ASCII saved as UTF-16 without a byte order mark reads as letters and zero bytes
          throw headerError(
              "it holds zero bytes between its letters: the file is likely UTF-16 (or not text);"
                  + " save it as UTF-8");
        }
      }
      for (int i = 0; i < header.length; i++) {
        String name = header[i].strip();
        header[i] = name;
        if (name.isEmpty()) {
          throw headerError("column " + (i + 1) + " has no name");
        }
        Integer before = columns.putIfAbsent(name, i);
        if (before != null) {
          throw headerError(
              "column \""
                  + name
                  + "\" appears twice (columns "
                  + (before + 1)
                  + " and "
                  + (i + 1)
                  + ")");
        }
      }
      for (String name : required) {
        if (!columns.containsKey(name)) {
          throw headerError(
              "required column \""
                  + name
                  + "\" is missing (found: "
                  + String.join(", ", header)
                  + ")");
        }
      }
      ok = true;
    } finally {
      if (!ok) {
        parser.close();
      }
    }
  }

  private InputFileException headerError(String detail) {
    return fault(source, line, 0, "header: " + detail);
  }

  /**
   * A fault of the file, its detail one visible line ({@link Rejection#visible}): header names and
   * characters quoted from the file may hold line breaks or terminal controls.
   */
  private static InputFileException fault(String source, long line, long column, String detail) {
    return new InputFileException(source, line, column, Rejection.visible(detail));
  }

  /** The file name used in messages. */
  public String source() {
    return source;
  }

  /** The column names, stripped of surrounding spaces. */
  public List<String> header() {
    return List.of(header);
  }

  /** The position of this column, or -1 if the header does not have it. */
  public int column(String name) {
    Integer i = columns.get(name);
    return i == null ? -1 : i;
  }

  /**
   * Reads the next record.
   *
   * @return false at the end of the file
   * @throws InputFileException if the rest of the file cannot be read
   * @throws IOException if reading fails
   */
  public boolean next() throws IOException {
    JsonToken t = token();
    if (t != JsonToken.START_ARRAY) {
      return false;
    }
    int n = 0;
    line = nextLine;
    while ((t = token()) == JsonToken.VALUE_STRING) {
      if (n == 0) {
        line = parser.currentTokenLocation().getLineNr();
      }
      if (n == cells.length) {
        cells = Arrays.copyOf(cells, n * 2);
      }
      cells[n++] = parser.getString();
    }
    size = n;
    nextLine = parser.currentLocation().getLineNr();
    return true;
  }

  private @Nullable JsonToken token() throws IOException {
    try {
      return parser.nextToken();
    } catch (StreamConstraintsException e) {
      throw fault(
          source,
          nextLineOrCurrent(),
          0,
          "a cell is longer than "
              + maxCell
              + " characters, the limit (often a quote that is never closed)");
    } catch (JacksonIOException e) {
      IOException cause = e.getCause();
      if (cause instanceof StrictUtf8Reader.NotUtf8Exception) {
        throw ((StrictUtf8Reader.NotUtf8Exception) cause).fault(source);
      }
      throw cause;
    } catch (JacksonException e) {
      String detail = e.getOriginalMessage();
      if (detail != null && detail.startsWith("Missing closing quote")) {
        throw fault(
            source,
            nextLineOrCurrent(),
            0,
            "a quoted cell is not closed before the end of the file (the file is truncated or a"
                + " quote is unbalanced)");
      }
      long at = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      throw fault(source, at, 0, "malformed CSV: " + readable(detail));
    }
  }

  /** Jackson's character code: {@code (code 120)}, beyond ASCII {@code (code 8238 / 0x202e)}. */
  private static final String CODE = "\\(code \\d+(?: / 0x[0-9a-fA-F]+)?\\)";

  private static final java.util.regex.Pattern AFTER_QUOTE =
      java.util.regex.Pattern.compile(
          "Unexpected character \\('(.+?)' "
              + CODE
              + "\\): Expected column separator character \\('(.+?)' "
              + CODE
              + "\\) or end-of-line");

  /**
   * Jackson's message in the file's terms: a character after a closing quote (a hand-edited {@code
   * "12" screen"}) says how a quote is written inside a quoted cell; character codes go.
   */
  static String readable(@Nullable String jackson) {
    String detail = String.valueOf(jackson);
    java.util.regex.Matcher m = AFTER_QUOTE.matcher(detail);
    if (m.find()) {
      // Jackson quotes one UTF-16 unit: of a character beyond U+FFFF, half.
      String after = m.group(1);
      return (after.length() == 1 && Character.isSurrogate(after.charAt(0))
              ? "a character beyond U+FFFF"
              : "'" + after + "'")
          + " follows the closing quote of a cell, where '"
          + m.group(2)
          + "' or the end of the line belongs (inside a quoted cell a quote is written twice:"
          + " \"12\"\" screen\"); past it the file's rows cannot be told apart, so none is read,"
          + " in lenient mode too";
    }
    return detail.replaceAll(" " + CODE, "");
  }

  private long nextLineOrCurrent() {
    return nextLine;
  }

  /** The number of cells in the current record. */
  public int size() {
    return size;
  }

  /** The physical line (from 1) where the current record starts. */
  public long line() {
    return line;
  }

  /** The number of columns of the header. */
  public int width() {
    return header.length;
  }

  /** The raw text of a cell of the current record; the empty string if the row is shorter. */
  public String raw(int column) {
    return column < size ? cells[column] : "";
  }

  /** The text of a cell, or null if the column is absent or the cell empty. */
  public @Nullable String cell(int column) {
    if (column < 0 || column >= size) {
      return null;
    }
    String s = cells[column];
    return s.isEmpty() ? null : s;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /** Drops a leading byte order mark from a character stream. */
  private static final class BomSkippingReader extends Reader {
    private final Reader in;
    private boolean started;

    BomSkippingReader(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      if (!started && n > 0) {
        started = true;
        if (buf[off] == '\uFEFF') {
          if (n == 1) {
            return read(buf, off, len);
          }
          System.arraycopy(buf, off + 1, buf, off, n - 1);
          return n - 1;
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
