package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The revenue driver tree of one scope between two periods: impressions -> clicks -> leads -> deals
 * -> won -> revenue, each link's rate, and the change in revenue decomposed into each factor's
 * contribution by log-ratio decomposition.
 *
 * <p>Revenue is the product of the head volume and the link rates: {@code R = impressions x
 * (clicks/impressions) x (leads/clicks) x (deals/leads) x (won/deals) x (revenue/won)}; the product
 * telescopes, so it holds whatever the attribution of each level (deals by creation, won deals by
 * win). Hence {@code ln(R1/R0) = sum ln(f1/f0)} over the factors, and factor {@code i} contributes
 * {@code dR x ln(f_i1/f_i0) / ln(R1/R0)}; the contributions sum to {@code dR = R1 - R0}. When
 * {@code R1 = R0} the weight {@code dR / ln(R1/R0)} is taken at its limit {@code R0} (the
 * logarithmic mean, as in LMDI), so contributions still sum to zero.
 *
 * <p>Zero and absent levels, explicitly:
 *
 * <ul>
 *   <li>Leading levels without records in either period (no activity data: impressions, clicks; no
 *       leads given, or none in either period) are dropped; the chain starts at the first level
 *       present from there on in both periods.
 *   <li>If a remaining level is zero in either period (no clicks, no wins, no revenue) the
 *       logarithm is undefined: every contribution is absent and {@link #undecomposed()} names the
 *       level and period. Rates whose denominator is zero are absent.
 *   <li>If either period has won deals without an amount, revenue counts only the others, and
 *       {@code revenue/won_deals} would blame the missing amounts on deal size: that factor is
 *       absent in such a period, every contribution is absent, and {@link #undecomposed()} says how
 *       many deals lack an amount where.
 * </ul>
 *
 * @param scope the scope
 * @param from the earlier period label
 * @param to the later period label
 * @param levels the six levels with their values in both periods (absent without records)
 * @param factors the head volume and the link rates of the chain used, with contributions
 * @param revenueBefore revenue in the earlier period
 * @param revenueAfter revenue in the later period
 * @param undecomposed why contributions are absent; empty when they are present
 */
public record DriverTree(
    String scope,
    String from,
    String to,
    List<Level> levels,
    List<Factor> factors,
    double revenueBefore,
    double revenueAfter,
    Optional<String> undecomposed) {

  /**
   * One level of the tree.
   *
   * @param name the level ({@code impressions}, {@code clicks}, {@code leads}, {@code deals},
   *     {@code won_deals}, {@code revenue})
   * @param before its value in the earlier period
   * @param after its value in the later period
   */
  public record Level(String name, OptionalDouble before, OptionalDouble after) {
    /** Validates the level. */
    public Level {
      requireNonNull(name, "name");
      requireNonNull(before, "before");
      requireNonNull(after, "after");
    }
  }

  /**
   * One factor of revenue: the head volume or a link rate such as {@code clicks/impressions}.
   *
   * @param name the factor
   * @param before its value in the earlier period; absent on a zero denominator (and {@code
   *     revenue/won_deals} when some won deal of the period has no amount)
   * @param after its value in the later period; absent likewise
   * @param contribution its share of the revenue change; absent when undecomposed
   */
  public record Factor(
      String name, OptionalDouble before, OptionalDouble after, OptionalDouble contribution) {
    /** Validates the factor. */
    public Factor {
      requireNonNull(name, "name");
      requireNonNull(before, "before");
      requireNonNull(after, "after");
      requireNonNull(contribution, "contribution");
    }
  }

  /** Validates and copies. */
  public DriverTree {
    requireNonNull(scope, "scope");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(undecomposed, "undecomposed");
    levels = List.copyOf(levels);
    factors = List.copyOf(factors);
  }

  private static final List<String> NAMES =
      List.of("impressions", "clicks", "leads", "deals", "won_deals", "revenue");
  private static final List<Measure> MEASURES =
      List.of(
          Measure.IMPRESSIONS,
          Measure.CLICKS,
          Measure.LEADS,
          Measure.DEALS,
          Measure.WON_DEALS,
          Measure.REVENUE);

  /** The index of the deals level: the levels above it come from marketing data. */
  private static final int DEALS = 3;

  /**
   * The driver tree of a scope between two cells.
   *
   * @param scope the scope
   * @param from the earlier period label
   * @param before the measures of the scope in the earlier period
   * @param to the later period label
   * @param after the measures of the scope in the later period
   * @return the driver tree
   * @throws IllegalArgumentException if the revenue of either cell is unknown: it has won deals and
   *     none with an amount ({@link Measures#get})
   */
  public static DriverTree between(
      String scope, String from, Measures before, String to, Measures after) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    for (Measures m : List.of(before, after)) {
      if (m.get(Measure.REVENUE).isEmpty()) {
        throw new IllegalArgumentException(
            "revenue of "
                + scope
                + " in "
                + (m == before ? from : to)
                + " is unknown: its "
                + m.records(Measure.WON_WITHOUT_AMOUNT)
                + " won deals have no amount");
      }
    }
    List<Level> levels = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < NAMES.size(); i++) {
      Measure m = MEASURES.get(i);
      // A count of leads is 0 without records; above deals, no record in either period means no
      // data (no leads file), not zero leads.
      boolean noData = i < DEALS && before.records(m) == 0 && after.records(m) == 0;
      OptionalDouble b = noData ? OptionalDouble.empty() : value(before.get(m));
      OptionalDouble a = noData ? OptionalDouble.empty() : value(after.get(m));
      levels.add(new Level(NAMES.get(i), b, a));
      if (b.isEmpty() || a.isEmpty()) {
        start = i + 1;
      }
    }
    double r0 = levels.get(levels.size() - 1).before().getAsDouble();
    double r1 = levels.get(levels.size() - 1).after().getAsDouble();

    Optional<String> reason = Optional.empty();
    for (int i = start; i < levels.size() && reason.isEmpty(); i++) {
      Level l = levels.get(i);
      if (l.before().getAsDouble() == 0 || l.after().getAsDouble() == 0) {
        reason =
            Optional.of(
                l.name()
                    + " is 0 in "
                    + (l.before().getAsDouble() == 0 ? from : to)
                    + ": log-ratio decomposition needs every level positive in both periods");
      }
    }
    // Revenue counts only won deals with an amount: with some unpriced, revenue/won_deals would put
    // the missing amounts on deal size. The tree then shows no such factor and no decomposition.
    long unpricedBefore = before.records(Measure.WON_WITHOUT_AMOUNT);
    long unpricedAfter = after.records(Measure.WON_WITHOUT_AMOUNT);
    if (reason.isEmpty() && (unpricedBefore > 0 || unpricedAfter > 0)) {
      List<String> where = new ArrayList<>();
      if (unpricedBefore > 0) {
        where.add(unpricedBefore + " in " + from);
      }
      if (unpricedAfter > 0) {
        where.add(unpricedAfter + " in " + to);
      }
      reason =
          Optional.of(
              "won deals without an amount ("
                  + String.join(", ", where)
                  + "): revenue counts only the others, so revenue/won_deals would put the missing"
                  + " amounts on deal size");
    }
    double weight = r1 == r0 ? r0 : (r1 - r0) / Math.log(r1 / r0);
    List<Factor> factors = new ArrayList<>();
    for (int i = start; i < levels.size(); i++) {
      Level l = levels.get(i);
      OptionalDouble fb;
      OptionalDouble fa;
      String name;
      if (i == start) {
        name = l.name();
        fb = l.before();
        fa = l.after();
      } else {
        Level prev = levels.get(i - 1);
        name = l.name() + "/" + prev.name();
        fb = ratio(l.before(), prev.before());
        fa = ratio(l.after(), prev.after());
        if (i == levels.size() - 1) {
          fb = unpricedBefore > 0 ? OptionalDouble.empty() : fb;
          fa = unpricedAfter > 0 ? OptionalDouble.empty() : fa;
        }
      }
      OptionalDouble contribution =
          reason.isPresent()
              ? OptionalDouble.empty()
              : OptionalDouble.of(weight * Math.log(fa.getAsDouble() / fb.getAsDouble()));
      factors.add(new Factor(name, fb, fa, contribution));
    }
    return new DriverTree(scope, from, to, levels, factors, r0, r1, reason);
  }

  private static OptionalDouble value(Optional<BigDecimal> v) {
    return v.isPresent() ? OptionalDouble.of(v.get().doubleValue()) : OptionalDouble.empty();
  }

  private static OptionalDouble ratio(OptionalDouble num, OptionalDouble den) {
    return den.getAsDouble() == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(num.getAsDouble() / den.getAsDouble());
  }

  /**
   * Revenue after minus revenue before.
   *
   * @return {@code revenueAfter - revenueBefore}
   */
  public double revenueChange() {
    return revenueAfter - revenueBefore;
  }

  /** An aligned table: factor, before, after, contribution. */
  @Override
  public String toString() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("factor", from, to, "contribution"));
    for (Factor f : factors) {
      // The first factor is a level itself: a count of leads, deals or won deals prints whole.
      boolean count = !f.name().contains("/") && !f.name().equals("revenue");
      rows.add(
          List.of(
              f.name(),
              count ? Format.value(Unit.COUNT, f.before(), "") : Format.ratio(f.before()),
              count ? Format.value(Unit.COUNT, f.after(), "") : Format.ratio(f.after()),
              Format.number(f.contribution())));
    }
    return String.format(
            Locale.ROOT,
            "Revenue drivers %s %s -> %s: revenue %.2f -> %.2f (%+.2f)\n",
            scope,
            from,
            to,
            revenueBefore,
            revenueAfter,
            revenueChange())
        + Format.table(rows)
        + undecomposed.map(r -> "not decomposed: " + r + "\n").orElse("");
  }
}
