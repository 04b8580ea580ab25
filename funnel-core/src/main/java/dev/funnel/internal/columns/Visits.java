package dev.funnel.internal.columns;

import java.util.Arrays;

/**
 * The visits of one deal as of an instant (METRICS.md "Pipeline and deals"): the implicit entry
 * into {@code s1} at creation unless a change occurs at creation, changes after as-of unseen, a
 * change into the current stage starting no new visit. A reusable cursor: {@link #load} refills its
 * arrays for another deal without allocating (they grow only for a longer history).
 *
 * <p>The funnel kernel walks the same rules in its own loop, fused with its counters for speed;
 * every other analysis (deal states, hygiene, forecast histories) reads visits from here.
 */
public final class Visits {
  /** The number of visits loaded. */
  public int count;

  /** Per visit: the stage index. */
  public int[] stage = new int[16];

  /** Per visit: the entry time (log offset seconds). */
  public int[] entry = new int[16];

  /** Per visit: the change that started it, or -1 for the implicit entry into {@code s1}. */
  public int[] change = new int[16];

  /** Loads the visits of deal d as of the offset {@code asOf}; returns their number. */
  public int load(ColumnarDealLog log, int d, int asOf) {
    int c0 = log.created[d];
    int cs = log.changeStart[d];
    int ce = log.changeStart[d + 1];
    while (ce > cs && log.at[ce - 1] > asOf) {
      ce--;
    }
    if (ce - cs + 1 > stage.length) {
      int n = Math.max(ce - cs + 1, stage.length * 2);
      stage = Arrays.copyOf(stage, n);
      entry = Arrays.copyOf(entry, n);
      change = Arrays.copyOf(change, n);
    }
    int v = 0;
    if (cs == ce || log.at[cs] > c0) {
      stage[0] = log.openStageIndex[0];
      entry[0] = c0;
      change[0] = -1;
      v = 1;
    }
    for (int c = cs; c < ce; c++) {
      int s = log.stage[c];
      if (v > 0 && stage[v - 1] == s) {
        continue;
      }
      stage[v] = s;
      entry[v] = log.at[c];
      change[v] = c;
      v++;
    }
    count = v;
    return v;
  }
}
