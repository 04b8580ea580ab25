package dev.funnel.people;

import static java.util.Objects.requireNonNull;

import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.util.OptionalDouble;

/**
 * One owner against the rest of the team (every other owner of the selection together): win rate
 * and won cycle time, each with a test statistic and a flag when the difference is statistically
 * clear at the two-sided 5% level (|z| &gt; 1.959964). See {@link People} for the tests.
 *
 * @param owner the owner, or {@code (unspecified)}
 * @param deals the owner's deals in the selection
 * @param winRate the owner's won / (won + lost), with its Wilson interval
 * @param restWinRate the rest's won / (won + lost)
 * @param winRateZ the pooled two-proportion z statistic; absent when a side has no closed deals or
 *     every closed deal is won, or every one lost
 * @param winRateDiffers whether |winRateZ| &gt; 1.959964
 * @param wonCycleTime the owner's won cycle times ({@code closedAt - createdAt})
 * @param restWonCycleTime the rest's won cycle times
 * @param cycleTimeZ the Mann-Whitney U z statistic (positive: the owner is slower); absent when a
 *     side has no won deals or all cycle times are equal
 * @param cycleTimeDiffers whether both sides have at least 5 won deals and |cycleTimeZ| &gt;
 *     1.959964
 */
public record OwnerComparison(
    String owner,
    long deals,
    Proportion winRate,
    Proportion restWinRate,
    OptionalDouble winRateZ,
    boolean winRateDiffers,
    Distribution wonCycleTime,
    Distribution restWonCycleTime,
    OptionalDouble cycleTimeZ,
    boolean cycleTimeDiffers) {

  /** Validates the comparison. */
  public OwnerComparison {
    requireNonNull(owner, "owner");
    requireNonNull(winRate, "winRate");
    requireNonNull(restWinRate, "restWinRate");
    requireNonNull(winRateZ, "winRateZ");
    requireNonNull(wonCycleTime, "wonCycleTime");
    requireNonNull(restWonCycleTime, "restWonCycleTime");
    requireNonNull(cycleTimeZ, "cycleTimeZ");
  }
}
