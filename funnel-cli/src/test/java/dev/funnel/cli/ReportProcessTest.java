package dev.funnel.cli;

import static dev.funnel.cli.Cli.concat;
import static dev.funnel.cli.Cli.run;
import static dev.funnel.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The process sections of {@code funnel report} on a dataset small enough to check by hand.
 *
 * <pre>
 * Deals (pipeline new, qualified, won, lost; 2026-03-02 is a Monday):
 *   D1 ann  web 1000.00 EUR: qualified at 03-02 00:00 recorded 03-03 12:00 (36 h late: retroactive), won 03-04
 *   D2 bob  ads  500.00 EUR, loss reason "price": lost 03-03
 *   D3 ann  ads: created 03-02, qualified 03-03, open; touched 03-03 06:00
 *   D4 -    web: created 03-02, open in new, never touched
 * Leads: L1 created 03-02 09:00, touched 09:10 (10 min); L2 created 10:00, touched 10:30 (30 min);
 *        L3 created Sunday 03-01 20:00, touched Monday 09:05 (13 h 5 min wall, 5 min business time)
 * As-of: the latest event, D1's win at 03-04 00:00.
 * </pre>
 */
final class ReportProcessTest {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @TempDir Path dir;

  private Path pipeline;
  private Path deals;
  private Path changes;
  private Path leads;
  private Path touches;
  private Path calendar;

  @BeforeEach
  void files() throws IOException {
    pipeline = write(dir, "pipeline.json", Cli.PIPELINE);
    deals =
        write(
            dir,
            "deals.csv",
            "deal_id,created_at,owner,channel,amount,currency,loss_reason",
            "D1,2026-03-01T00:00:00Z,ann,web,1000.00,EUR,",
            "D2,2026-03-01T00:00:00Z,bob,ads,500.00,EUR,price",
            "D3,2026-03-02T00:00:00Z,ann,ads,,,",
            "D4,2026-03-02T00:00:00Z,,web,,,");
    changes =
        write(
            dir,
            "stage_changes.csv",
            "deal_id,to_stage,occurred_at,recorded_at",
            "D1,qualified,2026-03-02T00:00:00Z,2026-03-03T12:00:00Z",
            "D1,won,2026-03-04T00:00:00Z,",
            "D2,lost,2026-03-03T00:00:00Z,",
            "D3,qualified,2026-03-03T00:00:00Z,");
    leads =
        write(
            dir,
            "leads.csv",
            "lead_id,created_at,channel",
            "L1,2026-03-02T09:00:00Z,web",
            "L2,2026-03-02T10:00:00Z,ads",
            "L3,2026-03-01T20:00:00Z,web");
    touches =
        write(
            dir,
            "touches.csv",
            "subject_id,at,kind,actor",
            "L1,2026-03-02T09:10:00Z,call,ann",
            "L2,2026-03-02T10:30:00Z,call,bob",
            "L3,2026-03-02T09:05:00Z,mail,ann",
            "D3,2026-03-03T06:00:00Z,call,ann");
    calendar =
        write(
            dir,
            "calendar.json",
            "{ \"zone\": \"UTC\", \"hours\": {",
            "  \"MONDAY\": [[\"09:00\",\"18:00\"]], \"TUESDAY\": [[\"09:00\",\"18:00\"]],",
            "  \"WEDNESDAY\": [[\"09:00\",\"18:00\"]], \"THURSDAY\": [[\"09:00\",\"18:00\"]],",
            "  \"FRIDAY\": [[\"09:00\",\"18:00\"]] }, \"holidays\": [] }");
  }

  private String[] base() {
    return new String[] {
      "report",
      "--pipeline",
      pipeline.toString(),
      "--deals",
      deals.toString(),
      "--changes",
      changes.toString()
    };
  }

  private JsonNode json(String... extra) throws IOException {
    Cli.Run r = run(concat(concat(base(), extra), "--format", "json"));
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    return MAPPER.readTree(r.out());
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.propertyNames().forEach(out::add);
    return out;
  }

