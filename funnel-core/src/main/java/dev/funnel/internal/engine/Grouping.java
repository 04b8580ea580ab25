package dev.funnel.internal.engine;

import java.util.Arrays;
import java.util.List;

/**
 * A grouping of deals for a breakdown: a group id per deal (indexed by deal position in the log)
 * and the key of each group. Grouping 0 of a query is the whole selection (no codes, one group).
 */
final class Grouping {
  /** Per deal position: the group id; null for the whole selection. */
  final int[] codes;

  /** Per group id: its key, one value per dimension. */
  final List<List<String>> keys;

  Grouping(int[] codes, List<List<String>> keys) {
    this.codes = codes;
    this.keys = List.copyOf(keys);
  }

  static Grouping all() {
    return new Grouping(null, List.of(List.of()));
  }

  int size() {
    return keys.size();
  }

  boolean sameKeys(Grouping other) {
    return keys.equals(other.keys);
  }

  @Override
  public String toString() {
    return "Grouping" + (codes == null ? "[all]" : Arrays.toString(keys.toArray()));
  }
}
