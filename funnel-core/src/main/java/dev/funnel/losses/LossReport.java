package dev.funnel.losses;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.process.Text;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.stats.Proportion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Loss analytics (METRICS.md "Losses and people"): the selection's lost deals grouped by structured
 * reason (a missing reason is its own group, {@code (unspecified)}, and its share is reported), by
 * the stage they were lost at, by channel and by owner, and crossed, with counts and exact amounts.
 * Rows are sorted by count descending, then key.
 *
 * @param asOf the as-of instant
 * @param lost lost deals at as-of
 * @param amount the exact sum of the amounts of lost deals that have one
 * @param withoutAmount lost deals without an amount
 * @param reasons per loss reason
 * @param lostAt per stage lost at
 * @param channels per channel
 * @param owners per owner
 * @param groups per reason x stage lost at x channel x owner, by count descending, then reason,
 *     stage, channel and owner
 */
public record LossReport(
    Instant asOf,
    long lost,
    Optional<Money> amount,
    long withoutAmount,
    List<LossRow> reasons,
    List<LossRow> lostAt,
    List<LossRow> channels,
    List<LossRow> owners,
    List<LossGroup> groups) {

  /** Validates the report. */
  public LossReport {
    requireNonNull(asOf, "asOf");
    requireNonNull(amount, "amount");
    reasons = List.copyOf(reasons);
    lostAt = List.copyOf(lostAt);
    channels = List.copyOf(channels);
    owners = List.copyOf(owners);
    groups = List.copyOf(groups);
  }

  /**
   * Lost deals without a structured reason out of all lost deals.
   *
   * @return lost deals without a reason / {@code lost}
   */
  public Proportion unspecifiedShare() {
    long without =
        reasons.stream()
            .filter(r -> r.key().equals(Deal.UNSPECIFIED))
            .mapToLong(LossRow::count)
            .sum();
    return Proportion.of(without, lost);
  }

  /**
   * Lost deals with a structured reason out of all lost deals.
   *
   * @return lost deals with a reason / {@code lost}
   */
  public Proportion reasonFilledShare() {
    Proportion u = unspecifiedShare();
    return Proportion.of(u.trials() - u.successes(), u.trials());
  }

  /**
   * The report with at most {@code maxRows} rows per table.
   *
   * @param maxRows the most rows to show of each table
   * @return the report as text: totals, then (with any lost deal) the tables by reason, stage lost
   *     at, channel, owner and all four crossed
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String print(int maxRows) {
    Text.requireRows(maxRows);
    StringBuilder sb =
        new StringBuilder("Losses as of ")
            .append(asOf)
            .append(": ")
            .append(lost)
            .append(" lost deals, ")
            .append(Text.opt(amount))
            .append(withoutAmount > 0 ? " (" + withoutAmount + " without amount)" : "")
            .append(", without reason ")
            .append(Text.rate(unspecifiedShare()))
            .append('\n');
    if (lost == 0) {
      return sb.toString(); // five tables of headers alone say nothing more
    }
    sb.append('\n');
    sb.append(rows("reason", reasons, maxRows)).append('\n');
    sb.append(rows("lost at", lostAt, maxRows)).append('\n');
    sb.append(rows("channel", channels, maxRows)).append('\n');
    sb.append(rows("owner", owners, maxRows)).append('\n');
    sb.append(
        Text.capped(
            new String[] {"reason", "lost at", "channel", "owner", "lost", "amount"},
            groups,
            x ->
                new String[] {
                  x.reason(),
                  x.lostAt(),
                  x.channel(),
                  x.owner(),
                  Long.toString(x.count()),
                  Text.opt(x.amount())
                },
            4,
            maxRows));
    return sb.toString();
  }

  private static String rows(String name, List<LossRow> rows, int maxRows) {
    return Text.capped(
        new String[] {name, "lost", "share", "amount", "no amount"},
        rows,
        r ->
            new String[] {
              r.key(),
              Long.toString(r.count()),
              Text.rate(r.share()),
              Text.opt(r.amount()),
              Long.toString(r.withoutAmount())
            },
        1,
        maxRows);
  }

  /**
   * The report with every row.
   *
   * @return the report as text, every row shown
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
