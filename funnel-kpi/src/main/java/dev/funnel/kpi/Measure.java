package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An additive base measure summed per (period, scope): every KPI is a formula over these sums, so a
 * KPI of merged cells is the formula over merged sums, never an average of KPIs (METRICS.md
 * "KPIs").
 *
 * <p>Attribution: leads count in the period of their creation under the lead's channel; deals and
 * the deals that reached a stage in the period of the deal's creation; won and lost deals and
 * revenue in the period of the win or loss ({@code closedAt}) under the deal's channel; spend,
 * sales cost and activity in the period of their date under their channel.
 *
 * @param source what is summed
 * @param argument the activity metric or the stage id, for {@link Source#ACTIVITY} and {@link
 *     Source#REACHED} only
 */
public record Measure(Source source, Optional<String> argument) {

  /** What a measure sums. */
  public enum Source {
    /** Leads created in the period. */
    LEADS,
    /** Leads created in the period that have a deal (a deal whose {@code lead_id} names them). */
    LEADS_WITH_DEAL,
    /** Deals created in the period. */
    DEALS,
    /** Deals won in the period (by {@code closedAt}). */
    WON_DEALS,
    /** Deals lost in the period (by {@code closedAt}). */
    LOST_DEALS,
    /**
     * Amounts of the deals won in the period; a won deal without an amount adds nothing here and
     * counts in {@link #WON_WITHOUT_AMOUNT} (METRICS.md: counted apart, never as zero).
     */
    REVENUE,
    /** Deals won in the period without an amount: their revenue is unknown. */
    WON_WITHOUT_AMOUNT,
    /** Marketing spend dated in the period. */
    SPEND,
    /** Sales cost dated in the period (an optional input). */
    SALES_COST,
    /** The sum of one activity metric's values dated in the period. */
    ACTIVITY,
    /** Deals created in the period that reached an open stage (progressed counting). */
    REACHED
  }

  /** Leads created in the period. */
  public static final Measure LEADS = new Measure(Source.LEADS, Optional.empty());

  /** Leads created in the period that have a deal. */
  public static final Measure LEADS_WITH_DEAL =
      new Measure(Source.LEADS_WITH_DEAL, Optional.empty());

  /** Deals created in the period. */
  public static final Measure DEALS = new Measure(Source.DEALS, Optional.empty());

  /** Deals won in the period. */
  public static final Measure WON_DEALS = new Measure(Source.WON_DEALS, Optional.empty());

  /** Deals lost in the period. */
  public static final Measure LOST_DEALS = new Measure(Source.LOST_DEALS, Optional.empty());

  /**
   * Revenue of the deals won in the period that have an amount: zero without wins, absent when
   * every won deal of the cell lacks an amount (see {@link Measures#get}).
   */
  public static final Measure REVENUE = new Measure(Source.REVENUE, Optional.empty());

  /** Deals won in the period without an amount. */
  public static final Measure WON_WITHOUT_AMOUNT =
      new Measure(Source.WON_WITHOUT_AMOUNT, Optional.empty());

  /** Marketing spend; absent in a cell without spend records. */
  public static final Measure SPEND = new Measure(Source.SPEND, Optional.empty());

  /** Sales cost; zero in a cell without sales-cost records. */
  public static final Measure SALES_COST = new Measure(Source.SALES_COST, Optional.empty());

  /** Impressions, the activity metric {@code impressions}. */
  public static final Measure IMPRESSIONS = activity("impressions");

  /** Clicks, the activity metric {@code clicks}. */
  public static final Measure CLICKS = activity("clicks");

  /**
   * Validates the measure.
   *
   * @throws IllegalArgumentException if an activity or reached measure lacks its argument, another
   *     measure has one, or the argument is blank
   */
  public Measure {
    requireNonNull(source, "source");
    requireNonNull(argument, "argument");
    boolean needs = source == Source.ACTIVITY || source == Source.REACHED;
    if (needs && argument.isEmpty()) {
      throw new IllegalArgumentException(
          "measure " + source + " needs an argument (the activity metric or the stage id)");
    }
    if (!needs && argument.isPresent()) {
      throw new IllegalArgumentException(
          "measure " + source + " takes no argument, got \"" + argument.get() + "\"");
    }
    if (argument.isPresent() && argument.get().isBlank()) {
      throw new IllegalArgumentException("measure " + source + ": argument is blank");
    }
  }

  /**
   * The sum of one activity metric ({@code impressions}, {@code clicks}, {@code posts}, ...).
   *
   * @param metric the activity metric, non-blank
   * @return the measure
   * @throws IllegalArgumentException if the metric is blank
   */
  public static Measure activity(String metric) {
    return new Measure(Source.ACTIVITY, Optional.of(requireNonNull(metric, "metric")));
  }

  /**
   * The deals created in the period that reached this open stage: entered it or a later open stage,
   * or won (METRICS.md "Funnel", progressed counting).
   *
   * @param stageId the id of an open stage, non-blank
   * @return the measure
   * @throws IllegalArgumentException if the stage id is blank
   */
  public static Measure reached(String stageId) {
    return new Measure(Source.REACHED, Optional.of(requireNonNull(stageId, "stageId")));
  }

  /**
   * The measure's id: {@code leads}, {@code spend}, {@code activity:clicks}, {@code
   * reached:qualified}.
   *
   * @return the id
   */
  public String id() {
    String base = source.name().toLowerCase(java.util.Locale.ROOT);
    return argument.map(a -> base + ":" + a).orElse(base);
  }

  /**
   * Whether a cell without records of this measure has no value rather than zero: spend ("a scope
   * with no spend records has absent spend-based KPIs") and activity metrics. Counts of leads and
   * deals, revenue and sales cost are zero without records (but revenue is absent when the cell has
   * won deals and none of them has an amount: {@link Measures#get}).
   *
   * @return true for spend and activity measures
   */
  public boolean absentWithoutRecords() {
    return source == Source.SPEND || source == Source.ACTIVITY;
  }

  /**
   * Whether the measure sums money in the report's currency.
   *
   * @return true for revenue, spend and sales cost
   */
  public boolean isMoney() {
    return source == Source.REVENUE || source == Source.SPEND || source == Source.SALES_COST;
  }

  @Override
  public String toString() {
    return id();
  }
}
