package dev.funnel.io.internal;

import dev.funnel.calendar.BusinessCalendar;
import dev.funnel.io.InputFileException;
import dev.funnel.io.SkippedKey;
import dev.funnel.log.Rejection;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;
import dev.funnel.model.StageKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads {@code pipeline.json} and {@code calendar.json} with Jackson's streaming parser, so that
 * every fault is reported with the line and column of the offending value.
 *
 * <p>Keys the format does not have are skipped (FORMATS.md: "more fields may be added"; a CRM's
 * pipeline export carries {@code color}, {@code order}, {@code status} and the like), except a key
 * that looks like one the format has and holds the kind of value that key takes (a string, number,
 * array or object): equal ignoring case, within one edit (a transposition counts as one) of a key
 * of up to five letters ({@code knd}, {@code nmae}), within two of a longer one ({@code
 * probabilty}, {@code holiday}), or a longer key as one word of it ({@code public_holidays}, {@code
 * winProbability}, {@code working_hours}). That one is a fault, with "did you mean", since skipping
 * it would read a different file than the one meant. A required key that is missing names the keys
 * skipped in its object ({@code zone: missing (skipped: timezone)}).
 */
public final class JsonFiles {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** The keys of a stage object of {@code pipeline.json}, with the kind of value each takes. */
  private static final Map<String, String> STAGE_KEYS =
      keys("id", "string", "name", "string", "kind", "string", "probability", "number");

  /** The keys of {@code pipeline.json}. */
  private static final Map<String, String> PIPELINE_KEYS = keys("id", "string", "stages", "array");

  /** The keys of {@code calendar.json}. */
  private static final Map<String, String> CALENDAR_KEYS =
      keys("zone", "string", "hours", "object", "holidays", "array");

  private static Map<String, String> keys(String... pairs) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private JsonFiles() {}

  /** A JSON reading context: the parser and the source name. */
  private static final class In {
    final JsonParser p;
    final String source;

    /** The keys skipped so far. */
    final List<SkippedKey> skipped = new ArrayList<>();

    /** Hears of each skipped key. */
    final Consumer<? super SkippedKey> listener;

    In(JsonParser p, String source, Consumer<? super SkippedKey> listener) {
      this.p = p;
      this.source = source;
      this.listener = listener;
    }

    InputFileException error(String detail) {
      return error(p.currentTokenLocation(), detail);
    }

    InputFileException error(TokenStreamLocation at, String detail) {
      // keys and values of the file are quoted in details: one visible line whatever they hold
      return new InputFileException(
          source,
          Math.max(0, at.getLineNr()),
          Math.max(0, at.getColumnNr()),
          Rejection.visible(detail));
    }

    JsonToken next() {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw error("the JSON ends too early");
      }
      return t;
    }

