package dev.funnel.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.calendar.BusinessCalendar;
import dev.funnel.log.Rejection;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;
import dev.funnel.model.StageKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class FunnelFilesJsonTest {
  private static final String PIPELINE =
      "{ \"id\": \"b2b\", \"stages\": [\n"
          + "  { \"id\": \"new\", \"name\": \"New lead\", \"kind\": \"OPEN\" },\n"
          + "  { \"id\": \"proposal\", \"kind\": \"OPEN\", \"probability\": 0.6 },\n"
          + "  { \"id\": \"won\", \"kind\": \"WON\" },\n"
          + "  { \"id\": \"lost\", \"kind\": \"LOST\" } ] }\n";

  private static final String CALENDAR =
      "{ \"zone\": \"Europe/Berlin\",\n"
          + "  \"hours\": { \"MONDAY\": [[\"09:00\",\"18:00\"]],"
          + " \"FRIDAY\": [[\"09:00\",\"13:00\"],[\"14:00\",\"17:00\"]] },\n"
          + "  \"holidays\": [\"2026-05-01\"] }\n";

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(UTF_8));
  }

  /** The fault that strict reading of these bytes as {@code p.json} ends with. */
  private static InputFileException pipelineFault(byte[] json) {
    return assertThrows(
        InputFileException.class,
        () -> FunnelFiles.strict().pipeline(new ByteArrayInputStream(json), "p.json"));
  }

  @Test
  void readsThePipelineOfFormatsMd() throws IOException {
    Pipeline p = FunnelFiles.strict().pipeline(bytes(PIPELINE), "pipeline.json");
    assertEquals(
        new Pipeline(
            "b2b",
            List.of(
                Stage.open("new").withName("New lead"),
                new Stage("proposal", "proposal", StageKind.OPEN, OptionalDouble.of(0.6)),
                Stage.won("won"),
                Stage.lost("lost"))),
        p);
  }

  @Test
  void keysTheFormatDoesNotHaveAreSkipped() throws IOException {
    // FORMATS.md: "more fields may be added"; a CRM's export carries names, colours, order
    String withExtras =
        "{ \"id\": \"b2b\", \"name\": \"B2B sales\", \"status\": \"active\", \"states\": 3,"
            + " \"meta\": { \"stages\": [1, {\"kind\": 2}] },"
            + " \"stages\": ["
            + " { \"id\": \"new\", \"name\": \"New lead\", \"kind\": \"OPEN\", \"color\": \"red\","
            + " \"order\": 1 },"
            + " { \"id\": \"won\", \"kind\": \"WON\", \"rules\": [[\"x\"], null, true] },"
            + " { \"id\": \"lost\", \"kind\": \"LOST\" } ], \"updated\": \"2026-01-01\" }";
    String plain =
        "{ \"id\": \"b2b\", \"stages\": [ { \"id\": \"new\", \"name\": \"New lead\", \"kind\":"
            + " \"OPEN\" }, { \"id\": \"won\", \"kind\": \"WON\" }, { \"id\": \"lost\", \"kind\":"
            + " \"LOST\" } ] }";
    for (FunnelFiles files : List.of(FunnelFiles.strict(), FunnelFiles.lenient())) {
      assertEquals(
          files.pipeline(bytes(plain), "pipeline.json"),
          files.pipeline(bytes(withExtras), "pipeline.json"));
    }
    String calendar =
        "{ \"zone\": \"Europe/Berlin\", \"comment\": \"office\", \"hours\": { \"MONDAY\":"
            + " [[\"09:00\",\"18:00\"]] }, \"version\": 2 }";
    assertEquals(
        FunnelFiles.strict()
            .calendar(
                bytes(
                    "{ \"zone\": \"Europe/Berlin\", \"hours\": { \"MONDAY\":"
                        + " [[\"09:00\",\"18:00\"]] } }"),
                "calendar.json"),
        FunnelFiles.strict().calendar(bytes(calendar), "calendar.json"));
  }

  @Test
  void everySkippedKeyIsReportedWhereItIs() throws IOException {
    String json =
        "{ \"id\": \"b2b\", \"status\": \"active\",\n"
            + "  \"stages\": [\n"
            + "    { \"id\": \"new\", \"kind\": \"OPEN\", \"color\": \"red\" },\n"
            + "    { \"id\": \"won\", \"kind\": \"WON\", \"rules\": [[\"x\"], {\"kind\": 1}] },\n"
            + "    { \"id\": \"lost\", \"kind\": \"LOST\" } ],\n"
            + "  \"meta\": { \"name\": \"x\" } }\n";
    // Columns counted by hand from the key's opening quote; keys inside a skipped value (rules'
    // "kind", meta's "name") go with it and are not reported on their own.
    List<SkippedKey> expected =
        List.of(
            new SkippedKey("pipeline.json", 1, 16, "", "status"),
            new SkippedKey("pipeline.json", 3, 36, "stages[0]", "color"),
            new SkippedKey("pipeline.json", 4, 35, "stages[1]", "rules"),
            new SkippedKey("pipeline.json", 6, 3, "", "meta"));
    for (FunnelFiles files : List.of(FunnelFiles.strict(), FunnelFiles.lenient())) {
      List<SkippedKey> heard = new ArrayList<>();
      FunnelFiles listening = files.onSkippedKey(heard::add);
      assertEquals(
          files.pipeline(bytes(json), "pipeline.json"),
          listening.pipeline(bytes(json), "pipeline.json"));
      assertEquals(expected, heard);
      assertEquals(files.isLenient(), listening.isLenient());
      assertEquals(files + ".onSkippedKey(...)", listening.toString());
    }
    assertEquals("color", expected.get(1).key());
    assertEquals(
        "pipeline.json:3:36: stages[0].color: not a key of this file, skipped",
        expected.get(1).message());
    assertEquals(
        "pipeline.json: meta: not a key of this file, skipped",
        new SkippedKey("pipeline.json", 0, 0, "", "meta").message());

    List<SkippedKey> calendar = new ArrayList<>();
    FunnelFiles.strict()
        .maxCellLength(10)
        .onSkippedKey(calendar::add)
        .calendar(
            bytes(
                "{ \"zone\": \"UTC\", \"comment\": \"office\",\n"
                    + " \"hours\": { \"MONDAY\": [[\"09:00\",\"18:00\"]] } }"),
            "calendar.json");
    assertEquals(List.of(new SkippedKey("calendar.json", 1, 18, "", "comment")), calendar);

    // A key that looks like a known one is a fault, not a skipped key; none was heard before it.
    List<SkippedKey> none = new ArrayList<>();
    InputFileException e =
        assertThrows(
            InputFileException.class,
            () ->
                FunnelFiles.strict()
                    .onSkippedKey(none::add)
                    .pipeline(bytes("{ \"id\": \"b2b\", \"stagse\": [] }"), "pipeline.json"));
    assertTrue(e.getMessage().contains("did you mean \"stages\""), e.getMessage());
    assertEquals(List.of(), none);
    assertThrows(NullPointerException.class, () -> FunnelFiles.strict().onSkippedKey(null));
    assertThrows(
        IllegalArgumentException.class, () -> new SkippedKey("pipeline.json", -1, 0, "", "meta"));
    assertThrows(NullPointerException.class, () -> new SkippedKey("pipeline.json", 1, 1, "", null));
  }

  @Test
  void anyKeyCanBeSkippedAndShowsAsOneVisibleLine() throws IOException {
    // Review finding: an empty key crashed reading (the record refused an empty path). Keys that
    // are not plain names are shown as JSON strings, escaped, so a message stays one line.
    String json =
        "{ \"\": 1, \"a.b\": 2, \"x\\n\\u001b[31m\": 3, \"\u202eevil\": 4, \"Цвет\": 5,"
            + " \"id\": \"b2b\", \"stages\": [ { \"\": 0, \"id\": \"new\", \"kind\": \"OPEN\" },"
            + " { \"id\": \"won\", \"kind\": \"WON\" }, { \"id\": \"lost\", \"kind\": \"LOST\" } ] }";
    List<SkippedKey> heard = new ArrayList<>();
    Pipeline p = FunnelFiles.strict().onSkippedKey(heard::add).pipeline(bytes(json), "p.json");
    assertEquals(List.of("new", "won", "lost"), p.stages().stream().map(Stage::id).toList());
    assertEquals(
        List.of("", "a.b", "x\n\u001b[31m", "\u202eevil", "Цвет", ""),
        heard.stream().map(SkippedKey::key).toList());
    assertEquals(
        List.of(
            "[\"\"]",
            "[\"a.b\"]",
            "[\"x\\n\\u001b[31m\"]",
            "[\"\\u202eevil\"]",
            "[\"Цвет\"]",
            "stages[0][\"\"]"),
        heard.stream().map(SkippedKey::path).toList());
    for (SkippedKey k : heard) {
      assertTrue(k.message().chars().noneMatch(Character::isISOControl), k.message());
    }
    assertEquals("color", new SkippedKey("p.json", 1, 1, "", "color").name());
    assertEquals("stages[0].x-1_y", new SkippedKey("p.json", 1, 1, "stages[0]", "x-1_y").path());
    assertEquals("[\"1x\"]", new SkippedKey("p.json", 1, 1, "", "1x").path());
    // a surrogate pair is a character; a lone surrogate is escaped
    assertEquals("\"\uD83D\uDE00\"", new SkippedKey("p.json", 1, 1, "", "\uD83D\uDE00").name());
    assertEquals("\"\\ud83d\"", new SkippedKey("p.json", 1, 1, "", "\uD83D").name());
    // Review finding: invisible characters beyond U+FFFF (tag characters) and other invisible
    // ones (no-break space, variation selector, Hangul filler, private use) showed as themselves.
    assertEquals(
        "\"\\udb40\\udc01tag\"", new SkippedKey("p.json", 1, 1, "", "\uDB40\uDC01tag").name());
    assertEquals(
        "\"a\\u00a0b\\ufe0f\\u3164\\ue000\"",
        new SkippedKey("p.json", 1, 1, "", "a\u00A0b\uFE0F\u3164\uE000").name());
    assertEquals("\"a b é\"", new SkippedKey("p.json", 1, 1, "", "a b é").name());
  }

  @Test
  void columnsCountCharactersNotBytesAndNotTheByteOrderMark() throws IOException {
    // Review finding: columns counted UTF-8 bytes (and a byte order mark's three).
    String line1 = "{ \"id\": \"b2b\", \"name\": \"Négociation Цвет\", \"color\": 1,";
    String json =
        line1
            + "\n \"stages\": [ { \"id\": \"new\", \"kind\": \"OPEN\" }, { \"id\": \"won\","
            + " \"kind\": \"WON\" }, { \"id\": \"lost\", \"kind\": \"LOST\" } ] }";
    // counted in characters, from each key's opening quote
    List<SkippedKey> expected =
        List.of(
            new SkippedKey("p.json", 1, line1.indexOf("\"name\"") + 1, "", "name"),
            new SkippedKey("p.json", 1, line1.indexOf("\"color\"") + 1, "", "color"));
    for (String prefix : List.of("", "\uFEFF")) {
      List<SkippedKey> heard = new ArrayList<>();
      FunnelFiles.strict().onSkippedKey(heard::add).pipeline(bytes(prefix + json), "p.json");
      assertEquals(expected, heard, "with " + prefix.length() + " byte order mark");
    }
    // Bytes that are not UTF-8 are named with their line, as in the CSV readers (they were
    // Jackson's "Invalid UTF-8 start byte" before).
    byte[] notUtf8 = json.replace("Négociation", "N?gociation").getBytes(UTF_8);
    int at = new String(notUtf8, UTF_8).indexOf('?'); // ASCII before it: the byte offset too
    notUtf8[at] = (byte) 0xE9;
    InputFileException e = pipelineFault(notUtf8);
    assertEquals(
        "p.json:1: bytes that are not UTF-8 (0xE9 at byte " + at + "); save the file as UTF-8",
        e.getMessage());
  }

  @Test
  void utf16AndUtf32JsonIsReadAsBeforeWithColumnsInCharacters() throws IOException {
    // Jackson's detection read UTF-16 and UTF-32 JSON (some Windows tools write it); reading
    // through a UTF-8 reader must not take that away.
    String json =
        "{ \"id\": \"b2b\", \"name\": \"Цвет\", \"color\": 1,\n "
            + PIPELINE.substring(PIPELINE.indexOf("\"stages\""));
    List<SkippedKey> expected =
        List.of(
            new SkippedKey("p.json", 1, 16, "", "name"),
            new SkippedKey("p.json", 1, 32, "", "color"));
    Pipeline utf8 = FunnelFiles.strict().pipeline(bytes(json), "p.json");
    for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
      for (String bom : List.of("", "\uFEFF")) {
        byte[] encoded = (bom + json).getBytes(java.nio.charset.Charset.forName(charset));
        List<SkippedKey> heard = new ArrayList<>();
        assertEquals(
            utf8,
            FunnelFiles.strict()
                .onSkippedKey(heard::add)
                .pipeline(new ByteArrayInputStream(encoded), "p.json"),
            charset + " " + bom.length());
        assertEquals(expected, heard, charset + " " + bom.length());
      }
    }
    // A lone surrogate at the end, and one near the start of a small file (review finding: the
    // byte order mark check decoded ahead, and the fault escaped as a bare IOException with the
    // stream left open).
    // In UTF-16 a lone surrogate does not decode; in UTF-32 a code beyond U+10FFFF does not.
    byte[] utf32 = encode(json, "UTF-32BE");
    List<byte[]> broken =
        List.of(
            encode(json + "\uD800", "UTF-16LE"),
            encode("{ \"id\": \"\uDC00\", " + json.substring(2), "UTF-16LE"),
            withCode(utf32, utf32.length),
            withCode(utf32, 4 * json.indexOf("b2b")));
    for (int i = 0; i < broken.size(); i++) {
      String charset = i < 2 ? "UTF-16LE" : "UTF-32BE";
      boolean[] closed = {false};
      InputStream in =
          new ByteArrayInputStream(broken.get(i)) {
            @Override
            public void close() {
              closed[0] = true;
            }
          };
      InputFileException e =
          assertThrows(InputFileException.class, () -> FunnelFiles.strict().pipeline(in, "p.json"));
      assertEquals(
          "p.json: bytes that are not "
              + charset
              + ", the encoding its first bytes show; save the file as UTF-8",
          e.getMessage(),
          "case " + i);
      assertTrue(closed[0], "case " + i);
    }
  }

  /** UTF-32BE bytes with the code 0x110000 (beyond Unicode) inserted at byte {@code at}. */
  private static byte[] withCode(byte[] utf32, int at) {
    byte[] out = new byte[utf32.length + 4];
    System.arraycopy(utf32, 0, out, 0, at);
    out[at + 1] = 0x11;
    System.arraycopy(utf32, at, out, at + 4, utf32.length - at);
    return out;
  }

  /**
   * The text in a UTF-16 or UTF-32 charset, lone surrogates kept (String.getBytes replaces them).
   */
  private static byte[] encode(String text, String charset) {
    boolean big = charset.endsWith("BE");
    int width = charset.startsWith("UTF-32") ? 4 : 2;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      int unit = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(text.charAt(i))
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      int value = width == 4 && pair ? text.codePointAt(i++) : unit;
      for (int k = 0; k < width; k++) {
        int shift = 8 * (big ? width - 1 - k : k);
        out.write((value >>> shift) & 0xFF);
      }
    }
    return out.toByteArray();
  }

  @Test
  void utf8WithAZeroSecondByteIsUtf8AndCrLinesAreCounted() throws IOException {
    // Review findings: UTF-16 was chosen from two bytes ({ then a NUL), losing Jackson's located
    // message; a bare CR (old Mac line ends) did not end a line for the UTF-8 check.
    InputFileException nul = pipelineFault("{\u0000\"id\": \"b2\"}".getBytes(UTF_8));
    assertTrue(nul.getMessage().startsWith("p.json:1:2: malformed JSON"), nul.getMessage());
    for (String end : List.of("\r", "\n", "\r\n")) {
      byte[] text = ("{" + end + "\"id\":" + end + " \"b?b\" }").getBytes(UTF_8);
      int at = new String(text, UTF_8).indexOf('?');
      text[at] = (byte) 0xE9;
      InputFileException e = pipelineFault(text);
      assertEquals(
          "p.json:3: bytes that are not UTF-8 (0xE9 at byte " + at + "); save the file as UTF-8",
          e.getMessage(),
          end.replace("\r", "CR").replace("\n", "LF"));
    }
  }

  @Test
  void aLimitOfTheParserIsAFaultWithItsPlace() {
    // CLI fuzz: 1,001 nested arrays under an unknown key gave no line and column, and named
    // Jackson's StreamReadConstraints.getMaxNestingDepth()
    String deep = "[".repeat(1001) + "]".repeat(1001);
    InputFileException e =
        pipelineFault(("{\"id\": \"b2\",\n \"x\": " + deep + "}").getBytes(UTF_8));
    assertEquals(
        "p.json:2:507: malformed JSON: Document nesting depth (501) exceeds the maximum allowed"
            + " (500)",
        e.getMessage());
  }

  @Test
  void faultsQuotingTheFileStayOneVisibleLine() {
    // Second review: a calendar day key, a kind value or Jackson's duplicate-key message with a
    // newline or an escape character in it made a message of two lines or moved the cursor.
    String[][] cases = {
      {"calendar.json", "{ \"zone\": \"UTC\", \"hours\": { \"MON\\nDAY\": [] } }", "MON\\nDAY"},
      {
        "pipeline.json",
        "{ \"id\": \"b2b\", \"stages\": [ { \"id\": \"n\", \"kind\": \"OP\\u001bEN\" } ] }",
        "OP\\u001bEN"
      },
      {"pipeline.json", "{ \"a\\nb\": 1, \"a\\nb\": 2 }", "a\\nb"},
      {"pipeline.json", "{ \"id\": \"b\\u202e2b\", \"stages\": [] }", null},
    };
    for (String[] c : cases) {
      InputFileException e =
          assertThrows(
              InputFileException.class,
              () -> {
                if (c[0].equals("calendar.json")) {
                  FunnelFiles.strict().calendar(bytes(c[1]), c[0]);
                } else {
                  FunnelFiles.strict().pipeline(bytes(c[1]), c[0]);
                }
              });
      String m = e.getMessage();
      assertEquals(m, dev.funnel.log.Rejection.visible(m), "every character shows");
      if (c[2] != null) {
        assertTrue(m.contains(c[2]), m);
      }
    }
  }

  @Test
  void readsTheCalendarOfFormatsMd() throws IOException {
    BusinessCalendar c = FunnelFiles.strict().calendar(bytes(CALENDAR), "calendar.json");
    assertEquals(
        BusinessCalendar.builder(ZoneId.of("Europe/Berlin"))
            .hours(DayOfWeek.MONDAY, "09:00", "18:00")
            .hours(DayOfWeek.FRIDAY, "09:00", "13:00")
            .hours(DayOfWeek.FRIDAY, "14:00", "17:00")
            .holiday(LocalDate.parse("2026-05-01"))
            .build(),
        c);
  }

  static Stream<Arguments> badPipelines() {
    return Stream.of(
        Arguments.of("", "pipeline.json: the file is empty; it needs a JSON object"),
        Arguments.of(
            "{ \"id\": \"b2b\", \"stages\": [ { \"id\": \"new\", \"kind\": \"OPEN\" }\n",
            "pipeline.json:2:1: malformed JSON: Unexpected end-of-input: expected close marker for Array"),
        Arguments.of(
            "{ \"id\": \"b2b\",\n \"stages\": [ { \"id\": \"new\", \"kind\": \"MAYBE\" } ] }",
            "pipeline.json:2:37: stages[0].kind: \"MAYBE\": not one of OPEN, WON, LOST"),
        Arguments.of(
            "{ \"id\": \"b2b\",\n \"stages\": [\n  { \"id\": \"new\" } ] }",
            "pipeline.json:3:3: stages[0]: kind: missing; every stage needs a kind (one of OPEN, WON,"
                + " LOST)"),
        Arguments.of(
            "{ \"stages\": [] }", "pipeline.json:1:1: id: missing; a pipeline needs an id"),
        Arguments.of(
            "{ \"id\": 7, \"stages\": [] }",
            "pipeline.json:1:9: id: expected a string, found a number"),
        Arguments.of(
            "{ \"id\": \"b2b\", \"stages\": [ { \"id\": \"new\", \"kind\": \"OPEN\" } ] }",
            "pipeline.json:1:1: pipeline \"b2b\" has no WON stage (it needs at least one)"),
        Arguments.of(
            "{ \"id\": \"b2b\", \"stages\": [ { \"id\": \"w\", \"kind\": \"WON\","
                + " \"probability\": 0.5 } ] }",
            "pipeline.json:1:28: stages[0]: stage \"w\": only open stages declare a probability,"
                + " this one is WON"),
        Arguments.of(
            "{ \"id\": \"b2b\", \"id\": \"c\" }",
            "pipeline.json:1:20: malformed JSON: Duplicate Object property \"id\""),
        Arguments.of(
            "{ \"id\": \"b2b\", \"stages\": [\n  { \"id\": \"new\", \"kind\": \"OPEN\","
                + " \"probabilty\": 0.6 } ] }",
            "pipeline.json:2:34: stages[0].probabilty: unknown key, did you mean \"probability\"?"
                + " (known: id, name, kind, probability; other keys are skipped)"),
        Arguments.of(
            "{ \"id\": \"b2b\", \"Stages\": [] }",
            "pipeline.json:1:16: Stages: unknown key, did you mean \"stages\"? (known: id, stages;"
                + " other keys are skipped)"),
        Arguments.of(
            "{ \"id\": \"b2b\", \"stage\": [] }",
            "pipeline.json:1:16: stage: unknown key, did you mean \"stages\"? (known: id, stages;"
                + " other keys are skipped)"),
        Arguments.of(
            "{ \"id\": \"b2b\", \"steps\": [ { \"id\": \"new\", \"kind\": \"OPEN\" } ] }",
            "pipeline.json:1:1: stages: missing (skipped: steps); a pipeline needs its stages"),
        Arguments.of(
            "{ \"id\": \"b2b\", \"stages\": [ { \"id\": \"new\", \"kind\": \"OPEN\","
                + " \"winProbability\": 0.4 } ] }",
            "pipeline.json:1:59: stages[0].winProbability: unknown key, did you mean"
                + " \"probability\"? (known: id, name, kind, probability; other keys are skipped)"),
        Arguments.of(
            "{ \"id\": \"b2b\", \"stages\": [ { \"id\": \"new\", \"kind\": \"OPEN\","
                + " \"nmae\": \"New\" } ] }",
            "pipeline.json:1:59: stages[0].nmae: unknown key, did you mean \"name\"? (known: id,"
                + " name, kind, probability; other keys are skipped)"),
        Arguments.of(
            "{ \"id\": \"b2b\", \"color\": \"red\", \"stages\": [ { \"id\": \"new\","
                + " \"order\": 1 } ] }",
            "pipeline.json:1:44: stages[0]: kind: missing (skipped: stages[0].order); every stage"
                + " needs a kind (one of OPEN, WON, LOST)"),
        Arguments.of(
            "{ \"id\": \"b2b\", \"stages\": [ { \"id\": \"new\", \"knd\": \"OPEN\" } ] }",
            "pipeline.json:1:43: stages[0].knd: unknown key, did you mean \"kind\"? (known: id,"
                + " name, kind, probability; other keys are skipped)"),
        Arguments.of(
            "{ \"id\": \"b2b\" ] ",
            "pipeline.json:1:15: malformed JSON: Unexpected close marker ']': expected '}'"),
        // Jackson's advice on its own parser features means nothing to the file's author.
        Arguments.of(
            "{ \"id\": \"b2b\", \"stages\": [ { \"id\": \"new\", \"kind\": \"OPEN\","
                + " \"probability\": NaN } ] }",
            "pipeline.json:1:77: malformed JSON: Non-standard token 'NaN'"),
        Arguments.of(
            "{ \"id\": \"b2b\", // the sales pipeline\n \"stages\": [] }",
            "pipeline.json:1:16: malformed JSON: Unexpected character ('/' (code 47)): maybe a"
                + " (non-standard) comment?"));
  }

  @ParameterizedTest
  @MethodSource("badPipelines")
  void badPipelinesNameTheFileLineAndColumn(String json, String message) {
    for (FunnelFiles files : List.of(FunnelFiles.strict(), FunnelFiles.lenient())) {
      InputFileException e =
          assertThrows(
              InputFileException.class, () -> files.pipeline(bytes(json), "pipeline.json"));
      assertEquals(message, e.getMessage());
    }
  }

  static Stream<Arguments> badCalendars() {
    return Stream.of(
        Arguments.of(
            "{ \"zone\": \"Europe/Berlln\" }",
            "calendar.json:1:11: zone: \"Europe/Berlln\": not a known time zone id"),
        Arguments.of(
            "{ \"hours\": {} }",
            "calendar.json:1:1: zone: missing; a calendar needs a time zone id"),
        Arguments.of(
            "{ \"zone\": \"UTC\", \"hours\": { \"MONDAY\": [[\"09:00\",\"13:00\"],"
                + "[\"12:00\",\"17:00\"]] } }",
            "calendar.json:1:27: hours: MONDAY: intervals 09:00-13:00 and 12:00-17:00 overlap"),
        Arguments.of(
            "{ \"zone\": \"UTC\", \"hours\": { \"MONDAY\": [[\"14:00\",\"17:00\"],"
                + "[\"09:00\",\"13:00\"]] } }",
            "calendar.json:1:27: hours: MONDAY: interval 09:00-13:00 is listed after 14:00-17:00;"
                + " list the intervals of a day in time order"),
        Arguments.of(
            "{ \"zone\": \"UTC\", \"hours\": { \"MONDAY\": [[\"18:00\",\"09:00\"]] } }",
            "calendar.json:1:40: hours.MONDAY[0]: interval 18:00-09:00: start is not before end"),
        Arguments.of(
            "{ \"zone\": \"UTC\", \"hours\": { \"MONDAY\": [[\"09:00\"]] } }",
            "calendar.json:1:40: hours.MONDAY[0]: expected a [start, end] pair, found 1 times"),
        Arguments.of(
            "{ \"zone\": \"UTC\", \"hours\": { \"MONDAYY\": [] } }",
            "calendar.json:1:29: hours: \"MONDAYY\": not a day of the week (MONDAY ... SUNDAY)"),
        Arguments.of(
            "{ \"zone\": \"Europe/Berlin\", \"working_hours\": { \"MONDAY\": [[\"09:00\","
                + "\"18:00\"]] } }",
            "calendar.json:1:28: working_hours: unknown key, did you mean \"hours\"? (known: zone,"
                + " hours, holidays; other keys are skipped)"),
        Arguments.of(
            "{ \"zone\": \"UTC\", \"hours\": { \"MONDAY\": [[\"09:00\",\"18:00\"]] },"
                + " \"public_holidays\": [\"2026-05-01\"] }",
            "calendar.json:1:62: public_holidays: unknown key, did you mean \"holidays\"? (known:"
                + " zone, hours, holidays; other keys are skipped)"),
        Arguments.of(
            "{ \"timezone\": \"UTC\", \"color\": \"red\", \"hours\": { \"MONDAY\":"
                + " [[\"09:00\",\"18:00\"]] } }",
            "calendar.json:1:1: zone: missing (skipped: timezone, color); a calendar needs a time"
                + " zone id"),
        Arguments.of(
            "{ \"zone\": \"UTC\", \"hours\": { \"MONDAY\": [[\"09:00\",\"18:00\"]] },"
                + " \"holiday\": [\"2026-05-01\"] }",
            "calendar.json:1:62: holiday: unknown key, did you mean \"holidays\"? (known: zone,"
                + " hours, holidays; other keys are skipped)"),
        Arguments.of(
            "{ \"zone\": \"UTC\" }",
            "calendar.json:1:1: hours: missing; a calendar needs its working hours, without them"
                + " every business time is 0"),
        Arguments.of(
            "{ \"zone\": \"UTC\",\n \"hours\": { \"MONDAY\": [] }, \"holidays\": [] }",
            "calendar.json:2:11: hours: no working interval on any day; a calendar needs its"
                + " working hours, without them every business time is 0"),
        Arguments.of(
            "{ \"zone\": \"UTC\", \"holidays\": [\"2026-13-01\"] }",
            "calendar.json:1:31: holidays[0]: \"2026-13-01\": not an ISO-8601 date (yyyy-MM-dd)"));
  }

  @ParameterizedTest
  @MethodSource("badCalendars")
  void badCalendarsNameTheFileLineAndColumn(String json, String message) {
    InputFileException e =
        assertThrows(
            InputFileException.class,
            () -> FunnelFiles.lenient().calendar(bytes(json), "calendar.json"));
    assertEquals(message, e.getMessage());
  }

  @Test
  void readsADatasetDirectory(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pipeline.json"), PIPELINE);
    Files.writeString(
        dir.resolve("deals.csv"), "deal_id,created_at\nD-1,2026-03-02T09:00:00Z\nD-2,not-a-time\n");
    Files.writeString(
        dir.resolve("stage_changes.csv"),
        "deal_id,to_stage,occurred_at\nD-1,won,2026-03-05T09:00:00Z\n");
    Files.writeString(dir.resolve("leads.csv"), "lead_id,created_at\nL-1,2026-03-01\n");
    Files.writeString(dir.resolve("calendar.json"), CALENDAR);
    Dataset d = FunnelFiles.lenient().dataset(dir);
    assertEquals(1, d.deals().dealCount());
    assertTrue(d.touches().isEmpty());
    assertTrue(d.calendar().isPresent());
    assertEquals(4, d.recordsRead());
    assertEquals(2, d.recordsRejected());
    assertEquals(2, d.recordsAccepted());
    assertEquals(
        List.of(
            "deals.csv:3: created_at: \"not-a-time\": not an ISO-8601 timestamp",
            "leads.csv:2: created_at: \"2026-03-01\": not an ISO-8601 timestamp with an offset"),
        d.rejections().stream().map(Rejection::message).toList());
  }

  @Test
  void aDatasetNeedsItsThreeFiles(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pipeline.json"), PIPELINE);
    // A missing file is an IOException, as from every reader of a path (embedding review: here it
    // was the unchecked InputFileException).
    java.nio.file.NoSuchFileException e =
        assertThrows(
            java.nio.file.NoSuchFileException.class, () -> FunnelFiles.strict().dataset(dir));
    assertEquals(
        dir.resolve("deals.csv")
            + ": a dataset needs pipeline.json, deals.csv and stage_changes.csv",
        e.getMessage());
  }
}
