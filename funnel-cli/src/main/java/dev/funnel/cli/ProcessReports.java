package dev.funnel.cli;

import dev.funnel.audit.Audit;
import dev.funnel.audit.AuditReport;
import dev.funnel.calendar.BusinessCalendar;
import dev.funnel.hygiene.Hygiene;
import dev.funnel.hygiene.HygieneReport;
import dev.funnel.io.JsonReports;
import dev.funnel.io.TouchRecords;
import dev.funnel.log.DealLog;
import dev.funnel.losses.LossReport;
import dev.funnel.losses.Losses;
import dev.funnel.model.Lead;
import dev.funnel.model.Touch;
import dev.funnel.people.People;
import dev.funnel.people.PeopleReport;
import dev.funnel.sla.Sla;
import dev.funnel.sla.SlaReport;
import dev.funnel.sla.StaleDeal;
import dev.funnel.stats.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The process analyses of {@code funnel report}: hygiene, losses and concentration of the deal log
 * (in the report's cohort), the SLA of the leads when leads and touches are given, the stale deals
 * when touches are, and the audit graded with whatever inputs there are, all at one as-of.
 *
 * @param hygiene the hygiene report
 * @param losses the loss report
 * @param people the people report (concentration and owner comparisons)
 * @param sla the SLA report, when touches were given (response times and follow-ups need them)
 * @param withLeads whether leads were given (the {@code sla} section)
 * @param withTouches whether touches were given (the {@code staleDeals} section)
 * @param audit the audit
 * @param cohort whether a cohort selects the deals of hygiene, losses and concentration (the SLA,
 *     the stale deals and the audit read every deal of the log, and their tables say so)
 */
record ProcessReports(
    HygieneReport hygiene,
    LossReport losses,
    PeopleReport people,
    Optional<SlaReport> sla,
    boolean withLeads,
    boolean withTouches,
    AuditReport audit,
    boolean cohort) {

  /** The line that opens a whole-log section of a report with a cohort. */
  static final String WHOLE_LOG = "(every deal of the log, not only the --from/--to cohort)\n";

  /** The inputs and options the analyses take. */
  record Options(
      Optional<Instant[]> cohort,
      Optional<Instant> asOf,
      Optional<List<Lead>> leads,
      Optional<TouchRecords> touches,
      Optional<BusinessCalendar> calendar,
      Optional<Duration> responseLimit,
      Optional<Duration> followUpLimit) {}

  /**
   * Runs the analyses. Input faults found here end the command with status 2 and the library's
   * one-line message. The touches should be checked against the leads first ({@link
   * TouchRecords#afterTheirLeads}), so that a touch before its lead's creation is a rejected
   * record, skipped with {@code --lenient}.
   */
  static ProcessReports of(DealLog log, Options o) {
    Hygiene hygiene = Hygiene.of(log);
    Losses losses = Losses.of(log);
    People people = People.of(log);
    o.cohort()
        .ifPresent(
            c -> {
              hygiene.cohort(c[0], c[1]);
              losses.cohort(c[0], c[1]);
              people.cohort(c[0], c[1]);
            });
    o.asOf()
        .ifPresent(
            t -> {
              hygiene.asOf(t);
              losses.asOf(t);
              people.asOf(t);
            });
    Optional<SlaReport> sla = Optional.empty();
    List<Touch> touches = o.touches().map(t -> t.touches().records()).orElse(List.of());
    // Response times and follow-ups are measured from touches: without a touches file every lead
    // would look unanswered and every open deal stale, so the SLA is not computed at all.
    if (o.touches().isPresent()) {
      Sla s = Sla.of(o.leads().orElse(List.of()), touches).deals(log);
      o.touches().ifPresent(t -> s.touchOrigins(t.origins()));
      o.calendar().ifPresent(s::calendar);
      o.responseLimit().ifPresent(s::responseLimit);
      o.followUpLimit().ifPresent(s::followUpLimit);
      o.asOf().ifPresent(s::asOf);
      sla = Optional.of(run(s::report));
    }
    Audit audit = Audit.of(log);
    o.leads().ifPresent(audit::leads);
    o.touches().ifPresent(t -> audit.touches(touches));
    o.calendar().ifPresent(audit::calendar);
    o.responseLimit().ifPresent(audit::responseLimit);
    o.followUpLimit().ifPresent(audit::followUpLimit);
    o.asOf().ifPresent(audit::asOf);
    if (o.asOf().isPresent()) {
      // The audit grades the SLA computed above rather than computing it again: with millions of
      // touches that was a second pass and a second set of maps (scale review).
      sla.ifPresent(audit::sla);
    }
    return new ProcessReports(
        hygiene.report(),
        losses.report(),
        people.report(),
        sla,
        o.leads().isPresent(),
        o.touches().isPresent(),
        run(audit::report),
        o.cohort().isPresent());
  }

  private interface Query<T> {
    T report();
  }

  private static <T> T run(Query<T> q) {
    try {
      return q.report();
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
  }

  /**
   * The latest instant of the inputs (deal events, lead instants, touches): the report's as-of when
   * none is given, so that every analysis sees the same data. Empty when there is no data at all.
   */
  static Optional<Instant> latest(
      DealLog log, Optional<List<Lead>> leads, Optional<TouchRecords> touches) {
    Instant max = log.latestEventTime().orElse(null);
    for (Lead l : leads.orElse(List.of())) {
      max = later(max, l.createdAt());
      max = later(max, l.handedOverAt().orElse(null));
      max = later(max, l.acceptedAt().orElse(null));
      max = later(max, l.rejectedAt().orElse(null));
    }
    for (Touch t : touches.map(r -> r.touches().records()).orElse(List.of())) {
      max = later(max, t.at());
    }
    return Optional.ofNullable(max);
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b != null && b.isAfter(a) ? b : a;
  }

  /** Why the SLA section is empty when leads come without touches. */
  static final String NOT_MEASURED =
      "not measured: a response time ends at the lead's first touch; give --touches";

  /**
   * Adds the FORMATS.md sections to a JSON report. The {@code sla} of leads without touches is
   * null.
   */
  void addTo(JsonReports.Document doc) {
    doc.section("hygiene", JsonReports.hygieneSection(hygiene));
    doc.section("losses", JsonReports.lossesSection(losses));
    doc.section("concentration", JsonReports.concentrationSection(people.concentration()));
    if (withLeads && sla.isPresent()) {
      doc.section("sla", JsonReports.slaSection(sla.get()));
    } else if (withLeads) {
      doc.section("sla", out -> out.nullValue());
    }
    if (withTouches && sla.isPresent()) {
      doc.section("staleDeals", JsonReports.staleDealsSection(sla.get()));
    }
    doc.section("audit", JsonReports.auditSection(audit));
  }

  /** The readable tables, titled, in report order, each list capped at {@code maxRows} rows. */
  List<String[]> tables(int maxRows) {
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {"Hygiene", hygiene.print(maxRows)});
    out.add(new String[] {"Losses", losses.print(maxRows)});
    out.add(new String[] {"Concentration", people.print(maxRows)});
    String whole = cohort ? WHOLE_LOG : "";
    if (withLeads && sla.isPresent()) {
      out.add(new String[] {"SLA", whole + sla.get().print(maxRows)});
    } else if (withLeads) {
      out.add(new String[] {"SLA", NOT_MEASURED + "\n"});
    }
    if (withTouches && sla.isPresent()) {
      out.add(new String[] {"Stale deals", whole + stale(sla.get(), maxRows)});
    }
    out.add(new String[] {"Audit", whole + audit});
    return out;
  }

  /** The stale deals, most overdue first, at most {@code maxRows} rows. */
  static String stale(SlaReport r, int maxRows) {
    StringBuilder sb =
        new StringBuilder("stale deals (no touch for over ")
            .append(Durations.human(r.followUpLimit()))
            .append("): ")
            .append(r.staleDeals().size())
            .append(" of ")
            .append(r.openDeals())
            .append(" open\n");
    if (r.staleDeals().isEmpty()) {
      return sb.toString();
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"deal", "owner", "stage", "last touch", "idle", "overdue"});
    for (StaleDeal d : r.staleDeals().subList(0, Math.min(maxRows, r.staleDeals().size()))) {
      rows.add(
          new String[] {
            d.dealId(),
            d.owner(),
            d.stage(),
            d.lastTouch().map(Instant::toString).orElse("never"),
            Durations.human(d.idle()),
            Durations.human(d.overdue())
          });
    }
    sb.append(Tables.align(rows, 4));
    if (r.staleDeals().size() > maxRows) {
      sb.append("... ").append(r.staleDeals().size() - maxRows).append(" more rows\n");
    }
    return sb.toString();
  }
}
