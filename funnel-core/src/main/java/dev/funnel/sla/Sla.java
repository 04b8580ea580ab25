package dev.funnel.sla;

import static java.util.Objects.requireNonNull;

import dev.funnel.DealState;
import dev.funnel.calendar.BusinessCalendar;
import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.engine.Selection;
import dev.funnel.internal.process.LatestRecord;
import dev.funnel.internal.process.Seen;
import dev.funnel.internal.process.States;
import dev.funnel.internal.stats.Select;
import dev.funnel.log.DealLog;
import dev.funnel.log.Origin;
import dev.funnel.log.Rejection;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Touch;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The speed and SLA query (METRICS.md "Speed and SLA").
 *
 * {@snippet :
 * SlaReport sla = Sla.of(leads, touches)
 *     .deals(log)
 *     .calendar(calendar)
 *     .responseLimit(Duration.ofMinutes(15))
 *     .followUpLimit(Duration.ofDays(7))
 *     .stageLimit("proposal", Duration.ofDays(14))
 *     .report();
 * }
 *
 * <p>Definitions (METRICS.md, and the library's choices where it is silent):
 *
 * <ul>
 *   <li><b>As-of</b> defaults to the latest event of the data: lead instants, touches and the deal
 *       log's latest event time, before 1970 too; with no lead, touch or deal at all it is {@link
 *       Instant#EPOCH} (nothing is measured then). Leads created after as-of and touches after it
 *       are not seen; as deals are, they are seen in whole seconds: one in the second of as-of
 *       counts, whatever its fraction (an untouched lead created a fraction after as-of then has
 *       nothing elapsed).
 *   <li>The <b>clock</b> of a lead starts at its creation, or with {@link #startAtHandOver()} at
 *       its hand-over as the hand-off report sees it ({@code handed_over_at}, or the creation of a
 *       lead accepted or rejected without one, once that decision is seen); a lead not handed over
 *       by as-of is then not measured.
 *   <li>Its <b>first touch</b> is its earliest touch (a touch whose {@code subject_id} is the lead
 *       id) at or after the clock start and at or before as-of. <b>Response time</b> = first touch
 *       - clock start, in business time when a calendar is given ({@link
 *       BusinessCalendar#businessTime}: a lead arriving after hours starts counting at the next
 *       working moment), wall time otherwise.
 *   <li><b>Met</b>: response time &lt;= limit (exactly at the limit is met). <b>Breached</b>:
 *       response time &gt; limit, or untouched with elapsed time (clock start to as-of, same time
 *       base) &gt; limit. Otherwise <b>at risk</b>, with time left = limit - elapsed (0 exactly at
 *       the limit). Compliance = met / (met + breached).
 *   <li>The <b>owner</b> of a lead is the owner of the first deal (log order) whose {@code lead_id}
 *       names it, when that deal has an owner; otherwise the actor of its first touch; otherwise
 *       {@code (unspecified)}.
 *   <li><b>Stale</b> deals: open deals at as-of (every deal of the log created by then) whose
 *       clock, started at the later of creation and the last touch of the deal id, has run longer
 *       than the follow-up limit (wall time). <b>Rotting</b> deals: open deals whose age in the
 *       current stage exceeds that stage's limit.
 *   <li><b>Act now</b>: untouched leads (at risk or breached), stale deals and rotting deals, least
 *       time left first (negative: overdue).
 *   <li><b>Cost of slowness</b>: per {@link SpeedBucket}, lead-to-deal (measured leads with a deal
 *       / measured leads) and the win rate of those deals.
 *   <li>A touch of a lead that lies before the lead's creation is invalid input: {@link #report()}
 *       fails naming the touch's origin ({@code touches.csv:7} when origins are given with {@link
 *       #touchOrigins}, {@code touches:7} — the 7th touch — otherwise).
 * </ul>
 *
 * <p>Each option may be set once: a bad value throws {@link IllegalArgumentException}, a second
 * call {@link IllegalStateException}; cross-option checks run at {@link #report()}.
 */
public final class Sla {
  /** The default response limit: 15 minutes. */
  public static final Duration DEFAULT_RESPONSE_LIMIT = Duration.ofMinutes(15);

  /** The default follow-up limit of open deals: 7 days. */
  public static final Duration DEFAULT_FOLLOW_UP_LIMIT = Duration.ofDays(7);

  private final List<Lead> leads;
  private final List<Touch> touches;
  private Optional<List<Origin>> origins = Optional.empty();
  private Optional<ColumnarDealLog> log = Optional.empty();
  private Optional<BusinessCalendar> calendar = Optional.empty();
  private Optional<Duration> responseLimit = Optional.empty();
  private Optional<Duration> followUpLimit = Optional.empty();
  private Optional<SlaStart> start = Optional.empty();
  private Optional<Instant> asOf = Optional.empty();
  private final Map<String, Duration> stageLimits = new LinkedHashMap<>();

  private Sla(List<Lead> leads, List<Touch> touches) {
    this.leads = List.copyOf(leads);
    this.touches = List.copyOf(touches);
  }

  /**
   * Starts an SLA query over these leads and touches (of leads and of deals).
   *
   * @param leads the leads, each id once; copied
   * @param touches the touches; copied
   * @return a new query, with default options
   * @throws IllegalArgumentException naming the first lead id that appears twice (it would count
   *     twice), as every analysis of leads refuses it
   * @throws NullPointerException naming the list or its element ({@code leads[3]}) that is null
   */
  public static Sla of(List<Lead> leads, List<Touch> touches) {
    requireNonNull(leads, "leads");
    requireNonNull(touches, "touches");
    List<Lead> distinct = Lead.copyOfDistinct(leads);
    for (int i = 0; i < touches.size(); i++) {
      requireNonNull(touches.get(i), "touches[" + i + "]");
    }
    return new Sla(distinct, touches);
  }

  /**
   * Where each touch came from (same order and size as the touches), for error messages.
   *
   * @param touchOrigins the origin of each touch, e.g. {@code touches.csv:7}; copied
   * @return this query
   * @throws IllegalArgumentException if the sizes differ
   * @throws IllegalStateException if origins were already given
   */
  public Sla touchOrigins(List<Origin> touchOrigins) {
    requireNonNull(touchOrigins, "touchOrigins");
    if (origins.isPresent()) {
      throw new IllegalStateException("touch origins were already given");
    }
    if (touchOrigins.size() != touches.size()) {
      throw new IllegalArgumentException(
          touchOrigins.size() + " touch origins for " + touches.size() + " touches");
    }
    origins = Optional.of(List.copyOf(touchOrigins));
    return this;
  }

  /**
   * The deal log: lead owners, stale and rotting deals, and the cost of slowness.
   *
   * @param dealLog the deal log
   * @return this query
   * @throws IllegalArgumentException if the log was not built by funnel
   * @throws IllegalStateException if a log was already given
   */
  public Sla deals(DealLog dealLog) {
    requireNonNull(dealLog, "dealLog");
    if (log.isPresent()) {
      throw new IllegalStateException("deals were already given: " + log.get());
    }
    log = Optional.of(ColumnarDealLog.of(dealLog));
    return this;
  }

  /**
   * Measures response times in this calendar's business time.
   *
   * @param businessCalendar the business calendar
   * @return this query
   * @throws IllegalStateException if a calendar was already given
   */
  public Sla calendar(BusinessCalendar businessCalendar) {
    requireNonNull(businessCalendar, "businessCalendar");
    if (calendar.isPresent()) {
      throw new IllegalStateException("calendar was already set");
    }
    calendar = Optional.of(businessCalendar);
    return this;
  }

  /**
   * The response-time limit (default 15 minutes).
   *
   * @param limit the longest response time that meets the SLA; not negative
   * @return this query
   * @throws IllegalArgumentException if the limit is negative
   * @throws IllegalStateException if the limit was already set
   */
  public Sla responseLimit(Duration limit) {
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
   * The follow-up limit of open deals (default 7 days).
   *
   * @param limit the longest time an open deal may go without a touch before it is stale; not
   *     negative
   * @return this query
   * @throws IllegalArgumentException if the limit is negative
   * @throws IllegalStateException if the limit was already set
   */
  public Sla followUpLimit(Duration limit) {
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
   * The longest time a deal may stay in this stage; stage ids are checked against the pipeline at
   * {@link #report()}.
   *
   * @param stageId the stage id
   * @param limit the stage's limit; not negative
   * @return this query
   * @throws IllegalArgumentException if the limit is negative
   * @throws IllegalStateException if this stage's limit was already set
   */
  public Sla stageLimit(String stageId, Duration limit) {
    requireNonNull(stageId, "stageId");
    requireNonNull(limit, "limit");
    if (stageLimits.containsKey(stageId)) {
      throw new IllegalStateException(
          "limit of stage \"" + stageId + "\" was already set to " + stageLimits.get(stageId));
    }
    if (limit.isNegative()) {
      throw new IllegalArgumentException(
          "limit " + limit + " of stage \"" + stageId + "\" is negative: it must be >= PT0S");
    }
    stageLimits.put(stageId, limit);
    return this;
  }

  /**
   * Starts the response clock at hand-over instead of creation.
   *
   * @return this query
   * @throws IllegalStateException if called twice
   */
  public Sla startAtHandOver() {
    if (start.isPresent()) {
      throw new IllegalStateException("the SLA start was already set to " + start.get());
    }
    start = Optional.of(SlaStart.HANDED_OVER);
    return this;
  }

  /**
   * Sees the data as it was at this instant.
   *
   * @param instant the as-of instant
   * @return this query
   * @throws IllegalStateException if as-of was already set
   */
  public Sla asOf(Instant instant) {
    requireNonNull(instant, "instant");
    if (asOf.isPresent()) {
      throw new IllegalStateException("asOf was already set to " + asOf.get());
    }
    asOf = Optional.of(instant);
    return this;
  }

  private Origin origin(int i) {
    return origins.map(o -> o.get(i)).orElseGet(() -> new Origin("touches", i + 1L));
  }

  /** The latest event of the data (it may lie before 1970); {@link Instant#EPOCH} without any. */
  private Instant defaultAsOf() {
    LatestRecord latest = LatestRecord.of(log, leads, touches, this::origin);
    log.ifPresent(latest::requireMeasurableBy);
    return latest.at();
  }

  private Duration between(Instant a, Instant b) {
    return calendar.isPresent() ? calendar.get().businessTime(a, b) : Duration.between(a, b);
  }

  /**
   * Computes the report.
   *
   * @return the report: every measured lead, the groups, the cost of slowness, stale and rotting
   *     deals and the act-now list
   * @throws IllegalArgumentException if a touch of a lead lies before the lead's creation (naming
   *     the touch's origin), or if a stage limit names a stage that is not in the pipeline, or
   *     stage limits are given without deals; with deals, if the as-of (given, or the latest
   *     record, which the message then names) is 2^31 seconds (68 years) or more after the log's
   *     first instant
   */
  public SlaReport report() {
    Instant at = asOf.orElseGet(this::defaultAsOf);
    Duration limit = responseLimit.orElse(DEFAULT_RESPONSE_LIMIT);
    Duration followUp = followUpLimit.orElse(DEFAULT_FOLLOW_UP_LIMIT);
    SlaStart from = start.orElse(SlaStart.CREATED);
    if (!stageLimits.isEmpty() && log.isEmpty()) {
      throw new IllegalArgumentException(
          "stage limits " + stageLimits.keySet() + " need the deal log: call deals(log)");
    }
    Map<String, Duration> limits = new LinkedHashMap<>();
    log.ifPresent(
        l -> {
          for (String s : stageLimits.keySet()) {
            if (l.pipeline.find(s).isEmpty() || !l.pipeline.stage(s).isOpen()) {
              throw new IllegalArgumentException(
                  l.pipeline.find(s).isEmpty()
                      ? "stage limit: " + l.pipeline.unknownStageMessage(s)
                      : "stage limit: stage \"" + s + "\" is closed; only open stages rot");
            }
          }
          for (var s : l.pipeline.stages()) {
            if (stageLimits.containsKey(s.id())) {
              limits.put(s.id(), stageLimits.get(s.id()));
            }
          }
        });

    Map<String, Lead> leadById = new HashMap<>();
    for (Lead l : leads) {
      leadById.put(l.id(), l); // each id once: Sla.of refuses a repeated one
    }
    // first touches of leads, last touches of deals
    Map<String, Integer> firstTouch = new HashMap<>();
    Map<String, Instant> lastTouch = new HashMap<>();
    Map<String, Instant> clockStart = new HashMap<>();
    for (Lead l : leads) {
      Optional<Instant> s =
          from == SlaStart.CREATED ? Optional.of(l.createdAt()) : Seen.handOver(l, at);
      if (Seen.asOf(l.createdAt(), at) && Seen.asOf(s, at)) {
        clockStart.put(l.id(), s.get());
      }
    }
    for (int i = 0; i < touches.size(); i++) {
      Touch t = touches.get(i);
      Lead lead = leadById.get(t.subjectId());
      if (lead != null && t.at().isBefore(lead.createdAt())) {
        throw new IllegalArgumentException(
            Rejection.of(
                    origin(i),
                    "at",
                    t.at().toString(),
                    "touch of lead \""
                        + lead.id()
                        + "\" is before the lead was created at "
                        + lead.createdAt())
                .message());
      }
      if (!Seen.asOf(t.at(), at)) {
        continue;
      }
      Instant s = clockStart.get(t.subjectId());
      if (s != null && !t.at().isBefore(s)) {
        Integer prev = firstTouch.get(t.subjectId());
        if (prev == null || t.at().isBefore(touches.get(prev).at())) {
          firstTouch.put(t.subjectId(), i);
        }
      }
      lastTouch.merge(t.subjectId(), t.at(), (a, b) -> a.isAfter(b) ? a : b);
    }

    // deals at as-of (every deal created by then)
    List<DealState> states =
        log.map(
                l ->
                    States.of(
                        l, Selection.of(l, Optional.empty(), Optional.empty(), Optional.of(at))))
            .orElse(List.of());
    Map<String, List<DealState>> dealsOfLead = new HashMap<>();
    for (DealState s : states) {
      s.leadId().ifPresent(id -> dealsOfLead.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
    }

    List<LeadSla> measured = new ArrayList<>();
    List<Action> actions = new ArrayList<>();
    for (Lead l : leads) {
      Instant s = clockStart.get(l.id());
      if (s == null) {
        continue;
      }
      Integer ti = firstTouch.get(l.id());
      List<DealState> ds = dealsOfLead.getOrDefault(l.id(), List.of());
      String owner =
          !ds.isEmpty() && !ds.get(0).owner().equals(Deal.UNSPECIFIED)
              ? ds.get(0).owner()
              : ti != null && touches.get(ti).actor().isPresent()
                  ? touches.get(ti).actor().get()
                  : Deal.UNSPECIFIED;
      String channel = l.channel().orElse(Deal.UNSPECIFIED);
      if (ti != null) {
        Instant first = touches.get(ti).at();
        Duration rt = between(s, first);
        measured.add(
            new LeadSla(
                l.id(),
                channel,
                owner,
                s,
                Optional.of(first),
                Optional.of(rt),
                rt.compareTo(limit) <= 0 ? SlaStatus.MET : SlaStatus.BREACHED,
                Optional.empty()));
      } else {
        // Seen in the second of as-of, a clock may start a fraction after it: nothing elapsed.
        Duration left = limit.minus(s.isAfter(at) ? Duration.ZERO : between(s, at));
        measured.add(
            new LeadSla(
                l.id(),
                channel,
                owner,
                s,
                Optional.empty(),
                Optional.empty(),
                left.isNegative() ? SlaStatus.BREACHED : SlaStatus.AT_RISK,
                Optional.of(left)));
        actions.add(new Action(Action.Kind.RESPOND_TO_LEAD, l.id(), owner, left));
      }
    }

    long open = 0;
    List<StaleDeal> stale = new ArrayList<>();
    List<RottingDeal> rotting = new ArrayList<>();
    for (DealState s : states) {
      if (!s.isOpen()) {
        continue;
      }
      open++;
      Optional<Instant> last = Optional.ofNullable(lastTouch.get(s.dealId()));
      Instant clock =
          last.isPresent() && last.get().isAfter(s.createdAt()) ? last.get() : s.createdAt();
      Duration idle = Duration.between(clock, at);
      if (idle.compareTo(followUp) > 0) {
        stale.add(
            new StaleDeal(
                s.dealId(), s.owner(), s.stage(), last, clock, idle, idle.minus(followUp)));
        actions.add(
            new Action(Action.Kind.FOLLOW_UP_DEAL, s.dealId(), s.owner(), followUp.minus(idle)));
      }
      Duration stageLimit = limits.get(s.stage());
      if (stageLimit != null) {
        Duration age = Duration.between(s.enteredStageAt(), at);
        if (age.compareTo(stageLimit) > 0) {
          rotting.add(
              new RottingDeal(
                  s.dealId(), s.owner(), s.stage(), s.enteredStageAt(), age, stageLimit));
          actions.add(
              new Action(
                  Action.Kind.MOVE_ROTTING_DEAL, s.dealId(), s.owner(), stageLimit.minus(age)));
        }
      }
    }
    stale.sort(
        Comparator.comparing(StaleDeal::overdue).reversed().thenComparing(StaleDeal::dealId));
    rotting.sort(
        Comparator.comparing(RottingDeal::overdue).reversed().thenComparing(RottingDeal::dealId));
    actions.sort(
        Comparator.comparing(Action::timeLeft)
            .thenComparing(Action::kind)
            .thenComparing(Action::subjectId));

    return new SlaReport(
        at,
        limit,
        from,
        calendar.isPresent(),
        measured,
        group("all", measured),
        groups(measured, true),
        groups(measured, false),
        costOfSlowness(measured, dealsOfLead),
        followUp,
        open,
        stale,
        limits,
        rotting,
        actions);
  }

  private static SlaGroup group(String key, List<LeadSla> leads) {
    long met = 0;
    long breached = 0;
    long atRisk = 0;
    List<Duration> times = new ArrayList<>(leads.size());
    for (LeadSla l : leads) {
      switch (l.status()) {
        case MET -> met++;
        case BREACHED -> breached++;
        case AT_RISK -> atRisk++;
      }
      l.responseTime().ifPresent(times::add);
    }
    // Leads and touches keep their sub-second parts: so do the response times' figures.
    return new SlaGroup(
        key, met, breached, atRisk, Select.durations(times, Select.defaultPercentiles()));
  }

  private static List<SlaGroup> groups(List<LeadSla> leads, boolean byOwner) {
    Map<String, List<LeadSla>> by = new LinkedHashMap<>();
    for (LeadSla l : leads) {
      by.computeIfAbsent(byOwner ? l.owner() : l.channel(), k -> new ArrayList<>()).add(l);
    }
    List<SlaGroup> out = new ArrayList<>();
    by.forEach((k, v) -> out.add(group(k, v)));
    out.sort(Comparator.comparingLong(SlaGroup::leads).reversed().thenComparing(SlaGroup::key));
    return out;
  }

  private SpeedBucket bucket(LeadSla l) {
    if (l.responseTime().isEmpty()) {
      return SpeedBucket.NEVER_TOUCHED;
    }
    Duration rt = l.responseTime().get();
    Duration day = calendar.isPresent() ? Duration.ofHours(8) : Duration.ofHours(24);
    if (rt.compareTo(Duration.ofMinutes(5)) < 0) {
      return SpeedBucket.UNDER_5_MINUTES;
    }
    if (rt.compareTo(Duration.ofHours(1)) < 0) {
      return SpeedBucket.UNDER_1_HOUR;
    }
    return rt.compareTo(day) < 0 ? SpeedBucket.UNDER_1_BUSINESS_DAY : SpeedBucket.LATER;
  }

  private List<BucketFigures> costOfSlowness(
      List<LeadSla> leads, Map<String, List<DealState>> dealsOfLead) {
    Map<SpeedBucket, long[]> acc = new EnumMap<>(SpeedBucket.class);
    for (SpeedBucket b : SpeedBucket.values()) {
      acc.put(b, new long[4]);
    }
    for (LeadSla l : leads) {
      long[] a = acc.get(bucket(l));
      a[0]++;
      List<DealState> ds = dealsOfLead.getOrDefault(l.leadId(), List.of());
      a[1] += ds.isEmpty() ? 0 : 1;
      for (DealState d : ds) {
        a[2] += d.isWon() ? 1 : 0;
        a[3] += d.isWon() || d.isLost() ? 1 : 0;
      }
    }
    List<BucketFigures> out = new ArrayList<>();
    acc.forEach(
        (b, a) ->
            out.add(
                new BucketFigures(
                    b,
                    a[0],
                    log.isPresent() ? Proportion.of(a[1], a[0]) : Proportion.empty(),
                    Proportion.of(a[2], a[3]))));
    return out;
  }

  /** The options set so far. */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("Sla.of(")
            .append(leads.size())
            .append(" leads, ")
            .append(touches.size())
            .append(" touches)");
    log.ifPresent(l -> sb.append(".deals(").append(l).append(')'));
    calendar.ifPresent(c -> sb.append(".calendar(").append(c.zone()).append(')'));
    responseLimit.ifPresent(d -> sb.append(".responseLimit(").append(d).append(')'));
    followUpLimit.ifPresent(d -> sb.append(".followUpLimit(").append(d).append(')'));
    stageLimits.forEach(
        (s, d) -> sb.append(".stageLimit(").append(s).append(", ").append(d).append(')'));
    start.ifPresent(s -> sb.append(".startAtHandOver()"));
    asOf.ifPresent(t -> sb.append(".asOf(").append(t).append(')'));
    return sb.toString();
  }
}
