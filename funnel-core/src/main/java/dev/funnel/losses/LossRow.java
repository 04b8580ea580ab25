package dev.funnel.losses;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import dev.funnel.stats.Proportion;
import java.util.Optional;

/**
 * Lost deals of one group (a reason, a stage lost at, a channel or an owner), METRICS.md "Losses
 * and people".
 *
 * @param key the group: a reason, stage, channel or owner; a missing one is {@code (unspecified)}
 * @param count lost deals in the group
 * @param share the group's lost deals out of all lost deals of the selection
 * @param amount the exact sum of the amounts of the group's lost deals that have one; empty when
 *     none has
 * @param withoutAmount lost deals of the group without an amount (not counted as zero)
 */
public record LossRow(
    String key, long count, Proportion share, Optional<Money> amount, long withoutAmount) {

  /**
   * Validates the row.
   *
   * @throws IllegalArgumentException if the counts disagree
   */
  public LossRow {
    requireNonNull(key, "key");
    requireNonNull(share, "share");
    requireNonNull(amount, "amount");
    if (count < 0 || share.successes() != count || withoutAmount < 0 || withoutAmount > count) {
      throw new IllegalArgumentException("loss row \"" + key + "\": inconsistent counts");
    }
  }
}
