package dev.funnel.forecast;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import dev.funnel.stats.Proportion;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The budget scenario: what "+X% marketing budget" (or a cut, X &lt; 0) brings in revenue per month
 * once diminishing returns, the sales team's capacity and the change of conversion with load are
 * accounted for, next to the naive line "revenue grows with the budget" (+X% budget, +X% revenue).
 * Every figure is per month; every assumption is a field, printed by {@code toString()}.
 *
 * <p>The chain of the model, built by {@link Forecast#budget(double, List, List)}:
 *
 * <ol>
 *   <li><b>Response curve per channel</b>: monthly points (complete UTC calendar months at or
 *       before as-of with spend &gt; 0 and leads &gt; 0) fitted as {@code leads = a * spend^b} by
 *       least squares on log-log axes (spend in currency units). {@code b} is clamped to {@code [0,
 *       1]}: above 1 would be increasing returns, below 0 would say money lost leads; {@code a} is
 *       then refitted for the clamped {@code b}. A channel with fewer than {@value
 *       #MIN_RESPONSE_MONTHS} such months (or equal spend in all of them) is not fitted and uses
 *       {@code b = 1}, the naive proportional assumption. The channel's leads per month then become
 *       {@code baseline leads x (1 + X)^b}.
 *   <li><b>Lead-to-deal rate</b>: leads created in the history's complete months (every channel,
 *       whether it had spend that month or not, not only the months of a channel's fit) that a deal
 *       (created by as-of) names as its lead / those leads. Extra deals = extra leads x this rate;
 *       a cut gives negative extra leads and so negative extra deals (deals lost).
 *   <li><b>Sales capacity</b>: per owner, the 90th percentile of deals created per month (months
 *       with at least one deal); the team's capacity is the sum over owners with a deal in the
 *       baseline months. Extra deals beyond capacity minus the baseline load are not worked. The
 *       cap only limits a rise: every deal lost by a cut is a deal the team no longer works, down
 *       to at most all the owned baseline deals (worked = {@code max(-owned baseline deals,
 *       min(extra deals, slack))}), so the new load is never below 0.
 *   <li><b>Conversion under load</b>: per owner-month, load = deals created / the owner's median
 *       monthly deals, win rate = won / closed (as of as-of) among them; a straight line fitted by
 *       least squares weighted by closed deals, its slope clamped to at most 0 (a rise of win rate
 *       with load is read as noise). Win rate at the new load = observed win rate + slope x (new
 *       load - baseline load), within {@code [0, 1]}. The line is read the same way in both
 *       directions: a cut lightens the load, and with a fitted slope below 0 the remaining deals
 *       win more often, as the lighter owner-months did. So a cut loses less revenue than its lost
 *       deals alone would, and with a slope steep enough that the team is past its best load, it
 *       can even gain, just as a rise can then lose. With a slope of 0 the win rate stays and a cut
 *       lowers the revenue by lost deals x win rate x average size.
 *   <li><b>Revenue</b> per month: baseline = baseline deals x observed win rate x average won deal
 *       size; scenario = baseline + worked extra deals x win rate at the new load x average size +
 *       owned baseline deals x (win rate at the new load - observed win rate) x average size.
 * </ol>
 *
 * <p>The baseline is the mean of the last {@value #BASELINE_MONTHS} complete months (fewer if the
 * history is shorter).
 *
 * @param asOf the as-of instant: only events at or before it were seen
 * @param budgetChange the relative budget change X, e.g. 0.20 for +20%
 * @param firstMonth the first month of the history
 * @param lastMonth the last complete month at or before as-of
 * @param baselineMonths the months the baseline averages
 * @param channels one row per channel with spend or leads, by name
 * @param leadToDeal leads of the history that became a deal
 * @param capacity the sales capacity
 * @param load the conversion under load
 * @param averageWonDealSize the mean amount of deals won by as-of
 * @param winRate won / closed among deals created in the history and closed by as-of
 * @param baselineDeals deals created per month in the baseline months
 * @param extraLeads extra leads per month over all channels (negative for a cut)
 * @param extraDeals extra leads x lead-to-deal rate, before the capacity cap (negative for a cut)
 * @param workedExtraDeals extra deals the team has room for: {@code min(extraDeals, slack)}; for a
 *     cut, the deals lost, {@code extraDeals} but at least {@code -capacity.baselineDeals}
 * @param winRateAtNewLoad the win rate at the load with the worked extra deals
 * @param extraSpend the extra spend per month (X x baseline spend)
 * @param baselineRevenue revenue per month in the baseline
 * @param naiveRevenue baseline revenue x (1 + X)
 * @param scenarioRevenue revenue per month in the scenario
 */
public record BudgetScenario(
    Instant asOf,
    double budgetChange,
    YearMonth firstMonth,
    YearMonth lastMonth,
    List<YearMonth> baselineMonths,
    List<Channel> channels,
    Proportion leadToDeal,
    Capacity capacity,
    Load load,
    Money averageWonDealSize,
    Proportion winRate,
    double baselineDeals,
    double extraLeads,
    double extraDeals,
    double workedExtraDeals,
    double winRateAtNewLoad,
    Money extraSpend,
    Money baselineRevenue,
    Money naiveRevenue,
    Money scenarioRevenue) {

  /** Months of spend and leads a channel needs for its response curve to be fitted. */
  public static final int MIN_RESPONSE_MONTHS = 3;

  /** Months the baseline averages. */
  public static final int BASELINE_MONTHS = 3;

  /** Owner-months with closed deals the load line needs to be fitted. */
  public static final int MIN_LOAD_POINTS = 3;

  /** Validates the record and copies its lists. */
  public BudgetScenario {
    requireNonNull(asOf, "asOf");
    requireNonNull(firstMonth, "firstMonth");
    requireNonNull(lastMonth, "lastMonth");
    baselineMonths = List.copyOf(baselineMonths);
    channels = List.copyOf(channels);
    requireNonNull(leadToDeal, "leadToDeal");
    requireNonNull(capacity, "capacity");
    requireNonNull(load, "load");
    requireNonNull(averageWonDealSize, "averageWonDealSize");
    requireNonNull(winRate, "winRate");
    requireNonNull(extraSpend, "extraSpend");
    requireNonNull(baselineRevenue, "baselineRevenue");
    requireNonNull(naiveRevenue, "naiveRevenue");
    requireNonNull(scenarioRevenue, "scenarioRevenue");
  }

  /**
   * The scenario's relative revenue change, {@code scenario / baseline - 1}; empty when the
   * baseline revenue is zero.
   *
   * @return the relative change, e.g. 0.05 for +5%; empty when the baseline revenue is zero
   */
  public OptionalDouble revenueChange() {
    if (baselineRevenue.amount().signum() == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        scenarioRevenue.amount().doubleValue() / baselineRevenue.amount().doubleValue() - 1);
  }

  /**
   * The response of one channel's leads to its spend.
   *
   * @param channel the channel name
   * @param months months with spend &gt; 0 and leads &gt; 0 (the points of the fit)
   * @param a the fitted scale (leads per month at a spend of 1 currency unit); empty if not fitted
   * @param b the exponent: fitted and clamped to {@code [0, 1]}, or 1 if not fitted
   * @param fitted whether the curve was fitted (at least {@value
   *     BudgetScenario#MIN_RESPONSE_MONTHS} points with different spends)
   * @param clamped whether the least-squares exponent fell outside {@code [0, 1]}
   * @param baselineSpend spend per month in the baseline months
   * @param baselineLeads leads per month in the baseline months
   * @param scenarioLeads leads per month with the budget change: {@code baselineLeads x (1 + X)^b},
   *     or {@code baselineLeads} without baseline spend
   */
  public record Channel(
      String channel,
      int months,
      OptionalDouble a,
      double b,
      boolean fitted,
      boolean clamped,
      Money baselineSpend,
      double baselineLeads,
      double scenarioLeads) {
    /** Validates the row. */
    public Channel {
      requireNonNull(channel, "channel");
      requireNonNull(a, "a");
      requireNonNull(baselineSpend, "baselineSpend");
    }

    /**
     * Scenario leads - baseline leads, per month.
     *
     * @return the extra leads per month; negative for a cut
     */
    public double extraLeads() {
      return scenarioLeads - baselineLeads;
    }
  }

  /**
   * The sales team's capacity, from each owner's history of deals created per month.
   *
   * @param dealsPerMonth the team's capacity: the sum of the owners' 90th percentiles
   * @param usualDealsPerMonth the sum of the owners' medians (load 1.0)
   * @param baselineDeals deals with an owner created per month in the baseline months
   * @param slack {@code max(0, dealsPerMonth - baselineDeals)}
   * @param owners the owners with a deal in the baseline months, by name
   */
  public record Capacity(
      double dealsPerMonth,
      double usualDealsPerMonth,
      double baselineDeals,
      double slack,
      List<Owner> owners) {
    /** Validates the record and copies the owners. */
    public Capacity {
      owners = List.copyOf(owners);
    }
  }

  /**
   * One owner's history of deals created per month.
   *
   * @param owner the owner
   * @param months months with at least one deal created by the owner
   * @param usual the median of those monthly counts
   * @param capacity their 90th percentile
   */
  public record Owner(String owner, int months, double usual, double capacity) {
    /** Validates the record. */
    public Owner {
      requireNonNull(owner, "owner");
    }
  }

  /**
   * The observed fall of conversion as load grows.
   *
   * @param points owner-months with at least one closed deal
   * @param fitted whether the line was fitted (at least {@value BudgetScenario#MIN_LOAD_POINTS}
   *     points of different loads)
   * @param clamped whether the fitted slope was positive and held at 0
   * @param slope win rate change per unit of load (load 1.0 = the owner's median month), at most 0
   * @param baselineLoad the team's load in the baseline: baseline deals / usual deals
   * @param newLoad the load with the worked extra deals
   * @param lighter win rate of owner-months below 90% of the owner's usual load
   * @param usual win rate of owner-months within 90%-110%
   * @param heavier win rate of owner-months above 110%
   */
  public record Load(
      int points,
      boolean fitted,
      boolean clamped,
      double slope,
      double baselineLoad,
      double newLoad,
      Proportion lighter,
      Proportion usual,
      Proportion heavier) {
    /** Validates the record. */
    public Load {
      requireNonNull(lighter, "lighter");
      requireNonNull(usual, "usual");
      requireNonNull(heavier, "heavier");
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        Print.row(
            "Budget scenario %s as of %s (history %s..%s, baseline = mean of %s)",
            signed(budgetChange),
            asOf,
            firstMonth,
            lastMonth,
            baselineMonths.size() == 1
                ? baselineMonths.get(0)
                : baselineMonths.get(0) + ".." + baselineMonths.get(baselineMonths.size() - 1)));
    sb.append(
        Print.table(
            "",
            List.of(
                new String[] {"per month", "baseline", "scenario", "change"},
                new String[] {
                  "naive: revenue ~ budget",
                  baselineRevenue.toString(),
                  naiveRevenue.toString(),
                  signed(budgetChange)
                },
                new String[] {
                  "model: curves, capacity, load",
                  baselineRevenue.toString(),
                  scenarioRevenue.toString(),
                  revenueChange().isPresent() ? signed(revenueChange().getAsDouble()) : "-"
                }),
            false,
            true,
            true,
            true));
    sb.append(Print.row("extra spend %s per month", extraSpend));
    sb.append("assumptions\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"channel", "months", "a", "b", "spend/month", "leads/mo", "scenario", ""});
    for (Channel c : channels) {
      rows.add(
          new String[] {
            c.channel(),
            Integer.toString(c.months()),
            c.a().isPresent() ? Print.fmt("%.4g", c.a().getAsDouble()) : "-",
            Print.fmt("%.3f", c.b()),
            c.baselineSpend().toString(),
            Print.fmt("%.1f", c.baselineLeads()),
            Print.fmt("%.1f", c.scenarioLeads()),
            c.fitted() ? c.clamped() ? "(b clamped to [0, 1])" : "" : "(not fitted: b = 1)"
          });
    }
    sb.append(Print.table("  ", rows, false, true, true, true, true, true, true, false));
    sb.append(Print.row("  extra leads %.1f x lead-to-deal %s", extraLeads, leadToDeal));
    sb.append(
        Print.row(
            "  = extra deals %.1f; capacity %.1f deals (sum of %d owners' P90), baseline %.1f,"
                + " slack %.1f -> worked %.1f",
            extraDeals,
            capacity.dealsPerMonth(),
            capacity.owners().size(),
            capacity.baselineDeals(),
            capacity.slack(),
            workedExtraDeals));
    sb.append(
        Print.row(
            "  win rate %s; by load: lighter %s, usual %s, heavier %s",
            winRate, load.lighter(), load.usual(), load.heavier()));
    sb.append(
        Print.row(
            "  load %.2f -> %.2f, slope %s per unit of load%s -> win rate at new load %s",
            load.baselineLoad(),
            load.newLoad(),
            String.format(Locale.ROOT, "%+.3f", load.slope()),
            load.fitted()
                ? load.clamped() ? " (a rise, held at 0)" : ""
                : " (not fitted: " + load.points() + " owner-months, too few of different loads)",
            Print.pct(winRateAtNewLoad)));
    sb.append(
        Print.row("  baseline deals %.1f, average won deal %s", baselineDeals, averageWonDealSize));
    return sb.toString();
  }

  private static String signed(double change) {
    return String.format(Locale.ROOT, "%+.1f%%", change * 100);
  }
}
