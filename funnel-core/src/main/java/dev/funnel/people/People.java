package dev.funnel.people;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.engine.DealWalk;
import dev.funnel.internal.engine.Selection;
import dev.funnel.internal.engine.Window;
import dev.funnel.internal.process.AmountSum;
import dev.funnel.internal.process.States;
import dev.funnel.internal.process.Tests;
import dev.funnel.internal.stats.Select;
import dev.funnel.log.DealLog;
import dev.funnel.model.Money;
import dev.funnel.stats.Proportion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The people query (METRICS.md "Losses and people"): concentration of won revenue across owners,
 * and each owner against the rest of the team.
 *
 * {@snippet :
 * PeopleReport people = People.of(log).asOf(Instant.parse("2026-06-30T00:00:00Z")).report();
 * people.concentration().hhi();
 * }
 *
 * <p>The selection is the funnel's: the cohort of deals created in {@code [from, to)} (all deals
 * without one), at as-of (default: the latest event time). Won and lost are the status at as-of.
 *
 * <p><b>Tests</b> (METRICS.md leaves the choice open): the win rate of an owner is compared with
 * the win rate of everyone else by the pooled two-proportion z-test; the difference is clear when
 * {@code |z| > 1.959964} (two-sided 5%). Won cycle times are compared by the Mann-Whitney U test
 * (normal approximation, tie-corrected variance, no continuity correction); the difference is
 * flagged only when both sides have at least {@value #MIN_CYCLE_SAMPLE} won deals, because the
 * normal approximation is poor below that, and {@code |z| > 1.959964}.
 */
public final class People {
  /** The fewest won deals per side for a cycle-time difference to be flagged. */
  public static final int MIN_CYCLE_SAMPLE = 5;

  private final ColumnarDealLog log;
  private final Window window = new Window();

  private People(DealLog log) {
    this.log = ColumnarDealLog.of(requireNonNull(log, "log"));
  }

  /**
   * Starts a people query over this log.
   *
   * @param log the deal log
   * @return a new query over the log, with default options
   * @throws IllegalArgumentException if the log was not built by funnel
   */
  public static People of(DealLog log) {
    // a foreign DealLog implementation is refused here, as Funnel.of does, not at report()
    ColumnarDealLog.of(requireNonNull(log, "log"));
    return new People(log);
  }

  /**
   * Selects the cohort of deals created in {@code [from, to)}.
   *
   * @param from the earliest creation instant, inclusive
   * @param to the latest creation instant, exclusive
   * @return this query
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   * @throws IllegalStateException if a cohort was already chosen
   */
  public People cohort(Instant from, Instant to) {
    window.cohort(from, to);
    return this;
  }

  /**
   * Selects deals created at or after {@code from}; with {@link #createdBefore} the cohort {@code
   * [from, to)}, as {@link #cohort}.
   *
   * @param from the earliest creation instant, inclusive
   * @return this query
   * @throws IllegalArgumentException if {@link #createdBefore} set an end not after {@code from}
   * @throws IllegalStateException if the start of the cohort was already chosen
   */
  public People createdFrom(Instant from) {
    window.createdFrom(from);
    return this;
  }

  /**
   * Selects deals created before {@code to}: alone, the cohort {@code [-inf, to)}; with {@link
   * #createdFrom} the cohort {@code [from, to)}.
   *
   * @param to the latest creation instant, exclusive
   * @return this query
   * @throws IllegalArgumentException if {@link #createdFrom} set a start not before {@code to}
   * @throws IllegalStateException if the end of the cohort was already chosen
   */
  public People createdBefore(Instant to) {
    window.createdBefore(to);
    return this;
  }

  /**
   * Sees the log as it was at this instant.
   *
   * @param instant the as-of instant
   * @return this query
   * @throws IllegalStateException if as-of was already set
   */
  public People asOf(Instant instant) {
    window.asOf(instant);
    return this;
  }

  private static final class Acc {
    long deals;
    long lost;
    final AmountSum wonAmounts = new AmountSum();
    Optional<Money> revenue = Optional.empty();
    long[] cycles = new long[4];
    int cycleCount;

    void add(byte kind, long amount, long cycle) {
      deals++;
      if (kind == ColumnarDealLog.WON) {
        wonAmounts.add(amount);
        if (cycleCount == cycles.length) {
          cycles = Arrays.copyOf(cycles, cycleCount * 2);
        }
        cycles[cycleCount++] = cycle;
      } else if (kind == ColumnarDealLog.LOST) {
        lost++;
      }
    }

    long won() {
      return wonAmounts.deals();
    }

    /** Won deals without an amount. */
    long unpriced() {
      return wonAmounts.missing();
    }

    long[] cycles() {
      return Arrays.copyOf(cycles, cycleCount);
    }
  }

  /**
   * Computes the report.
   *
   * @return the report of the selection's deals, per owner
   * @throws IllegalArgumentException if as-of is 2^31 seconds (68 years) or more after the log's
   *     first instant (a log measures ages in int seconds)
   */
  public PeopleReport report() {
    Selection sel = window.resolve(log);
    // One pass over the deal columns (no DealState or Money per deal), owners found by code and
    // listed in order of first appearance; a won deal's cycle is creation to its entry into won.
    DealWalk walk = DealWalk.of(log, sel.asOfOffset());
    Map<String, Acc> by = new LinkedHashMap<>();
    Acc[] byCode = new Acc[log.ownerNames.length];
    for (int d = sel.lo(); d < sel.hi(); d++) {
      int stage = walk.stage[d];
      if (stage < 0) {
        continue;
      }
      Acc a = byCode[log.owner[d]];
      if (a == null) {
        a = byCode[log.owner[d]] = new Acc();
        by.put(log.ownerNames[log.owner[d]], a);
      }
      a.add(log.stageKind[stage], log.amount[d], (long) walk.entered[d] - log.created[d]);
    }
    for (Acc a : by.values()) {
      a.revenue = a.wonAmounts.money(log);
    }
    return new PeopleReport(sel.asOf(), concentration(by), comparisons(by));
  }

  private static Concentration concentration(Map<String, Acc> by) {
    List<Map.Entry<String, Acc>> owners = new ArrayList<>(by.entrySet());
    owners.sort(
        Comparator.<Map.Entry<String, Acc>, BigDecimal>comparing(
                e -> e.getValue().revenue.map(Money::amount).orElse(BigDecimal.ZERO))
            .reversed()
            .thenComparing(Map.Entry::getKey));
    Optional<Money> total = Optional.empty();
    long unpriced = 0;
    for (Map.Entry<String, Acc> e : owners) {
      total = States.plus(total, e.getValue().revenue);
      unpriced += e.getValue().unpriced();
    }
    int m = owners.size();
    int top = (m + 4) / 5;
    boolean defined = total.isPresent() && total.get().amount().signum() > 0;
    List<OwnerShare> shares = new ArrayList<>();
    double top1 = 0;
    double topK = 0;
    double hhi = 0;
    for (int i = 0; i < m; i++) {
      Optional<Money> rev = owners.get(i).getValue().revenue;
      OptionalDouble share = OptionalDouble.empty();
      if (defined) {
        double s =
            rev.map(r -> r.amount().doubleValue()).orElse(0.0) / total.get().amount().doubleValue();
        share = OptionalDouble.of(s);
        top1 = i == 0 ? s : top1;
        topK += i < top ? s : 0;
        hhi += s * s;
      }
      shares.add(
          new OwnerShare(owners.get(i).getKey(), rev, owners.get(i).getValue().unpriced(), share));
    }
    return new Concentration(
        m,
        top,
        total,
        unpriced,
        defined ? OptionalDouble.of(top1) : OptionalDouble.empty(),
        defined ? OptionalDouble.of(Math.min(1, topK)) : OptionalDouble.empty(),
        defined ? OptionalDouble.of(Math.min(1, hhi)) : OptionalDouble.empty(),
        shares);
  }

  private static List<OwnerComparison> comparisons(Map<String, Acc> by) {
    long won = 0;
    long lost = 0;
    int cycles = 0;
    for (Acc a : by.values()) {
      won += a.won();
      lost += a.lost;
      cycles += a.cycleCount;
    }
    // Each owner is compared with the rest of the team: the rest is every cycle less the owner's,
    // so the pooled cycles are sorted once and each owner's figures follow from binary searches
    // over them (copying the rest per owner cost O(owners * cycles)).
    long[] all = new long[cycles];
    long allSum = 0;
    int k = 0;
    for (Acc a : by.values()) {
      System.arraycopy(a.cycles, 0, all, k, a.cycleCount);
      k += a.cycleCount;
    }
    for (long c : all) {
      allSum = Math.addExact(allSum, c);
    }
    Tests.Pooled pooled = new Tests.Pooled(all);
    List<OwnerComparison> out = new ArrayList<>();
    double[] ps = Select.defaultPercentiles();
    for (Map.Entry<String, Acc> e : by.entrySet()) {
      Acc a = e.getValue();
      Proportion mine = Proportion.of(a.won(), a.won() + a.lost);
      Proportion rest = Proportion.of(won - a.won(), won - a.won() + lost - a.lost);
      OptionalDouble z = Tests.twoProportionZ(mine, rest);
      long[] own = a.cycles();
      Arrays.sort(own);
      int others = cycles - own.length;
      OptionalDouble zc = pooled.z(own);
      out.add(
          new OwnerComparison(
              e.getKey(),
              a.deals,
              mine,
              rest,
              z,
              z.isPresent() && Math.abs(z.getAsDouble()) > Proportion.Z95,
              Select.distribution(own.clone(), 0, own.length, ps),
              Select.distributionWithout(pooled.sorted(), allSum, own, ps),
              zc,
              own.length >= MIN_CYCLE_SAMPLE
                  && others >= MIN_CYCLE_SAMPLE
                  && zc.isPresent()
                  && Math.abs(zc.getAsDouble()) > Proportion.Z95));
    }
    out.sort(
        Comparator.comparingLong(OwnerComparison::deals)
            .reversed()
            .thenComparing(OwnerComparison::owner));
    return out;
  }

  /** The options set so far. */
  @Override
  public String toString() {
    return window.appendTo(new StringBuilder("People.of(").append(log).append(')')).toString();
  }
}
