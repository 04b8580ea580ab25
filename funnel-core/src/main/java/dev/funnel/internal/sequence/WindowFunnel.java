package dev.funnel.internal.sequence;

import java.util.Arrays;

/**
 * The per-entity scan of ClickHouse {@code windowFunnel} ({@code getEventLevelNonStrictOnce} of
 * {@code AggregateFunctionWindowFunnel.cpp}), over the time-ordered events of one entity.
 *
 * <p>State per step k: the chain currently held at that level (its first time, its last time and
 * its last event). Events are visited in order of (time, step index), events matching no step first
 * among equals; per event of step s:
 *
 * <ol>
 *   <li>no step: ignored, except in strict order, where it stops the scan once a first-step event
 *       was seen;
 *   <li>s = first step: the level-1 chain restarts at this event;
 *   <li>strict deduplication and level s+1 already held: stop;
 *   <li>strict order, a first-step event was seen and level s not held: stop;
 *   <li>level s held and {@code time - first(s) <= window} (and, with strict increase, {@code
 *       last(s) < time}): level s+1 becomes that chain extended by this event; stop when it is the
 *       last step.
 * </ol>
 *
 * The result is the highest level held when the scan ends. One instance is scratch space for one
 * thread: it allocates nothing per entity or event, O(events x steps) in the worst case (ties are
 * re-scanned once per step), O(events) when no two events of an entity share a time.
 */
public final class WindowFunnel {
  private final int steps;
  private final long window;
  private final boolean strictOrder;
  private final boolean dedup;
  private final boolean increase;
  private final int[] stepOfName;

  private final int[] levelEvent;
  private final long[] levelFirst;
  private final long[] levelLast;
  private final int[] pred;
  private final long[] chain;
  private int level;
  private boolean firstSeen;
  private boolean stopped;
  private int base;

  /**
   * @param steps number of steps, &gt;= 1
   * @param window the window in the log's time unit (millis), &gt;= 0
   * @param stepOfName step index of each event name code, -1 for names that are no step
   * @param maxEvents the largest number of events of one entity
   */
  public WindowFunnel(
      int steps,
      long window,
      boolean strictOrder,
      boolean dedup,
      boolean increase,
      int[] stepOfName,
      int maxEvents) {
    this.steps = steps;
    this.window = window;
    this.strictOrder = strictOrder;
    this.dedup = dedup;
    this.increase = increase;
    this.stepOfName = stepOfName;
    this.levelEvent = new int[steps];
    this.levelFirst = new long[steps];
    this.levelLast = new long[steps];
    this.pred = new int[Math.max(1, maxEvents)];
    this.chain = new long[steps];
  }

  /**
   * Scans the events {@code [from, to)} of one entity and returns the level it reached; {@link
   * #chainTime(int)} then holds the times of the chain that reached it.
   */
  public int scan(long[] at, int[] name, int from, int to) {
    Arrays.fill(levelEvent, -1);
    level = 0;
    firstSeen = false;
    stopped = false;
    base = from;
    int i = from;
    while (i < to && !stopped) {
      long t = at[i];
      int j = i + 1;
      while (j < to && at[j] == t) {
        j++;
      }
      if (j - i == 1) {
        visit(i, stepOfName[name[i]], t);
      } else {
        visitTies(name, i, j, t);
      }
      i = j;
    }
    // Rebuild the chain held at the highest level.
    if (level > 0) {
      int p = levelEvent[level - 1];
      for (int k = level - 1; k >= 0; k--) {
        chain[k] = at[p];
        p = pred[p - base];
      }
    }
    return level;
  }

  /** The time of step k (0-based) of the chain of the last scan; valid for k below its level. */
  public long chainTime(int k) {
    return chain[k];
  }

  // Events of equal time go in step order (ClickHouse sorts (time, condition) pairs; no step = 0).
  private void visitTies(int[] name, int from, int to, long t) {
    int previous = Integer.MIN_VALUE;
    boolean ordered = true;
    for (int i = from; i < to && ordered; i++) {
      int s = stepOfName[name[i]];
      ordered = s >= previous;
      previous = s;
    }
    if (ordered) {
      for (int i = from; i < to && !stopped; i++) {
        visit(i, stepOfName[name[i]], t);
      }
      return;
    }
    for (int s = -1; s < steps && !stopped; s++) {
      for (int i = from; i < to && !stopped; i++) {
        if (stepOfName[name[i]] == s) {
          visit(i, s, t);
        }
      }
    }
  }

  private void visit(int pos, int s, long t) {
    if (s < 0) {
      if (strictOrder && firstSeen) {
        stopped = true;
      }
      return;
    }
    if (s == 0) {
      levelEvent[0] = pos;
      levelFirst[0] = t;
      levelLast[0] = t;
      pred[pos - base] = -1;
      firstSeen = true;
      if (level < 1) {
        level = 1;
      }
      return;
    }
    if (dedup && levelEvent[s] >= 0) {
      stopped = true;
      return;
    }
    int prev = levelEvent[s - 1];
    if (strictOrder && firstSeen && prev < 0) {
      stopped = true;
      return;
    }
    if (prev < 0) {
      return;
    }
    long first = levelFirst[s - 1];
    // t >= first: events are visited in time order; unsigned compare is overflow-safe.
    boolean matched = Long.compareUnsigned(t - first, window) <= 0;
    if (increase) {
      matched = matched && levelLast[s - 1] < t;
    }
    if (!matched) {
      return;
    }
    levelEvent[s] = pos;
    levelFirst[s] = first;
    levelLast[s] = t;
    pred[pos - base] = prev;
    if (s + 1 > level) {
      level = s + 1;
    }
    if (s + 1 == steps) {
      stopped = true;
    }
  }
}
