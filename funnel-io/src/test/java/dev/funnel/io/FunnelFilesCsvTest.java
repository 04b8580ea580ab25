package dev.funnel.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import dev.funnel.log.RejectedRecordException;
import dev.funnel.log.Rejection;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import dev.funnel.model.StageChange;
import dev.funnel.model.Touch;
import dev.funnel.sequence.Event;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class FunnelFilesCsvTest {
  private static final Pipeline B2B =
      Pipeline.builder("b2b").open("new").open("qualified").won("won").lost("lost").build();

  private static final String DEALS_OK =
      "deal_id,created_at\nD-1,2026-03-02T09:00:00Z\nD-2,2026-03-03T09:00:00+01:00\n";
  private static final String CHANGES_HEADER = "deal_id,to_stage,occurred_at\n";

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(UTF_8));
  }

  private static DealLog log(FunnelFiles files, String deals, String changes) throws IOException {
    return files.dealLog(B2B, bytes(deals), "deals.csv", bytes(changes), "stage_changes.csv");
  }

  // ---- deals.csv and stage_changes.csv ----

  @Test
  void aColumnEmptyInEveryRowIsStillAnAttribute() throws IOException {
    // FORMATS.md: further columns become attributes; an empty cell is an absent value
    String deals =
        "deal_id,created_at,seg,tier\n"
            + "D-1,2026-03-02T09:00:00Z,,gold\n"
            + "D-2,2026-03-02T10:00:00Z,,\n";
    for (FunnelFiles files : List.of(FunnelFiles.strict(), FunnelFiles.lenient())) {
      DealLog log = log(files, deals, "deal_id,to_stage,occurred_at\n");
      assertEquals(List.of("seg", "tier"), log.attributeNames());
      assertEquals(Map.of("tier", "gold"), log.deal(0).attributes());
    }
  }

  @Test
  void readsDealsInAnyColumnOrderWithAttributesQuotesBomAndCrlf() throws IOException {
    String deals =
        "\uFEFFsegment,created_at,amount,deal_id,currency,owner,channel,loss_reason,lead_id\r\n"
            + "smb,2026-03-02T09:15:00+03:00,1250.00,D-1,EUR,\"Ann, Jr.\",ads,,L-1\r\n"
            + ",2026-03-02T10:00:00.5Z,,\"D-2\",,\"Bob \"\"the\"\"\nBuilder\",,price,\r\n";
    String changes =
        "occurred_at,actor,to_stage,deal_id,recorded_at,extra\r\n"
            + "2026-03-03T10:00:00Z,ann,qualified,D-1,2026-03-04T00:00:00Z,x\r\n";
    DealLog log = log(FunnelFiles.strict(), deals, changes);
    assertEquals(2, log.dealCount());
    Deal d1 = log.deal(log.indexOf("D-1").orElseThrow());
    assertEquals(Instant.parse("2026-03-02T06:15:00Z"), d1.createdAt());
    assertEquals(Optional.of("Ann, Jr."), d1.owner());
    assertEquals(Optional.of("ads"), d1.channel());
    assertEquals(Optional.of(Money.of("1250.00", "EUR")), d1.amount());
    assertEquals(Optional.of("L-1"), d1.leadId());
    assertEquals(Map.of("segment", "smb"), d1.attributes());
    Deal d2 = log.deal(log.indexOf("D-2").orElseThrow());
    assertEquals(Optional.of("Bob \"the\"\nBuilder"), d2.owner());
    assertEquals(Optional.of("price"), d2.lossReason());
    assertEquals(Optional.empty(), d2.amount());
    assertEquals(Map.of(), d2.attributes());
    assertEquals(List.of("segment"), log.attributeNames());
    List<StageChange> changesOfD1 = log.changes(log.indexOf("D-1").orElseThrow());
    assertEquals(
        List.of(
            StageChange.of("D-1", "qualified", Instant.parse("2026-03-03T10:00:00Z"))
                .recordedAt(Instant.parse("2026-03-04T00:00:00Z"))
                .actor("ann")),
        changesOfD1);
    assertEquals(3, log.recordsRead());
  }

  @Test
  void headerOnlyFilesGiveAnEmptyLog() throws IOException {
    DealLog log = log(FunnelFiles.strict(), "deal_id,created_at\n", CHANGES_HEADER);
    assertEquals(0, log.dealCount());
    assertEquals(0, log.recordsRead());
  }

  static Stream<Arguments> badDealLogs() {
    return Stream.of(
        Arguments.of(
            "deal_id,created_at\nD-1,2026-03-02T09:00:00Z\nD-2,2026-13-01\n",
            CHANGES_HEADER,
            "deals.csv:3: created_at: \"2026-13-01\": not an ISO-8601 timestamp"),
        Arguments.of(
            "deal_id,created_at\nD-1,2026-03-02\n",
            CHANGES_HEADER,
            "deals.csv:2: created_at: \"2026-03-02\": not an ISO-8601 timestamp with an offset"),
        Arguments.of(
            "deal_id,created_at\nD-1,2026-03-02T09:00:00\n",
            CHANGES_HEADER,
            "deals.csv:2: created_at: \"2026-03-02T09:00:00\":"
                + " not an ISO-8601 timestamp with an offset"),
        Arguments.of(
            "deal_id,created_at\n,2026-03-02T09:00:00Z\n",
            CHANGES_HEADER,
            "deals.csv:2: deal_id: required, but the cell is empty"),
        Arguments.of(
            "deal_id,created_at\nD-1,2026-03-02T09:00:00Z,extra\n",
            CHANGES_HEADER,
            "deals.csv:2: the row has 3 cells, the header has 2"),
        Arguments.of(
            "deal_id,created_at,amount,currency\nD-1,2026-03-02T09:00:00Z,12.50,EURO\n",
            CHANGES_HEADER,
            "deals.csv:2: currency: \"EURO\": not an ISO 4217 currency code"),
        Arguments.of(
            "deal_id,created_at,amount,currency\nD-1,2026-03-02T09:00:00Z,12.50,\n",
            CHANGES_HEADER,
            "deals.csv:2: currency: an amount needs a currency, but the cell is empty"),
        Arguments.of(
            "deal_id,created_at,amount,currency\nD-1,2026-03-02T09:00:00Z,\"12,50\",EUR\n",
            CHANGES_HEADER,
            "deals.csv:2: amount: \"12,50\": not a plain decimal amount (like 1250.00)"),
        Arguments.of(
            "deal_id,created_at,amount,currency\nD-1,2026-03-02T09:00:00Z,12.505,EUR\n",
            CHANGES_HEADER,
            "deals.csv:2: amount: \"12.505\": more than the 2 decimals of EUR"),
        Arguments.of(
            "deal_id,created_at,amount,currency\nD-1,2026-03-02T09:00:00Z,-5,EUR\n",
            CHANGES_HEADER,
            "deals.csv:2: amount: \"-5\": negative: an amount is zero or more"),
        Arguments.of(
            "deal_id,created_at,lead_id\nD-1,2026-03-02T09:00:00Z,\" \"\n",
            CHANGES_HEADER,
            "deals.csv:2: lead_id: \" \": blank; leave the cell empty for no lead"),
        Arguments.of(
            "deal_id,created_at\n\"  \",2026-03-02T09:00:00Z\n",
            CHANGES_HEADER,
            "deals.csv:2: deal_id: \"  \": required, but the cell is blank"),
        Arguments.of(
            "deal_id,created_at\n\"D-1\nmultiline\",2026-03-02T09:00:00Z\nD-1,2026-03-02T09:00:00Z\n"
                + "D-1,2026-03-02T09:00:00Z\n",
            CHANGES_HEADER,
            "deals.csv:5: deal_id: \"D-1\": deal id is used twice"),
        Arguments.of(
            DEALS_OK,
            CHANGES_HEADER + "D-1,demo,2026-03-03T09:00:00Z\n",
            "stage_changes.csv:2: to_stage: \"demo\": stage \"demo\" is not in pipeline \"b2b\""
                + " (known: new, qualified, won, lost)"),
        Arguments.of(
            DEALS_OK,
            "deal_id,to_stage,occurred_at,recorded_at\n"
                + "D-1,won,2026-03-03T09:00:00Z,2026-03-03T08:00:00Z\n",
            "stage_changes.csv:2: recorded_at: \"2026-03-03T08:00:00Z\":"
                + " before occurred_at 2026-03-03T09:00:00Z"),
        Arguments.of(
            DEALS_OK,
            CHANGES_HEADER + "D-9,won,2026-03-03T09:00:00Z\n",
            "stage_changes.csv:2: deal_id: \"D-9\": no deal with this id (a change needs its"
                + " deal)"),
        Arguments.of(
            DEALS_OK,
            CHANGES_HEADER + "D-1,won,2026-02-30T09:00:00Z\n",
            "stage_changes.csv:2: occurred_at: \"2026-02-30T09:00:00Z\": not an ISO-8601"
                + " timestamp"));
  }

  /**
   * Recorded and occurred instants are held to the second, as every rule on deals compares them:
   * recorded a fraction earlier within the same second is not "before occurred_at".
   */
  @Test
  void recordedAtMayPrecedeOccurredAtWithinItsSecond() throws IOException {
    DealLog log =
        log(
            FunnelFiles.strict(),
            DEALS_OK,
            "deal_id,to_stage,occurred_at,recorded_at\n"
                + "D-1,won,2026-03-03T09:00:00.900Z,2026-03-03T09:00:00.100Z\n");
    assertEquals(1, log.changeCount());
  }

  @ParameterizedTest
  @MethodSource("badDealLogs")
  void strictDealLogFailsAtTheFirstBadRecord(String deals, String changes, String message) {
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class, () -> log(FunnelFiles.strict(), deals, changes));
    assertEquals(message, e.getMessage());
  }

  @Test
  void changesOfADealRowWithTheWrongNumberOfCellsAreChangesOfARejectedDeal() throws IOException {
    // review finding 17: they were rejected as "no deal with this id"
    String deals =
        "deal_id,created_at,owner\n"
            + "D-1,2026-03-02T09:00:00Z,ann,\n"
            + "D-2,2026-03-03T11:30:00Z\n"
            + "D-3,2026-03-03T11:30:00Z,bob\n";
    String changes =
        CHANGES_HEADER
            + "D-1,qualified,2026-03-04T10:00:00Z\n"
            + "D-2,won,2026-03-20T16:00:00Z\n"
            + "D-3,lost,2026-03-05T12:00:00Z\n";
    DealLog log = log(FunnelFiles.lenient(), deals, changes);
    assertEquals(
        List.of(
            "deals.csv:2: the row has 4 cells, the header has 3",
            "deals.csv:3: the row has 2 cells, the header has 3",
            "stage_changes.csv:2: deal_id: \"D-1\": its deal was rejected",
            "stage_changes.csv:3: deal_id: \"D-2\": its deal was rejected"),
        log.rejections().stream().map(Rejection::message).toList());
    assertEquals(1, log.dealCount());
  }

  @Test
  void cellsOfSpacesAreAbsentValues() throws IOException {
    // Review (second round): " " was an owner, "  " a channel and " " a loss reason, so the lost
    // deal counted as one with a reason.
    String deals =
        "deal_id,created_at,owner,channel,loss_reason,segment\n"
            + "D-1,2026-03-02T09:00:00Z, ,ads,,\n"
            + "D-2,2026-03-03T11:30:00Z,bob,  , ,\t\n";
    String changes = CHANGES_HEADER + "D-2,lost,2026-03-05T12:00:00Z\n";
    DealLog log = log(FunnelFiles.strict(), deals, changes);
    assertEquals(java.util.Optional.empty(), log.deal(0).owner());
    assertEquals(java.util.Optional.of("bob"), log.deal(1).owner());
    assertEquals(java.util.Optional.empty(), log.deal(1).channel());
    assertEquals(java.util.Optional.empty(), log.deal(1).lossReason());
    assertEquals(java.util.Map.of(), log.deal(1).attributes());
    assertEquals(
        1.0,
        dev.funnel.losses.Losses.of(log).report().unspecifiedShare().rate().getAsDouble(),
        0.0);
  }

  @Test
  void lenientDealLogListsEveryBadRecord() throws IOException {
    String deals =
        "deal_id,created_at,amount,currency\n"
            + "D-1,2026-03-02T09:00:00Z,10.00,EUR\n"
            + "D-2,2026-13-01,,\n"
            + "D-3,2026-03-02T09:00:00Z,1,XXX1\n"
            + "D-4,2026-03-02T09:00:00Z\n"
            + "D-5,2026-03-02T09:00:00Z,,\n";
    String changes =
        CHANGES_HEADER
            + "D-1,qualified,2026-03-03T09:00:00Z\n"
            + "D-2,qualified,2026-03-03T09:00:00Z\n"
            + "D-5,nowhere,2026-03-03T09:00:00Z\n"
            + "D-5,won,yesterday\n"
            + "D-5,won,2026-03-04T09:00:00+01:00\n";
    DealLog log = log(FunnelFiles.lenient(), deals, changes);
    List<String> messages =
        log.rejections().stream().map(Rejection::message).collect(Collectors.toList());
    assertEquals(
        List.of(
            "deals.csv:3: created_at: \"2026-13-01\": not an ISO-8601 timestamp",
            "deals.csv:4: currency: \"XXX1\": not an ISO 4217 currency code",
            "deals.csv:5: the row has 2 cells, the header has 4",
            // in input order, although "its deal was rejected" is only known at build
            "stage_changes.csv:3: deal_id: \"D-2\": its deal was rejected",
            "stage_changes.csv:4: to_stage: \"nowhere\": stage \"nowhere\" is not in pipeline"
                + " \"b2b\" (known: new, qualified, won, lost)",
            "stage_changes.csv:5: occurred_at: \"yesterday\": not an ISO-8601 timestamp"),
        messages);
    assertEquals(2, log.dealCount());
    assertEquals(2, log.changeCount());
    assertEquals(10, log.recordsRead());
    assertEquals(log.recordsRead(), log.dealCount() + log.changeCount() + log.rejections().size());
  }

  // ---- file-level faults ----

  static Stream<Arguments> unusableFiles() {
    String big = "x".repeat(10 * 1024 * 1024);
    return Stream.of(
        Arguments.of(
            "".getBytes(UTF_8),
            "deals.csv: the file is empty; it needs a header row with the columns deal_id,"
                + " created_at"),
        Arguments.of(
            "\n\n".getBytes(UTF_8),
            "deals.csv: the file is empty; it needs a header row with the columns deal_id,"
                + " created_at"),
        Arguments.of(
            "deal_id,owner\nD-1,ann\n".getBytes(UTF_8),
            "deals.csv:1: header: required column \"created_at\" is missing (found: deal_id,"
                + " owner)"),
        Arguments.of(
            "deal_id,created_at,owner,owner\n".getBytes(UTF_8),
            "deals.csv:1: header: column \"owner\" appears twice (columns 3 and 4)"),
        Arguments.of(
            "deal_id,,created_at\n".getBytes(UTF_8), "deals.csv:1: header: column 2 has no name"),
        // CLI fuzz: UTF-16 without a byte order mark read as letters and zero bytes
        Arguments.of(
            "deal_id,created_at\nD-1,2026-03-02T09:00:00Z\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
            "deals.csv:1: header: it holds zero bytes between its letters: the file is likely"
                + " UTF-16 (or not text); save it as UTF-8"),
        // Header names and characters quoted from the file are escaped: a message is one line,
        // and a terminal control in the file does not reach the terminal.
        Arguments.of(
            "deal_id,created_at,\"own\u001b[31mer\",\"own\u001b[31mer\"\n".getBytes(UTF_8),
            "deals.csv:1: header: column \"own\\u001b[31mer\" appears twice (columns 3 and 4)"),
        Arguments.of(
            "deal_id,\"a\nb\"\nD-1,x\n".getBytes(UTF_8),
            "deals.csv:1: header: required column \"created_at\" is missing (found: deal_id,"
                + " a\\nb)"),
        Arguments.of(
            ("deal_id,created_at\nD-1,2026-03-02T09:00:00Z\n\"D\"\u202e,2026-03-02T09:00:00Z\n")
                .getBytes(UTF_8),
            "deals.csv:3: malformed CSV: '\\u202e' follows the closing quote of a cell, where ','"
                + " or the end of the line belongs (inside a quoted cell a quote is written twice:"
                + " \"12\"\" screen\"); past it the file's rows cannot be told apart, so none is"
                + " read, in lenient mode too"),
        Arguments.of(
            ("deal_id,created_at\nD-1,2026-03-02T09:00:00Z\n\"D\"\uD83D\uDE00,2026-03-02T09:00:00Z\n")
                .getBytes(UTF_8),
            "deals.csv:3: malformed CSV: a character beyond U+FFFF follows the closing quote of a cell, where ','"
                + " or the end of the line belongs (inside a quoted cell a quote is written twice:"
                + " \"12\"\" screen\"); past it the file's rows cannot be told apart, so none is"
                + " read, in lenient mode too"),
        Arguments.of(
            ("deal_id,created_at\nD-1,2026-03-02T09:00:00Z\nD-2,\"2026-03-02T09:00:00Z\n")
                .getBytes(UTF_8),
            "deals.csv:3: a quoted cell is not closed before the end of the file (the file is"
                + " truncated or a quote is unbalanced)"),
        Arguments.of(
            ("deal_id,created_at,note\nD-1,2026-03-02T09:00:00Z,\"" + big + "\"\n").getBytes(UTF_8),
            "deals.csv:2: a cell is longer than 1048576 characters, the limit (often a quote that"
                + " is never closed)"),
        Arguments.of(
            ("deal_id,created_at\nD-1,2026-03-02T09:00:00Z\n\"D\"x,2026-03-02T09:00:00Z\n")
                .getBytes(UTF_8),
            "deals.csv:3: malformed CSV: 'x' follows the closing quote of a cell, where ',' or"
                + " the end of the line belongs (inside a quoted cell a quote is written twice:"
                + " \"12\"\" screen\"); past it the file's rows cannot be told apart, so none is"
                + " read, in lenient mode too"),
        Arguments.of(
            latin1(
                "deal_id,created_at,owner\nD-1,2026-03-02T09:00:00Z,ann\nD-2,"
                    + "2026-03-02T09:00:00Z,Jos\u00e9\n"),
            "deals.csv:3: bytes that are not UTF-8 (0xE9 at byte 82); save the file as UTF-8"));
  }

  private static byte[] latin1(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest
  @MethodSource("unusableFiles")
  void unusableFilesFailInBothModes(byte[] deals, String message) {
    for (FunnelFiles files : List.of(FunnelFiles.strict(), FunnelFiles.lenient())) {
      InputFileException e =
          assertThrows(
              InputFileException.class,
              () ->
                  files.dealLog(
                      B2B,
                      new ByteArrayInputStream(deals),
                      "deals.csv",
                      bytes(CHANGES_HEADER),
                      "stage_changes.csv"));
      assertEquals(message, e.getMessage());
      assertEquals("deals.csv", e.source());
    }
  }

  @Test
  void aTenMegabyteCellIsReadWhenTheLimitAllowsIt() throws IOException {
    String big = "y".repeat(10 * 1024 * 1024);
    DealLog log =
        log(
            FunnelFiles.strict().maxCellLength(11 * 1024 * 1024),
            "deal_id,created_at,note\nD-1,2026-03-02T09:00:00Z," + big + "\n",
            CHANGES_HEADER);
    assertEquals(big, log.deal(0).attributes().get("note"));
  }

  @Test
  void invalidUtf8IsReportedAtItsLineEvenAfterManyRows() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] row = "v,2026-03-02T09:00:00Z,e\n".getBytes(UTF_8);
    out.writeBytes("entity_id,at,event\n".getBytes(UTF_8));
    for (int i = 0; i < 10_000; i++) {
      out.writeBytes(row);
    }
    out.writeBytes(new byte[] {'D', (byte) 0xC3, '(', ',', '\n'});
    InputFileException e =
        assertThrows(
            InputFileException.class,
            () ->
                FunnelFiles.lenient()
                    .events(new ByteArrayInputStream(out.toByteArray()), "events.csv"));
    // The header is line 1 (19 bytes), 10 000 rows of 25 bytes follow, then 'D' and the bad byte
    // on line 10 002.
    assertEquals(
        "events.csv:10002: bytes that are not UTF-8 (0xC3 at byte 250020); save the file as UTF-8",
        e.getMessage());
    assertEquals(10_002, e.line());
    assertTrue(e.getMessage().startsWith("events.csv:10002: bytes that are not UTF-8 (0xC3"));
  }

  // ---- the other files ----

  @Test
  void activityValuesUpToTwoToTheFiftyThirdAreReadExactly() throws IOException {
    ReadResult<ActivitySample> activity =
        FunnelFiles.strict()
            .activity(
                bytes(
                    "date,channel,metric,value\n"
                        + "2026-03-01,ads,impressions,9007199254740992\n"
                        + "2026-03-02,ads,impressions,9007199254740991\n"
                        + "2026-03-03,ads,impressions,0009007199254740992.000\n"),
                "activity.csv");
    assertEquals(
        List.of(9_007_199_254_740_992L, 9_007_199_254_740_991L, 9_007_199_254_740_992L),
        activity.records().stream().map(a -> (long) a.value()).collect(Collectors.toList()));
  }

  @Test
  void readsLeadsTouchesSpendActivityEvents() throws IOException {
    ReadResult<Lead> leads =
        FunnelFiles.strict()
            .leads(
                new StringReader(
                    "channel,lead_id,created_at,handed_over_at,accepted_at,rejected_at,"
                        + "rejection_reason,unknown\n"
                        + "ads,L-1,2026-03-01T09:00:00Z,2026-03-01T10:00:00Z,,"
                        + "2026-03-01T11:00:00Z,spam,?\n"),
                "leads.csv");
    assertEquals(
        List.of(
            new Lead(
                "L-1",
                Instant.parse("2026-03-01T09:00:00Z"),
                Optional.of("ads"),
                Optional.of(Instant.parse("2026-03-01T10:00:00Z")),
                Optional.empty(),
                Optional.of(Instant.parse("2026-03-01T11:00:00Z")),
                Optional.of("spam"))),
        leads.records());
    ReadResult<Touch> touches =
        FunnelFiles.strict()
            .touches(bytes("at,subject_id\r\n2026-03-01T09:00:00-05:30,D-1\r\n"), "touches.csv");
    assertEquals(
        List.of(Touch.of("D-1", Instant.parse("2026-03-01T14:30:00Z"))), touches.records());
    ReadResult<SpendSample> spend =
        FunnelFiles.strict()
            .spend(bytes("currency,cost,channel,date\nUSD,99.5,ads,2026-03-01\n"), "spend.csv");
    assertEquals(
        List.of(new SpendSample(LocalDate.parse("2026-03-01"), "ads", Money.of("99.50", "USD"))),
        spend.records());
    ReadResult<ActivitySample> activity =
        FunnelFiles.strict()
            .activity(
                bytes("date,channel,metric,value\n2026-03-01,ads,clicks,120\n"), "activity.csv");
    assertEquals(
        List.of(new ActivitySample(LocalDate.parse("2026-03-01"), "ads", "clicks", 120)),
        activity.records());
    ReadResult<Event> events =
        FunnelFiles.strict()
            .events(bytes("entity_id,at,event\nv1,2026-03-01T09:00:00.123456789Z,visit\n"), "e");
    assertEquals(
        List.of(new Event("v1", Instant.parse("2026-03-01T09:00:00.123456789Z"), "visit")),
        events.records());
    assertEquals(1, events.read());
  }

  @FunctionalInterface
  private interface Read {
    ReadResult<?> read(FunnelFiles files, InputStream in) throws IOException;
  }

  static Stream<Arguments> badRows() {
    Read leads = (f, in) -> f.leads(in, "leads.csv");
    Read touches = (f, in) -> f.touches(in, "touches.csv");
    Read spend = (f, in) -> f.spend(in, "spend.csv");
    Read activity = (f, in) -> f.activity(in, "activity.csv");
    Read events = (f, in) -> f.events(in, "events.csv");
    return Stream.of(
        Arguments.of(
            leads,
            "lead_id,created_at,accepted_at\nL-1,2026-03-01T09:00:00Z,2026-03-01T08:00:00Z\n",
            "leads.csv:2: accepted_at: \"2026-03-01T08:00:00Z\": before created_at"
                + " 2026-03-01T09:00:00Z"),
        Arguments.of(
            leads,
            "lead_id,created_at,handed_over_at\nL-1,2026-03-02T09:00:00Z,2026-03-02T08:00:00Z\n",
            "leads.csv:2: handed_over_at: \"2026-03-02T08:00:00Z\": before created_at"
                + " 2026-03-02T09:00:00Z"),
        Arguments.of(
            leads,
            "lead_id,created_at,handed_over_at,rejected_at\n"
                + "L-1,2026-03-02T09:00:00Z,2026-03-02T11:00:00+01:00,2026-03-02T09:30:00Z\n",
            "leads.csv:2: rejected_at: \"2026-03-02T09:30:00Z\": before handed_over_at"
                + " 2026-03-02T10:00:00Z"),
        Arguments.of(
            leads,
            "lead_id,created_at,accepted_at,rejected_at\n"
                + "L-1,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z\n",
            "leads.csv:2: rejected_at: \"2026-03-02T11:00:00Z\": the lead is also accepted"
                + " (accepted_at 2026-03-02T10:00:00Z); a lead is accepted or rejected, not both"),
        Arguments.of(
            leads,
            "lead_id,created_at\n\" \",2026-03-02T09:00:00Z\n",
            "leads.csv:2: lead_id: \" \": required, but the cell is blank"),
        Arguments.of(
            leads,
            "lead_id,created_at\nL-1,2026-03-01\n",
            "leads.csv:2: created_at: \"2026-03-01\": not an ISO-8601 timestamp with an offset"),
        Arguments.of(
            leads,
            "lead_id,created_at\nL-1,2026-03-01T09:00:00Z\nL-1,2026-03-01T09:00:00Z\n",
            "leads.csv:3: lead_id: \"L-1\": lead id is used twice"),
        Arguments.of(
            touches,
            "subject_id,at\nD-1,2026-03-01T09:00:00+25:00\n",
            "touches.csv:2: at: \"2026-03-01T09:00:00+25:00\": not an ISO-8601 timestamp"),
        Arguments.of(
            spend,
            "date,channel,cost,currency\n2026-02-30,ads,1.00,EUR\n",
            "spend.csv:2: date: \"2026-02-30\": not an ISO-8601 date (yyyy-MM-dd)"),
        Arguments.of(
            spend,
            "date,channel,cost,currency\n2026-03-01,ads,1.00,eur\n",
            "spend.csv:2: currency: \"eur\": not an ISO 4217 currency code"),
        Arguments.of(
            spend,
            "date,channel,cost,currency\n2026-03-01,ads,,EUR\n",
            "spend.csv:2: cost: required, but the cell is empty"),
        Arguments.of(
            spend,
            "date,channel,cost,currency\n2026-03-01,ads,-5.00,EUR\n",
            "spend.csv:2: cost: \"-5.00\": negative: an amount is zero or more"),
        Arguments.of(
            spend,
            "date,channel,cost,currency\n2026-03-01, ,5.00,EUR\n",
            "spend.csv:2: channel: \" \": required, but the cell is blank"),
        Arguments.of(
            activity,
            "date,channel,metric,value\n2026-03-01,ads,clicks,-5\n",
            "activity.csv:2: value: \"-5\": negative: an activity value is zero or more"),
        Arguments.of(
            touches,
            "subject_id,at\n\" \",2026-03-01T09:00:00Z\n",
            "touches.csv:2: subject_id: \" \": required, but the cell is blank"),
        Arguments.of(
            activity,
            "date,channel,metric,value\n2026-03-01,ads,clicks,1e3\n",
            "activity.csv:2: value: \"1e3\": not a plain decimal number"),
        // review 2 finding 4: 2^53 + 1 has no double; 400 nines became Infinity without a field
        Arguments.of(
            activity,
            "date,channel,metric,value\n2026-03-01,ads,impressions,9007199254740993\n",
            "activity.csv:2: value: \"9007199254740993\": too large (at most 2^53 ="
                + " 9007199254740992)"),
        Arguments.of(
            activity,
            "date,channel,metric,value\n2026-03-01,ads,impressions,9007199254740992.5\n",
            "activity.csv:2: value: \"9007199254740992.5\": too large (at most 2^53 ="
                + " 9007199254740992)"),
        Arguments.of(
            activity,
            "date,channel,metric,value\n2026-03-01,ads,clicks," + "9".repeat(400) + "\n",
            "activity.csv:2: value: \""
                + "9".repeat(77)
                + "...\": too large (at most 2^53 ="
                + " 9007199254740992)"),
        Arguments.of(
            events,
            "entity_id,at,event\nv1,2026-03-01T09:00:00Z\n",
            "events.csv:2: the row has 2 cells, the header has 3"),
        // CLI fuzz: named without its line (the event log builder refused it, where the line is
        // no longer known)
        Arguments.of(
            events,
            "entity_id,at,event\nv1,+999999999-12-31T23:59:59Z,visit\n",
            "events.csv:2: at: \"+999999999-12-31T23:59:59Z\": not representable in epoch"
                + " milliseconds (a log holds years -292275055 to 292278994)"),
        // CLI fuzz: a cost no log can sum exactly was taken, and crashed the budget scenario
        Arguments.of(
            spend,
            "date,channel,cost,currency\n2026-03-01,ads,100000000000000000.00,EUR\n",
            "spend.csv:2: cost: \"100000000000000000.00\": more than the largest amount a log"
                + " holds, 92233720368547758.07 EUR"),
        // CLI fuzz: a million digits took a minute to parse; the count refuses them first
        Arguments.of(
            spend,
            "date,channel,cost,currency\n2026-03-01,ads," + "9".repeat(1_000_000) + ",EUR\n",
            "spend.csv:2: cost: \""
                + "9".repeat(77)
                + "...\": longer than 1000 characters: more digits than any amount has"),
        Arguments.of(
            activity,
            "date,channel,metric,value\n2026-03-01,ads,clicks,0." + "3".repeat(1000) + "\n",
            "activity.csv:2: value: \"0."
                + "3".repeat(75)
                + "...\": longer than 1000 characters: more digits than any activity value has"));
  }

  @ParameterizedTest
  @MethodSource("badRows")
  void strictReadingFailsAtTheFirstBadRow(Read read, String csv, String message) {
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class, () -> read.read(FunnelFiles.strict(), bytes(csv)));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("badRows")
  void lenientReadingKeepsTheGoodRowsAndListsTheBadOne(Read read, String csv, String message)
      throws IOException {
    // The bad rows between two good ones: the header's columns, every required one filled.
    String header = csv.substring(0, csv.indexOf('\n') + 1);
    String bad = csv.substring(header.length());
    long badRows = bad.lines().count();
    ReadResult<?> result =
        read.read(
            FunnelFiles.lenient(), bytes(header + goodRow(header, 1) + bad + goodRow(header, 2)));
    assertEquals(2 + badRows, result.read());
    assertEquals(1 + badRows, result.records().size());
    assertEquals(
        List.of(message.replaceFirst(":(\\d+):", ":" + (2 + badRows) + ":")),
        result.rejections().stream().map(Rejection::message).collect(Collectors.toList()));
  }

  @ParameterizedTest
  @MethodSource("badRows")
  void everyRejectionOfACellNamesItsFieldAndValue(Read read, String csv, String message)
      throws IOException {
    // review finding 13: rules of the model constructors came without field and value
    ReadResult<?> result = read.read(FunnelFiles.lenient(), bytes(csv));
    Rejection r = result.rejections().get(result.rejections().size() - 1);
    if (r.reason().startsWith("the row has")) {
      assertEquals("", r.field());
    } else {
      assertFalse(r.field().isEmpty(), message);
      assertEquals(message, r.message());
    }
  }

  /** A good row of these columns; the n-th has its own ids. */
  private static String goodRow(String header, int n) {
    return Stream.of(header.strip().split(","))
        .map(
            c -> {
              switch (c) {
                case "lead_id":
                  return "L-good-" + n;
                case "date":
                  return "2026-03-01";
                case "cost":
                case "value":
                  return "1";
                case "currency":
                  return "EUR";
                case "created_at":
                case "at":
                  return "2026-03-01T09:00:00Z";
                case "accepted_at":
                  return "2026-03-01T10:00:00Z";
                case "handed_over_at":
                case "rejected_at":
                  return "";
                default:
                  return "x";
              }
            })
        .collect(Collectors.joining(",", "", "\n"));
  }

  @Test
  void maxCellLengthMustBePositive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FunnelFiles.strict().maxCellLength(0));
    assertEquals("max cell length 0 is not positive (characters per cell)", e.getMessage());
  }
}
