package dev.funnel;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.engine.Tables;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A report broken down by one dimension, or by several crossed: one {@link Group} per key with at
 * least one deal, ordered by deal count (descending), then key; a breakdown by creation periods
 * alone (day, week, month, quarter, year, or several crossed) is a time series, in time order.
 *
 * @param dimensions the dimensions, crossed in this order
 * @param groups the groups
 */
public record Breakdown(List<Dimension> dimensions, List<Group> groups) {

  /** Validates the breakdown. */
  public Breakdown {
    dimensions = List.copyOf(dimensions);
    groups = List.copyOf(groups);
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("a breakdown needs at least one dimension");
    }
  }

  /**
   * The breakdown's name: dimension labels joined with {@code " x "}, e.g. {@code owner x channel}.
   *
   * @return the dimension labels joined with {@code " x "}
   */
  public String name() {
    return dimensions.stream().map(Dimension::label).collect(Collectors.joining(" x "));
  }

  /**
   * The group with this key (one value per dimension), if it has deals.
   *
   * @param key one value per dimension, in dimension order
   * @return the group, or empty if no deal has this key
   */
  public Optional<Group> group(String... key) {
    requireNonNull(key, "key");
    List<String> k = List.of(key);
    return groups.stream().filter(g -> g.key().equals(k)).findFirst();
  }

  /**
   * The table of the first {@code maxRows} groups.
   *
   * @param maxRows the most groups to show; a last line counts the groups left out
   * @return the table, one row per group under a header row
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String print(int maxRows) {
    return Tables.breakdown(this, maxRows);
  }

  /**
   * The table of all groups.
   *
   * @return the table, one row per group under a header row
   */
  public String printAll() {
    return print(Integer.MAX_VALUE);
  }

  /** The table of the first 20 groups. */
  @Override
  public String toString() {
    return print(Tables.DEFAULT_ROWS);
  }
}
