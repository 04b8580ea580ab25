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
 * @param share wonRevenue / total won revenue; absent when the total is zero or absent
 */
public record OwnerShare(String owner, Optional<Money> wonRevenue, OptionalDouble share) {

  /** Validates the share. */
  public OwnerShare {
    requireNonNull(owner, "owner");
    requireNonNull(wonRevenue, "wonRevenue");
    requireNonNull(share, "share");
  }
}
