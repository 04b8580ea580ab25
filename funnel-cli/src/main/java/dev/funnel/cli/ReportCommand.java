package dev.funnel.cli;

import dev.funnel.Counting;
import dev.funnel.Funnel;
import dev.funnel.FunnelReport;
import dev.funnel.io.JsonReports;
import dev.funnel.io.LeadRecords;
import dev.funnel.io.ReadResult;
import dev.funnel.io.ReadSummary;
import dev.funnel.io.TouchRecords;
import dev.funnel.log.DealLog;
import dev.funnel.log.Rejection;
import dev.funnel.model.Lead;
import dev.funnel.model.Touch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code funnel report}: the funnel of a deal log as a table, JSON or HTML. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Prints the funnel of the deals: counts by state, one row per open stage (reached, conversion with its 95%% interval, drop-off, time in stage), win rate, cycle times, deal size and velocity, and each breakdown; then the process analyses: hygiene, losses, concentration, the SLA of the leads (with --leads and --touches), the stale deals (with --touches) and the audit."
    },
    footer = {
      "",
      "Dates: --from and --to take an ISO-8601 instant (2026-03-01T09:15:00+03:00) or a date, which means the start of that day in UTC; --as-of takes an instant only.",
      "As-of: without --as-of, the latest event of the files read (deals, changes, leads, touches); every analysis of the report sees the data as of that instant. --from and --to select the cohort of the funnel, hygiene, losses and concentration.",
      "Durations: --sla-response and --follow-up take an ISO-8601 duration (PT15M, P7D, PT1H30M, P2W with weeks of 7 days; months and years are not fixed lengths, give days such as P90D); with --calendar the response time is business time.",
      "Breakdowns: --by owner,channel gives two breakdowns; --by owner:channel one crossed breakdown (a group per owner and channel pair). A dimension is owner, channel, a creation period (day, week, month, quarter, year) or an attribute column of deals.csv; attribute=NAME always means the column NAME, also one named like a built-in dimension (--by attribute=quarter for a fiscal-quarter column named quarter).",
      "Exit status: 0 on success, 2 for unusable input or options, 1 for an internal error."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DealFiles files;

  @Option(
      names = "--leads",
      paramLabel = "FILE",
      description =
          "leads.csv: the SLA section, which needs --touches too (a response time ends at the"
              + " lead's first touch; without them it reads \"not measured\", null in JSON), and"
              + " the audit's hand-off rule")
  @Nullable Path leads;

  @Option(
      names = "--touches",
      paramLabel = "FILE",
      description =
          "touches.csv: first touches of leads (the SLA, with --leads), and the stale deals"
              + " section")
  @Nullable Path touches;

  @Option(
      names = "--calendar",
      paramLabel = "FILE",
      description = "calendar.json: measure response times in business time")
  @Nullable Path calendar;

  @Option(
      names = "--sla-response",
      paramLabel = "DURATION",
      converter = Converters.Window.class,
      description = "the response limit of a lead (default: PT15M)")
  @Nullable Duration slaResponse;

  @Option(
      names = "--follow-up",
      paramLabel = "DURATION",
      converter = Converters.Window.class,
      description = "an open deal without a touch for longer is stale (default: P7D)")
  @Nullable Duration followUp;

  @Option(
      names = "--from",
      paramLabel = "WHEN",
      converter = Converters.Bound.class,
      description = "only deals created at or after this instant or date")
  @Nullable Instant from;

  @Option(
      names = "--to",
      paramLabel = "WHEN",
      converter = Converters.Bound.class,
      description = "only deals created before this instant or date")
  @Nullable Instant to;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      converter = Converters.AsOf.class,
      description =
          "report as of this instant: what occurred after it is not seen, what occurred by then is,"
              + " back-dated changes included (default: the latest instant of the files read; see"
              + " --known-at for the log as recorded then)")
  @Nullable Instant asOf;

  @Option(
      names = "--by",
      paramLabel = "DIM[:DIM...][,DIM[:DIM...]...]",
      description =
          "breakdowns, comma separated; ':' crosses dimensions; " + ByNames.ATTRIBUTE_HELP)
  List<String> by = new ArrayList<>();

  @Option(names = "--where", paramLabel = "DIM=VALUE[,VALUE...]", description = Where.HELP)
  List<String> where = new ArrayList<>();

  @Option(
      names = "--known-at",
      paramLabel = "INSTANT",
      converter = Converters.AsOf.class,
      description = KnownAt.HELP)
  @Nullable Instant knownAt;

  @Option(
      names = "--counting",
      defaultValue = "progressed",
      paramLabel = "MODE",
      description =
          "progressed (a skipped stage counts as passed, the default) or entered (only explicit"
              + " entries count, not a deal's creation in the first stage; conversions count the"
              + " deals that entered both stages: cumulative = entered the first stage and this"
              + " one / entered the first)")
  Counting counting;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table (default), json or html")
  Format format;

  @Option(
      names = "--rows",
      defaultValue = "20",
      paramLabel = "N|all",
      converter = Converters.Rows.class,
      description =
          "the most rows of each list of the process sections (hygiene flags, losses, owners, SLA"
              + " breaches, stale deals) in a table or page (default: 20; all for every row; JSON"
              + " always has every row)")
  int rows;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    by = CommaLists.items(by);
    checkSlaOptions();
    if (!where.isEmpty() && leads != null) {
      throw new InputException(
          "funnel report: --where selects deals, and the SLA and hand-off sections read the"
              + " leads of --leads, which it cannot select: run those without --where");
    }
    Inputs inputs = new Inputs(output.lenient, spec.commandLine().getErr());
    DealLog log = files.read(inputs);
    ByNames.noteShadowedColumns(
        spec.commandLine().getErr(), "report", by, /* crossed= */ true, log, files.deals);
    ByNames.noteShadowedWhere(spec.commandLine().getErr(), "report", where, log, files.deals);
    ReadSummary records = ReadSummary.of(log);
    Horizon horizon = Horizon.of(log, inputs.files());
    Optional<List<Lead>> leadList = Optional.empty();
    if (leads != null) {
      LeadRecords l = horizon.leads(inputs.leadRecords(leads));
      records = records.plus(ReadSummary.of(l.leads()));
      leadList = Optional.of(l.leads().records());
      noteUnmatchedLeadIds(spec.commandLine().getErr(), "report", l.leads(), log);
    }
    Optional<TouchRecords> touchRecords = Optional.empty();
    if (touches != null) {
      TouchRecords t = horizon.touches(inputs.touches(touches));
      if (leadList.isPresent()) {
        // a touch before its lead's creation: strict fails, lenient skips and lists it
        t = t.afterTheirLeads(leadList.get(), inputs.files());
      }
      noteUnmatchedTouches(spec.commandLine().getErr(), t, leadList, log);
      records = records.plus(ReadSummary.of(t.touches()));
      touchRecords = Optional.of(t);
    }
    Optional<Instant> at;
    String asOfLabel;
    if (knownAt != null) {
      at = Optional.of(KnownAt.asOf(knownAt, asOf, "report"));
      asOfLabel = KnownAt.asOfLabel(asOf);
    } else if (asOf != null) {
      at = Optional.of(asOf);
      asOfLabel = "--as-of";
    } else {
      at = ProcessReports.latest(log, leadList, touchRecords);
      asOfLabel = "as-of (the latest instant of the files read)";
    }
    if (at.isEmpty()) {
      // New-user review: "as of 1970-01-01T00:00:00Z" read like a real date.
      FunnelCli.note(
          spec.commandLine().getErr(),
          "funnel report: the files hold no deal, lead or touch, so every figure is empty; the"
              + " as-of shown, "
              + Instant.EPOCH
              + ", stands for no data");
    }
    int dealsRead = log.dealCount();
    // The segment is seen as of the same instant as the whole: all files were read.
    log = KnownAt.select(Where.select(log, where, "report"), knownAt);
    FunnelReport report = report(log, from, to, at.orElse(null), asOfLabel, by, counting);
    if (dealsRead > 0 && report.deals().total() == 0) {
      noteEmptySelection(dealsRead, report);
    }
    ProcessReports process =
        ProcessReports.of(
            log,
            new ProcessReports.Options(
                cohort(log, from, to),
                at,
                leadList,
                touchRecords,
                Optional.ofNullable(calendar).map(inputs::calendar),
                Optional.ofNullable(slaResponse),
                Optional.ofNullable(followUp)));
    ReadSummary all = records;
    Output.write(
        spec, output.out, w -> write(format, report, all, process, rows, where, knownAt, w));
    noteRejections(spec.commandLine().getErr(), all);
    return FunnelCli.OK;
  }

  /**
   * One line on standard error when the files have deals but the report none: an as-of before every
   * deal, a cohort outside them or contradictory conditions exit 0 with an empty report, which a
   * note makes hard to mistake for a quiet month (new-analyst trial, CLI review).
   */
  private void noteEmptySelection(int dealsRead, FunnelReport report) {
    List<String> rules = new ArrayList<>();
    rules.add("created by the as-of " + report.asOf());
    if (from != null || to != null) {
      rules.add("in the cohort " + cohortText(report));
    }
    if (knownAt != null) {
      rules.add("known at " + knownAt);
    }
    if (!where.isEmpty()) {
      rules.add(
          "matching "
              + String.join(" and ", where.stream().map(c -> Where.shown(c.strip())).toList()));
    }
    FunnelCli.note(
        spec.commandLine().getErr(),
        "funnel report: note: none of the "
            + dealsRead
            + (dealsRead == 1 ? " deal" : " deals")
            + " read is "
            + String.join(", ", rules)
            + ", so every figure of the funnel is empty");
  }

  /** The report's cohort as {@code [from, to)}, {@code -inf} / {@code +inf} for an open end. */
  static String cohortText(FunnelReport report) {
    return "["
        + report.cohortFrom().map(Object::toString).orElse("-inf")
        + ", "
        + report.cohortTo().map(Object::toString).orElse("+inf")
        + ")";
  }

  /**
   * The SLA's options need the files they apply to: without them they would change nothing, and a
   * report that silently ignores {@code --sla-response PT1H} reads as if the limit were met.
   *
   * @throws InputException naming the option and the files it needs
   */
  private void checkSlaOptions() {
    String sla =
        leads == null && touches == null
            ? "--leads and --touches"
            : leads == null ? "--leads" : "--touches";
    if (slaResponse != null && (leads == null || touches == null)) {
      throw new InputException(
          "funnel report: --sla-response: a response time runs from a lead's creation to its"
              + " first touch, so the limit needs "
              + sla
              + "; add "
              + (sla.contains("and") ? "them" : "it")
              + " or leave --sla-response out");
    }
    if (calendar != null && (leads == null || touches == null)) {
      throw new InputException(
          "funnel report: --calendar: the business calendar measures response times, which need "
              + sla
              + "; add "
              + (sla.contains("and") ? "them" : "it")
              + " or leave --calendar out");
    }
    if (followUp != null && touches == null) {
      throw new InputException(
          "funnel report: --follow-up: an open deal is stale after its last touch, so the limit"
              + " needs --touches; add it or leave --follow-up out");
    }
  }

  /**
   * The cohort {@code [from, to)} of the process analyses, which take a closed window: an open end
   * closes just after the latest event of the log, an open start at its earliest creation, as the
   * funnel's own cohort does.
   */
  static Optional<Instant[]> cohort(DealLog log, @Nullable Instant from, @Nullable Instant to) {
    if (from == null && to == null) {
      return Optional.empty();
    }
    if (to == null) {
      Instant last = log.latestEventTime().orElse(from);
      Instant end = (last.isAfter(from) ? last : from).plusSeconds(1);
      return Optional.of(new Instant[] {from, end});
    }
    if (from == null) {
      Instant earliest = log.earliestCreation().orElse(to);
      return Optional.of(new Instant[] {earliest.isBefore(to) ? earliest : to.minusSeconds(1), to});
    }
    return Optional.of(new Instant[] {from, to});
  }

  /** Runs the query the options describe; option conflicts the engine finds exit with 2. */
  static FunnelReport report(
      DealLog log,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable Instant asOf,
      List<String> by,
      Counting counting) {
    return report(log, from, to, asOf, "--as-of", by, counting);
  }

  /**
   * Runs the query the options describe; option conflicts the engine finds exit with 2, each
   * labelled with the option it comes from ({@code asOfLabel} for an as-of the log cannot hold).
   */
  static FunnelReport report(
      DealLog log,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable Instant asOf,
      String asOfLabel,
      List<String> by,
      Counting counting) {
    Funnel f = Funnel.of(log).counting(counting);
    try {
      if (from != null && to != null) {
        f.cohort(from, to);
      } else if (from != null) {
        f.createdFrom(from);
      } else if (to != null) {
        f.createdBefore(to);
      }
    } catch (IllegalArgumentException e) {
      throw new InputException("funnel report: --from, --to: " + e.getMessage());
    }
    if (asOf != null) {
      f.asOf(asOf);
      KnownAt.checkAsOf(log, asOf, asOfLabel, "report");
    }
    for (String b : by) {
      String[] dims = b.split(":", -1);
      for (String d : dims) {
        if (d.isBlank()) {
          throw new InputException(
              "funnel report: --by: \"" + b + "\" has an empty dimension name");
        }
      }
      try {
        f.by(dims);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new InputException("funnel report: --by: " + e.getMessage());
      }
    }
    if (log.dealCount() >= 50_000) {
      f.parallel();
    }
    try {
      return f.report();
    } catch (IllegalArgumentException e) {
      // what is left is a breakdown naming an attribute no deal has
      throw new InputException("funnel report: " + (by.isEmpty() ? "" : "--by: ") + e.getMessage());
    }
  }

  static void write(Format format, FunnelReport report, ReadSummary records, Writer w)
      throws IOException {
    write(format, report, records, null, 0, List.of(), null, w);
  }

  /**
   * Writes the funnel report, then the process sections when given; a report of a {@code --where}
   * segment says which (a {@code where} array of the conditions in JSON, a first line in a table),
   * and one of a {@code --known-at} view says when (a {@code knownAt} instant in JSON, a line in a
   * table).
   */
  static void write(
      Format format,
      FunnelReport report,
      ReadSummary records,
      @Nullable ProcessReports process,
      int rows,
      List<String> where,
      @Nullable Instant knownAt,
      Writer w)
      throws IOException {
    List<String[]> tables = process == null ? List.of() : process.tables(rows);
    switch (format) {
      case JSON:
        JsonReports.Document doc = JsonReports.funnel(report, records);
        if (process != null) {
          process.addTo(doc);
        }
        Where.addTo(doc, where);
        KnownAt.addTo(doc, knownAt);
        doc.write(w);
        return;
      case HTML:
        w.write(HtmlReport.page(report, records, tables, where, knownAt));
        return;
      case TABLE:
        Where.writeLine(w, where);
        KnownAt.writeLine(w, knownAt);
        w.write(report.printAll());
        for (String[] t : tables) {
          w.write("\n");
          w.write(t[1]);
        }
        w.write("\n");
        w.write(recordsTable(records));
        return;
    }
    throw new AssertionError(format);
  }

  static String recordsTable(ReadSummary records) {
    StringBuilder sb = new StringBuilder("records: ").append(records).append('\n');
    if (!records.rejections().isEmpty()) {
      sb.append("rejected:\n");
      for (Rejection r : records.rejections()) {
        sb.append("  ").append(r.message()).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * One line on standard error when some touches name neither a lead nor a deal of the files (with
   * or without a leads file): they are valid records (a touches.csv may cover more than the leads
   * exported) but count for nothing, and when many do, the ids of touches.csv are likely of another
   * system than those of leads.csv and deals.csv (every lead would then look untouched and breach
   * its SLA).
   */
  static void noteUnmatchedTouches(
      PrintWriter err, TouchRecords touches, Optional<List<Lead>> leads, DealLog log) {
    Set<String> leadIds = new HashSet<>();
    leads.orElse(List.of()).forEach(l -> leadIds.add(l.id()));
    List<Touch> all = touches.touches().records();
    int unmatched = 0;
    int first = -1;
    for (int i = 0; i < all.size(); i++) {
      String subject = all.get(i).subjectId();
      if (!leadIds.contains(subject) && log.indexOf(subject).isEmpty()) {
        unmatched++;
        first = first < 0 ? i : first;
      }
    }
    if (unmatched > 0) {
      FunnelCli.note(
          err,
          "funnel report: "
              + unmatched
              + " of "
              + all.size()
              + (leads.isPresent()
                  ? " touches name no lead of --leads and no deal of --deals (the first: "
                  : " touches name no deal of --deals, and no --leads is given (the first: ")
              + touches.origins().get(first)
              + ", subject_id \""
              + Rejection.visible(all.get(first).subjectId())
              + "\"); they count for nothing");
    }
  }

  /**
   * One line on standard error when some deals' {@code lead_id} names no lead of the leads file: a
   * valid record (the leads export may cover a shorter span), but such a deal links to nothing, and
   * when many do the two files likely use different ids (lead-to-deal would read 0).
   */
  static void noteUnmatchedLeadIds(
      PrintWriter err, String command, ReadResult<Lead> leadRecords, DealLog log) {
    List<Lead> leads = leadRecords.records();
    Set<String> leadIds = new HashSet<>();
    leads.forEach(l -> leadIds.add(l.id()));
    int linked = 0;
    int unmatched = 0;
    String first = null;
    for (int d = 0; d < log.dealCount(); d++) {
      dev.funnel.model.Deal deal = log.deal(d);
      if (deal.leadId().isPresent()) {
        linked++;
        if (!leadIds.contains(deal.leadId().get())) {
          unmatched++;
          if (first == null) {
            first =
                "deal \""
                    + Rejection.visible(deal.id())
                    + "\", lead_id \""
                    + Rejection.visible(deal.leadId().get())
                    + "\"";
          }
        }
      }
    }
    if (unmatched > 0) {
      FunnelCli.note(
          err,
          "funnel "
              + command
              + ": "
              + unmatched
              + " of "
              + linked
              + " deals with a lead_id name no accepted lead of --leads (the first: "
              + first
              + ")"
              + (leadRecords.rejections().isEmpty()
                  ? ""
                  : leadRecords.rejections().size() == 1
                      ? "; 1 row of it was rejected"
                      : "; " + leadRecords.rejections().size() + " rows of it were rejected")
              + "; they link to no lead");
    }
  }

  /** One line on standard error when records were skipped, so that a piped report is not alone. */
  static void noteRejections(PrintWriter err, ReadSummary records) {
    if (records.rejected() > 0) {
      FunnelCli.note(
          err,
          "funnel: "
              + records.rejected()
              + " of "
              + records.read()
              + " records were rejected and skipped (listed in the report)");
    }
  }
}
