package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import dev.funnel.DealState;
import dev.funnel.Dimension;
import dev.funnel.Funnel;
import dev.funnel.Period;
import dev.funnel.kpi.internal.KpiEngine;
import dev.funnel.log.DealLog;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import dev.funnel.model.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The KPI query (METRICS.md "KPIs"): KPIs per period and scope with directed changes, targets,
 * activity-without-outcome alerts, channel economics and driver trees. The entry point is {@link
 * #of(DealLog)}; the last call, {@link #report()}, computes.
 *
 * {@snippet :
 * KpiReport report = Kpis.of(log)
 *     .leads(leads)
 *     .spend(spend)
 *     .activity(activity)
 *     .period(Period.MONTH)
 *     .asOf(Instant.parse("2026-06-30T00:00:00Z"))
 *     .margin(0.6)
 *     .report();
 * System.out.println(report);
 * }
 *
 * <p>Attribution: leads count in the period of their creation, won deals and revenue in the period
 * of their win, spend and activity in the period of their date; a lead's or deal's channel is the
 * one recorded on it ({@code (unspecified)} when missing). Scopes are {@code all} (every channel
 * merged) and {@code channel=<name>} for every channel with a record, plus, opt-in through {@link
 * #scopes(Dimension...)} or {@link #by(String...)}, one scope per deal owner ({@code owner=<name>},
 * the team view) or per value of a deal attribute ({@code <attribute>=<value>}); their attribution
 * is described at {@link #scopes(Dimension...)}. As-of defaults to the latest event time in the
 * data (deal events, lead creations, the start of the last spend or activity day in the zone),
 * never the wall clock, to the second. Leads are seen as deals are, in whole seconds: one created
 * in the second of as-of counts, whatever its fraction.
 *
 * <p>Alerts (METRICS.md: an ACTIVITY KPI's directed change at or above the threshold while no
 * OUTCOME KPI's is) are raised for complete periods only ({@link KpiReport#isComplete}): the period
 * holding as-of is still running, and its few days against a whole period before would show every
 * count collapsing and ratios moving on a handful of records. Its row is in the report. One
 * departure from the letter of METRICS.md: a higher-is-better OUTCOME KPI that rises from zero to
 * above zero silences the alert, although its directed change is absent (METRICS.md: absent when
 * the earlier value is zero). Read by the letter, the rule raised "no outcome improved" for a
 * channel whose leads, won deals and revenue had just gone from 0 to their first ones. An ACTIVITY
 * KPI rising from zero still raises nothing, as the letter says.
 *
 * <p>Periods run from the first record to as-of, so records must lie near the deal log: as-of at
 * most 2^31 seconds (68 years) after its first instant, leads created no earlier than 2^31 - 1
 * seconds (68 years) before it, spend, sales cost and activity dated no earlier than the UTC day of
 * that earliest instant. {@link #report()} refuses others, naming the record (the CLI rejects such
 * rows the same way). A log without deals has no first instant and bounds nothing.
 *
 * <p>Each option may be set once: a bad value throws {@link IllegalArgumentException}, a second
 * call {@link IllegalStateException}; {@link #kpi} and {@link #target} add one more each call (a
 * KPI may have several targets, one per period or scope). Cross-option checks (currencies, target
 * and stage ids) run at {@link #report()}. A query is a mutable builder and not thread-safe; its
 * reports are immutable.
 */
public final class Kpis {
  /** The default alert threshold: a directed change of +10%. */
  public static final double DEFAULT_ALERT_THRESHOLD = 0.10;

  private final DealLog log;
  private Optional<List<Lead>> leads = Optional.empty();
  private Optional<List<SpendSample>> spend = Optional.empty();
  private Optional<List<SpendSample>> salesCost = Optional.empty();
  private Optional<List<ActivitySample>> activity = Optional.empty();
  private Optional<Period> period = Optional.empty();
  private Optional<ZoneId> zone = Optional.empty();
  private Optional<Instant> asOf = Optional.empty();
  private Optional<Double> margin = Optional.empty();
  private Optional<Money> ltv = Optional.empty();
  private Optional<Money> monthlyRevenue = Optional.empty();
  private Optional<Double> threshold = Optional.empty();
  private Optional<List<Dimension>> dimensions = Optional.empty();
  private final List<KpiDefinition> userKpis = new ArrayList<>();
  private final Map<String, List<Target>> targets = new LinkedHashMap<>();

  private Kpis(DealLog log) {
    this.log = requireNonNull(log, "log");
    // a foreign DealLog implementation is refused here, as Funnel.of does, not at report()
    Funnel.of(log);
  }

  /**
   * Starts a KPI query over this deal log.
   *
   * @param log the deal log
   * @return a new query over the log, with default options
   * @throws IllegalArgumentException if the log was not built by funnel
   */
  public static Kpis of(DealLog log) {
    return new Kpis(log);
  }

  private <T> Optional<T> once(Optional<T> current, String option, T value) {
    requireNonNull(value, option);
    if (current.isPresent()) {
      throw new IllegalStateException(option + " was already set");
    }
    return Optional.of(value);
  }

  /**
   * The leads (for leads, CPL, lead_to_deal). Without them those KPIs are absent, not 0: no leads
   * given is not no leads created.
   *
   * @param values the leads; copied
   * @return this query
   * @throws IllegalArgumentException if a lead id appears twice (it would count twice)
   */
  public Kpis leads(Collection<Lead> values) {
    leads = once(leads, "leads", Lead.copyOfDistinct(values));
    return this;
  }

  /** An immutable copy; a null element is named by its position. */
  private static <T> List<T> copyOf(Collection<T> values, String what) {
    requireNonNull(values, what);
    int i = 0;
    for (T v : values) {
      requireNonNull(v, what + "[" + i++ + "]");
    }
    return List.copyOf(values);
  }

  /**
   * The marketing spend (for CPL, CAC, ROAS, ROMI, CPC).
   *
   * @param values the spend samples; copied
   * @return this query
   */
  public Kpis spend(Collection<SpendSample> values) {
    spend = once(spend, "spend", copyOf(values, "spend"));
    return this;
  }

  /**
   * Sales cost, added to marketing spend in CAC; attributed like spend, by date and channel.
   *
   * @param values the sales cost samples; copied
   * @return this query
   */
  public Kpis salesCost(Collection<SpendSample> values) {
    salesCost = once(salesCost, "salesCost", copyOf(values, "salesCost"));
    return this;
  }

  /**
   * The activity samples (impressions, clicks, posts, calls, ...).
   *
   * @param values the activity samples; copied
   * @return this query
   */
  public Kpis activity(Collection<ActivitySample> values) {
    activity = once(activity, "activity", copyOf(values, "activity"));
    return this;
  }

  /**
   * The period size (default {@link Period#MONTH}).
   *
   * @param value the period size
   * @return this query
   */
  public Kpis period(Period value) {
    period = once(period, "period", value);
    return this;
  }

  /**
   * The zone periods are bucketed in (default UTC).
   *
   * @param value the zone
   * @return this query
   */
  public Kpis zone(ZoneId value) {
    zone = once(zone, "zone", value);
    return this;
  }

  /**
   * The as-of instant (default: the latest event time in the data).
   *
   * @param value the as-of instant
   * @return this query
   */
  public Kpis asOf(Instant value) {
    asOf = once(asOf, "asOf", value);
    return this;
  }

  /**
   * The gross margin used by ROMI and CAC payback (default 1).
   *
   * @param value the gross margin, in [0, 1]
   * @return this query
   * @throws IllegalArgumentException if it is not in [0, 1]
   */
  public Kpis margin(double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("margin " + value + " is not in [0, 1]");
    }
    margin = once(margin, "margin", value);
    return this;
  }

  /**
   * Customer lifetime value; adds {@code ltv_cac}.
   *
   * @param value the customer lifetime value, in the report's currency; not negative
   * @return this query
   * @throws IllegalArgumentException if it is negative
   */
  public Kpis ltv(Money value) {
    requireNotNegative("ltv", value);
    ltv = once(ltv, "ltv", value);
    return this;
  }

  /**
   * Monthly revenue per customer; adds {@code cac_payback_months}.
   *
   * @param value the monthly revenue per customer, in the report's currency; not negative
   * @return this query
   * @throws IllegalArgumentException if it is negative
   */
  public Kpis monthlyRevenuePerCustomer(Money value) {
    requireNotNegative("monthly revenue per customer", value);
    monthlyRevenue = once(monthlyRevenue, "monthlyRevenuePerCustomer", value);
    return this;
  }

  private static void requireNotNegative(String name, Money value) {
    requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " " + value + " is negative");
    }
  }

  /**
   * The directed change at or above which a KPI counts as risen for alerts (default 0.10).
   *
   * @param value the threshold, finite; e.g. 0.10 for a 10% improvement
   * @return this query
   * @throws IllegalArgumentException if it is not finite
   */
  public Kpis alertThreshold(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("alert threshold " + value + " is not finite");
    }
    threshold = once(threshold, "alertThreshold", value);
    return this;
  }

  /**
   * Adds deal scopes: one scope per deal owner ({@link Dimension#OWNER}, scope {@code
   * owner=<name>}) or per value of a deal attribute ({@link Dimension#attribute(String)}, scope
   * {@code <attribute>=<value>}, e.g. {@code segment=smb}), after {@code all} and the channel
   * scopes, in the order given, values sorted. A deal without an owner or without the attribute
   * goes to {@code (unspecified)}.
   *
   * <p>Attribution in these scopes: deal-based measures (deals created, deals reaching a stage, won
   * and lost deals, revenue) follow the deal's owner or attribute value, in the same periods as
   * everywhere (creation, or win/loss). A lead follows the first deal (in log order) created by
   * as-of whose {@code lead_id} names it; a lead that no such deal names counts under {@code
   * (unspecified)}. So every lead and deal-based figure of {@code all} is the sum over the scopes
   * of one dimension. Spend, sales cost and activity have no owner or attribute: every KPI that
   * reads them (CPL, CAC, ROAS, ROMI, CPC, cost per stage, impressions, clicks, CTR, activity
   * metrics, user KPIs over them) is <em>absent</em> in a deal scope, never zero. Alerts run per
   * deal scope too (METRICS.md: team, channel, whole); there they fire only on user-defined
   * ACTIVITY KPIs over deal-based measures, since the built-in activity KPIs are absent.
   *
   * @param values the dimensions: {@link Dimension#OWNER} or deal attributes
   * @return this query
   * @throws IllegalArgumentException if no dimension is given, one repeats another's name, one is
   *     {@link Dimension#CHANNEL} or a creation period (not a scope), an attribute is named {@code
   *     channel}, or an attribute is not one the log's deals carry (the message lists the known
   *     ones)
   * @throws IllegalStateException if scopes were already set (by this or {@link #by})
   */
  public Kpis scopes(Dimension... values) {
    requireNonNull(values, "dimensions");
    List<Dimension> list = List.of(values);
    if (list.isEmpty()) {
      throw new IllegalArgumentException(
          "scopes: no dimension given (owner or a deal attribute such as segment)");
    }
    Set<String> seen = new HashSet<>();
    for (Dimension d : list) {
      switch (d.kind()) {
        case CHANNEL:
          throw new IllegalArgumentException(
              "scopes: channel scopes are always in the report; ask for owner or a deal attribute");
        case CREATED:
          throw new IllegalArgumentException(
              "scopes: \""
                  + d.label()
                  + "\" is a creation period, not a scope; set period(...) for the period size");
        case ATTRIBUTE:
          String name = d.label();
          if (name.equals("channel")) {
            throw new IllegalArgumentException(
                "scopes: attribute \"channel\" would clash with the channel scopes");
          }
          if (!log.attributeNames().contains(name)) {
            throw new IllegalArgumentException(
                "scopes: unknown deal attribute \""
                    + name
                    + "\" (known: "
                    + (log.attributeNames().isEmpty()
                        ? "none, the deals carry no attributes"
                        : String.join(", ", log.attributeNames()))
                    + ")");
          }
          break;
        case OWNER:
          break;
      }
      if (!seen.add(d.label())) {
        throw new IllegalArgumentException("scopes: \"" + d.label() + "\" is given twice");
      }
    }
    dimensions = once(dimensions, "scopes", list);
    return this;
  }

  /**
   * Adds deal scopes by name, as the CLI's {@code --by} takes them: {@code owner} or a deal
   * attribute name (see {@link Dimension#named(String)} and {@link #scopes(Dimension...)}).
   *
   * @param names the dimension names: {@code owner} or deal attribute names
   * @return this query
   * @throws IllegalArgumentException as {@link #scopes(Dimension...)}, or if a name is blank
   * @throws IllegalStateException if scopes were already set
   */
  public Kpis by(String... names) {
    requireNonNull(names, "names");
    Dimension[] ds = new Dimension[names.length];
    for (int i = 0; i < names.length; i++) {
      String n = requireNonNull(names[i], "name");
      if (n.isBlank()) {
        throw new IllegalArgumentException("scopes: a dimension name is blank");
      }
      ds[i] = Dimension.named(n);
    }
    return scopes(ds);
  }

  /**
   * Adds a user-defined KPI after the built-in ones; its id must be new. It must not be the id of a
   * built-in KPI ({@link KpiCatalog#FIXED_IDS}, {@code ltv_cac} and {@code cac_payback_months} even
   * without their inputs, {@code cost_per_<stage>} of an open stage) nor of an activity metric:
   * {@link #report()} refuses it.
   *
   * @param definition the KPI
   * @return this query
   * @throws IllegalStateException if a user-defined KPI with this id was already added
   */
  public Kpis kpi(KpiDefinition definition) {
    requireNonNull(definition, "definition");
    for (KpiDefinition d : userKpis) {
      if (d.id().equals(definition.id())) {
        throw new IllegalStateException("KPI \"" + definition.id() + "\" was already added");
      }
    }
    userKpis.add(definition);
    return this;
  }

  /**
   * Adds a target to the KPI with this id (built-in or user-defined; checked at report).
   *
   * @param kpiId the KPI id
   * @param target the target
   * @return this query
   */
  public Kpis target(String kpiId, Target target) {
    requireNonNull(kpiId, "kpiId");
    requireNonNull(target, "target");
    targets.computeIfAbsent(kpiId, k -> new ArrayList<>()).add(target);
    return this;
  }

  /**
   * Computes the report.
   *
   * @return the report, one row per period and scope
   * @throws IllegalArgumentException if money comes in two currencies (naming both), a target names
   *     an unknown KPI, a user KPI or an activity metric repeats the id of a built-in KPI
   *     (including {@code ltv_cac}, {@code cac_payback_months} and {@code cost_per_<stage>}), a
   *     user KPI repeats the id of an activity metric, a KPI counts deals reaching a stage that is
   *     not an open stage of the pipeline, the as-of (given, or the latest record of the inputs) is
   *     2^31 seconds (68 years) or more after the log's first instant (without an as-of, the
   *     message names the record that would make it), or a record is more than 2^31 - 1 seconds (68
   *     years) before it: a lead created before that instant, or spend, sales cost or activity
   *     dated before its UTC day (the message names the record, e.g. {@code spend[0]}, by its
   *     position in the collection given). A log without deals has no first instant: then no record
   *     is refused for its date, and periods run from the earliest record.
   */
  public KpiReport report() {
    List<Lead> ls = leads.orElse(List.of());
    List<SpendSample> sp = spend.orElse(List.of());
    List<SpendSample> sc = salesCost.orElse(List.of());
    List<ActivitySample> ac = activity.orElse(List.of());
    ZoneId z = zone.orElse(ZoneOffset.UTC);
    requireNearLog(ls, sp, sc, ac, z);
    Period p = period.orElse(Period.MONTH);
    Optional<Currency> currency = currency(sp, sc);
    KpiParameters params =
        new KpiParameters(
            margin.orElse(1.0), ltv.map(Money::amount), monthlyRevenue.map(Money::amount));
    Instant at = asOf.orElseGet(() -> latestEvent(ls, sp, sc, ac, z));

    List<DealState> states = Funnel.of(log).asOf(at).dealStates();
    KpiEngine.Cells cells = KpiEngine.run(states, log.pipeline(), ls, sp, sc, ac, p, z, at);
    List<KpiDefinition> defs = definitions(cells, params);

    List<LocalDate> starts = new ArrayList<>();
    if (!cells.byPeriod().isEmpty()) {
      LocalDate last = p.start(LocalDate.ofInstant(at, z));
      for (LocalDate s = cells.byPeriod().firstKey(); !s.isAfter(last); s = p.next(s)) {
        starts.add(s);
      }
    }
    List<String> scopes = new ArrayList<>();
    scopes.add(Scope.ALL);
    cells.channels().forEach(c -> scopes.add(Scope.channel(c)));
    Map<String, SortedMap<LocalDate, SortedMap<String, Measures>>> dealCells = new HashMap<>();
    Map<String, String> dealKeys = new HashMap<>();
    for (Dimension dim : dimensions.orElse(List.of())) {
      SortedMap<LocalDate, SortedMap<String, Measures>> byKey =
          KpiEngine.byDealKey(states, keys(states, dim), log.pipeline(), ls, p, z, at);
      Set<String> values = new TreeSet<>();
      byKey.values().forEach(m -> values.addAll(m.keySet()));
      for (String v : values) {
        String scope = Scope.of(dim, v);
        scopes.add(scope);
        dealCells.put(scope, byKey);
        dealKeys.put(scope, v);
      }
    }
    boolean[] readsUndealt = new boolean[defs.size()];
    // Without leads given, a lead count is not 0 but unknown: KPIs that read one are absent.
    boolean[] readsMissingLeads = new boolean[defs.size()];
    for (int k = 0; k < defs.size(); k++) {
      for (Measure m : defs.get(k).formula().measures()) {
        readsUndealt[k] |= NO_DEAL.contains(m.source());
        readsMissingLeads[k] |= leads.isEmpty() && LEAD_SOURCES.contains(m.source());
      }
    }

    double limit = threshold.orElse(DEFAULT_ALERT_THRESHOLD);
    List<KpiRow> rows = new ArrayList<>();
    List<Alert> alerts = new ArrayList<>();
    Map<String, Measures> totals = new HashMap<>();
    Map<String, OptionalDouble[]> previous = new HashMap<>();
    for (int pi = 0; pi < starts.size(); pi++) {
      LocalDate start = starts.get(pi);
      String label = p.label(start);
      SortedMap<String, Measures> byChannel =
          cells.byPeriod().getOrDefault(start, Collections.emptySortedMap());
      Measures all = Measures.sum(byChannel.values());
      boolean complete = KpiReport.complete(p, start, z, at);
      for (String scope : scopes) {
        SortedMap<LocalDate, SortedMap<String, Measures>> dealCell = dealCells.get(scope);
        boolean dealScope = dealCell != null;
        Measures m =
            scope.equals(Scope.ALL)
                ? all
                : dealScope
                    ? dealCell
                        .getOrDefault(start, Collections.emptySortedMap())
                        .getOrDefault(dealKeys.get(scope), Measures.empty())
                    : byChannel.getOrDefault(
                        scope.substring("channel=".length()), Measures.empty());
        totals.merge(scope, m, Measures::plus);
        OptionalDouble[] prev = previous.get(scope);
        OptionalDouble[] now = new OptionalDouble[defs.size()];
        List<KpiValue> values = new ArrayList<>();
        List<String> activityUp = new ArrayList<>();
        List<String> outcomeIds = new ArrayList<>();
        boolean outcomeUp = false;
        for (int k = 0; k < defs.size(); k++) {
          KpiDefinition d = defs.get(k);
          now[k] =
              (dealScope && readsUndealt[k]) || readsMissingLeads[k]
                  ? OptionalDouble.empty()
                  : d.compute(m, params);
          OptionalDouble before = prev == null ? OptionalDouble.empty() : prev[k];
          OptionalDouble change = d.directedChange(before, now[k]);
          values.add(new KpiValue(d, now[k], before, change, d.target(label, scope)));
          boolean up = change.isPresent() && change.getAsDouble() >= limit;
          if (d.kind() == Kind.OUTCOME) {
            outcomeIds.add(d.id());
            outcomeUp |= up || risesFromZero(d, before, now[k]);
          } else if (up) {
            activityUp.add(d.id());
          }
        }
        previous.put(scope, now);
        rows.add(new KpiRow(label, start, scope, m, values));
        if (pi > 0 && complete && !activityUp.isEmpty() && !outcomeUp) {
          alerts.add(
              new Alert(AlertType.ACTIVITY_WITHOUT_OUTCOME, label, scope, activityUp, outcomeIds));
        }
      }
    }
    List<ChannelEconomics> economics = new ArrayList<>();
    if (!starts.isEmpty()) {
      for (String scope : scopes) {
        if (dealCells.containsKey(scope)) {
          continue;
        }
        ChannelEconomics row =
            ChannelEconomics.of(scope, totals.get(scope), params, leads.isPresent());
        economics.add(currency.isPresent() ? row.inMinorUnits(currency.get()) : row);
      }
    }
    return new KpiReport(at, p, z, currency, params, limit, defs, rows, alerts, economics);
  }

  /**
   * Refuses a lead, spend, sales-cost or activity record more than 2^31 - 1 seconds (68 years)
   * before the deal log's first instant, mirroring the as-of refused more than that after it
   * ({@link Funnel#asOf}): periods run from the first record to as-of, so a mistyped year such as
   * 0001-01-01 would make tens of thousands of empty rows. Leads are bounded by their creation
   * instant; dated records (spend, sales cost, activity) by their day, which must not be before the
   * UTC day of that bound, so a record on that day is read. Without an as-of the latest record is
   * the as-of ({@link #latestEvent}), so a record more than 2^31 - 1 seconds after the first
   * instant (a dated one by the start of its day in the zone) is refused too, named rather than the
   * as-of it would make. A log without deals has no first instant and no bound.
   */
  private void requireNearLog(
      List<Lead> ls,
      List<SpendSample> sp,
      List<SpendSample> sc,
      List<ActivitySample> ac,
      ZoneId z) {
    Optional<Instant> first = log.earliestCreation();
    if (first.isEmpty()) {
      return;
    }
    Instant earliest = first.get().minusSeconds(Integer.MAX_VALUE);
    LocalDate earliestDay = LocalDate.ofInstant(earliest, ZoneOffset.UTC);
    long limit = first.get().getEpochSecond() + Integer.MAX_VALUE;
    // without an as-of, the latest record makes it: one starting after the limit is refused
    long last = asOf.isEmpty() ? limit : Long.MAX_VALUE;
    // a record's description is built only for the one refused, not for every record
    for (int i = 0; i < ls.size(); i++) {
      Lead l = ls.get(i);
      boolean before = l.createdAt().isBefore(earliest);
      if (before || l.createdAt().getEpochSecond() > last) {
        String record = "leads[" + i + "]: lead \"" + l.id() + "\" created at " + l.createdAt();
        throw before
            ? beforeLog(record, first.get(), "instant " + earliest)
            : afterLog(record, first.get());
      }
    }
    List<List<SpendSample>> costs = List.of(sp, sc);
    List<String> names = List.of("spend", "salesCost");
    for (int k = 0; k < costs.size(); k++) {
      List<SpendSample> samples = costs.get(k);
      String name = names.get(k);
      for (int i = 0; i < samples.size(); i++) {
        SpendSample s = samples.get(i);
        int at = i;
        dated(
            () -> name + "[" + at + "]: " + s.date() + " (" + s.channel() + ")",
            s.date(),
            earliestDay,
            last,
            z,
            first.get());
      }
    }
    for (int i = 0; i < ac.size(); i++) {
      ActivitySample a = ac.get(i);
      int at = i;
      dated(
          () -> "activity[" + at + "]: " + a.date() + " (" + a.channel() + ", " + a.metric() + ")",
          a.date(),
          earliestDay,
          last,
          z,
          first.get());
    }
  }

  /**
   * Refuses a dated record before {@code earliestDay} or starting after second {@code limit} (none
   * when it is {@link Long#MAX_VALUE}); {@code record} describes it in the message.
   */
  private static void dated(
      Supplier<String> record,
      LocalDate date,
      LocalDate earliestDay,
      long limit,
      ZoneId z,
      Instant first) {
    if (date.isBefore(earliestDay)) {
      throw beforeLog(record.get(), first, "day " + earliestDay + " (UTC)");
    }
    if (limit != Long.MAX_VALUE && date.atStartOfDay(z).toInstant().getEpochSecond() > limit) {
      throw afterLog(record.get(), first);
    }
  }

  private static IllegalArgumentException afterLog(String record, Instant first) {
    return new IllegalArgumentException(
        record
            + " is more than 68 years (2^31 - 1 seconds) after the deal log's first instant "
            + first
            + ": without an as-of the latest record is the as-of, and a log measures ages in int"
            + " seconds; fix the record's date or give an as-of before it");
  }

  private static IllegalArgumentException beforeLog(String record, Instant first, String earliest) {
    return new IllegalArgumentException(
        record
            + " is more than 68 years (2^31 - 1 seconds) before the deal log's first instant "
            + first
            + ": the earliest "
            + earliest
            + " is read with the log; a report reaching back further would span more than 68 years"
            + " of periods");
  }

  /** Measures counted from the leads. */
  private static final Set<Measure.Source> LEAD_SOURCES =
      EnumSet.of(Measure.Source.LEADS, Measure.Source.LEADS_WITH_DEAL);

  /** Measures no deal carries: KPIs that read them are absent in deal scopes. */
  private static final Set<Measure.Source> NO_DEAL =
      EnumSet.of(Measure.Source.SPEND, Measure.Source.SALES_COST, Measure.Source.ACTIVITY);

  private List<String> keys(List<DealState> states, Dimension dim) {
    List<String> out = new ArrayList<>(states.size());
    for (DealState d : states) {
      if (dim.kind() == Dimension.Kind.OWNER) {
        out.add(d.owner());
      } else {
        String v = log.deal(d.index()).attributes().get(dim.label());
        out.add(v == null || v.isBlank() ? Deal.UNSPECIFIED : v);
      }
    }
    return out;
  }

  private List<KpiDefinition> definitions(KpiEngine.Cells cells, KpiParameters params) {
    Pipeline pipeline = log.pipeline();
    List<String> open = new ArrayList<>();
    for (Stage s : pipeline.openStages()) {
      open.add(s.id());
    }
    List<KpiDefinition> defs = new ArrayList<>(KpiCatalog.standard(cells.metrics(), open, params));
    for (KpiDefinition u : userKpis) {
      Optional<KpiDefinition> builtIn = KpiCatalog.builtIn(u.id(), open);
      if (builtIn.isPresent()) {
        throw new IllegalArgumentException(
            "user-defined KPI \""
                + u.id()
                + "\" repeats the id of a built-in KPI: "
                + builtIn.get());
      }
      if (cells.metrics().contains(u.id())) {
        throw new IllegalArgumentException(
            "user-defined KPI \""
                + u.id()
                + "\" repeats the id of the KPI of activity metric \""
                + u.id()
                + "\": rename the KPI or the metric in activity.csv");
      }
      for (Measure m : u.formula().measures()) {
        if (m.source() == Measure.Source.REACHED) {
          try {
            pipeline.rank(m.argument().orElseThrow());
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("KPI \"" + u.id() + "\": " + e.getMessage(), e);
          }
        }
      }
      defs.add(u);
    }
    for (Map.Entry<String, List<Target>> e : targets.entrySet()) {
      int i = indexOf(defs, e.getKey());
      if (i < 0) {
        List<String> ids = new ArrayList<>();
        defs.forEach(d -> ids.add(d.id()));
        throw new IllegalArgumentException(
            "target for unknown KPI \""
                + e.getKey()
                + "\" (known: "
                + String.join(", ", ids)
                + ")");
      }
      KpiDefinition d = defs.get(i);
      for (Target t : e.getValue()) {
        d = d.withTarget(t);
      }
      defs.set(i, d);
    }
    return List.copyOf(defs);
  }

  private static int indexOf(List<KpiDefinition> defs, String id) {
    for (int i = 0; i < defs.size(); i++) {
      if (defs.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A higher-is-better KPI from zero to above zero (an outcome that silences alerts: see the
   * class).
   */
  private static boolean risesFromZero(KpiDefinition d, OptionalDouble before, OptionalDouble now) {
    return d.direction() == Direction.HIGHER_IS_BETTER
        && before.isPresent()
        && before.getAsDouble() == 0
        && now.isPresent()
        && now.getAsDouble() > 0;
  }

  private Optional<Currency> currency(List<SpendSample> sp, List<SpendSample> sc) {
    List<Map.Entry<Currency, String>> found = new ArrayList<>();
    sp.forEach(s -> found.add(Map.entry(s.cost().currency(), describe("spend", s))));
    sc.forEach(s -> found.add(Map.entry(s.cost().currency(), describe("sales cost", s))));
    ltv.ifPresent(m -> found.add(Map.entry(m.currency(), "ltv")));
    monthlyRevenue.ifPresent(
        m -> found.add(Map.entry(m.currency(), "monthly revenue per customer")));
    Optional<Currency> seen = log.currency();
    String seenWhere = "deals are";
    for (Map.Entry<Currency, String> e : found) {
      if (seen.isEmpty()) {
        seen = Optional.of(e.getKey());
        seenWhere = e.getValue() + " is";
      } else if (!seen.get().equals(e.getKey())) {
        throw new IllegalArgumentException(
            e.getValue()
                + " is in "
                + e.getKey().getCurrencyCode()
                + " but "
                + seenWhere
                + " in "
                + seen.get().getCurrencyCode()
                + ": one report never mixes currencies without a conversion table");
      }
    }
    return seen;
  }

  private static String describe(String what, SpendSample s) {
    return what + " on " + s.date() + " for " + s.channel();
  }

  private Instant latestEvent(
      List<Lead> ls,
      List<SpendSample> sp,
      List<SpendSample> sc,
      List<ActivitySample> ac,
      ZoneId z) {
    Optional<Instant> latest = log.latestEventTime();
    for (Lead l : ls) {
      latest = max(latest, l.createdAt());
    }
    Optional<LocalDate> day = Optional.empty();
    for (SpendSample s : sp) {
      day = maxDay(day, s.date());
    }
    for (SpendSample s : sc) {
      day = maxDay(day, s.date());
    }
    for (ActivitySample a : ac) {
      day = maxDay(day, a.date());
    }
    if (day.isPresent()) {
      latest = max(latest, day.get().atStartOfDay(z).toInstant());
    }
    // to the second, as the deal log holds its instants (a lead's fraction would print in asOf)
    return latest
        .orElseGet(() -> log.earliestCreation().orElse(Instant.EPOCH))
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  private static Optional<Instant> max(Optional<Instant> a, Instant b) {
    return a.isPresent() && a.get().isAfter(b) ? a : Optional.of(b);
  }

  private static Optional<LocalDate> maxDay(Optional<LocalDate> a, LocalDate b) {
    return a.isPresent() && a.get().isAfter(b) ? a : Optional.of(b);
  }

  /** The options set so far, e.g. {@code Kpis.of(log).period(WEEK).margin(0.6)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Kpis.of(").append(log).append(')');
    leads.ifPresent(v -> sb.append(".leads(").append(v.size()).append(" leads)"));
    spend.ifPresent(v -> sb.append(".spend(").append(v.size()).append(" samples)"));
    salesCost.ifPresent(v -> sb.append(".salesCost(").append(v.size()).append(" samples)"));
    activity.ifPresent(v -> sb.append(".activity(").append(v.size()).append(" samples)"));
    period.ifPresent(v -> sb.append(".period(").append(v).append(')'));
    zone.ifPresent(v -> sb.append(".zone(").append(v).append(')'));
    asOf.ifPresent(v -> sb.append(".asOf(").append(v).append(')'));
    margin.ifPresent(v -> sb.append(".margin(").append(v).append(')'));
    ltv.ifPresent(v -> sb.append(".ltv(").append(v).append(')'));
    monthlyRevenue.ifPresent(v -> sb.append(".monthlyRevenuePerCustomer(").append(v).append(')'));
    threshold.ifPresent(v -> sb.append(".alertThreshold(").append(v).append(')'));
    dimensions.ifPresent(v -> sb.append(".scopes(").append(v).append(')'));
    userKpis.forEach(d -> sb.append(".kpi(").append(d.id()).append(')'));
    targets.forEach(
        (k, v) ->
            v.forEach(t -> sb.append(".target(").append(k).append(", ").append(t).append(')')));
    return sb.toString();
  }
}
