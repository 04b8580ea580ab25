package dev.funnel.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.log.Origin;
import dev.funnel.log.RejectedRecordException;
import dev.funnel.log.Rejection;
import dev.funnel.model.Lead;
import dev.funnel.sla.Sla;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Touches keep their file line, so a touch before its lead's creation names it. */
final class TouchRecordsTest {
  static final String CSV =
      "subject_id,at,kind,actor\n"
          + "L1,2026-03-02T10:05:00Z,call,ann\n"
          + "L2,not-a-time,call,ann\n"
          + "L2,2026-03-02T11:00:00Z,\"e-mail\nwith a line break\",bob\n"
          + "\n"
          + "L1,2026-03-02T08:00:00Z,call,ann\n";

  @Test
  void originsAreThePhysicalLinesOfAcceptedRows() throws Exception {
    TouchRecords r = TouchRecords.read(FunnelFiles.lenient(), new StringReader(CSV), "touches.csv");
    assertEquals(3, r.touches().records().size());
    assertEquals(1, r.touches().rejections().size());
    assertEquals(
        List.of(
            new Origin("touches.csv", 2),
            new Origin("touches.csv", 4),
            new Origin("touches.csv", 7)),
        r.origins());
  }

  @Test
  void touchesAfterALimitAreRejectedByLine() throws Exception {
    Instant limit = Instant.parse("2026-03-02T10:30:00Z");
    TouchRecords r =
        TouchRecords.read(FunnelFiles.lenient(), new StringReader(CSV), "touches.csv")
            .within(Instant.EPOCH, limit, "too early", "too late", FunnelFiles.lenient());
    // line 4 (11:00) goes; lines 2 (10:05) and 7 (08:00) stay; the unreadable line 3 stays listed
    assertEquals(List.of(new Origin("touches.csv", 2), new Origin("touches.csv", 7)), r.origins());
    assertEquals(List.of(3L, 4L), r.touches().rejections().stream().map(Rejection::line).toList());
    assertEquals(
        new Rejection("touches.csv", 4, "at", "2026-03-02T11:00:00Z", "too late"),
        r.touches().rejections().get(1));
    assertEquals(4, r.touches().read()); // 2 kept + 2 rejected: the blank line is no record
    TouchRecords strict =
        TouchRecords.read(
            FunnelFiles.strict(),
            new StringReader(CSV.replace("not-a-time", "2026-03-02T10:00:00Z")),
            "touches.csv");
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class,
            () ->
                strict.within(Instant.EPOCH, limit, "too early", "too late", FunnelFiles.strict()));
    assertEquals(4, e.rejection().line());
  }

  @Test
  void leadsAfterALimitAreRejectedByLineAndField() throws Exception {
    String csv =
        "lead_id,created_at,handed_over_at\n"
            + "L1,2026-03-02T09:00:00Z,\n"
            + "L2,2026-03-02T09:00:00Z,2206-03-02T09:00:00Z\n"
            + "L3,2206-03-02T09:00:00Z,\n";
    LeadRecords r =
        LeadRecords.read(FunnelFiles.lenient(), new StringReader(csv), "leads.csv")
            .within(
                Instant.EPOCH,
                Instant.parse("2094-01-01T00:00:00Z"),
                "too early",
                "too late",
                FunnelFiles.lenient());
    assertEquals(List.of("L1"), r.leads().records().stream().map(Lead::id).toList());
    assertEquals(List.of(new Origin("leads.csv", 2)), r.origins());
    assertEquals(
        List.of(
            new Rejection("leads.csv", 3, "handed_over_at", "2206-03-02T09:00:00Z", "too late"),
            new Rejection("leads.csv", 4, "created_at", "2206-03-02T09:00:00Z", "too late")),
        r.leads().rejections());
    assertEquals(3, r.leads().read());
  }

  @Test
  void recordsBeforeALimitAreRejectedByLineAndField() throws Exception {
    Instant first = Instant.parse("1958-02-10T20:45:53Z");
    TouchRecords t =
        TouchRecords.read(
                FunnelFiles.lenient(),
                new StringReader(
                    "subject_id,at\nD1,1958-02-10T20:45:53Z\nD1,0001-01-01T00:00:00Z\n"),
                "touches.csv")
            .within(
                first,
                Instant.parse("9999-01-01T00:00:00Z"),
                "too early",
                "too late",
                FunnelFiles.lenient());
    assertEquals(List.of(new Origin("touches.csv", 2)), t.origins());
    assertEquals(
        List.of(new Rejection("touches.csv", 3, "at", "0001-01-01T00:00:00Z", "too early")),
        t.touches().rejections());
    assertEquals(2, t.touches().read());

    LeadRecords l =
        LeadRecords.read(
                FunnelFiles.lenient(),
                new StringReader(
                    "lead_id,created_at,accepted_at\n"
                        + "L1,1900-01-01T00:00:00Z,\n"
                        + "L2,2026-03-02T09:00:00Z,\n"),
                "leads.csv")
            .within(
                first,
                Instant.parse("9999-01-01T00:00:00Z"),
                "too early",
                "too late",
                FunnelFiles.lenient());
    assertEquals(List.of("L2"), l.leads().records().stream().map(Lead::id).toList());
    assertEquals(
        List.of(new Rejection("leads.csv", 2, "created_at", "1900-01-01T00:00:00Z", "too early")),
        l.leads().rejections());

    LocalDate firstDay = LocalDate.parse("1958-02-10");
    SpendRecords spend =
        SpendRecords.read(
            FunnelFiles.strict(),
            utf8("date,channel,cost,currency\n1958-02-10,web,1.00,EUR\n0001-01-01,web,1.00,EUR\n"),
            "spend.csv");
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class,
            () ->
                spend.within(
                    firstDay, LocalDate.MAX, "too early", "too late", FunnelFiles.strict()));
    assertEquals(new Rejection("spend.csv", 3, "date", "0001-01-01", "too early"), e.rejection());
    ActivityRecords activity =
        ActivityRecords.read(
                FunnelFiles.lenient(),
                utf8(
                    "date,channel,metric,value\n1958-02-10,web,clicks,1\n1958-02-09,web,clicks,1\n"),
                "activity.csv")
            .within(firstDay, LocalDate.MAX, "too early", "too late", FunnelFiles.lenient());
    assertEquals(List.of(new Origin("activity.csv", 2)), activity.origins());
    assertEquals(
        List.of(new Rejection("activity.csv", 3, "date", "1958-02-09", "too early")),
        activity.activity().rejections());
  }

  @Test
  void bothBoundsAreCheckedInOnePassSoStrictStopsAtTheFirstLine() throws Exception {
    // review finding: after-then-before passes made strict name line 3 (9999) before line 2 (0001)
    LocalDate first = LocalDate.parse("1958-02-10");
    LocalDate last = LocalDate.parse("2094-03-19");
    String csv = "date,channel,cost,currency\n0001-01-01,web,1.00,EUR\n9999-12-31,web,1.00,EUR\n";
    SpendRecords strict = SpendRecords.read(FunnelFiles.strict(), utf8(csv), "spend.csv");
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class,
            () -> strict.within(first, last, "too early", "too late", FunnelFiles.strict()));
    assertEquals(new Rejection("spend.csv", 2, "date", "0001-01-01", "too early"), e.rejection());
    SpendRecords lenient =
        SpendRecords.read(FunnelFiles.lenient(), utf8(csv), "spend.csv")
            .within(first, last, "too early", "too late", FunnelFiles.lenient());
    assertEquals(
        List.of(
            new Rejection("spend.csv", 2, "date", "0001-01-01", "too early"),
            new Rejection("spend.csv", 3, "date", "9999-12-31", "too late")),
        lenient.spend().rejections());
  }

  private static ByteArrayInputStream utf8(String csv) {
    return new ByteArrayInputStream(csv.getBytes(UTF_8));
  }

  @Test
  void slaNamesTheLineOfATouchBeforeItsLead() throws Exception {
    TouchRecords r = TouchRecords.read(FunnelFiles.lenient(), new StringReader(CSV), "touches.csv");
    List<Lead> leads =
        List.of(
            Lead.of("L1", Instant.parse("2026-03-02T09:00:00Z"), "ads"),
            Lead.of("L2", Instant.parse("2026-03-02T09:00:00Z"), "ads"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sla.of(leads, r.touches().records()).touchOrigins(r.origins()).report());
    assertEquals(
        "touches.csv:7: at: \"2026-03-02T08:00:00Z\": touch of lead \"L1\" is before the lead was"
            + " created at 2026-03-02T09:00:00Z",
        e.getMessage());
  }

  private static final List<Lead> LEADS =
      List.of(
          Lead.of("L1", Instant.parse("2026-03-02T09:00:00Z"), "ads"),
          Lead.of("L2", Instant.parse("2026-03-02T09:00:00Z"), "ads"));

  @Test
  void lenientAfterTheirLeadsSkipsAndListsATouchBeforeItsLead() throws Exception {
    // review finding 7: with --lenient such a touch stopped the whole report
    TouchRecords r =
        TouchRecords.read(FunnelFiles.lenient(), new StringReader(CSV), "touches.csv")
            .afterTheirLeads(LEADS, FunnelFiles.lenient());
    assertEquals(4, r.touches().read());
    assertEquals(2, r.touches().records().size());
    assertEquals(List.of(new Origin("touches.csv", 2), new Origin("touches.csv", 4)), r.origins());
    assertEquals(
        List.of(
            "touches.csv:3: at: \"not-a-time\": not an ISO-8601 timestamp",
            "touches.csv:7: at: \"2026-03-02T08:00:00Z\": touch of lead \"L1\" is before the lead"
                + " was created at 2026-03-02T09:00:00Z"),
        r.touches().rejections().stream().map(Rejection::message).toList());
    Rejection early = r.touches().rejections().get(1);
    assertEquals("at", early.field());
    assertEquals("2026-03-02T08:00:00Z", early.value());
    // the SLA no longer sees it
    assertEquals(2, Sla.of(LEADS, r.touches().records()).report().all().leads());
  }

  @Test
  void strictAfterTheirLeadsFailsWithTheLineOfTheTouch() throws Exception {
    String csv = "subject_id,at\nL1,2026-03-02T10:05:00Z\nL2,2026-03-02T08:30:00Z\n";
    TouchRecords r = TouchRecords.read(FunnelFiles.strict(), new StringReader(csv), "touches.csv");
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class, () -> r.afterTheirLeads(LEADS, FunnelFiles.strict()));
    assertEquals(
        "touches.csv:3: at: \"2026-03-02T08:30:00Z\": touch of lead \"L2\" is before the lead was"
            + " created at 2026-03-02T09:00:00Z",
        e.getMessage());
  }

  @Test
  void aByteStreamThatIsNotUtf8NamesTheLineAndByte() {
    byte[] head = "subject_id,at\nL1,2026-03-02T10:05:00Z\nL".getBytes(UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xE9; // a Latin-1 e-acute
    bytes[head.length + 1] = '\n';
    InputFileException e =
        assertThrows(
            InputFileException.class,
            () ->
                TouchRecords.read(
                    FunnelFiles.lenient(), new ByteArrayInputStream(bytes), "touches.csv"));
    assertEquals(
        "touches.csv:3: bytes that are not UTF-8 (0xE9 at byte "
            + head.length
            + "); save the file as UTF-8",
        e.getMessage());
  }

  @Test
  void strictModeFailsAtTheFirstBadRow() {
    RejectedRecordException e =
        assertThrows(
            RejectedRecordException.class,
            () -> TouchRecords.read(FunnelFiles.strict(), new StringReader(CSV), "touches.csv"));
    assertEquals(3, e.rejection().line());
  }
}
