package dev.funnel;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One group of a {@link Breakdown}: its key (one value per dimension) and its funnel figures.
 *
 * @param key the group's value of each dimension, in the breakdown's order; {@code (unspecified)}
 *     where the deal has none
 * @param figures the funnel figures of the group's deals
 */
public record Group(List<String> key, FunnelFigures figures) {

  /** Validates the group. */
  public Group {
    key = List.copyOf(key);
    requireNonNull(figures, "figures");
  }

  /**
   * The key as one string, dimensions joined with {@code " x "}.
   *
   * @return the key's values joined with {@code " x "}
   */
  public String label() {
    return String.join(" x ", key);
  }
}
