package dev.funnel.people;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Concentration of won revenue (METRICS.md "Losses and people") across the m owners that have a
 * deal in the selection ({@code (unspecified)} counts as one owner when some deal has no owner):
 * the top-1 share, the share of the top {@code ceil(0.2 m)} owners and the Herfindahl-Hirschman
 * index {@code sum(share_i^2)}, which lies in {@code [1/m, 1]} when there is won revenue. With no
 * won revenue (none won, or no amounts) every share is absent. Won deals without an amount are no
 * revenue: they are counted apart ({@code wonWithoutAmount}), never as zero, so the shares are of
 * the revenue known.
 *
 * @param owners m, the owners with a deal in the selection
 * @param topOwners {@code ceil(0.2 m)}
 * @param wonRevenue the exact total won revenue; empty when no won deal has an amount
 * @param wonWithoutAmount the won deals without an amount, of every owner
 * @param top1Share the largest owner's share
 * @param top20PercentShare the share of the top {@code ceil(0.2 m)} owners
 * @param hhi the Herfindahl-Hirschman index
 * @param shares every owner's share, by revenue descending then owner
 */
public record Concentration(
    int owners,
    int topOwners,
    Optional<Money> wonRevenue,
    long wonWithoutAmount,
    OptionalDouble top1Share,
    OptionalDouble top20PercentShare,
    OptionalDouble hhi,
    List<OwnerShare> shares) {

  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException if the owner counts disagree, the won deals without an amount
   *     are not the owners' sum, or a figure lies outside [0, 1]
   */
  public Concentration {
    requireNonNull(wonRevenue, "wonRevenue");
    requireNonNull(top1Share, "top1Share");
    requireNonNull(top20PercentShare, "top20PercentShare");
    requireNonNull(hhi, "hhi");
    shares = List.copyOf(shares);
    if (owners != shares.size() || topOwners != (owners + 4) / 5) {
      throw new IllegalArgumentException(
          "concentration: "
              + owners
              + " owners, "
              + topOwners
              + " top, "
              + shares.size()
              + " shares");
    }
    long unpriced = 0;
    for (OwnerShare s : shares) {
      unpriced += s.wonWithoutAmount();
    }
    if (unpriced != wonWithoutAmount) {
      throw new IllegalArgumentException(
          "concentration: "
              + wonWithoutAmount
              + " won deals without an amount, the owners' sum is "
              + unpriced);
    }
    for (OptionalDouble v : List.of(top1Share, top20PercentShare, hhi)) {
      if (v.isPresent() && !(v.getAsDouble() >= 0 && v.getAsDouble() <= 1 + 1e-12)) {
        throw new IllegalArgumentException(
            "concentration figure " + v.getAsDouble() + " not in [0, 1]");
      }
    }
  }
}
