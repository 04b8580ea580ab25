package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in KPIs of METRICS.md "KPIs", with the ids of FORMATS.md ({@code funnel kpi}).
 *
 * <p>Kinds where METRICS.md names none: raw {@code leads}, {@code cpl} and {@code lead_to_deal} are
 * OUTCOME: a lead is the first outcome marketing is paid for (the README's "outcomes (leads, sales,
 * revenue, CAC) instead of activity (posts, reach, clicks, CTR)"), unlike the impressions and
 * clicks before it. So a rise of raw leads is a rise of an outcome: on its own it keeps the
 * activity-without-outcome alert of its scope from firing. {@code win_rate}, {@code roas}, {@code
 * ltv_cac}, {@code cac_payback_months} and cost per stage reached are OUTCOME too (stages reached
 * in the sales pipeline are the CRM's qualified leads). The ACTIVITY KPIs are {@code impressions},
 * {@code clicks}, {@code ctr}, {@code cpc} and one per other activity metric.
 */
public final class KpiCatalog {
  private KpiCatalog() {}

  private static final Formula SPEND = Formula.of(Measure.SPEND);
  private static final Formula ACQUISITION_COST =
      SPEND.plus(Formula.of(Measure.SALES_COST).orZero());
  private static final Formula CAC = ACQUISITION_COST.dividedBy(Formula.of(Measure.WON_DEALS));
  private static final Formula MARGIN = Formula.parameter(Parameter.MARGIN);

  /** The ids of the fixed KPIs, in catalog order. */
  public static final List<String> FIXED_IDS =
      List.of(
          "leads",
          "won_deals",
          "revenue",
          "cpl",
          "cac",
          "roas",
          "romi",
          "win_rate",
          "lead_to_deal",
          "impressions",
          "clicks",
          "ctr",
          "cpc");

  /**
   * {@code leads}: leads created in the period (OUTCOME, COUNT, higher is better). A lead is the
   * first outcome marketing is paid for ("outcomes: leads, sales, revenue, CAC"), unlike the posts,
   * impressions and clicks that precede it.
   *
   * @return the {@code leads} definition
   */
  public static KpiDefinition leads() {
    return KpiDefinition.builder("leads").name("Leads").outcome().sum(Measure.LEADS).build();
  }

  /**
   * {@code won_deals}: deals won in the period (OUTCOME, COUNT, higher is better).
   *
   * @return the {@code won_deals} definition
   */
  public static KpiDefinition wonDeals() {
    return KpiDefinition.builder("won_deals")
        .name("Won deals")
        .outcome()
        .sum(Measure.WON_DEALS)
        .build();
  }

  /**
   * {@code revenue}: amounts of the deals won in the period (OUTCOME, MONEY, higher).
   *
   * @return the {@code revenue} definition
   */
  public static KpiDefinition revenue() {
    return KpiDefinition.builder("revenue").name("Revenue").outcome().sum(Measure.REVENUE).build();
  }

  /**
   * {@code cpl} = spend / leads (OUTCOME, MONEY, lower is better): the price of an outcome.
   *
   * @return the {@code cpl} definition
   */
  public static KpiDefinition cpl() {
    return KpiDefinition.builder("cpl")
        .name("Cost per lead")
        .outcome()
        .costPer(Measure.LEADS)
        .build();
  }

  /**
   * {@code cac} = (marketing spend + sales cost if given) / won deals (OUTCOME, MONEY, lower is
   * better). Absent without spend records, like every spend-based KPI.
   *
   * @return the {@code cac} definition
   */
  public static KpiDefinition cac() {
    return KpiDefinition.builder("cac")
        .name("Customer acquisition cost")
        .outcome()
        .unit(Unit.MONEY)
        .lowerIsBetter()
        .formula(CAC)
        .build();
  }

  /**
   * {@code roas} = revenue / spend (OUTCOME, RATIO, higher is better).
   *
   * @return the {@code roas} definition
   */
  public static KpiDefinition roas() {
    return KpiDefinition.builder("roas")
        .name("Return on ad spend")
        .outcome()
        .ratio(Measure.REVENUE, Measure.SPEND)
        .build();
  }

  /**
   * {@code romi} = (revenue x margin - spend) / spend (OUTCOME, RATIO, higher is better).
   *
   * @return the {@code romi} definition
   */
  public static KpiDefinition romi() {
    return KpiDefinition.builder("romi")
        .name("Return on marketing investment")
        .outcome()
        .unit(Unit.RATIO)
        .higherIsBetter()
        .formula(Formula.of(Measure.REVENUE).times(MARGIN).minus(SPEND).dividedBy(SPEND))
        .build();
  }

  /**
   * {@code win_rate} = won / (won + lost) among deals closed in the period (OUTCOME, RATIO).
   *
   * @return the {@code win_rate} definition
   */
  public static KpiDefinition winRate() {
    return KpiDefinition.builder("win_rate")
        .name("Win rate")
        .outcome()
        .unit(Unit.RATIO)
        .higherIsBetter()
        .formula(
            Formula.of(Measure.WON_DEALS)
                .dividedBy(Formula.of(Measure.WON_DEALS).plus(Formula.of(Measure.LOST_DEALS))))
        .build();
  }

  /**
   * {@code lead_to_deal} = leads of the period that have a deal / leads of the period (OUTCOME,
   * RATIO, higher is better).
   *
   * @return the {@code lead_to_deal} definition
   */
  public static KpiDefinition leadToDeal() {
    return KpiDefinition.builder("lead_to_deal")
        .name("Lead to deal")
        .outcome()
        .ratio(Measure.LEADS_WITH_DEAL, Measure.LEADS)
        .build();
  }

  /**
   * {@code impressions}: the activity metric (ACTIVITY, COUNT, higher is better).
   *
   * @return the {@code impressions} definition
   */
  public static KpiDefinition impressions() {
    return activityMetric("impressions");
  }

  /**
   * {@code clicks}: the activity metric (ACTIVITY, COUNT, higher is better).
   *
   * @return the {@code clicks} definition
   */
  public static KpiDefinition clicks() {
    return activityMetric("clicks");
  }

  /**
   * {@code ctr} = clicks / impressions (ACTIVITY, RATIO, higher is better).
   *
   * @return the {@code ctr} definition
   */
  public static KpiDefinition ctr() {
    return KpiDefinition.builder("ctr")
        .name("Click-through rate")
        .activity()
        .ratio(Measure.CLICKS, Measure.IMPRESSIONS)
        .build();
  }

  /**
   * {@code cpc} = spend / clicks (ACTIVITY, MONEY, lower is better).
   *
   * @return the {@code cpc} definition
   */
  public static KpiDefinition cpc() {
    return KpiDefinition.builder("cpc")
        .name("Cost per click")
        .activity()
        .costPer(Measure.CLICKS)
        .build();
  }

  /**
   * One KPI per activity metric: its id is the metric, its value the sum of the metric (ACTIVITY,
   * COUNT, higher is better); absent in a cell without samples of the metric.
   *
   * @param metric the activity metric, non-blank
   * @return the KPI of the metric
   */
  public static KpiDefinition activityMetric(String metric) {
    requireNonNull(metric, "metric");
    return KpiDefinition.builder(metric).activity().sum(Measure.activity(metric)).build();
  }

  /**
   * {@code ltv_cac} = LTV / CAC (OUTCOME, RATIO, higher is better); absent without LTV.
   *
   * @return the {@code ltv_cac} definition
   */
  public static KpiDefinition ltvCac() {
    return KpiDefinition.builder("ltv_cac")
        .name("LTV:CAC")
        .outcome()
        .unit(Unit.RATIO)
        .higherIsBetter()
        .formula(Formula.parameter(Parameter.LTV).dividedBy(CAC))
        .build();
  }

  /**
   * {@code cac_payback_months} = CAC / (monthly revenue per customer x margin) (OUTCOME, DURATION
   * in months, lower is better); absent without monthly revenue per customer.
   *
   * @return the {@code cac_payback_months} definition
   */
  public static KpiDefinition cacPaybackMonths() {
    return KpiDefinition.builder("cac_payback_months")
        .name("CAC payback (months)")
        .outcome()
        .unit(Unit.DURATION)
        .lowerIsBetter()
        .formula(
            CAC.dividedBy(Formula.parameter(Parameter.MONTHLY_REVENUE_PER_CUSTOMER).times(MARGIN)))
        .build();
  }

  /**
   * {@code cost_per_<stage>} = spend / deals created in the period that reached the open stage
   * (OUTCOME, MONEY, lower is better).
   *
   * @param stageId the id of an open stage
   * @return the {@code cost_per_<stage>} definition
   */
  public static KpiDefinition costPerStageReached(String stageId) {
    requireNonNull(stageId, "stageId");
    return KpiDefinition.builder("cost_per_" + stageId)
        .name("Cost per deal reaching " + stageId)
        .outcome()
        .costPer(Measure.reached(stageId))
        .build();
  }

  /**
   * The standard catalog: the fixed KPIs ({@link #FIXED_IDS}), one per activity metric other than
   * impressions and clicks (sorted), {@code ltv_cac} and {@code cac_payback_months} when their
   * inputs are given, and cost per stage reached for each open stage given, in that order. KPI ids
   * are unique: targets and report lookups find a KPI by its id.
   *
   * @param activityMetrics the activity metrics of the data; impressions and clicks are among the
   *     fixed KPIs
   * @param openStages the open stages to add a cost per stage reached for, in order
   * @param parameters the report's parameters; LTV and monthly revenue per customer add their KPIs
   * @return the definitions, in catalog order
   * @throws IllegalArgumentException if an activity metric other than impressions and clicks has
   *     the id of a built-in KPI: a fixed one, {@code ltv_cac} or {@code cac_payback_months}
   *     (reserved even when their inputs are not given), or {@code cost_per_<stage>} of an open
   *     stage given
   */
  public static List<KpiDefinition> standard(
      Collection<String> activityMetrics, List<String> openStages, KpiParameters parameters) {
    requireNonNull(activityMetrics, "activityMetrics");
    requireNonNull(openStages, "openStages");
    requireNonNull(parameters, "parameters");
    List<KpiDefinition> out = new ArrayList<>(fixed());
    Set<String> metrics = new TreeSet<>(activityMetrics);
    metrics.remove("impressions");
    metrics.remove("clicks");
    for (String m : metrics) {
      Optional<KpiDefinition> clash = builtInClash(m, openStages);
      if (clash.isPresent()) {
        throw new IllegalArgumentException(
            "activity metric \""
                + m
                + "\" has the id of the built-in KPI "
                + clash.get()
                + ": rename the metric in activity.csv");
      }
      out.add(activityMetric(m));
    }
    if (parameters.ltv().isPresent()) {
      out.add(ltvCac());
    }
    if (parameters.monthlyRevenuePerCustomer().isPresent()) {
      out.add(cacPaybackMonths());
    }
    for (String stage : openStages) {
      out.add(costPerStageReached(stage));
    }
    return List.copyOf(out);
  }

  /**
   * The built-in KPI whose id an activity metric of this name would take, which {@link #standard}
   * refuses: a fixed KPI other than {@code impressions} and {@code clicks} (those two are the sums
   * of their metric), {@code ltv_cac} or {@code cac_payback_months} (whether or not their inputs
   * are given), or {@code cost_per_<stage>} of one of the open stages. Readers of {@code
   * activity.csv} use it to reject such a row with its line before a report is attempted.
   *
   * @param activityMetric the metric of an activity sample
   * @param openStages the ids of the pipeline's open stages (empty when unknown: then only the ids
   *     that do not depend on the pipeline are checked)
   * @return the built-in KPI of that id; empty when the metric is free to use
   */
  public static Optional<KpiDefinition> builtInClash(
      String activityMetric, List<String> openStages) {
    requireNonNull(activityMetric, "activityMetric");
    requireNonNull(openStages, "openStages");
    if (activityMetric.equals("impressions") || activityMetric.equals("clicks")) {
      return Optional.empty();
    }
    return builtIn(activityMetric, openStages);
  }

  /**
   * The built-in KPI with this id: a fixed KPI, {@code ltv_cac} or {@code cac_payback_months}
   * (whether or not their inputs are given), or cost per stage reached of one of the open stages.
   */
  static Optional<KpiDefinition> builtIn(String id, List<String> openStages) {
    // Matched by id first, so that only a clash builds a definition: activity files ask per row.
    if (FIXED_IDS.contains(id)) {
      return fixed().stream().filter(d -> d.id().equals(id)).findFirst();
    }
    if (id.equals("ltv_cac")) {
      return Optional.of(ltvCac());
    }
    if (id.equals("cac_payback_months")) {
      return Optional.of(cacPaybackMonths());
    }
    String prefix = "cost_per_";
    if (id.startsWith(prefix) && openStages.contains(id.substring(prefix.length()))) {
      return Optional.of(costPerStageReached(id.substring(prefix.length())));
    }
    return Optional.empty();
  }

  /** The fixed KPIs, in the order of {@link #FIXED_IDS}. */
  private static List<KpiDefinition> fixed() {
    return List.of(
        leads(),
        wonDeals(),
        revenue(),
        cpl(),
        cac(),
        roas(),
        romi(),
        winRate(),
        leadToDeal(),
        impressions(),
        clicks(),
        ctr(),
        cpc());
  }
}
