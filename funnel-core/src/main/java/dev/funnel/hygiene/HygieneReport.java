package dev.funnel.hygiene;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.process.Text;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hygiene audit of a deal log (METRICS.md "Process reality"): over transitions (recorded
 * changes that move a deal; no-op changes and the implicit entry are not transitions), how many
 * were retroactive, part of a burst, skips or backward moves; per stage, owner and actor; and the
 * flags pointing at the exact changes, capped at the query's flag limit.
 *
 * <p>"Which stages are really used when things happen and which are filled in after the fact": read
 * {@link #stages()}: a stage with low usage is skipped, one with a high retroactive or burst share
 * is filled in afterwards.
 *
 * @param asOf the as-of instant: changes that occurred after it are not seen
 * @param retroactiveTolerance a transition recorded more than this after it occurred is retroactive
 * @param burstMinChanges how many transitions make a burst
 * @param burstWindow the longest span ({@code max - min} of recordedAt) of a burst
 * @param deals deals in the selection visible at as-of
 * @param dealsWithTransitions of those, deals with at least one transition
 * @param transitions transitions of those deals up to as-of
 * @param retroactive retroactive transitions
 * @param burstChanges transitions in a burst, each counted once
 * @param skips transitions that skip at least one open stage
 * @param skippedStages open stages skipped in total
 * @param backwardMoves transitions to a lower open rank
 * @param stages per stage, pipeline order
 * @param owners per deal owner, by transitions descending then name
 * @param actors per recording actor, by transitions descending then name
 * @param flags the flags, by deal (log order), then change order, then kind; at most the limit
 * @param flagsOmitted flags found beyond the limit
 */
public record HygieneReport(
    Instant asOf,
    Duration retroactiveTolerance,
    int burstMinChanges,
    Duration burstWindow,
    long deals,
    long dealsWithTransitions,
    long transitions,
    long retroactive,
    long burstChanges,
    long skips,
    long skippedStages,
    long backwardMoves,
    List<StageHygiene> stages,
    List<GroupHygiene> owners,
    List<GroupHygiene> actors,
    List<HygieneFlag> flags,
    long flagsOmitted) {

  /**
   * Validates the report.
   *
   * @throws IllegalArgumentException if a count is negative or exceeds the transitions
   */
  public HygieneReport {
    requireNonNull(asOf, "asOf");
    requireNonNull(retroactiveTolerance, "retroactiveTolerance");
    requireNonNull(burstWindow, "burstWindow");
    stages = List.copyOf(stages);
    owners = List.copyOf(owners);
    actors = List.copyOf(actors);
    flags = List.copyOf(flags);
    for (long v : new long[] {retroactive, burstChanges, skips, backwardMoves}) {
      if (v < 0 || v > transitions) {
        throw new IllegalArgumentException(
            "inconsistent hygiene counts: " + v + " > " + transitions);
      }
    }
    if (deals < 0
        || dealsWithTransitions < 0
        || dealsWithTransitions > deals
        || dealsWithTransitions > transitions
        || skippedStages < skips
        || flagsOmitted < 0) {
      throw new IllegalArgumentException("inconsistent hygiene counts");
    }
  }

  /**
   * Deals with at least one transition out of all deals: is there transition data at all?
   *
   * @return {@code dealsWithTransitions / deals}
   */
  public Proportion transitionCoverage() {
    return Proportion.of(dealsWithTransitions, deals);
  }

  /**
   * Retroactive transitions out of all transitions.
   *
   * @return {@code retroactive / transitions}
   */
  public Proportion retroactiveShare() {
    return Proportion.of(retroactive, transitions);
  }

  /**
   * Transitions with real timestamps: non-retroactive ones out of all transitions.
   *
   * @return {@code (transitions - retroactive) / transitions}
   */
  public Proportion onTimeShare() {
    return Proportion.of(transitions - retroactive, transitions);
  }

  /**
   * Burst transitions out of all transitions.
   *
   * @return {@code burstChanges / transitions}
   */
  public Proportion burstShare() {
    return Proportion.of(burstChanges, transitions);
  }

  /**
   * The report with at most {@code maxRows} rows per table.
   *
   * @param maxRows the most rows to show of each owner and actor table, and the most flags
   * @return the report as text: totals, then the stage, owner and actor tables and the flags
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String print(int maxRows) {
    Text.requireRows(maxRows);
    StringBuilder sb = new StringBuilder();
    sb.append("Hygiene as of ")
        .append(asOf)
        .append(": ")
        .append(deals)
        .append(" deals, ")
        .append(transitions)
        .append(" transitions\n");
    sb.append("retroactive (> ")
        .append(Text.human(retroactiveTolerance))
        .append(") ")
        .append(retroactive)
        .append(" ")
        .append(Text.rate(retroactiveShare()))
        .append(" | burst (")
        .append(burstMinChanges)
        .append("+ within ")
        .append(Text.human(burstWindow))
        .append(") ")
        .append(burstChanges)
        .append(" ")
        .append(Text.rate(burstShare()))
        .append("\nskips ")
        .append(skips)
        .append(" (")
        .append(skippedStages)
        .append(" stages) | backward moves ")
        .append(backwardMoves)
        .append("\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"stage", "into", "retroactive", "burst", "skipped over", "usage", "used"});
    for (StageHygiene s : stages) {
      rows.add(
          new String[] {
            s.stage(),
            Long.toString(s.transitionsInto()),
            Text.rate(s.retroactiveShare()),
            Text.rate(s.burstShare()),
            Long.toString(s.skippedOver()),
            Text.rate(s.usage()),
            s.usage().isUndefined() ? "-" : s.usage().successes() + "/" + s.usage().trials()
          });
    }
    sb.append(Text.align(rows, 1));
    sb.append('\n').append(groups("owner", owners, maxRows));
    sb.append('\n').append(groups("actor", actors, maxRows));
    if (!flags.isEmpty()) {
      sb.append('\n').append("flags:\n");
      int shown = 0;
      for (HygieneFlag f : flags) {
        if (shown++ == maxRows) {
          break;
        }
        sb.append("  ").append(f).append('\n');
      }
      long more = flags.size() - Math.min(flags.size(), maxRows) + flagsOmitted;
      if (more > 0) {
        sb.append("  ... ").append(more).append(" more flags\n");
      }
    }
    return sb.toString();
  }

  private static String groups(String name, List<GroupHygiene> groups, int maxRows) {
    return Text.capped(
        new String[] {name, "transitions", "retroactive", "burst", "skips", "backward"},
        groups,
        g ->
            new String[] {
              g.key(),
              Long.toString(g.transitions()),
              Text.rate(g.retroactiveShare()),
              Text.rate(g.burstShare()),
              Long.toString(g.skips()),
              Long.toString(g.backwardMoves())
            },
        1,
        maxRows);
  }

  /**
   * The report with every row.
   *
   * @return the report as text, every row and every listed flag shown
   */
  public String printAll() {
    return print(Integer.MAX_VALUE);
  }

  /** The report as tables of at most 20 rows. */
  @Override
  public String toString() {
    return print(Text.DEFAULT_ROWS);
  }
}
