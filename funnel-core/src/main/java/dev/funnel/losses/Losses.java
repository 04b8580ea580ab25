package dev.funnel.losses;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.engine.DealWalk;
import dev.funnel.internal.engine.Selection;
import dev.funnel.internal.engine.Window;
import dev.funnel.internal.process.AmountSum;
import dev.funnel.log.DealLog;
import dev.funnel.stats.Proportion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    // a foreign DealLog implementation is refused here, as Funnel.of does, not at report()
    ColumnarDealLog.of(requireNonNull(log, "log"));
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
   * Selects deals created at or after {@code from}; with {@link #createdBefore} the cohort {@code
   * [from, to)}, as {@link #cohort}.
   *
   * @param from the earliest creation instant, inclusive
   * @return this query
   * @throws IllegalArgumentException if {@link #createdBefore} set an end not after {@code from}
   * @throws IllegalStateException if the start of the cohort was already chosen
   */
  public Losses createdFrom(Instant from) {
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
  public Losses createdBefore(Instant to) {
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
  public Losses asOf(Instant instant) {
    window.asOf(instant);
    return this;
  }

  /**
   * Computes the loss report.
   *
   * @return the report of the selection's lost deals
   * @throws IllegalArgumentException if as-of is 2^31 seconds (68 years) or more after the log's
   *     first instant (a log measures ages in int seconds)
   */
  public LossReport report() {
    Selection sel = window.resolve(log);
    DealWalk walk = DealWalk.of(log, sel.asOfOffset());
    // One pass over the columns: amounts add up as minor units (a Money per deal and per sum cost
    // 40 times the funnel's own pass on a million deals), groups are found by dictionary code.
    AmountSum total = new AmountSum();
    AmountSum[] byReason = new AmountSum[log.lossReasonNames.length];
    AmountSum[] byStage = new AmountSum[log.pipeline.stages().size() + 1]; // the last: no stage
    AmountSum[] byChannel = new AmountSum[log.channelNames.length];
    AmountSum[] byOwner = new AmountSum[log.ownerNames.length];
    Map<List<Integer>, AmountSum> crossed = new HashMap<>();
    // Lost-at is keyed by name, as before: a stage whose id is NO_STAGE shares the no-stage slot,
    // not a second row of the same name.
    int noStage = byStage.length - 1;
    int[] slotOf = new int[noStage];
    String[] stageNames = new String[byStage.length];
    for (int s = 0; s < noStage; s++) {
      stageNames[s] = log.pipeline.stages().get(s).id();
      slotOf[s] = stageNames[s].equals(NO_STAGE) ? noStage : s;
    }
    stageNames[noStage] = NO_STAGE;
    for (int d = sel.lo(); d < sel.hi(); d++) {
      int stage = walk.stage[d];
      if (stage < 0 || log.stageKind[stage] != ColumnarDealLog.LOST) {
        continue;
      }
      long minor = log.amount[d];
      int lostAt = walk.lostAtStage[d] < 0 ? noStage : slotOf[walk.lostAtStage[d]];
      total.add(minor);
      add(byReason, log.lossReason[d], minor);
      add(byStage, lostAt, minor);
      add(byChannel, log.channel[d], minor);
      add(byOwner, log.owner[d], minor);
      crossed
          .computeIfAbsent(
              List.of(log.lossReason[d], lostAt, log.channel[d], log.owner[d]),
              k -> new AmountSum())
          .add(minor);
    }
    List<LossGroup> groups = new ArrayList<>();
    crossed.forEach(
        (k, a) ->
            groups.add(
                new LossGroup(
                    log.lossReasonNames[k.get(0)],
                    stageNames[k.get(1)],
                    log.channelNames[k.get(2)],
                    log.ownerNames[k.get(3)],
                    a.deals(),
                    a.money(log),
                    a.missing())));
    // Ties by key, field by field: joining the fields (NUL first) orders the same for fields
    // without NUL, and built two strings per comparison.
    groups.sort(
        Comparator.comparingLong(LossGroup::count)
            .reversed()
            .thenComparing(LossGroup::reason)
            .thenComparing(LossGroup::lostAt)
            .thenComparing(LossGroup::channel)
            .thenComparing(LossGroup::owner));
    return new LossReport(
        sel.asOf(),
        total.deals(),
        total.money(log),
        total.missing(),
        rows(byReason, log.lossReasonNames, total.deals()),
        rows(byStage, stageNames, total.deals()),
        rows(byChannel, log.channelNames, total.deals()),
        rows(byOwner, log.ownerNames, total.deals()),
        groups);
  }

  private static void add(AmountSum[] by, int code, long minor) {
    AmountSum a = by[code];
    if (a == null) {
      a = by[code] = new AmountSum();
    }
    a.add(minor);
  }

  private List<LossRow> rows(AmountSum[] by, String[] names, long lost) {
    List<LossRow> out = new ArrayList<>();
    for (int code = 0; code < by.length; code++) {
      AmountSum a = by[code];
      if (a != null) {
        out.add(
            new LossRow(
                names[code], a.deals(), Proportion.of(a.deals(), lost), a.money(log), a.missing()));
      }
    }
    out.sort(Comparator.comparingLong(LossRow::count).reversed().thenComparing(LossRow::key));
    return out;
  }

  /** The options set so far. */
  @Override
  public String toString() {
    return window.appendTo(new StringBuilder("Losses.of(").append(log).append(')')).toString();
  }
}
