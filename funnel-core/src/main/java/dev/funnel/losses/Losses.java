package dev.funnel.losses;

import static java.util.Objects.requireNonNull;

import dev.funnel.DealState;
import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.engine.Selection;
import dev.funnel.internal.engine.Window;
import dev.funnel.internal.process.States;
import dev.funnel.log.DealLog;
import dev.funnel.model.Money;
import dev.funnel.stats.Proportion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The loss analytics query (METRICS.md "Losses and people"): lost deals of the selection (the
 * cohort of deals created in {@code [from, to)}, all deals without one) at as-of (default: the
 * latest event time of the log), grouped by reason, stage lost at, channel and owner.
 *
 * {@snippet :
 * LossReport losses = Losses.of(log).asOf(Instant.parse("2026-06-30T00:00:00Z")).report();
 * losses.unspecifiedShare(); // lost deals without a structured reason
 * }
 *
 * <p>A deal is lost when its current stage at as-of is a LOST stage; a reopened deal is not. Its
 * amount counts when it has one; deals without an amount are counted apart, never as zero. Each
 * option may be set once ({@link IllegalStateException} on a second call).
 */
public final class Losses {
  /**
   * The stage lost at of a deal that entered LOST from no stage: its first change, at creation, was
   * into LOST.
   */
  public static final String NO_STAGE = "(none)";

  private final ColumnarDealLog log;
  private final Window window = new Window();

  private Losses(DealLog log) {
    this.log = ColumnarDealLog.of(requireNonNull(log, "log"));
  }

  /**
   * Starts a loss query over this log.
   *
   * @param log the deal log
   * @return a new query over the log, with default options
   * @throws IllegalArgumentException if the log was not built by funnel
   */
  public static Losses of(DealLog log) {
    return new Losses(log);
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
  public Losses cohort(Instant from, Instant to) {
    window.cohort(from, to);
    return this;
  }

  /**
   * Sees the log as it was at this instant.
   *
   * @param instant the as-of instant
   * @return this query
   * @throws IllegalStateException if as-of was already set
   */
  public Losses asOf(Instant instant) {
    window.asOf(instant);
    return this;
  }

  /**
   * Computes the loss report.
   *
   * @return the report of the selection's lost deals
   * @throws IllegalArgumentException if as-of is more than 2^31 seconds (68 years) after the log's
   *     first instant (a log measures ages in int seconds)
   */
  public LossReport report() {
    Selection sel = window.resolve(log);
    List<DealState> lost = new ArrayList<>();
    for (DealState s : States.of(log, sel)) {
      if (s.isLost()) {
        lost.add(s);
      }
    }
    Optional<Money> amount = Optional.empty();
    long without = 0;
    for (DealState s : lost) {
      amount = States.plus(amount, s.amount());
      without += s.amount().isEmpty() ? 1 : 0;
    }
    Map<List<String>, Acc> groups = new LinkedHashMap<>();
    for (DealState s : lost) {
      groups
          .computeIfAbsent(
              List.of(s.lossReason(), lostAt(s), s.channel(), s.owner()), k -> new Acc())
          .add(s);
    }
    List<LossGroup> crossed = new ArrayList<>();
    groups.forEach(
        (k, a) ->
            crossed.add(
                new LossGroup(k.get(0), k.get(1), k.get(2), k.get(3), a.count, a.amount, a.none)));
    crossed.sort(
        Comparator.comparingLong(LossGroup::count)
            .reversed()
            .thenComparing(
                g -> String.join("\u0000", g.reason(), g.lostAt(), g.channel(), g.owner())));
    return new LossReport(
        sel.asOf(),
        lost.size(),
        amount,
        without,
        rows(lost, DealState::lossReason),
        rows(lost, Losses::lostAt),
        rows(lost, DealState::channel),
        rows(lost, DealState::owner),
        crossed);
  }

  private static String lostAt(DealState s) {
    return s.lostAt().orElse(NO_STAGE);
  }

  private static List<LossRow> rows(List<DealState> lost, Function<DealState, String> key) {
    Map<String, Acc> by = new LinkedHashMap<>();
    for (DealState s : lost) {
      by.computeIfAbsent(key.apply(s), k -> new Acc()).add(s);
    }
    List<LossRow> out = new ArrayList<>();
    by.forEach(
        (k, a) ->
            out.add(
                new LossRow(k, a.count, Proportion.of(a.count, lost.size()), a.amount, a.none)));
    out.sort(Comparator.comparingLong(LossRow::count).reversed().thenComparing(LossRow::key));
    return out;
  }

  private static final class Acc {
    long count;
    long none;
    Optional<Money> amount = Optional.empty();

    void add(DealState s) {
      count++;
      none += s.amount().isEmpty() ? 1 : 0;
      amount = States.plus(amount, s.amount());
    }
  }

  /** The options set so far. */
  @Override
  public String toString() {
    return window.appendTo(new StringBuilder("Losses.of(").append(log).append(')')).toString();
  }
}
