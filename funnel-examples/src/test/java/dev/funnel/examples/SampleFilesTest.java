package dev.funnel.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The files follow FORMATS.md column for column, and a seed writes the same bytes. */
final class SampleFilesTest {
  private static final SampleSpec SPEC = SampleSpec.defaults().withDeals(600);
  private static final List<String> ALL =
      List.of(
          "deals.csv",
          "stage_changes.csv",
          "leads.csv",
          "touches.csv",
          "spend.csv",
          "activity.csv",
          "events.csv",
          "pipeline.json",
          "calendar.json");

  @TempDir static Path first;
  private static List<Path> written;

  @BeforeAll
  static void write() {
    written = SampleFiles.write(SPEC, first);
  }

  @Test
  void writesEveryFileOfFormatsMd() {
    assertEquals(
        ALL.stream().sorted().toList(),
        written.stream().map(p -> p.getFileName().toString()).sorted().toList());
    assertEquals(ALL.stream().sorted().toList(), SampleFiles.NAMES.stream().sorted().toList());
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedOtherBytes(
      @TempDir Path again, @TempDir Path other) throws IOException {
    SampleFiles.write(SPEC, again);
    SampleFiles.write(SPEC.withSeed(43), other);
    for (String name : ALL) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(name)), Files.readAllBytes(again.resolve(name)), name);
    }
    for (String name :
        List.of(
            "deals.csv",
            "stage_changes.csv",
            "leads.csv",
            "touches.csv",
            "spend.csv",
            "activity.csv",
            "events.csv")) {
      assertFalse(
          java.util.Arrays.equals(
              Files.readAllBytes(first.resolve(name)), Files.readAllBytes(other.resolve(name))),
          name + " is the same for seeds 42 and 43");
    }
  }

  static Stream<Arguments> headers() {
    // The columns of FORMATS.md "Inputs", required ones first; deals.csv adds one attribute column.
    return Stream.of(
        Arguments.of(
            "deals.csv",
            List.of(
                "deal_id",
                "created_at",
                "owner",
                "channel",
                "amount",
                "currency",
                "loss_reason",
                "lead_id",
                "segment")),
        Arguments.of(
            "stage_changes.csv",
            List.of("deal_id", "to_stage", "occurred_at", "recorded_at", "actor")),
        Arguments.of(
            "leads.csv",
            List.of(
                "lead_id",
                "created_at",
                "channel",
                "handed_over_at",
                "accepted_at",
                "rejected_at",
                "rejection_reason")),
        Arguments.of("touches.csv", List.of("subject_id", "at", "kind", "actor")),
        Arguments.of("spend.csv", List.of("date", "channel", "cost", "currency")),
        Arguments.of("activity.csv", List.of("date", "channel", "metric", "value")),
        Arguments.of("events.csv", List.of("entity_id", "at", "event")));
  }

  @ParameterizedTest
  @MethodSource("headers")
  void everyCsvHasTheFormatsHeaderAndFullRows(String name, List<String> header) throws IOException {
    List<List<String>> rows = parse(Files.readString(first.resolve(name), StandardCharsets.UTF_8));
    assertEquals(header, rows.get(0), name + " header");
    assertTrue(rows.size() > 10, name + " has rows");
    for (int i = 1; i < rows.size(); i++) {
      assertEquals(header.size(), rows.get(i).size(), name + ":" + (i + 1) + ": " + rows.get(i));
    }
  }

  @Test
  void valuesHaveTheirFormats() throws IOException {
    for (List<String> row : rows("deals.csv")) {
      Instant.parse(row.get(1));
      if (!row.get(4).isEmpty()) {
        assertTrue(row.get(4).matches("[0-9]+\\.[0-9]{2}"), row.toString());
        assertEquals("EUR", row.get(5));
        assertTrue(new BigDecimal(row.get(4)).signum() >= 0);
      } else {
        assertEquals("", row.get(5), "no currency without an amount: " + row);
      }
    }
    for (List<String> row : rows("stage_changes.csv")) {
      assertFalse(Instant.parse(row.get(3)).isBefore(Instant.parse(row.get(2))), row.toString());
    }
    for (List<String> row : rows("leads.csv")) {
      for (int c = 1; c <= 5; c++) {
        if (c != 2 && !row.get(c).isEmpty()) {
          OffsetDateTime.parse(row.get(c));
        }
      }
    }
    for (List<String> row : rows("touches.csv")) {
      OffsetDateTime.parse(row.get(1));
    }
    for (List<String> row : rows("events.csv")) {
      OffsetDateTime.parse(row.get(1));
    }
    for (List<String> row : rows("spend.csv")) {
      LocalDate.parse(row.get(0));
      assertTrue(row.get(2).matches("[0-9]+\\.[0-9]{2}"), row.toString());
      assertEquals("EUR", row.get(3));
    }
    for (List<String> row : rows("activity.csv")) {
      LocalDate.parse(row.get(0));
      assertTrue(row.get(3).matches("[0-9]+"), row.toString());
    }
  }

  @Test
  void aValueWithACommaIsQuoted() throws IOException {
    String text = Files.readString(first.resolve("leads.csv"));
    assertTrue(text.contains(",\"duplicate, already a customer\"\n"), "quoted rejection reason");
    assertTrue(
        rows("leads.csv").stream().anyMatch(r -> r.get(6).equals("duplicate, already a customer")));
  }

  @Test
  void pipelineJsonListsTheStagesInOrderWithDeclaredProbabilities() throws IOException {
    String json = Files.readString(first.resolve("pipeline.json"));
    assertEquals(
        "{ \"id\": \"b2b\", \"stages\": [\n"
            + "  { \"id\": \"new\", \"name\": \"New lead\", \"kind\": \"OPEN\", \"probability\": 0.25 },\n"
            + "  { \"id\": \"qualified\", \"name\": \"Qualified\", \"kind\": \"OPEN\", \"probability\": 0.4 },\n"
            + "  { \"id\": \"proposal\", \"name\": \"Proposal sent\", \"kind\": \"OPEN\", \"probability\": 0.6 },\n"
            + "  { \"id\": \"negotiation\", \"name\": \"Negotiation\", \"kind\": \"OPEN\", \"probability\": 0.8 },\n"
            + "  { \"id\": \"won\", \"name\": \"Won\", \"kind\": \"WON\" },\n"
            + "  { \"id\": \"lost\", \"name\": \"Lost\", \"kind\": \"LOST\" } ] }\n",
        json);
  }

  @Test
  void calendarJsonHasTheZoneHoursAndHolidays() throws IOException {
    String json = Files.readString(first.resolve("calendar.json"));
    assertTrue(json.contains("\"zone\": \"Europe/Berlin\""), json);
    assertTrue(json.contains("\"MONDAY\": [[\"09:00\", \"18:00\"]]"), json);
    assertTrue(json.contains("\"FRIDAY\": [[\"09:00\", \"13:00\"], [\"14:00\", \"17:00\"]]"), json);
    assertFalse(json.contains("SATURDAY"), json);
    assertTrue(json.contains("\"2025-05-01\""), json);
    assertTrue(json.contains("\"2025-12-25\""), json);
  }

  @Test
  void theFilesHoldWhatGenerateEmits() throws IOException {
    RecordingSink sink = RecordingSink.of(SPEC);
    Map<String, Integer> counts =
        Map.of(
            "deals.csv", sink.deals.size(),
            "stage_changes.csv", sink.changes.size(),
            "leads.csv", sink.leads.size(),
            "touches.csv", sink.touches.size(),
            "spend.csv", sink.spend.size(),
            "activity.csv", sink.activity.size(),
            "events.csv", sink.events.size());
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      assertEquals(e.getValue(), rows(e.getKey()).size(), e.getKey());
    }
  }

  private static List<List<String>> rows(String name) throws IOException {
    List<List<String>> rows = parse(Files.readString(first.resolve(name)));
    return rows.subList(1, rows.size());
  }

  /** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    assertFalse(quoted, "unterminated quote");
    assertTrue(row.isEmpty() && cell.length() == 0, "the last line ends with a line break");
    return rows;
  }
}
