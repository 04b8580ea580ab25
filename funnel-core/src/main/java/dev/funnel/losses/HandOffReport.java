package dev.funnel.losses;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.process.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The marketing-to-sales hand-off per channel (see {@link HandOff}).
 *
 * @param asOf the as-of instant
 * @param all every lead
 * @param channels per channel, by leads descending then channel
 */
public record HandOffReport(Instant asOf, HandOffFigures all, List<HandOffFigures> channels) {

  /** Validates the report. */
  public HandOffReport {
    requireNonNull(asOf, "asOf");
    requireNonNull(all, "all");
    channels = List.copyOf(channels);
  }

  /**
   * The report with at most {@code maxRows} channel rows.
   *
   * @param maxRows the most channel rows to show
   * @return the report as a table, the row of all leads first
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String print(int maxRows) {
    Text.requireRows(maxRows);
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "channel",
          "leads",
          "handed over",
          "accepted",
          "rejected",
          "pending",
          "acceptance",
          "accept p50",
          "top rejection"
        });
    rows.add(row(all));
    for (HandOffFigures f : channels.subList(0, Math.min(maxRows, channels.size()))) {
      rows.add(row(f));
    }
    String more =
        channels.size() > maxRows ? "... " + (channels.size() - maxRows) + " more rows\n" : "";
    return "Hand-off as of " + asOf + "\n" + Text.align(rows, 1) + more;
  }

  private static String[] row(HandOffFigures f) {
    return new String[] {
      f.channel(),
      Long.toString(f.leads()),
      Long.toString(f.handedOver()),
      Long.toString(f.accepted()),
      Long.toString(f.rejected()),
      Long.toString(f.pending()),
      Text.rate(f.acceptance()),
      Text.human(f.timeToAccept().p50()),
      f.rejectionReasons().isEmpty()
          ? "-"
          : f.rejectionReasons().get(0).reason() + " (" + f.rejectionReasons().get(0).count() + ")"
    };
  }

  /** The report as a table of at most 20 channels. */
  @Override
  public String toString() {
    return print(Text.DEFAULT_ROWS);
  }
}