  @Test
  void dealLogAloneGivesHygieneLossesConcentrationAndAudit() throws IOException {
    JsonNode r = json();
    List<String> names = names(r);
    assertTrue(
        names.containsAll(List.of("hygiene", "losses", "concentration", "audit")),
        names.toString());
    assertFalse(names.contains("sla"), names.toString());
    assertFalse(names.contains("staleDeals"), names.toString());
    // sections after the funnel figures, before the breakdowns
    assertEquals(
        List.of("hygiene", "losses", "concentration", "audit", "breakdowns"),
        names.subList(names.indexOf("velocityPerDay") + 1, names.size()));

    JsonNode h = r.get("hygiene");
    assertEquals(1, h.get("retroactive").asInt()); // D1 -> qualified, recorded 36 h late
    assertEquals(0, h.get("burstChanges").asInt());
    assertEquals(0, h.get("skips").asInt());
    assertEquals(0, h.get("skippedStages").asInt());
    assertEquals(0, h.get("backwardMoves").asInt());

    JsonNode losses = r.get("losses");
    assertEquals(1, losses.size());
    assertEquals("price", losses.get(0).get("reason").asString());
    assertEquals(1, losses.get(0).get("count").asInt());
    assertEquals(1.0, losses.get(0).get("share").get("rate").asDouble());
    assertEquals(
        "500.00", losses.get(0).get("amount").get("amount").decimalValue().toPlainString());

    JsonNode c = r.get("concentration");
    assertEquals(1.0, c.get("top1Share").asDouble()); // ann won all revenue
    assertEquals(1.0, c.get("hhi").asDouble());

    JsonNode audit = r.get("audit");
    assertEquals(8, audit.get("items").size());
    assertEquals("2026-03-04T00:00:00Z", audit.get("asOf").asString());
  }

  @Test
  void leadsAndTouchesAddSlaAndStaleDeals() throws IOException {
    JsonNode r =
        json("--leads", leads.toString(), "--touches", touches.toString(), "--follow-up", "P1D");
    JsonNode sla = r.get("sla");
    // wall time: L1 10 min met; L2 30 min and L3 13 h 5 min breached
    assertEquals(1, sla.get("met").asInt());
    assertEquals(2, sla.get("breached").asInt());
    assertEquals(0, sla.get("atRisk").asInt());
    assertEquals(1, sla.get("compliance").get("successes").asInt());
    assertEquals(3, sla.get("compliance").get("trials").asInt());
    assertEquals(3, sla.get("responseTime").get("count").asInt());
    assertEquals("PT30M", sla.get("responseTime").get("p50").asString());
    assertEquals("PT15M", sla.get("responseLimit").asString());

    // open at as-of 03-04: D3 idle 18 h since its touch, D4 idle 2 days since creation
    JsonNode stale = r.get("staleDeals");
    assertEquals(1, stale.size());
    assertEquals("D4", stale.get(0).get("dealId").asString());
    assertTrue(stale.get(0).get("lastTouch").isNull());
    assertEquals("PT24H", stale.get(0).get("overdue").asString());

    // every file read is accounted for: 4 deals + 4 changes + 3 leads + 4 touches
    assertEquals(15, r.get("records").get("read").asInt());
    assertEquals(15, r.get("records").get("accepted").asInt());
  }

  @Test
  void noDataIsNamedOnStandardErrorAndItsAsOfExplained() throws IOException {
    // new-user review: a header-only deals.csv reported "as of 1970-01-01T00:00:00Z" with no word
    Path none = write(dir, "deals_none.csv", "deal_id,created_at");
    Path noChanges = write(dir, "changes_none.csv", "deal_id,to_stage,occurred_at");
    String[] args = {
      "report",
      "--pipeline",
      pipeline.toString(),
      "--deals",
      none.toString(),
      "--changes",
      noChanges.toString()
    };
    Cli.Run r = run(args);
    assertEquals(0, r.status(), r.err());
    assertEquals(
        List.of(
            "funnel report: the files hold no deal, lead or touch, so every figure is empty; the"
                + " as-of shown, 1970-01-01T00:00:00Z, stands for no data"),
        r.errLines());
    assertTrue(r.out().startsWith("Funnel b2b as of 1970-01-01T00:00:00Z\n"), r.out());
    // With an as-of given, or with data, nothing is said.
    assertEquals(List.of(), run(concat(args, "--as-of", "2026-03-01T00:00:00Z")).errLines());
    assertEquals(List.of(), run(base()).errLines());
  }

