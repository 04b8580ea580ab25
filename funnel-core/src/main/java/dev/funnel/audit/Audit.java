package dev.funnel.audit;

import static java.util.Objects.requireNonNull;

import dev.funnel.calendar.BusinessCalendar;
import dev.funnel.hygiene.Hygiene;
import dev.funnel.hygiene.HygieneReport;
import dev.funnel.hygiene.StageHygiene;
import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.process.LatestRecord;
import dev.funnel.log.DealLog;
import dev.funnel.log.Origin;
import dev.funnel.losses.HandOff;
import dev.funnel.losses.HandOffFigures;
import dev.funnel.losses.LossReport;
import dev.funnel.losses.Losses;
import dev.funnel.model.Lead;
import dev.funnel.model.StageKind;
import dev.funnel.model.Touch;
import dev.funnel.sla.Sla;
import dev.funnel.sla.SlaGroup;
import dev.funnel.sla.SlaReport;
import dev.funnel.sla.SlaStart;
import dev.funnel.stats.Durations;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The process audit: one call grading the eight {@link MustHave}s, each PASS, WARN or FAIL with the
 * evidence figure and the thresholds used (defaults in {@link MustHave}, configurable with {@link
 * #threshold}).
 *
 * {@snippet :
 * AuditReport audit = Audit.of(log).leads(leads).touches(touches).calendar(calendar).report();
 * System.out.println(audit.summary()); // "3 of 8 must-haves missing: marketing money is ..."
 * }
 *
 * <p>The figures come from the other process analyses, all at one as-of (default: the latest event
 * of the deal log, leads and touches, before 1970 too; {@link Instant#EPOCH} with no event at all),
 * over every deal of the log: {@link Hygiene} (stage usage, transition coverage, share of
 * non-retroactive transitions), {@link Sla} (compliance, owners' median response times, stale
 * deals), {@link Losses} (reasons filled) and {@link HandOff}. An item whose input is missing (no
 * leads, no touches) or whose figure has no denominator (no lost deals, no open deals, no
 * transitions) is <b>not measurable</b> and graded FAIL: a capability that cannot be shown is
 * missing. With three or more items missing the summary says {@value AuditReport#VERDICT}.
 */
public final class Audit {
  private final DealLog log;
  private Optional<List<Lead>> leads = Optional.empty();
  private Optional<List<Touch>> touches = Optional.empty();
  private Optional<BusinessCalendar> calendar = Optional.empty();
  private Optional<Duration> responseLimit = Optional.empty();
  private Optional<Duration> followUpLimit = Optional.empty();
  private Optional<Instant> asOf = Optional.empty();
  private Optional<SlaReport> given = Optional.empty();
  private final Map<MustHave, double[]> thresholds = new EnumMap<>(MustHave.class);

  private Audit(DealLog log) {
    this.log = requireNonNull(log, "log");
  }

  /**
   * Starts an audit of this deal log.
   *
   * @param log the deal log to audit
   * @return a new audit of the log, with default options
   * @throws IllegalArgumentException if the log was not built by funnel
   */
  public static Audit of(DealLog log) {
    // a foreign DealLog implementation is refused here, as Funnel.of does, not at report()
    ColumnarDealLog.of(requireNonNull(log, "log"));
    return new Audit(log);
  }

  /**
   * The leads (for the SLA, first-touch and hand-off items).
   *
   * @param allLeads the leads, each id once; copied
   * @return this audit
   * @throws IllegalArgumentException naming the first lead id that appears twice (it would count
   *     twice), as every analysis of leads refuses it
   * @throws NullPointerException naming the list or its element ({@code leads[3]}) that is null
   * @throws IllegalStateException if leads were already given
   */
  public Audit leads(List<Lead> allLeads) {
    requireNonNull(allLeads, "allLeads");
    if (leads.isPresent()) {
      throw new IllegalStateException("leads were already given");
    }
    leads = Optional.of(Lead.copyOfDistinct(allLeads));
    return this;
  }

  /**
   * The touches of leads and deals (for the SLA, first-touch and follow-up items).
   *
   * @param allTouches the touches; copied
   * @return this audit
   * @throws IllegalStateException if touches were already given
   */
  public Audit touches(List<Touch> allTouches) {
    requireNonNull(allTouches, "allTouches");
    if (touches.isPresent()) {
      throw new IllegalStateException("touches were already given");
    }
    touches = Optional.of(List.copyOf(allTouches));
    return this;
  }

  /**
   * Measures response times in business time.
   *
   * @param businessCalendar the business calendar response times are measured in
   * @return this audit
   * @throws IllegalStateException if a calendar was already given
   */
  public Audit calendar(BusinessCalendar businessCalendar) {
    requireNonNull(businessCalendar, "businessCalendar");
    if (calendar.isPresent()) {
      throw new IllegalStateException("calendar was already set");
    }
    calendar = Optional.of(businessCalendar);
    return this;
  }

  /**
   * The response limit of the SLA (default {@link Sla#DEFAULT_RESPONSE_LIMIT}).
   *
   * @param limit the longest response time that meets the SLA; not negative, as {@link
   *     Sla#responseLimit} takes it (with a zero limit the first-touch process, whose spread is
   *     measured in the limit, is not measurable)
   * @return this audit
   * @throws IllegalArgumentException if the limit is negative
   * @throws IllegalStateException if it was already set
   */
  public Audit responseLimit(Duration limit) {
    requireNonNull(limit, "limit");
    if (responseLimit.isPresent()) {
      throw new IllegalStateException("response limit was already set to " + responseLimit.get());
    }
    if (limit.isNegative()) {
      throw new IllegalArgumentException(
          "response limit " + limit + " is negative: it must be >= PT0S");
    }
    responseLimit = Optional.of(limit);
    return this;
  }

  /**
   * Grades the SLA, first-touch and follow-up items from this SLA report instead of computing one,
   * so that a caller showing the SLA too reads millions of touches once ({@code funnel report}
   * does). It must be the report of this audit's leads and touches (with touches alone: no leads)
   * over its deal log, with its calendar and limits, its clock started at each lead's creation, as
   * of its as-of: {@link #report()} checks the as-of, the limits, business time and the clock's
   * start; the records it cannot check. Without touches it is not used.
   *
   * @param report the SLA report of the same inputs
   * @return this audit
   * @throws IllegalStateException if an SLA report was already given
   */
  public Audit sla(SlaReport report) {
    requireNonNull(report, "report");
    if (given.isPresent()) {
      throw new IllegalStateException("an SLA report was already given");
    }
    given = Optional.of(report);
    return this;
  }

  /** The SLA query of these inputs; the calendar and response limit only where leads are read. */
  private Sla slaQuery(List<Lead> ls, List<Touch> ts, Instant at, boolean responses) {
    Sla q = Sla.of(ls, ts).deals(log).asOf(at);
    if (responses) {
      calendar.ifPresent(q::calendar);
      responseLimit.ifPresent(q::responseLimit);
    }
    followUpLimit.ifPresent(q::followUpLimit);
    return q;
  }

  /** Refuses an SLA report given with another as-of, other limits or other business time. */
  private void checkGiven(SlaReport r, Instant at) {
    Duration response = responseLimit.orElse(Sla.DEFAULT_RESPONSE_LIMIT);
    Duration followUp = followUpLimit.orElse(Sla.DEFAULT_FOLLOW_UP_LIMIT);
    boolean responses = leads.isPresent();
    if (!r.asOf().equals(at)
        || !r.followUpLimit().equals(followUp)
        || (responses
            && (!r.responseLimit().equals(response)
                || r.businessTime() != calendar.isPresent()
                || r.start() != SlaStart.CREATED))) {
      throw new IllegalArgumentException(
          "the SLA report given is as of "
              + r.asOf()
              + " with limits "
              + r.responseLimit()
              + " and "
              + r.followUpLimit()
              + (r.businessTime() ? " in business time" : "")
              + "; this audit is as of "
              + at
              + " with limits "
              + response
              + " and "
              + followUp
              + (calendar.isPresent() ? " in business time" : "")
              + (r.start() != SlaStart.CREATED ? ", its clock from creation" : "")
              + ": give the report of the audit's own inputs");
    }
  }

  /**
   * The follow-up limit of open deals (default {@link Sla#DEFAULT_FOLLOW_UP_LIMIT}).
   *
   * @param limit the longest time an open deal may go without a touch before it is stale
   * @return this audit
   * @throws IllegalArgumentException if the limit is negative
   * @throws IllegalStateException if it was already set
   */
  public Audit followUpLimit(Duration limit) {
    requireNonNull(limit, "limit");
    if (followUpLimit.isPresent()) {
      throw new IllegalStateException("follow-up limit was already set to " + followUpLimit.get());
    }
    if (limit.isNegative()) {
      throw new IllegalArgumentException(
          "follow-up limit " + limit + " is negative: it must be >= PT0S");
    }
    followUpLimit = Optional.of(limit);
    return this;
  }

  /**
   * Audits the data as it was at this instant.
   *
   * @param instant the as-of instant: records after it are not seen
   * @return this audit
   * @throws IllegalStateException if as-of was already set
   */
  public Audit asOf(Instant instant) {
    requireNonNull(instant, "instant");
    if (asOf.isPresent()) {
      throw new IllegalStateException("asOf was already set to " + asOf.get());
    }
    asOf = Optional.of(instant);
    return this;
  }

  /**
   * The thresholds of one must-have: PASS when the figure is at least {@code pass} (at most, for a
   * lower-is-better item), WARN when at least (at most) {@code warn}, FAIL otherwise.
   *
   * @param mustHave the must-have whose thresholds these are
   * @param pass the PASS threshold: a share in [0, 1], or a ratio >= 0 for {@link
   *     MustHave#FIRST_TOUCH_PROCESS}
   * @param warn the WARN threshold, in the same unit as {@code pass}
   * @return this audit
   * @throws IllegalArgumentException if a threshold is not finite, a share threshold lies outside
   *     [0, 1], a ratio threshold is negative, or warn is stricter than pass
   * @throws IllegalStateException if this must-have's thresholds were already set
   */
  public Audit threshold(MustHave mustHave, double pass, double warn) {
    requireNonNull(mustHave, "mustHave");
    if (thresholds.containsKey(mustHave)) {
      throw new IllegalStateException(mustHave + " thresholds were already set");
    }
    for (double v : new double[] {pass, warn}) {
      if (!Double.isFinite(v) || v < 0 || (mustHave.isShare() && v > 1)) {
        throw new IllegalArgumentException(
            mustHave
                + " threshold "
                + v
                + " is not "
                + (mustHave.isShare() ? "a share in [0, 1]" : "a finite ratio >= 0"));
      }
    }
    if (mustHave.higherIsBetter() ? warn > pass : warn < pass) {
      throw new IllegalArgumentException(
          mustHave
              + ": warn threshold "
              + warn
              + " is stricter than pass threshold "
              + pass
              + (mustHave.higherIsBetter() ? " (need warn <= pass)" : " (need warn >= pass)"));
    }
    thresholds.put(mustHave, new double[] {pass, warn});
    return this;
  }

  private double[] limits(MustHave m) {
    return thresholds.getOrDefault(m, new double[] {m.defaultPass(), m.defaultWarn()});
  }

  private static String fmt(MustHave m, double v) {
    return m.isShare()
        ? String.format(Locale.ROOT, "%.1f%%", v * 100)
        : String.format(Locale.ROOT, "%.2fx", v);
  }

  private AuditItem grade(MustHave m, double figure, String evidence) {
    double[] t = limits(m);
    String op = m.higherIsBetter() ? ">=" : "<=";
    String threshold = "PASS " + op + " " + fmt(m, t[0]) + ", WARN " + op + " " + fmt(m, t[1]);
    Grade g;
    if (m.higherIsBetter()) {
      g = figure >= t[0] ? Grade.PASS : figure >= t[1] ? Grade.WARN : Grade.FAIL;
    } else {
      g = figure <= t[0] ? Grade.PASS : figure <= t[1] ? Grade.WARN : Grade.FAIL;
    }
    return new AuditItem(
        m, g, OptionalDouble.of(figure), fmt(m, figure) + " " + evidence, threshold);
  }

  private AuditItem notMeasurable(MustHave m, String why) {
    double[] t = limits(m);
    String op = m.higherIsBetter() ? ">=" : "<=";
    return new AuditItem(
        m,
        Grade.FAIL,
        OptionalDouble.empty(),
        "not measurable: " + why,
        "PASS " + op + " " + fmt(m, t[0]) + ", WARN " + op + " " + fmt(m, t[1]));
  }

  private AuditItem share(MustHave m, Proportion p, String what, String none) {
    return p.isUndefined()
        ? notMeasurable(m, none)
        : grade(
            m, p.rate().getAsDouble(), "(" + p.successes() + "/" + p.trials() + " " + what + ")");
  }

  /** The latest event of the data (it may lie before 1970); {@link Instant#EPOCH} without any. */
  private Instant defaultAsOf() {
    ColumnarDealLog columns = ColumnarDealLog.of(log);
    return LatestRecord.of(
            Optional.of(columns),
            leads.orElse(List.of()),
            touches.orElse(List.of()),
            i -> new Origin("touches", i + 1L))
        .requireMeasurableBy(columns)
        .at();
  }

  /**
   * Grades the eight must-haves.
   *
   * @return the report, one item per must-have in {@link MustHave} order
   * @throws IllegalArgumentException if a touch of a lead lies before the lead's creation, an SLA
   *     report given ({@link #sla}) has another as-of, other limits or other business time, or the
   *     as-of (given, or the latest record, which the message then names) is 2^31 seconds (68
   *     years) or more after the log's first instant
   */
  public AuditReport report() {
    Instant at = asOf.orElseGet(this::defaultAsOf);
    HygieneReport hygiene = Hygiene.of(log).asOf(at).countsOnly().report();
    LossReport losses = Losses.of(log).asOf(at).report();
    List<AuditItem> items = new ArrayList<>();

    // 1. real stages
    List<StageHygiene> open =
        hygiene.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
    // Not s1: every deal starts there, mostly without a recorded change (the implicit entry), so
    // its usage says nothing about declared stages; with n = 1 no stage is left to judge.
    List<StageHygiene> judged = open.isEmpty() ? open : open.subList(1, open.size());
    StageHygiene worst = null;
    for (StageHygiene s : judged) {
      if (!s.usage().isUndefined()
          && (worst == null
              || s.usage().rate().getAsDouble() < worst.usage().rate().getAsDouble())) {
        worst = s;
      }
    }
    items.add(
        worst == null
            ? notMeasurable(
                MustHave.REAL_STAGES,
                judged.isEmpty()
                    ? "the pipeline has one open stage, where every deal starts; no later stage"
                        + " to judge"
                    : "no deal reached a judged stage")
            : grade(
                MustHave.REAL_STAGES,
                worst.usage().rate().getAsDouble(),
                "usage of \""
                    + worst.stage()
                    + "\" ("
                    + worst.usage().successes()
                    + "/"
                    + worst.usage().trials()
                    + " deals entered it explicitly), the lowest"));

    // 2. working funnel
    items.add(
        share(
            MustHave.WORKING_FUNNEL,
            hygiene.transitionCoverage(),
            "deals with a transition",
            "no deals"));

    // 3, 4, 7: SLA, first touch, follow-ups
    Optional<SlaReport> sla = Optional.empty();
    if (touches.isPresent() && given.isPresent()) {
      checkGiven(given.get(), at);
    }
    if (leads.isPresent() && touches.isPresent()) {
      sla =
          given.isPresent()
              ? given
              : Optional.of(slaQuery(leads.get(), touches.get(), at, true).report());
    }
    String missingSla =
        leads.isEmpty() && touches.isEmpty()
            ? "no leads and no touches"
            : leads.isEmpty() ? "no leads" : "no touches";
    if (sla.isEmpty()) {
      items.add(notMeasurable(MustHave.INBOUND_SLA, missingSla));
      items.add(notMeasurable(MustHave.FIRST_TOUCH_PROCESS, missingSla));
    } else {
      SlaReport r = sla.get();
      items.add(
          share(
              MustHave.INBOUND_SLA,
              r.compliance(),
              "leads met the " + Durations.human(r.responseLimit()) + " limit",
              "no lead met or breached the SLA"));
      items.add(firstTouch(r));
    }

    // 5. transition analytics
    items.add(
        share(
            MustHave.TRANSITION_ANALYTICS,
            hygiene.onTimeShare(),
            "transitions recorded within " + Durations.human(hygiene.retroactiveTolerance()),
            "no transitions"));

    // 6. structured losses
    items.add(
        share(
            MustHave.STRUCTURED_LOSSES,
            losses.reasonFilledShare(),
            "lost deals with a reason",
            "no lost deals"));

    // 7. follow-ups
    if (sla.isEmpty() && touches.isEmpty()) {
      items.add(notMeasurable(MustHave.FOLLOW_UPS, "no touches"));
    } else {
      SlaReport r =
          sla.or(() -> given)
              .orElseGet(() -> slaQuery(List.of(), touches.get(), at, false).report());
      items.add(
          share(
              MustHave.FOLLOW_UPS,
              r.staleShare(),
              "open deals without a touch for over " + Durations.human(r.followUpLimit()),
              "no open deals"));
    }
    // 8. hand-off
    if (leads.isEmpty()) {
      items.add(notMeasurable(MustHave.HAND_OFF_RULE, "no leads"));
    } else {
      HandOffFigures h = HandOff.of(leads.get()).asOf(at).report().all();
      if (h.leads() == 0) {
        items.add(notMeasurable(MustHave.HAND_OFF_RULE, "no leads"));
      } else if (h.handedOver() == 0) {
        items.add(grade(MustHave.HAND_OFF_RULE, 0, "(0/" + h.leads() + " leads handed over)"));
      } else {
        double handed = h.handOverRecorded().rate().getAsDouble();
        double decided = h.decided().rate().getAsDouble();
        items.add(
            grade(
                MustHave.HAND_OFF_RULE,
                Math.min(handed, decided),
                "("
                    + h.handedOver()
                    + "/"
                    + h.leads()
                    + " leads handed over, "
                    + (h.accepted() + h.rejected())
                    + "/"
                    + h.handedOver()
                    + " accepted or rejected)"));
      }
    }
    items.sort(java.util.Comparator.comparing(AuditItem::mustHave));
    return new AuditReport(at, items);
  }

  private AuditItem firstTouch(SlaReport r) {
    Duration min = null;
    Duration max = null;
    String fast = "";
    String slow = "";
    int owners = 0;
    for (SlaGroup g : r.owners()) {
      Optional<Duration> p50 = g.responseTime().p50();
      if (p50.isEmpty()) {
        continue;
      }
      owners++;
      if (min == null || p50.get().compareTo(min) < 0) {
        min = p50.get();
        fast = g.key();
      }
      if (max == null || p50.get().compareTo(max) > 0) {
        max = p50.get();
        slow = g.key();
      }
    }
    if (min == null || max == null) {
      return notMeasurable(MustHave.FIRST_TOUCH_PROCESS, "no touched leads");
    }
    if (r.responseLimit().isZero()) {
      return notMeasurable(MustHave.FIRST_TOUCH_PROCESS, "the response limit is zero");
    }
    Duration spread = max.minus(min);
    double ratio = Durations.days(spread) / Durations.days(r.responseLimit());
    return grade(
        MustHave.FIRST_TOUCH_PROCESS,
        ratio,
        "the response limit: owners' median response times spread "
            + Durations.human(spread)
            + " over "
            + owners
            + (owners == 1 ? " owner" : " owners")
            + (owners > 1
                ? " ("
                    + fast
                    + " "
                    + Durations.human(min)
                    + ", "
                    + slow
                    + " "
                    + Durations.human(max)
                    + ")"
                : ""));
  }

  /** The options set so far. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Audit.of(").append(log).append(')');
    leads.ifPresent(l -> sb.append(".leads(").append(l.size()).append(')'));
    touches.ifPresent(t -> sb.append(".touches(").append(t.size()).append(')'));
    calendar.ifPresent(c -> sb.append(".calendar(").append(c.zone()).append(')'));
    responseLimit.ifPresent(d -> sb.append(".responseLimit(").append(d).append(')'));
    followUpLimit.ifPresent(d -> sb.append(".followUpLimit(").append(d).append(')'));
    given.ifPresent(r -> sb.append(".sla(as of ").append(r.asOf()).append(')'));
    asOf.ifPresent(t -> sb.append(".asOf(").append(t).append(')'));
    thresholds.forEach(
        (m, t) ->
            sb.append(".threshold(")
                .append(m)
                .append(", ")
                .append(t[0])
                .append(", ")
                .append(t[1])
                .append(')'));
    return sb.toString();
  }
}
