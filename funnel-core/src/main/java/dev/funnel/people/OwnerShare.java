package dev.funnel.people;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One owner's won revenue and its share of the selection's won revenue (METRICS.md "Losses and
 * people", concentration).
 *
 * @param owner the owner, or {@code (unspecified)}
 * @param wonRevenue the exact sum of the amounts of the owner's won deals; empty when none has one
 * @param wonWithoutAmount the owner's won deals without an amount, which are no revenue and are
 *     counted apart (an owner whose wins all lack amounts has a share of 0 and a count here)
 * @param share wonRevenue / total won revenue, the share of the revenue known; absent when the
 *     total is zero or absent
 */
public record OwnerShare(
    String owner, Optional<Money> wonRevenue, long wonWithoutAmount, OptionalDouble share) {

  /**
   * Validates the share.
   *
   * @throws IllegalArgumentException if the count of won deals without an amount is negative
   */
  public OwnerShare {
    requireNonNull(owner, "owner");
    requireNonNull(wonRevenue, "wonRevenue");
    requireNonNull(share, "share");
    if (wonWithoutAmount < 0) {
      throw new IllegalArgumentException(
          owner + ": " + wonWithoutAmount + " won deals without an amount");
    }
  }
}