  @Test
  void touchesOfNoLeadOrDealAreNamedOnStandardError() throws IOException {
    // review finding: touches of unknown subjects were accepted silently; when the ids of
    // touches.csv come from another system every lead looks untouched
    Path other =
        write(
            dir,
            "touches_other_ids.csv",
            "subject_id,at,kind,actor",
            "L1,2026-03-02T09:10:00Z,call,ann",
            "crm-0002,2026-03-02T10:30:00Z,call,bob",
            "D3,2026-03-03T06:00:00Z,call,ann",
            "crm-0003,2026-03-02T09:05:00Z,mail,ann");
    Cli.Run r = run(concat(base(), "--leads", leads.toString(), "--touches", other.toString()));
    assertEquals(0, r.status(), r.err());
    assertEquals(
        List.of(
            "funnel report: 2 of 4 touches name no lead of --leads and no deal of --deals (the"
                + " first: "
                + other
                + ":3, subject_id \"crm-0002\"); they count for nothing"),
        r.errLines());

    // new-user review: without --leads the same touches were dropped without a word
    Cli.Run noLeads = run(concat(base(), "--touches", other.toString()));
    assertEquals(0, noLeads.status(), noLeads.err());
    assertEquals(
        List.of(
            "funnel report: 3 of 4 touches name no deal of --deals, and no --leads is given (the"
                + " first: "
                + other
                + ":2, subject_id \"L1\"); they count for nothing"),
        noLeads.errLines());

    // an id from the file is shown as rejections show it: no terminal control reaches the terminal
    Path odd =
        write(
            dir,
            "touches_odd.csv",
            "subject_id,at,kind,actor",
            "X\u001b[31m\u202eevil,2026-03-02T09:10:00Z,call,ann");
    assertEquals(
        List.of(
            "funnel report: 1 of 1 touches name no deal of --deals, and no --leads is given (the"
                + " first: "
                + odd
                + ":2, subject_id \"X\\u001b[31m\\u202eevil\"); they count for nothing"),
        run(concat(base(), "--touches", odd.toString())).errLines());
  }

