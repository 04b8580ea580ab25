package dev.funnel.losses;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import java.util.Optional;

/**
 * Lost deals of one reason x stage lost at x channel x owner combination (METRICS.md "Losses and
 * people"). Missing values are {@code (unspecified)}; a deal that entered LOST from no stage at all
 * (its first change, at creation, into LOST) is lost at {@value Losses#NO_STAGE}, and a deal lost
 * after it was won (a cancellation, a refund) at that won stage.
 *
 * @param reason the structured loss reason
 * @param lostAt the stage the deals were in just before LOST: open, won, or {@value
 *     Losses#NO_STAGE}
 * @param channel the deals' channel
 * @param owner the deals' owner
 * @param count lost deals in the combination
 * @param amount the exact sum of their amounts; empty when none has one
 * @param withoutAmount how many have no amount
 */
public record LossGroup(
    String reason,
    String lostAt,
    String channel,
    String owner,
    long count,
    Optional<Money> amount,
    long withoutAmount) {

  /**
   * Validates the group.
   *
   * @throws IllegalArgumentException if the counts disagree
   */
  public LossGroup {
    requireNonNull(reason, "reason");
    requireNonNull(lostAt, "lostAt");
    requireNonNull(channel, "channel");
    requireNonNull(owner, "owner");
    requireNonNull(amount, "amount");
    if (count < 1 || withoutAmount < 0 || withoutAmount > count) {
      throw new IllegalArgumentException("loss group " + reason + "/" + lostAt + ": bad counts");
    }
  }
}
