package dev.funnel.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell space: several groupings of a query crossed into one cell id per deal (mixed radix,
 * outermost grouping first). The kernel counts each deal once per space, into its cell; the
 * counters of every grouping in the space, and of the whole selection, are sums over cells. With
 * the cells laid out kind-major (all cells of one sample kind next to each other), the samples of a
 * group of the outermost grouping are one contiguous range, and those of an inner grouping a few
 * evenly spaced runs.
 */
final class Space {
  /** The grouping indexes (into {@link QuerySpec#groupings}) crossed here, outermost first. */
  final int[] members;

  /** Per member: the group id of each deal. */
  final int[][] codes;

  /** Per member: its number of groups. */
  final int[] sizes;

  /** Per member: how many consecutive cells share one group of it (product of inner sizes). */
  final int[] weights;

  final int cells;

  private Space(int[] members, Grouping[] groupings) {
    this.members = members;
    this.codes = new int[members.length][];
    this.sizes = new int[members.length];
    this.weights = new int[members.length];
    long product = 1;
    for (int j = members.length - 1; j >= 0; j--) {
      Grouping g = groupings[members[j]];
      codes[j] = g.codes;
      sizes[j] = g.size();
      weights[j] = Math.toIntExact(product);
      product = Math.multiplyExact(product, (long) g.size());
    }
    this.cells = Math.toIntExact(product);
  }

  /** The cell of the deal at position d. */
  int cellOf(int d) {
    switch (codes.length) {
      case 0:
        return 0;
      case 1:
        return codes[0][d];
      case 2:
        return codes[0][d] * sizes[1] + codes[1][d];
      default:
        break;
    }
    int c = 0;
    for (int j = 0; j < codes.length; j++) {
      c = c * sizes[j] + codes[j][d];
    }
    return c;
  }

  /** The group id of a cell in member j. */
  int groupOf(int cell, int j) {
    return cell / weights[j] % sizes[j];
  }

  /**
   * Packs the breakdown groupings (1..) into spaces, in order, starting a new space when the cell
   * count would exceed {@code maxCells}; a grouping larger than that gets a space of its own. The
   * whole selection (grouping 0) is the sum over the cells of space 0.
   */
  static Space[] pack(Grouping[] groupings, long maxCells) {
    maxCells = Math.min(maxCells, 1L << 24);
    List<Space> spaces = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    long product = 1;
    for (int g = 1; g < groupings.length; g++) {
      long size = Math.max(1, groupings[g].size());
      if (!current.isEmpty() && product * size > maxCells) {
        spaces.add(new Space(toArray(current), groupings));
        current.clear();
        product = 1;
      }
      current.add(g);
      product *= size;
    }
    if (!current.isEmpty() || spaces.isEmpty()) {
      spaces.add(new Space(toArray(current), groupings));
    }
    return spaces.toArray(new Space[0]);
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