  @Test
  void dealsWhoseLeadIdNamesNoLeadAreNamedOnStandardError() throws IOException {
    // new-user review: a lead_id naming no lead was accepted silently by report and kpi
    Path linked =
        write(
            dir,
            "deals_linked.csv",
            "deal_id,created_at,owner,channel,lead_id",
            "D1,2026-03-01T00:00:00Z,ann,web,L1",
            "D2,2026-03-01T00:00:00Z,bob,ads,L-NOPE",
            "D3,2026-03-02T00:00:00Z,ann,ads,",
            "D4,2026-03-02T00:00:00Z,,web,L-GONE");
    String[] deals = {
      "--pipeline",
      pipeline.toString(),
      "--deals",
      linked.toString(),
      "--changes",
      changes.toString()
    };
    String[] args = concat(deals, "--leads", leads.toString());
    String note =
        " 2 of 3 deals with a lead_id name no accepted lead of --leads (the first: deal \"D2\","
            + " lead_id \"L-NOPE\"); they link to no lead";
    Cli.Run r = run(concat(new String[] {"report"}, args));
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of("funnel report:" + note), r.errLines());
    Path spend = write(dir, "spend.csv", "date,channel,cost,currency", "2026-03-01,web,100.00,EUR");
    Cli.Run k = run(concat(concat(new String[] {"kpi"}, args), "--spend", spend.toString()));
    assertEquals(0, k.status(), k.err());
    assertEquals(List.of("funnel kpi:" + note), k.errLines());
    // all linked: no note
    Cli.Run none = run(concat(base(), "--leads", leads.toString()));
    assertEquals(List.of(), none.errLines());
    // review: a lead that is in the file but rejected is not 'no lead': the note says rows were
    Path badLeads =
        write(
            dir,
            "leads_bad.csv",
            "lead_id,created_at,channel",
            "L1,2026-03-02T09:00:00Z,web",
            "L-NOPE,not-a-time,ads");
    Cli.Run lenient =
        run(
            concat(
                concat(new String[] {"report"}, deals),
                "--leads",
                badLeads.toString(),
                "--lenient"));
    assertEquals(0, lenient.status(), lenient.err());
    assertEquals(
        "funnel report: 2 of 3 deals with a lead_id name no accepted lead of --leads (the first:"
            + " deal \"D2\", lead_id \"L-NOPE\"); 1 row of it was rejected; they link to no lead",
        lenient.errLines().get(0));
  }

  @Test
  void slaResponseLimitAndCalendarChangeTheGrades() throws IOException {
    JsonNode wider =
        json(
            "--leads",
            leads.toString(),
            "--touches",
            touches.toString(),
            "--sla-response",
            "PT45M");
    assertEquals(2, wider.get("sla").get("met").asInt()); // L1 and L2
    assertEquals(1, wider.get("sla").get("breached").asInt()); // L3
    assertEquals("PT45M", wider.get("sla").get("responseLimit").asString());

    JsonNode business =
        json(
            "--leads",
            leads.toString(),
            "--touches",
            touches.toString(),
            "--calendar",
            calendar.toString());
    assertTrue(business.get("sla").get("businessTime").asBoolean());
    assertEquals(2, business.get("sla").get("met").asInt()); // L1, and L3 in 5 business minutes
    assertEquals(1, business.get("sla").get("breached").asInt()); // L2
  }

  @Test
  void aCalendarWithAMisspelledHoursKeyStopsTheReport() throws IOException {
    // review finding 1: the typo gave a calendar without working time and 100% SLA compliance
    Path typo =
        write(
            dir,
            "calendar_typo.json",
            "{ \"zone\": \"UTC\", \"working_hours\": { \"MONDAY\": [[\"09:00\",\"18:00\"]] } }");
    Cli.Run r =
        run(
            concat(
                base(),
                "--leads",
                leads.toString(),
                "--touches",
                touches.toString(),
                "--calendar",
                typo.toString(),
                "--lenient"));
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            typo
                + ":1:18: working_hours: unknown key, did you mean \"hours\"? (known: zone, hours,"
                + " holidays; other keys are skipped)"),
        r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void aRepeatedLeadIdIsRejectedByTheReaderInEveryMode() throws IOException {
    // review finding 3: the SLA failed with "lead id \"L1\" is used twice", no file and no line,
    // even with --lenient
    Path dup =
        write(
            dir,
            "leads_dup.csv",
            "lead_id,created_at,channel",
            "L1,2026-03-02T09:00:00Z,web",
            "L1,2026-03-02T09:00:00Z,web",
            "L2,2026-03-02T10:00:00Z,ads");
    String[] args = concat(base(), "--leads", dup.toString(), "--touches", touches.toString());
    Cli.Run strict = run(args);
    assertEquals(2, strict.status());
    assertEquals(List.of(dup + ":3: lead_id: \"L1\": lead id is used twice"), strict.errLines());

    Cli.Run lenient = run(concat(args, "--lenient", "--format", "json"));
    assertEquals(0, lenient.status(), lenient.err());
    JsonNode j = MAPPER.readTree(lenient.out());
    JsonNode rejected = j.get("rejected").get(0);
    assertEquals(dup.toString(), rejected.get("file").asString());
    assertEquals(3, rejected.get("line").asInt());
    assertEquals("lead_id", rejected.get("field").asString());
    assertEquals("L1", rejected.get("value").asString());
    assertEquals("lead id is used twice", rejected.get("reason").asString());
    assertEquals(1, j.get("records").get("rejected").asInt());
    // L1 and L2, each once
    assertEquals(2, j.get("sla").get("met").asInt() + j.get("sla").get("breached").asInt());
  }

  @Test
  void aTouchBeforeItsLeadIsSkippedWithLenientAndStopsAStrictReport() throws IOException {
    // review finding 7: touches_early.csv stopped the report even with --lenient
    Path early =
        write(
            dir,
            "touches_early.csv",
            "subject_id,at",
            "L1,2026-03-02T09:10:00Z",
            "L2,2026-03-02T09:30:00Z",
            "L3,2026-03-02T09:05:00Z");
    String[] args = concat(base(), "--leads", leads.toString(), "--touches", early.toString());
    String message =
        early
            + ":3: at: \"2026-03-02T09:30:00Z\": touch of lead \"L2\" is before the lead was"
            + " created at 2026-03-02T10:00:00Z";
    Cli.Run strict = run(args);
    assertEquals(2, strict.status());
    assertEquals(List.of(message), strict.errLines());

    Cli.Run lenient = run(concat(args, "--lenient", "--format", "json"));
    assertEquals(0, lenient.status(), lenient.err());
    JsonNode j = MAPPER.readTree(lenient.out());
    assertEquals(1, j.get("records").get("rejected").asInt());
    assertEquals(
        j.get("records").get("read").asInt(),
        j.get("records").get("accepted").asInt() + j.get("records").get("rejected").asInt());
    JsonNode r = j.get("rejected").get(0);
    assertEquals(early.toString(), r.get("file").asString());
    assertEquals(3, r.get("line").asInt());
    assertEquals("at", r.get("field").asString());
    assertEquals("2026-03-02T09:30:00Z", r.get("value").asString());
    assertEquals(
        "touch of lead \"L2\" is before the lead was created at 2026-03-02T10:00:00Z",
        r.get("reason").asString());
    // L1 answered in 10 min; L2 has no touch left; L3 took 13 h (wall time)
    assertEquals(1, j.get("sla").get("met").asInt(), j.get("sla").toString());
    assertEquals(2, j.get("sla").get("breached").asInt(), j.get("sla").toString());
  }

  @Test
  void touchesThatAreNotUtf8NameTheLineAndByte() throws IOException {
    // review finding 12: "touches_latin1.csv: not UTF-8 text (Input length = 1)", no line
    byte[] head =
        ("subject_id,at,kind,actor\nL1,2026-03-02T09:10:00Z,call,ann\n"
                + "L2,2026-03-02T15:00:00Z,call,Jos")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.writeBytes(head);
    bytes.writeBytes(new byte[] {(byte) 0xE9, '\n'});
    Path latin1 = dir.resolve("touches_latin1.csv");
    java.nio.file.Files.write(latin1, bytes.toByteArray());
    for (List<String> extra : List.of(List.of("--format", "json"), List.of("--lenient"))) {
      Cli.Run r =
          run(concat(concat(base(), "--touches", latin1.toString()), extra.toArray(new String[0])));
      assertEquals(2, r.status());
      assertEquals(
          List.of(
              latin1
                  + ":3: bytes that are not UTF-8 (0xE9 at byte "
                  + head.length
                  + "); save the file as UTF-8"),
          r.errLines());
    }
  }

  @Test
  void leadsWithoutTouchesLeaveTheSlaUnmeasured() throws IOException {
    // Without touches no first response is known: counting every lead as breached would be a
    // fake figure, so the section is null and the table says why.
    JsonNode r = json("--leads", leads.toString());
    assertTrue(names(r).contains("sla"));
    assertTrue(r.get("sla").isNull());
    assertFalse(names(r).contains("staleDeals"));
  }

  @Test
  void helpSaysTheSlaNeedsLeadsAndTouches() {
    // review 2 finding 5: "--leads=FILE leads.csv: adds the SLA section", which is null without
    // touches
    Cli.Run r = run("report", "--help");
    assertEquals(0, r.status(), r.err());
    String help = r.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("the SLA of the leads (with --leads and --touches)"), help);
    assertTrue(
        help.contains(
            "--leads=FILE leads.csv: the SLA section, which needs --touches too (a response time"
                + " ends at the lead's first touch; without them it reads \"not measured\", null in"
                + " JSON), and the audit's hand-off rule"),
        help);
    assertFalse(help.contains("adds the SLA section"), help);
  }

  @Test
  void cohortAppliesToTheProcessSections() throws IOException {
    JsonNode r = json("--from", "2026-03-02");
    // only D3 and D4: no retroactive change, no loss
    assertEquals(0, r.get("hygiene").get("retroactive").asInt());
    assertEquals(0, r.get("losses").size());
    assertEquals(2, r.get("hygiene").get("deals").asInt());
  }

  @Test
  void withACohortTheWholeLogSectionsSaySo() throws IOException {
    // new-user review: with --from the funnel said 163 open while the stale deals said "of 202
    // open" and the audit counted all 2000 deals, without a word on the difference
    String[] args = concat(base(), "--leads", leads.toString(), "--touches", touches.toString());
    String line = "(every deal of the log, not only the --from/--to cohort)\n";
    Cli.Run whole = run(args);
    assertEquals(0, whole.status(), whole.err());
    assertFalse(whole.out().contains(line), whole.out());
    Cli.Run cohort = run(concat(args, "--from", "2026-03-02"));
    assertEquals(0, cohort.status(), cohort.err());
    String out = cohort.out();
    for (String section : List.of("SLA as of", "stale deals (no touch", "Process audit as of")) {
      assertTrue(out.contains(line + section), section + "\n" + out);
    }
    // the cohort's own sections have no such line
    assertEquals(3, out.split(java.util.regex.Pattern.quote(line), -1).length - 1, out);
  }

  @Test
  void tableAndHtmlShowTheSections() throws IOException {
    String[] args =
        concat(
            base(),
            "--leads",
            leads.toString(),
            "--touches",
            touches.toString(),
            "--follow-up",
            "P1D");
    Cli.Run table = run(args);
    assertEquals(0, table.status(), table.err());
    String out = table.out();
    int funnel = out.indexOf("Funnel b2b");
    int hygiene = out.indexOf("Hygiene as of");
    int losses = out.indexOf("Losses as of");
    int people = out.indexOf("People as of");
    int sla = out.indexOf("SLA as of");
    int stale = out.indexOf("stale deals (no touch for over 1d): 1 of 2 open\n");
    int audit = out.indexOf("Process audit as of");
    int records = out.indexOf("records: 15 read, 15 accepted, 0 rejected");
    assertTrue(
        0 <= funnel
            && funnel < hygiene
            && hygiene < losses
            && losses < people
            && people < sla
            && sla < stale
            && stale < audit
            && audit < records,
        out);

    Cli.Run html = run(concat(args, "--format", "html"));
    assertEquals(0, html.status(), html.err());
    for (String h : List.of("Hygiene", "Losses", "Concentration", "SLA", "Stale deals", "Audit")) {
      assertTrue(html.out().contains("<h2>" + h + "</h2>"), h);
    }
    assertTrue(html.out().contains("1 met, 2 breached, 0 at risk"), html.out());
  }

  @Test
  void aTouchBeforeItsLeadExitsTwoNamingTheLine() throws IOException {
    Path early =
        write(
            dir,
            "early.csv",
            "subject_id,at",
            "L2,2026-03-02T10:30:00Z",
            "L1,2026-03-02T08:00:00Z");
    Cli.Run r = run(concat(base(), "--leads", leads.toString(), "--touches", early.toString()));
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            early
                + ":3: at: \"2026-03-02T08:00:00Z\": touch of lead \"L1\" is before the lead was"
                + " created at 2026-03-02T09:00:00Z"),
        r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void lenientAccountsForEveryFileRead() throws IOException {
    Path badLeads =
        write(
            dir,
            "bad_leads.csv",
            "lead_id,created_at,channel",
            "L1,2026-03-02T09:00:00Z,web",
            "L2,yesterday,ads",
            "L3,2026-03-01T20:00:00Z,web");
    Path badTouches =
        write(
            dir,
            "bad_touches.csv",
            "subject_id,at",
            "L1,2026-03-02T09:10:00Z",
            ",2026-03-02T09:11:00Z",
            "D3,2026-03-03T06:00:00Z");
    Cli.Run r =
        run(
            concat(
                base(),
                "--leads",
                badLeads.toString(),
                "--touches",
                badTouches.toString(),
                "--lenient",
                "--format",
                "json"));
    assertEquals(0, r.status(), r.err());
    JsonNode j = MAPPER.readTree(r.out());
    JsonNode records = j.get("records");
    assertEquals(14, records.get("read").asInt()); // 4 + 4 + 3 + 3
    assertEquals(2, records.get("rejected").asInt());
    assertEquals(12, records.get("accepted").asInt());
    JsonNode rejected = j.get("rejected");
    assertEquals(2, rejected.size());
    assertEquals(badLeads.toString(), rejected.get(0).get("file").asString());
    assertEquals(3, rejected.get(0).get("line").asInt());
    assertEquals(badTouches.toString(), rejected.get(1).get("file").asString());
    assertEquals(3, rejected.get(1).get("line").asInt());
    assertEquals(2, j.get("sla").get("met").asInt() + j.get("sla").get("breached").asInt());
    assertEquals(
        List.of("funnel: 2 of 14 records were rejected and skipped (listed in the report)"),
        r.errLines());
  }

  @Test
  void durationsTakeWeeksOfSevenDays() throws IOException {
    // review finding 20: P2W was "not an ISO-8601 duration"
    // (with the leads its touches name, so that none is noted as counting for nothing)
    JsonNode weeks =
        json("--leads", leads.toString(), "--touches", touches.toString(), "--follow-up", "P2W");
    JsonNode days =
        json("--leads", leads.toString(), "--touches", touches.toString(), "--follow-up", "P14D");
    assertEquals(days.get("staleDeals"), weeks.get("staleDeals"));
    assertEquals(java.time.Duration.ofDays(14), new Converters.Window().convert(" p2w "));
    assertEquals(java.time.Duration.ofDays(9), new Converters.Window().convert("P1W2D"));
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(
            List.of("--sla-response", "15m"),
            "funnel report: Invalid value for option '--sla-response': \"15m\" is not an ISO-8601"
                + " duration such as P7D, P2W, PT12H or P1DT6H"),
        Arguments.of(
            List.of("--follow-up", "P3M"),
            "funnel report: Invalid value for option '--follow-up': \"P3M\": months and years are not"
                + " fixed lengths (a month has 28 to 31 days); give the duration in days or weeks,"
                + " such as P90D or P13W"),
        Arguments.of(
            List.of("--sla-response", "P1Y"),
            "funnel report: Invalid value for option '--sla-response': \"P1Y\": months and years are not"
                + " fixed lengths (a month has 28 to 31 days); give the duration in days or weeks,"
                + " such as P90D or P13W"),
        Arguments.of(
            List.of("--follow-up", "-P2W"),
            "funnel report: Invalid value for option '--follow-up': \"-P2W\" is not a positive duration"),
        Arguments.of(
            List.of("--follow-up", "-P1D"),
            "funnel report: Invalid value for option '--follow-up': \"-P1D\" is not a positive duration"),
        Arguments.of(
            List.of("--follow-up", "PT0S"),
            "funnel report: Invalid value for option '--follow-up': \"PT0S\" is not a positive duration"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void badDurationsExitTwoWithOneProblemLine(List<String> extra, String message) {
    Cli.Run r = run(concat(base(), extra.toArray(new String[0])));
    assertEquals(2, r.status());
    assertEquals(
        List.of(message, "Try 'funnel report --help' for more information."), r.errLines());
  }

  /**
   * The SLA's options without the files they apply to changed nothing and said nothing (CLI
   * review): each now exits 2 naming what it needs.
   */
  @Test
  void slaOptionsWithoutTheirFilesAreRefused() {
    String[] l = {"--leads", leads.toString()};
    String[] t = {"--touches", touches.toString()};
    Cli.Run r = run(concat(base(), "--sla-response", "PT1H"));
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "funnel report: --sla-response: a response time runs from a lead's creation to its"
                + " first touch, so the limit needs --leads and --touches; add them or leave"
                + " --sla-response out"),
        r.errLines());
    r = run(concat(concat(base(), l), "--sla-response", "PT1H"));
    assertEquals(2, r.status());
    assertTrue(r.err().contains("so the limit needs --touches; add it or"), r.err());
    r = run(concat(concat(base(), t), "--calendar", dir.resolve("calendar.json").toString()));
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "funnel report: --calendar: the business calendar measures response times, which need"
                + " --leads; add it or leave --calendar out"),
        r.errLines());
    r = run(concat(concat(base(), l), "--follow-up", "P1D"));
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "funnel report: --follow-up: an open deal is stale after its last touch, so the limit"
                + " needs --touches; add it or leave --follow-up out"),
        r.errLines());
    // With their files each is taken.
    assertEquals(0, run(concat(concat(base(), t), "--follow-up", "P1D")).status());
    assertEquals(0, run(concat(concat(concat(base(), l), t), "--sla-response", "PT1H")).status());
  }

  /**
   * {@code --rows} caps every list of the process sections (20 by default, with no way to see the
   * rest in a table before: CLI review); {@code all} shows every row. Each capped list hides k rows
   * behind one "... k more" line, so the full table is longer by the k's less those lines.
   */
  @Test
  void rowsCapsTheProcessListsAndAllShowsEveryRow() {
    String[] sla = {"--leads", leads.toString(), "--touches", touches.toString()};
    Cli.Run one = run(concat(concat(base(), sla), "--rows", "1"));
    Cli.Run all = run(concat(concat(base(), sla), "--rows", "all"));
    assertEquals(0, one.status(), one.err());
    assertEquals(0, all.status(), all.err());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^\\s*\\.\\.\\. (\\d+) more").matcher(one.out());
    int capLines = 0;
    int hidden = 0;
    while (m.find()) {
      capLines++;
      hidden += Integer.parseInt(m.group(1));
    }
    assertTrue(capLines >= 2, one.out());
    assertFalse(all.out().matches("(?s).*\\.\\.\\. \\d+ more.*"), all.out());
    assertEquals(one.out().split("\n").length + hidden - capLines, all.out().split("\n").length);
    assertEquals(
        run(concat(base(), sla)).out(), run(concat(concat(base(), sla), "--rows", "20")).out());
    Cli.Run zero = run(concat(base(), "--rows", "0"));
    assertEquals(2, zero.status());
    assertTrue(
        zero.err().contains("\"0\" is not a row count: give a positive whole number, or all"),
        zero.err());
  }

  static Stream<Arguments> missingFiles() {
    return Stream.of(
        Arguments.of("--leads", "no_leads.csv"),
        Arguments.of("--touches", "no_touches.csv"),
        Arguments.of("--calendar", "no_calendar.json"));
  }

  @ParameterizedTest
  @MethodSource("missingFiles")
  void aMissingFileExitsTwoWithOneLine(String option, String name) {
    Path missing = dir.resolve(name);
    String[] others = {"--leads", leads.toString(), "--touches", touches.toString()};
    Cli.Run r =
        run(
            concat(
                concat(base(), option.equals("--calendar") ? others : new String[0]),
                option,
                missing.toString()));
    assertEquals(2, r.status());
    assertEquals(List.of(missing + ": no such file"), r.errLines());
  }
}
