package dev.funnel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class DealLogBuilderTest {
  static final Pipeline B2B =
      Pipeline.builder("b2b")
          .open("new")
          .open("qualified")
          .open("proposal")
          .won("won")
          .lost("lost")
          .build();
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final String KNOWN = "(known: new, qualified, proposal, won, lost)";

  static Deal deal(String id, Instant createdAt) {
    return Deal.builder(id, createdAt).build();
  }

  static Deal deal(String id, Instant createdAt, String amount, String currency) {
    return Deal.builder(id, createdAt).amount(amount, currency).build();
  }

  static Arguments strict(String message, Rejection expected, Consumer<DealLogBuilder> records) {
    return Arguments.of(message, expected, records);
  }

  static Stream<Arguments> strictRejections() {
    return Stream.of(
        strict(
            "deals:2: deal_id: \"D1\": deal id is used twice",
            new Rejection("deals", 2, "deal_id", "D1", "deal id is used twice"),
            b -> b.deal(deal("D1", T0)).deal(deal("D1", T0.plusSeconds(5)))),
        strict(
            "deals.csv:17: deal_id: \"D1\": deal id is used twice",
            new Rejection("deals.csv", 17, "deal_id", "D1", "deal id is used twice"),
            b ->
                b.deal(deal("D1", T0), new Origin("deals.csv", 2))
                    .deal(deal("D1", T0), new Origin("deals.csv", 17))),
        strict(
            "stage changes:1: deal_id: \"D9\": no deal with this id (a change needs its deal)",
            new Rejection(
                "stage changes",
                1,
                "deal_id",
                "D9",
                "no deal with this id (a change needs its deal)"),
            b -> b.deal(deal("D1", T0)).change("D9", "qualified", T0)),
        strict(
            "stage changes:1: to_stage: \"demo\": stage \"demo\" is not in pipeline \"b2b\" "
                + KNOWN,
            new Rejection(
                "stage changes",
                1,
                "to_stage",
                "demo",
                "stage \"demo\" is not in pipeline \"b2b\" " + KNOWN),
            b -> b.deal(deal("D1", T0)).change("D1", "demo", T0)),
        strict(
            "stage_changes.csv:4: to_stage: \"Won\": stage \"Won\" is not in pipeline \"b2b\" "
                + KNOWN,
            new Rejection(
                "stage_changes.csv",
                4,
                "to_stage",
                "Won",
                "stage \"Won\" is not in pipeline \"b2b\" " + KNOWN),
            b -> b.change(StageChange.of("D1", "Won", T0), new Origin("stage_changes.csv", 4))),
        strict(
            "stage changes:1: occurred_at: \"2026-03-02T08:59:59Z\": before the deal's created_at"
                + " 2026-03-02T09:00:00Z",
            new Rejection(
                "stage changes",
                1,
                "occurred_at",
                "2026-03-02T08:59:59Z",
                "before the deal's created_at 2026-03-02T09:00:00Z"),
            b -> b.deal(deal("D1", T0)).change("D1", "qualified", T0.minusSeconds(1))),
        strict(
            "deals:2: currency: \"USD\": the log's amounts are in EUR (since deals:1); one log never"
                + " mixes EUR and USD",
            new Rejection(
                "deals",
                2,
                "currency",
                "USD",
                "the log's amounts are in EUR (since deals:1); one log never mixes EUR and USD"),
            b -> b.deal(deal("D1", T0, "10", "EUR")).deal(deal("D2", T0, "10", "USD"))),
        strict(
            "deals:1: amount: \"92233720368547758.08\": more than the largest amount a log holds,"
                + " 92233720368547758.07 EUR",
            new Rejection(
                "deals",
                1,
                "amount",
                "92233720368547758.08",
                "more than the largest amount a log holds, 92233720368547758.07 EUR"),
            b -> b.deal(deal("D1", T0, "92233720368547758.08", "EUR"))),
        // 5e16 EUR twice: each fits, their sum (1e19 minor units) would not.
        strict(
            "deals:2: amount: \"50000000000000000.00\": the log's amounts would total more than the"
                + " largest total a log holds, 92233720368547758.07 EUR",
            new Rejection(
                "deals",
                2,
                "amount",
                "50000000000000000.00",
                "the log's amounts would total more than the largest total a log holds,"
                    + " 92233720368547758.07 EUR"),
            b ->
                b.deal(deal("D1", T0, "50000000000000000.00", "EUR"))
                    .deal(deal("D2", T0, "50000000000000000.00", "EUR"))),
        strict(
            "deals.csv:17: created_at: \"2026-13-01\": not an ISO-8601 timestamp",
            new Rejection("deals.csv", 17, "created_at", "2026-13-01", "not an ISO-8601 timestamp"),
            b ->
                b.deal(deal("D1", T0))
                    .reject(
                        Rejection.of(
                            new Origin("deals.csv", 17),
                            "created_at",
                            "2026-13-01",
                            "not an ISO-8601 timestamp"))),
        // relations are checked at build(), the first broken one in input order fails
        strict(
            "stage changes:2: deal_id: \"D8\": no deal with this id (a change needs its deal)",
            new Rejection(
                "stage changes",
                2,
                "deal_id",
                "D8",
                "no deal with this id (a change needs its deal)"),
            b ->
                b.change("D1", "qualified", T0.plusSeconds(60))
                    .change("D8", "qualified", T0)
                    .change("D1", "proposal", T0.minusSeconds(60))
                    .deal(deal("D1", T0))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strictRejections")
  void strictModeFailsOnTheFirstRejectedRecord(
      String message, Rejection expected, Consumer<DealLogBuilder> records) {
    DealLogBuilder builder = DealLog.builder(B2B);
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class,
            () -> {
              records.accept(builder);
              builder.build();
            });
    assertEquals(message, e.getMessage());
    assertEquals(expected, e.rejection());
    assertEquals(message, e.rejection().message());
    // a failed builder cannot be used any more
    IllegalStateException again = assertThrows(IllegalStateException.class, builder::build);
    assertEquals("this builder was already built (or failed); start another", again.getMessage());
  }

  static Stream<Arguments> invalidInput() {
    return Stream.of(
        Arguments.of(
            "deal id is blank", (Executable) () -> DealLog.builder(B2B).deal(deal(" ", T0))),
        Arguments.of(
            "deal \"D1\": amount -1.00 EUR is negative",
            (Executable) () -> DealLog.builder(B2B).deal(deal("D1", T0, "-1", "EUR"))),
        Arguments.of(
            "stage change of deal \"D1\": recorded_at 2026-03-02T08:59:59Z is before occurred_at"
                + " 2026-03-02T09:00:00Z",
            (Executable)
                () ->
                    DealLog.builder(B2B)
                        .deal(deal("D1", T0))
                        .change(StageChange.of("D1", "new", T0).recordedAt(T0.minusSeconds(1)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidInput")
  void invalidInputFailsWithAMessage(String message, Executable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
    assertEquals(IllegalArgumentException.class, e.getClass());
    assertEquals(message, e.getMessage());
  }

  @Test
  void rejectionsAreListedInInputOrder() {
    // Review (second round): record-local problems were listed as records arrived and relation
    // problems at build after them: lines [2, 1, 3] instead of [1, 2, 3].
    DealLog log =
        DealLog.builder(B2B)
            .lenient()
            .deal(deal("A", T0))
            .change("GHOST", "new", T0.plusSeconds(60)) // stage changes:1, unknown deal
            .change("A", "typo", T0.plusSeconds(120)) // stage changes:2, unknown stage
            .change("A", "won", T0.minusSeconds(3600)) // stage changes:3, before creation
            .deal(deal("A", T0)) // deals:2, duplicate id
            .build();
    assertEquals(
        List.of("deals:2", "stage changes:1", "stage changes:2", "stage changes:3"),
        log.rejections().stream().map(r -> r.source() + ":" + r.line()).toList());
  }

  @Test
  void holdsInstantsJustUnder68YearsApart() {
    Instant last = Instant.ofEpochSecond((1L << 31) - 1);
    DealLog log =
        DealLog.builder(B2B)
            .deal(deal("D1", Instant.EPOCH))
            .deal(deal("D2", last))
            .change(
                StageChange.of("D1", "won", Instant.EPOCH).recordedAt(Instant.EPOCH.plusSeconds(5)))
            .build();
    assertEquals(Optional.of(last), log.latestEventTime());
    assertEquals(Optional.of(Instant.EPOCH), log.earliestCreation());
    assertEquals(last, log.deal(1).createdAt());
  }

  @Test
  void lenientModeListsEveryRejectedRecordAndAccountsForAll() {
    DealLog log =
        DealLog.builder(B2B)
            .lenient()
            .deal(deal("D1", T0, "100", "EUR")) // deals:1 accepted
            .deal(deal("D1", T0)) // deals:2 duplicate id
            .deal(deal("D2", T0, "5", "USD")) // deals:3 second currency
            .deal(deal("D3", T0.plusSeconds(86_400))) // deals:4 accepted
            .change("D1", "qualified", T0.plusSeconds(3600)) // stage changes:1 accepted
            .change("D2", "qualified", T0.plusSeconds(3600)) // :2 its deal was rejected
            .change("D9", "new", T0) // :3 unknown deal
            .change("D1", "demo", T0) // :4 unknown stage
            .change("D3", "new", T0) // :5 before its deal's creation
            .change("D3", "won", T0.plusSeconds(2 * 86_400)) // :6 accepted
            .reject(
                Rejection.of(
                    new Origin("deals.csv", 17),
                    "created_at",
                    "2026-13-01",
                    "not an ISO-8601 timestamp"))
            .build();

    assertEquals(
        List.of(
            // in input order: by source, as first added (deals, stage changes, then deals.csv,
            // which only a rejection names), then by line; relations found at build() included
            new Rejection("deals", 2, "deal_id", "D1", "deal id is used twice"),
            new Rejection(
                "deals",
                3,
                "currency",
                "USD",
                "the log's amounts are in EUR (since deals:1); one log never mixes EUR and USD"),
            new Rejection("stage changes", 2, "deal_id", "D2", "its deal was rejected"),
            new Rejection(
                "stage changes",
                3,
                "deal_id",
                "D9",
                "no deal with this id (a change needs its deal)"),
            new Rejection(
                "stage changes",
                4,
                "to_stage",
                "demo",
                "stage \"demo\" is not in pipeline \"b2b\" " + KNOWN),
            new Rejection(
                "stage changes",
                5,
                "occurred_at",
                "2026-03-02T09:00:00Z",
                "before the deal's created_at 2026-03-03T09:00:00Z"),
            new Rejection(
                "deals.csv", 17, "created_at", "2026-13-01", "not an ISO-8601 timestamp")),
        log.rejections());
    assertEquals(2, log.dealCount());
    assertEquals(2, log.changeCount());
    assertEquals(11, log.recordsRead()); // 4 deals + 6 changes + 1 unreadable record
    assertEquals(log.recordsRead(), log.dealCount() + log.changeCount() + log.rejections().size());
    assertEquals(List.of("D1", "D3"), List.of(log.deal(0).id(), log.deal(1).id()));
    assertEquals(List.of(StageChange.of("D1", "qualified", T0.plusSeconds(3600))), log.changes(0));
    assertEquals(Optional.of(Currency.getInstance("EUR")), log.currency());
  }

  /**
   * A long history out of order (a deal bouncing between stages, exported newest first or shuffled)
   * is sorted by instant, to the nanosecond, ties in input order, as for a short one: the builder
   * sorts a run of more than 32 changes by a merge sort (an insertion sort took 30 s for 200k
   * changes: scale review). The expected order comes from a sort of the records themselves.
   */
  @Test
  void aLongHistoryOutOfOrderIsSortedByInstantTiesInInputOrder() {
    java.util.Random random = new java.util.Random(7);
    String[] stages = {"new", "qualified", "proposal"};
    for (int k : new int[] {5, 32, 33, 2000}) {
      List<StageChange> given = new java.util.ArrayList<>();
      for (int i = 0; i < k; i++) {
        // few distinct seconds and nanoseconds: many ties
        Instant at = T0.plusSeconds(60 + random.nextInt(20)).plusNanos(random.nextInt(3) * 1000);
        // each change carries its own recording lag: it must move with the change
        given.add(
            StageChange.of("D1", stages[random.nextInt(3)], at)
                .recordedAt(at.plusSeconds(i))
                .actor("a" + i));
      }
      DealLogBuilder b = DealLog.builder(B2B).deal(deal("D1", T0));
      given.forEach(b::change);
      List<String> expected =
          IntStream.range(0, k)
              .boxed()
              .sorted(
                  java.util.Comparator.comparing((Integer i) -> given.get(i).occurredAt())
                      .thenComparing(i -> i))
              .map(i -> "a" + i + " " + i)
              .toList();
      List<String> actual =
          b.build().changes(0).stream()
              .map(
                  c ->
                      c.actor().orElseThrow()
                          + " "
                          + (c.recordedAt().getEpochSecond() - c.occurredAt().getEpochSecond()))
              .toList();
      assertEquals(expected, actual, "k = " + k);
    }
  }

  @Test
  void theTotalOfTheAmountsFitsInALongOfMinorUnits() {
    // 4.6e16 EUR = 4.6e18 minor units: two fit (9.2e18 <= 9.223e18), a third does not.
    String big = "46000000000000000.00";
    DealLog log =
        DealLog.builder(B2B)
            .lenient()
            .deal(deal("D1", T0, big, "EUR"))
            .deal(deal("D2", T0, big, "EUR"))
            .deal(deal("D3", T0, big, "EUR")) // refused: the total would pass 2^63 - 1
            .deal(deal("D4", T0, "0.01", "EUR")) // a cent still fits
            .change("D3", "won", T0.plusSeconds(60)) // goes with its deal
            .build();
    assertEquals(3, log.dealCount());
    assertEquals(
        List.of(
            new Rejection(
                "deals",
                3,
                "amount",
                big,
                "the log's amounts would total more than the largest total a log holds,"
                    + " 92233720368547758.07 EUR"),
            new Rejection("stage changes", 1, "deal_id", "D3", "its deal was rejected")),
        log.rejections());
  }

  /** 2^31 s after the epoch is 2038-01-19T03:14:08Z; a log holds offsets up to 2^31 - 1 s. */
  static final Instant TOO_FAR = Instant.ofEpochSecond(1L << 31);

  static final String WINDOW_2026 =
      "68 years (2^31 seconds) or more away from the rest of the log, which lies in"
          + " [2026-03-02T09:00:00Z, 2026-03-03T09:00:00Z]";

  @Test
  void recordsOutsideTheLogs68YearsAreRejectedInStrictMode() {
    // Two deals in 2026 and a 1900 placeholder: the 68 years that keep most deals hold the two
    // 2026 deals, which lie in [2026-03-02T09:00:00Z, 2026-03-03T09:00:00Z].
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class,
            () ->
                DealLog.builder(B2B)
                    .deal(deal("D1", T0), new Origin("deals.csv", 2))
                    .deal(
                        deal("D2", Instant.parse("1900-01-01T00:00:00Z")),
                        new Origin("deals.csv", 3))
                    .deal(deal("D3", T0.plusSeconds(86_400)), new Origin("deals.csv", 4))
                    .build());
    assertEquals(
        new Rejection("deals.csv", 3, "created_at", "1900-01-01T00:00:00Z", WINDOW_2026),
        e.rejection());
  }

  @Test
  void lenientModeListsEveryRecordOutsideTheLogs68Years() {
    Instant d3 = T0.plusSeconds(86_400);
    DealLog log =
        DealLog.builder(B2B)
            .lenient()
            .deal(deal("D1", T0))
            .deal(deal("D2", Instant.parse("1900-01-01T00:00:00Z"))) // deals:2 placeholder
            .deal(deal("D3", d3))
            .change("D2", "won", T0) // :1 its deal was rejected
            .change("D1", "qualified", Instant.parse("2206-03-04T10:00:00Z")) // :2 a typo
            .change(
                StageChange.of("D3", "won", d3.plusSeconds(60))
                    .recordedAt(Instant.parse("2206-03-04T10:00:00Z"))) // :3 recorded 180 y later
            .change("D3", "qualified", d3.plusSeconds(30)) // :4 accepted
            .build();
    String window =
        "68 years (2^31 seconds) or more away from the rest of the log, which lies in"
            + " [2026-03-02T09:00:00Z, 2026-03-03T09:01:00Z]";
    assertEquals(
        List.of(
            new Rejection("deals", 2, "created_at", "1900-01-01T00:00:00Z", window),
            new Rejection("stage changes", 1, "deal_id", "D2", "its deal was rejected"),
            new Rejection("stage changes", 2, "occurred_at", "2206-03-04T10:00:00Z", window),
            new Rejection(
                "stage changes",
                3,
                "recorded_at",
                "2206-03-04T10:00:00Z",
                "68 years (2^31 seconds) or more after occurred_at 2026-03-03T09:01:00Z")),
        log.rejections());
    assertEquals(2, log.dealCount());
    assertEquals(1, log.changeCount());
    assertEquals(log.recordsRead(), log.dealCount() + log.changeCount() + log.rejections().size());
  }

  /**
   * A deal with a mistyped year (2917) whose changes lie in 2026: the changes go with their deal
   * ("its deal was rejected"), they do not each precede it; strict mode names the deal, the first
   * record at fault in input order, not its first change (new-analyst trial on the Maven CRM data).
   */
  @Test
  void theChangesOfADealRejectedForItsYearGoWithIt() {
    Instant typo = Instant.parse("2917-03-02T09:00:00Z");
    DealLog log =
        DealLog.builder(B2B)
            .lenient()
            .deal(deal("D1", T0)) // deals:1
            .deal(deal("D2", typo)) // deals:2 out of the window
            .deal(deal("D3", T0.plusSeconds(86_400))) // deals:3
            .change("D2", "qualified", T0.plusSeconds(60)) // :1 goes with D2
            .change("D1", "qualified", T0.minusSeconds(60)) // :2 before D1's creation
            .change("D2", "won", T0.plusSeconds(120)) // :3 goes with D2
            .build();
    assertEquals(
        List.of(
            new Rejection("deals", 2, "created_at", "2917-03-02T09:00:00Z", WINDOW_2026),
            new Rejection("stage changes", 1, "deal_id", "D2", "its deal was rejected"),
            new Rejection(
                "stage changes",
                2,
                "occurred_at",
                "2026-03-02T08:59:00Z",
                "before the deal's created_at 2026-03-02T09:00:00Z"),
            new Rejection("stage changes", 3, "deal_id", "D2", "its deal was rejected")),
        log.rejections());
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class,
            () ->
                DealLog.builder(B2B)
                    .deal(deal("D1", T0), new Origin("deals.csv", 2))
                    .deal(deal("D2", typo), new Origin("deals.csv", 3))
                    .deal(deal("D3", T0.plusSeconds(86_400)), new Origin("deals.csv", 4))
                    .change(
                        StageChange.of("D2", "qualified", T0.plusSeconds(60)),
                        new Origin("stage_changes.csv", 2))
                    .build());
    assertEquals(
        new Rejection("deals.csv", 3, "created_at", "2917-03-02T09:00:00Z", WINDOW_2026),
        e.rejection());
    // A change of an unknown deal on line 2 and a deal out of the window on line 3 of the deals:
    // the deals were named first, so strict mode names the deal.
    RejectedRecordException first =
        assertThrows(
            RejectedRecordException.class,
            () ->
                DealLog.builder(B2B)
                    .deal(deal("D1", T0), new Origin("deals.csv", 2))
                    .deal(deal("D2", typo), new Origin("deals.csv", 3))
                    .deal(deal("D3", T0.plusSeconds(86_400)), new Origin("deals.csv", 4))
                    .change(
                        StageChange.of("D9", "qualified", T0.plusSeconds(60)),
                        new Origin("stage_changes.csv", 2))
                    .build());
    assertEquals(new Origin("deals.csv", 3), first.rejection().origin());
    // Changes added before the deals (an API caller's order): still the deal is named (diff review)
    RejectedRecordException changesFirst =
        assertThrows(
            RejectedRecordException.class,
            () ->
                DealLog.builder(B2B)
                    .change(
                        StageChange.of("D2", "qualified", T0.plusSeconds(60)),
                        new Origin("stage_changes.csv", 2))
                    .deal(deal("D1", T0), new Origin("deals.csv", 2))
                    .deal(deal("D2", typo), new Origin("deals.csv", 3))
                    .deal(deal("D3", T0.plusSeconds(86_400)), new Origin("deals.csv", 4))
                    .build());
    assertEquals(
        new Rejection("deals.csv", 3, "created_at", "2917-03-02T09:00:00Z", WINDOW_2026),
        changesFirst.rejection());
    // ... but a change of an unknown deal named before it is a fault of its own, and comes first
    RejectedRecordException unknownFirst =
        assertThrows(
            RejectedRecordException.class,
            () ->
                DealLog.builder(B2B)
                    .change(
                        StageChange.of("D2", "qualified", T0.plusSeconds(60)),
                        new Origin("stage_changes.csv", 2))
                    .change(
                        StageChange.of("D9", "qualified", T0.plusSeconds(60)),
                        new Origin("stage_changes.csv", 3))
                    .deal(deal("D1", T0), new Origin("deals.csv", 2))
                    .deal(deal("D2", typo), new Origin("deals.csv", 3))
                    .deal(deal("D3", T0.plusSeconds(86_400)), new Origin("deals.csv", 4))
                    .build());
    assertEquals(new Origin("stage_changes.csv", 3), unknownFirst.rejection().origin());
  }

  @Test
  void aChangeFarFromItsDealIsRejectedRatherThanTheDeal() {
    // one deal at the epoch, its change 2^31 s later: the window keeping the deal wins
    DealLog log =
        DealLog.builder(B2B)
            .lenient()
            .deal(deal("D1", Instant.EPOCH))
            .change("D1", "won", TOO_FAR)
            .build();
    assertEquals(1, log.dealCount());
    assertEquals(0, log.changeCount());
    assertEquals("occurred_at", log.rejections().get(0).field());
  }

  @Test
  void anAttributeMayBeNamedLikeTheMissingValue() {
    // the name of a column is not a value: "(unspecified)" as a name is an attribute like any
    DealLog log =
        DealLog.builder(B2B)
            .deal(Deal.builder("D1", T0).attribute(Deal.UNSPECIFIED, "x").build())
            .deal(Deal.builder("D2", T0).attribute("segment", "smb").build())
            .build();
    assertEquals(Map.of(Deal.UNSPECIFIED, "x"), log.deal(0).attributes());
    assertEquals(Map.of("segment", "smb"), log.deal(1).attributes());
  }

  @Test
  void strictModeReadsGoodRecordsWithoutRejections() {
    DealLog log =
        DealLog.builder(B2B).deal(deal("D1", T0)).change("D1", "won", T0.plusSeconds(1)).build();
    assertEquals(List.of(), log.rejections());
    assertEquals(2, log.recordsRead());
  }

  @Test
  void aChangeMayComeBeforeItsDeal() {
    DealLog log =
        DealLog.builder(B2B)
            .change("D1", "qualified", T0.plusSeconds(60))
            .deal(deal("D1", T0))
            .build();
    assertEquals(List.of(StageChange.of("D1", "qualified", T0.plusSeconds(60))), log.changes(0));
  }

  @Test
  void keepsEachDealsIdAndLeadIdThroughReorderingAndRejections() {
    // Ids are kept as UTF-8 bytes while building: multi-byte ids, a rejected duplicate between
    // accepted deals and creation order unlike input order must all leave each deal its own ids.
    DealLog log =
        DealLog.builder(B2B)
            .lenient()
            .deal(Deal.builder("Zürich-1", T0.plusSeconds(30)).leadId("L-ü").build())
            .deal(Deal.builder("Zürich-1", T0).leadId("L-dup").build()) // id used twice
            .deal(Deal.builder("東京-2", T0.plusSeconds(10)).build())
            .deal(Deal.builder("D-3", T0).leadId("リード").build())
            .build();
    assertEquals(1, log.rejections().size());
    assertEquals(List.of("D-3", "東京-2", "Zürich-1"), ids(log));
    assertEquals(Optional.of("リード"), log.deal(0).leadId());
    assertEquals(Optional.empty(), log.deal(1).leadId());
    assertEquals(Optional.of("L-ü"), log.deal(2).leadId());
    assertEquals(Optional.of(2), log.indexOf("Zürich-1"));
  }

  private static List<String> ids(DealLog log) {
    return IntStream.range(0, log.dealCount()).mapToObj(d -> log.deal(d).id()).toList();
  }

  @Test
  void roundTripsEveryFieldOfADealToTheSecond() {
    Deal input =
        Deal.builder("D-1", Instant.parse("2026-03-02T09:00:00.987654321Z"))
            .owner("ann")
            .channel("ads")
            .amount("1250.50", "EUR")
            .lossReason("price")
            .leadId("L-7")
            .attribute("segment", "smb")
            .attribute("region", "north")
            .build();
    Deal bare = Deal.builder("D-2", Instant.parse("2026-03-01T00:00:00Z")).build();
    StageChange change =
        new StageChange(
            "D-1",
            "lost",
            Instant.parse("2026-03-05T12:00:00.5Z"),
            Instant.parse("2026-03-06T12:00:01.9Z"),
            Optional.of("bob"));
    DealLog log = DealLog.builder(B2B).deal(input).deal(bare).change(change).build();

    // bare was created first
    assertEquals(bare, log.deal(0));
    assertEquals(
        new Deal(
            "D-1",
            Instant.parse("2026-03-02T09:00:00Z"),
            Optional.of("ann"),
            Optional.of("ads"),
            Optional.of(Money.of("1250.50", "EUR")),
            Optional.of("price"),
            Optional.of("L-7"),
            Map.of("segment", "smb", "region", "north")),
        log.deal(1));
    assertEquals(
        List.of(
            new StageChange(
                "D-1",
                "lost",
                Instant.parse("2026-03-05T12:00:00Z"),
                Instant.parse("2026-03-06T12:00:01Z"),
                Optional.of("bob"))),
        log.changes(1));
    assertEquals(List.of(), log.changes(0));
    assertEquals(Optional.of(1), log.indexOf("D-1"));
    assertEquals(Optional.of(0), log.indexOf("D-2"));
    assertEquals(Optional.empty(), log.indexOf("D-3"));
    assertEquals(Optional.of(Currency.getInstance("EUR")), log.currency());
    assertEquals(Optional.of(Instant.parse("2026-03-01T00:00:00Z")), log.earliestCreation());
    // the latest event is the change's occurredAt (not its recordedAt)
    assertEquals(Optional.of(Instant.parse("2026-03-05T12:00:00Z")), log.latestEventTime());
    assertEquals(List.of("segment", "region"), log.attributeNames());
    assertEquals(B2B, log.pipeline());
  }

  /**
   * The log holds whole seconds, but orders by the full instants first (review finding: D1 lost at
   * .2 s and won at .7 s of the same second, listed won first, ended lost). D1's changes are held
   * lost then won, so D1 is won; of the deals created in the same second, D3 (.1 s) comes before D2
   * (.9 s) although listed after it; equal instants keep input order (D4, D5). A change 0.4 s
   * before its deal's creation, in the same second, is still accepted as at creation (whole
   * seconds, as documented on DealLog).
   */
  @Test
  void ordersByTheFullInstantThenHoldsSeconds() {
    Instant s = T0.plusSeconds(3600);
    DealLog log =
        DealLog.builder(B2B)
            .deal(deal("D1", T0))
            .deal(deal("D2", s.plusMillis(900)))
            .deal(deal("D3", s.plusMillis(100)))
            .deal(deal("D5", s.plusMillis(500)))
            .deal(deal("D4", s.plusMillis(500)))
            .change("D1", "won", T0.plusSeconds(60).plusMillis(700))
            .change("D1", "lost", T0.plusSeconds(60).plusMillis(200))
            .change("D2", "qualified", s.plusMillis(500))
            .build();
    assertEquals(
        List.of("lost", "won"), log.changes(0).stream().map(StageChange::toStage).toList());
    assertEquals(
        List.of(T0.plusSeconds(60), T0.plusSeconds(60)),
        log.changes(0).stream().map(StageChange::occurredAt).toList());
    assertEquals(
        List.of("D1", "D3", "D4", "D5", "D2"),
        IntStream.range(0, log.dealCount()).mapToObj(d -> log.deal(d).id()).toList());
    assertEquals(s, log.deal(1).createdAt());
    assertEquals(1, log.changes(4).size());
    assertTrue(log.rejections().isEmpty());
  }

  /** A rejected change quotes its instant in full, not cut to the second the log would hold. */
  @Test
  void aChangeBeforeItsDealIsQuotedToTheNanosecond() {
    DealLog log =
        DealLog.builder(B2B)
            .lenient()
            .deal(deal("D1", T0.plusMillis(5_250)))
            .change("D1", "won", Instant.parse("2026-03-02T10:00:03.750+01:00"))
            .build();
    assertEquals(
        List.of(
            new Rejection(
                "stage changes",
                1,
                "occurred_at",
                "2026-03-02T09:00:03.750Z",
                "before the deal's created_at 2026-03-02T09:00:05.250Z")),
        log.rejections());
  }

  @Test
  void latestEventTimeMayBeACreation() {
    DealLog log =
        DealLog.builder(B2B)
            .deal(deal("D1", T0))
            .change("D1", "won", T0.plusSeconds(10))
            .deal(deal("D2", T0.plusSeconds(20)))
            .build();
    assertEquals(Optional.of(T0.plusSeconds(20)), log.latestEventTime());
  }

  @Test
  void attributeNamesAreListedInOrderOfFirstAppearance() {
    DealLog log =
        DealLog.builder(B2B)
            .deal(Deal.builder("D1", T0).attribute("tier", "1").attribute("segment", "smb").build())
            .deal(deal("D2", T0))
            .deal(
                Deal.builder("D3", T0.minusSeconds(1))
                    .attribute("zone", "z")
                    .attribute("segment", "ent")
                    .attribute("area", "a")
                    .build())
            .build();
    assertEquals(List.of("tier", "segment", "zone", "area"), log.attributeNames());
    // D3 was created first; D2 has no attributes
    assertEquals(Map.of("zone", "z", "segment", "ent", "area", "a"), log.deal(0).attributes());
    assertEquals(Map.of("tier", "1", "segment", "smb"), log.deal(1).attributes());
    assertEquals(Map.of(), log.deal(2).attributes());
  }

  @Test
  void declaredAttributesExistWithoutAnyValue() {
    // independent-oracle review: a deals.csv column empty in every row was no attribute, so
    // "--by seg" failed where FORMATS.md promises the column as a dimension
    DealLogBuilder b = DealLog.builder(B2B).attributes(List.of("seg", "tier"));
    DealLog log =
        b.deal(Deal.builder("D1", T0).attribute("zone", "z").attribute("tier", "1").build())
            .deal(deal("D2", T0.plusSeconds(1)))
            .attributes(List.of("zone", "late"))
            .deal(deal("D3", T0.plusSeconds(2)))
            .build();
    assertEquals(List.of("seg", "tier", "zone", "late"), log.attributeNames());
    assertEquals(Map.of("zone", "z", "tier", "1"), log.deal(0).attributes());
    assertEquals(Map.of(), log.deal(2).attributes());
    dev.funnel.Breakdown seg =
        dev.funnel.Funnel.of(log)
            .by(dev.funnel.Dimension.attribute("seg"))
            .report()
            .breakdown("seg");
    assertEquals(
        List.of(Deal.UNSPECIFIED), seg.groups().stream().map(dev.funnel.Group::label).toList());
    assertEquals(3, seg.groups().get(0).figures().deals().total());
    IllegalArgumentException blank =
        assertThrows(
            IllegalArgumentException.class,
            () -> DealLog.builder(B2B).attributes(List.of("ok", " ")));
    assertEquals("an attribute name is blank", blank.getMessage());
    assertThrows(IllegalStateException.class, () -> b.attributes(List.of("after")));
    // the builder's toString shows the option; a live log declares them too (review)
    assertEquals(
        "DealLog.builder(b2b).attributes([seg, tier])[0 deals, 0 changes]",
        DealLog.builder(B2B).attributes(List.of("seg", "tier", "seg")).toString());
    LiveDealLog live = LiveDealLog.create(B2B).deal(deal("D1", T0));
    assertEquals(List.of(), live.snapshot().attributeNames());
    live.attributes(List.of("seg"));
    assertEquals(List.of("seg"), live.snapshot().attributeNames());
  }

  @Test
  void anEmptyLogHasNoFigures() {
    DealLog log = DealLog.builder(B2B).build();
    assertEquals(0, log.dealCount());
    assertEquals(0, log.changeCount());
    assertEquals(0, log.recordsRead());
    assertEquals(List.of(), log.rejections());
    assertEquals(Optional.empty(), log.latestEventTime());
    assertEquals(Optional.empty(), log.earliestCreation());
    assertEquals(Optional.empty(), log.currency());
    assertEquals(Optional.empty(), log.indexOf("D1"));
    assertEquals(List.of(), log.attributeNames());
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> log.deal(0));
    assertEquals("deal index 0 is not in [0, 0)", e.getMessage());
    e = assertThrows(IndexOutOfBoundsException.class, () -> log.changes(-1));
    assertEquals("deal index -1 is not in [0, 0)", e.getMessage());
  }

  @Test
  void aLogWithoutAmountsHasNoCurrency() {
    DealLog log = DealLog.builder(B2B).deal(deal("D1", T0)).build();
    assertEquals(Optional.empty(), log.currency());
    assertEquals(Optional.empty(), log.deal(0).amount());
  }

  @Test
  void optionsAreSetOnceAndBuildersUsedOnce() {
    DealLogBuilder b = DealLog.builder(B2B).lenient();
    assertTrue(b.isLenient());
    assertFalse(DealLog.builder(B2B).isLenient());
    IllegalStateException twice = assertThrows(IllegalStateException.class, b::lenient);
    assertEquals("lenient() was already called", twice.getMessage());
    b.deal(deal("D1", T0)).deal(deal("D1", T0)).change("D1", "won", T0);
    assertEquals("DealLog.builder(b2b).lenient()[1 deals, 1 changes, 1 rejected]", b.toString());
    b.build();
    IllegalStateException built = assertThrows(IllegalStateException.class, b::build);
    assertEquals("this builder was already built (or failed); start another", built.getMessage());
    assertThrows(IllegalStateException.class, () -> b.deal(deal("D2", T0)));
  }

  @Test
  void rejectionsPrintAsOneLine() {
    assertEquals(
        "deals.csv: deal_id: x", new Rejection("deals.csv", 0, "deal_id", "", "x").message());
    assertEquals("deals.csv: x", new Rejection("deals.csv", 0, "", "", "x").message());
    assertEquals(
        "deals.csv:3: owner: x", new Rejection("deals.csv", 3, "owner", "", "x").message());
    // a quoted CSV cell may hold a line break: the message stays one line
    assertEquals(
        "deals.csv:2: created_at: \"2026-03-02T09:00:00Z\\n\": not an ISO-8601 timestamp",
        new Rejection(
                "deals.csv", 2, "created_at", "2026-03-02T09:00:00Z\n", "not an ISO-8601 timestamp")
            .message());
    assertEquals(
        "f:1: a: \"x\\r\\ty\\u0000\": r\\nr",
        new Rejection("f", 1, "a", "x\r\ty\0", "r\nr").message());
    // Characters that do not show are escaped too, so a value that differs from a stage id or a
    // deal id by one of them says so; characters that show (an emoji) stay.
    assertEquals(
        "f:1: stage: \"won\\u200b\": not a stage of the pipeline",
        new Rejection("f", 1, "stage", "won\u200b", "not a stage of the pipeline").message());
    assertEquals(
        "f:1: owner: \"\\u202eann\\u00a0\uD83D\uDE00\": r",
        new Rejection("f", 1, "owner", "\u202eann\u00a0\uD83D\uDE00", "r").message());
    // The same escaping for callers' own messages: backslashes and quotes stay as they are.
    assertEquals("a\\u200b\\\"\\n", Rejection.visible("a\u200b\\\"\n"));
    String shows = "ann \uD83D\uDE00 \\ \"";
    assertSame(shows, Rejection.visible(shows));
    // An emoji newer than Java 17's Unicode tables (U+1FAE0) shows on every JDK; noncharacters do
    // not.
    assertEquals("\uD83E\uDEE0", Rejection.visible("\uD83E\uDEE0"));
    assertEquals("\\uffff \\ud83f\\udfff", Rejection.visible("\uFFFF \uD83F\uDFFF"));
    // The source is the caller's file name, kept as given (a path one can paste) unless a control
    // would split the line.
    assertEquals(
        "deals\u202f1.csv:2: f: r", new Rejection("deals\u202f1.csv", 2, "f", "", "r").message());
    assertEquals("a\\nb.csv:2: f: r", new Rejection("a\nb.csv", 2, "f", "", "r").message());
    // Cut before a pair beyond U+FFFF that straddles the 77th char, not through it.
    assertEquals(
        "f:1: field: \"" + "v".repeat(76) + "...\": too long",
        new Rejection("f", 1, "field", "v".repeat(76) + "\uD83D\uDE00".repeat(3), "too long")
            .message());
    String longValue = "v".repeat(81);
    assertEquals(
        "f:1: field: \"" + "v".repeat(77) + "...\": too long",
        new Rejection("f", 1, "field", longValue, "too long").toString());
    assertEquals(new Origin("f", 1), new Rejection("f", 1, "field", "x", "r").origin());
    assertEquals("f", new Origin("f", 0).toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Origin("f", -1));
    assertEquals("line -1 is negative", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Rejection("f", -2, "", "", "r"));
    assertEquals("line -2 is negative", e.getMessage());
  }
}
