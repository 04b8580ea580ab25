package dev.funnel.people;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.process.Text;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Concentration of won revenue and each owner against the rest of the team (see {@link People}).
 *
 * @param asOf the as-of instant
 * @param concentration concentration of won revenue
 * @param owners one comparison per owner, by deals descending then owner
 */
public record PeopleReport(
    Instant asOf, Concentration concentration, List<OwnerComparison> owners) {

  /** Validates the report. */
  public PeopleReport {
    requireNonNull(asOf, "asOf");
    requireNonNull(concentration, "concentration");
    owners = List.copyOf(owners);
  }

  /**
   * The report with at most {@code maxRows} owner rows.
   *
   * @param maxRows the most owner rows to show
   * @return the report as text: the concentration, then a table of owners
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String print(int maxRows) {
    Text.requireRows(maxRows);
    Concentration c = concentration;
    StringBuilder sb =
        new StringBuilder("People as of ")
            .append(asOf)
            .append(": ")
            .append(c.owners())
            .append(" owners, won revenue ")
            .append(Text.opt(c.wonRevenue()))
            .append(
                c.wonWithoutAmount() > 0
                    ? " (" + c.wonWithoutAmount() + " won without amount)"
                    : "")
            .append("\ntop-1 share ")
            .append(Text.pct(c.top1Share()))
            .append(" | top ")
            .append(c.topOwners())
            .append(" (20%) share ")
            .append(Text.pct(c.top20PercentShare()))
            .append(" | HHI ")
            .append(Text.num(c.hhi()))
            .append("\n\n");
    String[] header = {
      "owner",
      "deals",
      "won revenue",
      "share",
      "win rate",
      "rest",
      "z",
      "",
      "won cycle p50",
      "rest p50",
      "z",
      ""
    };
    // One lookup per owner: searching the shares for each owner was quadratic in the owners.
    Map<String, OwnerShare> shareOf = new HashMap<>();
    for (OwnerShare x : c.shares()) {
      shareOf.putIfAbsent(x.owner(), x);
    }
    Function<OwnerComparison, String[]> row =
        o -> {
          OwnerShare s = shareOf.get(o.owner());
          if (s == null) {
            throw new NoSuchElementException("no share of owner " + o.owner());
          }
          return new String[] {
            o.owner(),
            Long.toString(o.deals()),
            Text.opt(s.wonRevenue())
                + (s.wonWithoutAmount() > 0 ? " +" + s.wonWithoutAmount() + " unpriced" : ""),
            Text.pct(s.share()),
            Text.rate(o.winRate()),
            Text.rate(o.restWinRate()),
            Text.num(o.winRateZ()),
            o.winRateDiffers() ? "*" : "",
            Text.human(o.wonCycleTime().p50()),
            Text.human(o.restWonCycleTime().p50()),
            Text.num(o.cycleTimeZ()),
            o.cycleTimeDiffers() ? "*" : ""
          };
        };
    sb.append(Text.capped(header, owners, row, 1, maxRows));
    // explain the star only where one is printed: the table shows the first maxRows owners
    if (owners.subList(0, Math.min(owners.size(), maxRows)).stream()
        .anyMatch(o -> o.winRateDiffers() || o.cycleTimeDiffers())) {
      sb.append("* the difference to the rest of the team is statistically clear (5%)\n");
    }
    return sb.toString();
  }

  /**
   * The report with every owner.
   *
   * @return the report as text, every owner shown
   */
  public String printAll() {
    return print(Integer.MAX_VALUE);
  }

  /** The report as a table of at most 20 owners. */
  @Override
  public String toString() {
    return print(Text.DEFAULT_ROWS);
  }
}
