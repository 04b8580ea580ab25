package dev.funnel.internal.sequence;

import dev.funnel.internal.columns.Longs;
import java.util.Arrays;

/**
 * The mergeable partial aggregate of a sequence funnel over some entities: how many entities ended
 * at each level (0..steps) and, for each pair of consecutive steps, the time between them (millis)
 * in the chain of every entity that reached the later one. {@link #merge} adds counts and
 * concatenates durations, so any split of the entities merges to the same figures.
 */
public final class FunnelPartial {
  private final int steps;
  private final long[] atLevel;
  private final Longs[] gaps;

  private FunnelPartial(int steps) {
    this.steps = steps;
    this.atLevel = new long[steps + 1];
    this.gaps = new Longs[Math.max(0, steps - 1)];
    for (int k = 0; k < gaps.length; k++) {
      gaps[k] = new Longs();
    }
  }

  /** The partial of no entities. */
  public static FunnelPartial empty(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("a funnel partial needs at least one step, got " + steps);
    }
    return new FunnelPartial(steps);
  }

  /** Adds one entity that reached this level with the chain of the scan. */
  public void add(int level, WindowFunnel scan) {
    atLevel[level]++;
    for (int k = 1; k < level; k++) {
      gaps[k - 1].add(Math.subtractExact(scan.chainTime(k), scan.chainTime(k - 1)));
    }
  }

  /**
   * Adds the other partial's entities to this one.
   *
   * @throws IllegalArgumentException if the other is this partial or has another number of steps
   */
  public FunnelPartial merge(FunnelPartial other) {
    if (other == this) {
      throw new IllegalArgumentException("a funnel partial cannot be merged into itself");
    }
    if (other.steps != steps) {
      throw new IllegalArgumentException(
          "cannot merge a partial of " + other.steps + " steps into one of " + steps + " steps");
    }
    for (int k = 0; k <= steps; k++) {
      atLevel[k] = Math.addExact(atLevel[k], other.atLevel[k]);
    }
    for (int k = 0; k < gaps.length; k++) {
      gaps[k].addAll(other.gaps[k]);
    }
    return this;
  }

  /** The number of steps. */
  public int steps() {
    return steps;
  }

  /** Entities that ended exactly at each level, 0..steps (a copy). */
  public long[] atLevel() {
    return Arrays.copyOf(atLevel, atLevel.length);
  }

  /** The times (millis) from step k to step k+1 (0-based k), a copy. */
  public long[] gaps(int k) {
    return gaps[k].toArray();
  }

  /**
   * The times (millis) from step k to step k+1 (0-based k), in the partial's own storage: valid up
   * to {@link #gapCount(int)}. For the report's last use of a partial, which may reorder them (a
   * percentile selection) without copying; the multiset, hence every figure, stays the same.
   */
  public long[] gapsInPlace(int k) {
    return gaps[k].raw();
  }

  /** How many times from step k to step k+1 (0-based k) the partial holds. */
  public int gapCount(int k) {
    return gaps[k].size();
  }
}