    String string(String path) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw error(path + ": expected a string, found " + describe(p.currentToken()));
      }
      return p.getString();
    }

    /**
     * Whether the current property is one of the known keys. An unknown key that looks like one of
     * them (see the class comment) throws; any other is skipped with its value, and false returned.
     *
     * @param path the path of the object the property is in ("" at the top)
     */
    boolean known(String path, String key, Map<String, String> keys) {
      if (keys.containsKey(key)) {
        return true;
      }
      TokenStreamLocation at = p.currentTokenLocation();
      SkippedKey skip =
          new SkippedKey(
              source, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()), path, key);
      String full = skip.path();
      JsonToken value = next();
      for (Map.Entry<String, String> k : keys.entrySet()) {
        if (fits(value, k.getValue()) && looksLike(key, k.getKey())) {
          throw error(
              at,
              full
                  + ": unknown key, did you mean \""
                  + k.getKey()
                  + "\"? (known: "
                  + String.join(", ", keys.keySet())
                  + "; other keys are skipped)");
        }
      }
      skipped.add(skip);
      listener.accept(skip);
      p.skipChildren();
      return false;
    }

    /**
     * The missing-key fault of {@code what} in the object at {@code path}, naming the keys skipped
     * in that object if any.
     */
    InputFileException missing(TokenStreamLocation at, String path, String what, String why) {
      List<String> here = new ArrayList<>();
      for (SkippedKey s : skipped) {
        if (s.object().equals(path)) {
          here.add(s.path());
        }
      }
      return error(
          at,
          what
              + ": missing"
              + (here.isEmpty() ? "" : " (skipped: " + String.join(", ", here) + ")")
              + "; "
              + why);
    }

    void expect(JsonToken token, String path, String what) {
      if (p.currentToken() != token) {
        throw error(path + ": expected " + what + ", found " + describe(p.currentToken()));
      }
    }
  }

  /** Whether a value token is of the kind a key takes ("string", "number", "array", "object"). */
  static boolean fits(JsonToken value, String kind) {
    switch (kind) {
      case "string":
        return value == JsonToken.VALUE_STRING;
      case "number":
        return value.isNumeric();
      case "array":
        return value == JsonToken.START_ARRAY;
      default:
        return value == JsonToken.START_OBJECT;
    }
  }

  /**
   * Whether an unknown key looks like the known one: equal ignoring case; within one edit of a
   * known key of up to five letters, two of a longer one; or a known key of five letters or more as
   * one of its words (split at {@code _}, {@code -}, {@code .}, spaces and lower-to-upper case
   * changes).
   */
  static boolean looksLike(String key, String known) {
    String lower = key.toLowerCase(Locale.ROOT);
    int allowed = known.length() <= 2 ? 0 : known.length() <= 5 ? 1 : 2;
    if (distance(lower, known) <= allowed) {
      return true;
    }
    if (known.length() < 5) {
      return false;
    }
    for (String word : key.split("[_\\-. ]+|(?<=\\p{Ll})(?=\\p{Lu})")) {
      if (word.toLowerCase(Locale.ROOT).equals(known)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The edit distance of two keys, a transposition of neighbours counting as one edit (optimal
   * string alignment): {@code nmae} is one edit from {@code name}.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int same = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + same);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String describe(@Nullable JsonToken t) {
    if (t == null) {
      return "the end";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.toString();
    }
  }

  private static void first(In in) {
    if (in.p.nextToken() == null) {
      throw new InputFileException(in.source, 0, 0, "the file is empty; it needs a JSON object");
    }
  }

  private interface Body<T> {
    T read(In in);
  }

  private static <T> T parse(
      InputStream stream, String source, Consumer<? super SkippedKey> skipped, Body<T> body)
      throws IOException {
    // Through a reader, so that columns count characters (not bytes) and a byte order mark is
    // dropped, and bytes that are not UTF-8 are named with their line, as in the CSV readers.
    BufferedInputStream bytes = new BufferedInputStream(stream);
    Encoding encoding = encoding(bytes, stream);
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), encoding.reader(bytes))) {
      In in = new In(p, source, skipped);
      try {
        T value = body.read(in);
        if (p.nextToken() != null) {
          throw in.error("unexpected content after the top-level object");
        }
        return value;
      } catch (StreamConstraintsException e) {
        // A limit (nesting depth, number or string length) has no location: the parser knows
        // where it stopped.
        throw malformed(source, p.currentLocation(), e);
      }
    } catch (JacksonIOException e) {
      if (e.getCause() instanceof StrictUtf8Reader.NotUtf8Exception) {
        throw ((StrictUtf8Reader.NotUtf8Exception) e.getCause()).fault(source);
      }
      if (e.getCause() instanceof CharacterCodingException) {
        // Only the UTF-16 and UTF-32 decoders report so (UTF-8 faults are NotUtf8Exception); they
        // read ahead of the parser, so no line is known.
        throw new InputFileException(
            source,
            0,
            0,
            "bytes that are not "
                + encoding.charset()
                + ", the encoding its first bytes show; save the file as UTF-8");
      }
      throw e.getCause();
    } catch (JacksonException e) {
      throw malformed(source, e.getLocation(), e);
    }
  }

  /** Jackson's fault in the file's terms, at this place (line and column 0 when unknown). */
  private static InputFileException malformed(
      String source, @Nullable TokenStreamLocation at, JacksonException e) {
    return new InputFileException(
        source,
        at == null ? 0 : Math.max(0, at.getLineNr()),
        at == null ? 0 : Math.max(0, at.getColumnNr()),
        "malformed JSON: "
            + Rejection.visible(withoutSource(String.valueOf(e.getOriginalMessage()))));
  }

  /**
   * How a JSON stream is encoded: UTF-8 (RFC 8259), unless its first four bytes show UTF-16 or
   * UTF-32, as some Windows tools write JSON: by a byte order mark, or without one by the zero
   * bytes of two ASCII first characters (RFC 4627, section 3). Null charset: UTF-8.
   *
   * @param charset UTF-16 or UTF-32 of one byte order, or null for UTF-8
   * @param bom the length of its byte order mark, skipped before decoding (a UTF-8 one is dropped
   *     by {@link StrictUtf8Reader})
   */
  record Encoding(@Nullable Charset charset, int bom) {
    static Encoding of(byte[] head) {
      int n = head.length;
      int[] b = new int[4];
      for (int i = 0; i < 4; i++) {
        b[i] = i < n ? head[i] & 0xFF : -1;
      }
      if (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) {
        return new Encoding(Charset.forName("UTF-32BE"), 4);
      }
      if (b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) {
        return new Encoding(Charset.forName("UTF-32LE"), 4);
      }
      if (b[0] == 0xFE && b[1] == 0xFF) {
        return new Encoding(StandardCharsets.UTF_16BE, 2);
      }
      if (b[0] == 0xFF && b[1] == 0xFE) {
        return new Encoding(StandardCharsets.UTF_16LE, 2);
      }
      if (n == 4) {
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
          return new Encoding(Charset.forName("UTF-32BE"), 0);
        }
        if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
          return new Encoding(Charset.forName("UTF-32LE"), 0);
        }
        if (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
          return new Encoding(StandardCharsets.UTF_16BE, 0);
        }
        if (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
          return new Encoding(StandardCharsets.UTF_16LE, 0);
        }
      }
      return new Encoding(null, 0);
    }

    /** A strict reader of the stream positioned after the byte order mark. */
    Reader reader(InputStream in) {
      if (charset == null) {
        return new StrictUtf8Reader(in);
      }
      // Unbuffered here: a decoding fault must surface while the parser reads, not before.
      return new InputStreamReader(
          in,
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
  }

  /**
   * The stream's first four bytes, its encoding, and the stream positioned after its byte order
   * mark; the stream is closed if that fails.
   */
  private static Encoding encoding(BufferedInputStream in, InputStream stream) throws IOException {
    try {
      in.mark(4);
      byte[] head = in.readNBytes(4);
      in.reset();
      Encoding e = Encoding.of(head);
      in.skipNBytes(e.bom());
      return e;
    } catch (IOException e) {
      try {
        stream.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Jackson's message without the nested location of a start marker (the source is redacted), and
   * without its advice on its parser features ({@code : enable
   * `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow}, {@code (not recognized as one since
   * Feature 'ALLOW_COMMENTS' not enabled for parser)}) and the name of the limit it passed ({@code
   * , from `StreamReadConstraints.getMaxNestingDepth()`}), which mean nothing to the author of the
   * file.
   */
  private static String withoutSource(String message) {
    return message
        .replaceAll("\\s*\\((for \\w+ starting|start marker) at \\[Source:.*$", "")
        .replaceAll(":?\\s*enable `?\\w+(\\.\\w+)+`? to allow\\b.*$", "")
        .replaceAll(
            "\\s*\\(not recognized as one since Feature '\\w+' not enabled for parser\\)", "")
        .replaceAll(", from `[^`]*`\\)", ")");
  }

  /**
   * Reads a pipeline: {@code {"id": ..., "stages": [{"id", "name"?, "kind", "probability"?}]}}.
   *
   * @throws InputFileException for malformed JSON, a key that looks like a misspelled one, a
   *     missing or mistyped field, an unknown kind or an invalid pipeline
   */
  public static Pipeline pipeline(
      InputStream stream, String source, Consumer<? super SkippedKey> skipped) throws IOException {
    return parse(stream, source, skipped, JsonFiles::pipeline);
  }

  private static Pipeline pipeline(In in) {
    JsonParser p = in.p;
    first(in);
    in.expect(JsonToken.START_OBJECT, "pipeline", "an object");
    TokenStreamLocation start = p.currentTokenLocation();
    String id = null;
    List<Stage> stages = null;
    while (in.next() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      if (!in.known("", name, PIPELINE_KEYS)) {
        continue;
      }
      in.next();
      if (name.equals("id")) {
        id = in.string("id");
      } else {
        stages = stages(in);
      }
    }
    if (id == null) {
      throw in.missing(start, "", "id", "a pipeline needs an id");
    }
    if (stages == null) {
      throw in.missing(start, "", "stages", "a pipeline needs its stages");
    }
    try {
      return new Pipeline(id, stages);
    } catch (IllegalArgumentException e) {
      throw in.error(start, String.valueOf(e.getMessage()));
    }
  }

  private static List<Stage> stages(In in) {
    JsonParser p = in.p;
    in.expect(JsonToken.START_ARRAY, "stages", "an array");
    List<Stage> stages = new ArrayList<>();
    while (in.next() != JsonToken.END_ARRAY) {
      String path = "stages[" + stages.size() + "]";
      in.expect(JsonToken.START_OBJECT, path, "an object");
      TokenStreamLocation start = p.currentTokenLocation();
      String id = null;
      String name = null;
      StageKind kind = null;
      OptionalDouble probability = OptionalDouble.empty();
      while (in.next() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        if (!in.known(path, field, STAGE_KEYS)) {
          continue;
        }
        in.next();
        switch (field) {
          case "id":
            id = in.string(path + ".id");
            break;
          case "name":
            name = in.string(path + ".name");
            break;
          case "kind":
            String k = in.string(path + ".kind");
            try {
              kind = StageKind.valueOf(k.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
              throw in.error(path + ".kind: \"" + k + "\": not one of OPEN, WON, LOST");
            }
            break;
          case "probability":
            if (!p.currentToken().isNumeric()) {
              throw in.error(
                  path + ".probability: expected a number, found " + describe(p.currentToken()));
            }
            probability = OptionalDouble.of(p.getDoubleValue());
            break;
          default:
            throw new AssertionError(field);
        }
      }
      if (id == null) {
        throw in.missing(start, path, path + ": id", "every stage needs an id");
      }
      if (kind == null) {
        throw in.missing(
            start, path, path + ": kind", "every stage needs a kind (one of OPEN, WON, LOST)");
      }
      try {
        stages.add(new Stage(id, name == null ? id : name, kind, probability));
      } catch (IllegalArgumentException e) {
        throw in.error(start, path + ": " + e.getMessage());
      }
    }
    return stages;
  }

  /**
   * Reads a calendar: {@code {"zone": ..., "hours": {"MONDAY": [["09:00","18:00"]]}, "holidays":
   * [...]}}. The intervals of a day must be listed in time order.
   *
   * @throws InputFileException for malformed JSON, a key that looks like a misspelled one, a
   *     missing or mistyped field, an unknown zone or day, a bad time or date, unordered or
   *     overlapping intervals, or no working interval at all (every business time would be 0)
   */
  public static BusinessCalendar calendar(
      InputStream stream, String source, Consumer<? super SkippedKey> skipped) throws IOException {
    return parse(stream, source, skipped, JsonFiles::calendar);
  }

  private static BusinessCalendar calendar(In in) {
    JsonParser p = in.p;
    first(in);
    in.expect(JsonToken.START_OBJECT, "calendar", "an object");
    TokenStreamLocation start = p.currentTokenLocation();
    ZoneId zone = null;
    Map<DayOfWeek, List<BusinessCalendar.Interval>> hours = new EnumMap<>(DayOfWeek.class);
    TokenStreamLocation hoursAt = start;
    boolean hoursSeen = false;
    Set<LocalDate> holidays = new HashSet<>();
    while (in.next() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      if (!in.known("", name, CALENDAR_KEYS)) {
        continue;
      }
      in.next();
      switch (name) {
        case "zone":
          String z = in.string("zone");
          try {
            zone = BusinessCalendar.zone(z);
          } catch (IllegalArgumentException e) {
            throw in.error("zone: \"" + z + "\": not a known time zone id");
          }
          break;
        case "hours":
          hoursAt = p.currentTokenLocation();
          hoursSeen = true;
          hours(in, hours);
          break;
        case "holidays":
          in.expect(JsonToken.START_ARRAY, "holidays", "an array");
          for (int i = 0; in.next() != JsonToken.END_ARRAY; i++) {
            String d = in.string("holidays[" + i + "]");
            try {
              holidays.add(LocalDate.parse(d));
            } catch (DateTimeParseException e) {
              throw in.error(
                  "holidays[" + i + "]: \"" + d + "\": not an ISO-8601 date (yyyy-MM-dd)");
            }
          }
          break;
        default:
          throw new AssertionError(name);
      }
    }
    if (zone == null) {
      throw in.missing(start, "", "zone", "a calendar needs a time zone id");
    }
    String noHours = "a calendar needs its working hours, without them every business time is 0";
    if (!hoursSeen) {
      throw in.missing(start, "", "hours", noHours);
    }
    if (hours.values().stream().allMatch(List::isEmpty)) {
      throw in.error(hoursAt, "hours: no working interval on any day; " + noHours);
    }
    try {
      return new BusinessCalendar(zone, hours, holidays);
    } catch (IllegalArgumentException e) {
      throw in.error(hoursAt, "hours: " + e.getMessage());
    }
  }

  private static void hours(In in, Map<DayOfWeek, List<BusinessCalendar.Interval>> hours) {
    JsonParser p = in.p;
    in.expect(JsonToken.START_OBJECT, "hours", "an object");
    while (in.next() == JsonToken.PROPERTY_NAME) {
      String dayName = p.currentName();
      DayOfWeek day;
      try {
        day = DayOfWeek.valueOf(dayName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw in.error("hours: \"" + dayName + "\": not a day of the week (MONDAY ... SUNDAY)");
      }
      in.next();
      String path = "hours." + day;
      in.expect(JsonToken.START_ARRAY, path, "an array of [start, end] pairs");
      List<BusinessCalendar.Interval> intervals = new ArrayList<>();
      while (in.next() != JsonToken.END_ARRAY) {
        String at = path + "[" + intervals.size() + "]";
        in.expect(JsonToken.START_ARRAY, at, "a [start, end] pair");
        TokenStreamLocation pairAt = p.currentTokenLocation();
        List<String> pair = new ArrayList<>();
        while (in.next() != JsonToken.END_ARRAY) {
          pair.add(in.string(at + "[" + pair.size() + "]"));
        }
        if (pair.size() != 2) {
          throw in.error(
              pairAt, at + ": expected a [start, end] pair, found " + pair.size() + " times");
        }
        try {
          intervals.add(BusinessCalendar.Interval.of(pair.get(0), pair.get(1)));
        } catch (IllegalArgumentException e) {
          throw in.error(pairAt, at + ": " + e.getMessage());
        }
      }
      if (hours.put(day, intervals) != null) {
        throw in.error(path + ": the day is listed twice");
      }
    }
  }
}
