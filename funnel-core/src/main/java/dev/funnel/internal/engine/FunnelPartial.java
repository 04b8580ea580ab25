package dev.funnel.internal.engine;

import dev.funnel.internal.columns.ColumnarDealLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mergeable partial aggregate of a funnel query over some deal ranges of a log: integer
 * counters per group and the duration samples (with their group ids) that exact percentiles need.
 *
 * <p>One pass over each deal's changes, no allocation per change (sample buffers grow
 * geometrically). Counters are exact longs with overflow checks at merge; merging two partials is
 * adding counters and concatenating samples, so any split of the deals merged in any order gives
 * the same multiset of samples and the same counters, hence the same report.
 */
final class FunnelPartial {
  static final int DEALS = 0;
  static final int OPEN = 1;
  static final int WON = 2;
  static final int LOST = 3;
  static final int MAX_RANK = 4;

  final QuerySpec spec;
  final int n;
  final int stride;
  final int entered;
  final int pair;
  final int withFirst;
  final int lostAt;
  final int amount;
  final int kinds;

  /** Per grouping: counters, {@code stride} longs per group. */
  final long[][] counters;

  /** Per sample kind: durations in seconds. */
  final IntBuffer[] durations;

  /** Per grouping (from 1), per sample kind: the group id of each sample. */
  final IntBuffer[][] groups;

  /** Group keys per grouping; the partial's own copy so that merges can extend it. */
  final List<List<List<String>>> keys;

  private boolean merged;

  FunnelPartial(QuerySpec spec) {
    this.spec = spec;
    this.n = spec.log.openStageIndex.length;
    this.entered = MAX_RANK + n + 1;
    this.pair = entered + n;
    this.withFirst = pair + n;
    this.lostAt = withFirst + n;
    this.amount = lostAt + n;
    this.stride = amount + 4;
    this.kinds = 2 * n + 2;
    int g = spec.groupings.length;
    this.counters = new long[g][];
    this.keys = new ArrayList<>(g);
    for (int i = 0; i < g; i++) {
      counters[i] = new long[spec.groupings[i].size() * stride];
      keys.add(new ArrayList<>(spec.groupings[i].keys));
    }
    int expected = Math.max(16, (spec.hi - spec.lo) / Math.max(1, kinds / 2));
    this.durations = new IntBuffer[kinds];
    this.groups = new IntBuffer[g][kinds];
    for (int k = 0; k < kinds; k++) {
      durations[k] = new IntBuffer(expected / 4);
      for (int i = 1; i < g; i++) {
        groups[i][k] = new IntBuffer(expected / 4);
      }
    }
  }

  int timeKind(int rank) {
    return rank - 1;
  }

  int ageKind(int rank) {
    return n + rank - 1;
  }

  int wonCycleKind() {
    return 2 * n;
  }

  int lostCycleKind() {
    return 2 * n + 1;
  }

  /** Aggregates the deals at positions [from, to), clipped to the query's cohort. */
  FunnelPartial add(int from, int to) {
    if (merged) {
      throw new IllegalStateException("a partial that was merged into another is spent");
    }
    final ColumnarDealLog log = spec.log;
    final int lo = Math.max(from, spec.lo);
    final int hi = Math.min(to, spec.hi);
    final int asOf = spec.asOfOffset;
    final int[] created = log.created;
    final int[] changeStart = log.changeStart;
    final byte[] stage = log.stage;
    final int[] at = log.at;
    final long[] amounts = log.amount;
    final byte[] kind = log.stageKind;
    final int[] rank = log.stageRank;
    final int first = log.openStageIndex[0];
    final int nOpen = n;
    final Grouping[] gs = spec.groupings;
    final int gCount = gs.length;

    for (int d = lo; d < hi; d++) {
      final int c0 = created[d];
      final int cs = changeStart[d];
      int ce = changeStart[d + 1];
      while (ce > cs && at[ce - 1] > asOf) {
        ce--;
      }
      int cur;
      int entry = c0;
      int maxRank;
      if (cs == ce || at[cs] > c0) {
        cur = first; // implicit entry into s1 at creation
        maxRank = 1;
      } else {
        cur = -1;
        maxRank = 0;
      }
      long mask0 = 0;
      long mask1 = 0;
      boolean wonEver = false;
      int lostRank = 0;
      for (int c = cs; c < ce; c++) {
        final int s = stage[c];
        if (s == cur) {
          continue; // a no-op change: no new visit, no transition
        }
        final int t = at[c];
        final byte ks = kind[s];
        if (cur >= 0) {
          final int r = rank[cur];
          if (r > 0) {
            sample(r - 1, t - entry, d);
          }
          if (ks == ColumnarDealLog.LOST && kind[cur] != ColumnarDealLog.LOST) {
            lostRank = r;
          }
        } else if (ks == ColumnarDealLog.LOST) {
          lostRank = 0;
        }
        cur = s;
        entry = t;
        final int r = rank[s];
        if (r > 0) {
          if (r <= 64) {
            mask0 |= 1L << (r - 1);
          } else {
            mask1 |= 1L << (r - 65);
          }
          if (r > maxRank) {
            maxRank = r;
          }
        } else if (ks == ColumnarDealLog.WON) {
          wonEver = true;
        }
      }
      final byte state = kind[cur];
      final int cycle = entry - c0;
      if (state == ColumnarDealLog.OPEN) {
        sample(nOpen + rank[cur] - 1, asOf - entry, d);
      } else if (state == ColumnarDealLog.WON) {
        sample(2 * nOpen, cycle, d);
      } else {
        sample(2 * nOpen + 1, cycle, d);
      }
      final int effMax = wonEver ? nOpen : maxRank;
      final long amt = amounts[d];
      for (int g = 0; g < gCount; g++) {
        final int[] codes = gs[g].codes;
        final int base = codes == null ? 0 : codes[d] * stride;
        count(counters[g], base, state, effMax, mask0, mask1, lostRank, amt, cycle);
      }
    }
    return this;
  }

  private void sample(int k, int duration, int d) {
    durations[k].add(duration);
    final Grouping[] gs = spec.groupings;
    for (int g = 1; g < gs.length; g++) {
      groups[g][k].add(gs[g].codes[d]);
    }
  }

  private void count(
      long[] c,
      int base,
      byte state,
      int effMax,
      long mask0,
      long mask1,
      int lostRank,
      long amt,
      int cycle) {
    c[base + DEALS]++;
    if (state == ColumnarDealLog.OPEN) {
      c[base + OPEN]++;
    } else if (state == ColumnarDealLog.WON) {
      c[base + WON]++;
      c[base + amount + 3] += cycle;
      if (amt == ColumnarDealLog.NO_AMOUNT) {
        c[base + amount + 2]++;
      } else {
        c[base + amount] = Math.addExact(c[base + amount], amt);
        c[base + amount + 1]++;
      }
    } else {
      c[base + LOST]++;
      if (lostRank > 0) {
        c[base + lostAt + lostRank - 1]++;
      }
    }
    c[base + MAX_RANK + effMax]++;
    if ((mask0 | mask1) != 0) {
      boolean firstEntered = (mask0 & 1L) != 0;
      for (int k = 0; k < n; k++) {
        if (has(mask0, mask1, k)) {
          c[base + entered + k]++;
          if (firstEntered) {
            c[base + withFirst + k]++;
          }
          if (k + 1 < n ? has(mask0, mask1, k + 1) : state == ColumnarDealLog.WON) {
            c[base + pair + k]++;
          }
        }
      }
    }
  }

  private static boolean has(long mask0, long mask1, int k) {
    return k < 64 ? (mask0 & (1L << k)) != 0 : (mask1 & (1L << (k - 64))) != 0;
  }

  /**
   * Merges another partial of the same query into this one (fast path: same group keys; otherwise
   * groups are matched by key). The other partial is spent afterwards.
   *
   * @throws IllegalArgumentException if the other is this partial, or of another query shape
   */
  FunnelPartial merge(FunnelPartial other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge a partial into itself");
    }
    if (merged || other.merged) {
      throw new IllegalStateException("a partial that was merged into another is spent");
    }
    if (other.n != n
        || other.counters.length != counters.length
        || !other.spec.log.pipeline.equals(spec.log.pipeline)
        || other.spec.counting != spec.counting
        || !other.spec.breakdowns.equals(spec.breakdowns)
        || !java.util.Arrays.equals(other.spec.percentiles, spec.percentiles)
        || !other.spec.asOf.equals(spec.asOf)
        || !java.util.Objects.equals(other.spec.log.currencyOrNull(), spec.log.currencyOrNull())) {
      throw new IllegalArgumentException(
          "cannot merge partials of different queries (pipeline, as-of, counting, breakdowns,"
              + " percentiles and currency must match)");
    }
    for (int g = 0; g < counters.length; g++) {
      int[] map = groupMap(g, other);
      long[] mine = counters[g];
      long[] theirs = other.counters[g];
      for (int og = 0; og < map.length; og++) {
        int to = map[og] * stride;
        int from = og * stride;
        for (int i = 0; i < stride; i++) {
          mine[to + i] = Math.addExact(mine[to + i], theirs[from + i]);
        }
      }
      if (g > 0) {
        for (int k = 0; k < kinds; k++) {
          IntBuffer src = other.groups[g][k];
          IntBuffer dst = groups[g][k];
          if (isIdentity(map)) {
            dst.addAll(src);
          } else {
            dst.ensure(dst.size + src.size);
            for (int i = 0; i < src.size; i++) {
              dst.a[dst.size++] = map[src.a[i]];
            }
          }
        }
      }
    }
    for (int k = 0; k < kinds; k++) {
      durations[k].addAll(other.durations[k]);
    }
    other.merged = true;
    return this;
  }

  private static boolean isIdentity(int[] map) {
    for (int i = 0; i < map.length; i++) {
      if (map[i] != i) {
        return false;
      }
    }
    return true;
  }

  /** Maps the other's group ids of grouping g to this partial's, adding keys this one lacks. */
  private int[] groupMap(int g, FunnelPartial other) {
    List<List<String>> mine = keys.get(g);
    List<List<String>> theirs = other.keys.get(g);
    int[] map = new int[theirs.size()];
    if (mine.equals(theirs)) {
      for (int i = 0; i < map.length; i++) {
        map[i] = i;
      }
      return map;
    }
    Map<List<String>, Integer> index = new HashMap<>();
    for (int i = 0; i < mine.size(); i++) {
      index.put(mine.get(i), i);
    }
    for (int i = 0; i < theirs.size(); i++) {
      Integer id = index.get(theirs.get(i));
      if (id == null) {
        id = mine.size();
        mine.add(theirs.get(i));
        index.put(theirs.get(i), id);
      }
      map[i] = id;
    }
    if (mine.size() * stride > counters[g].length) {
      counters[g] = java.util.Arrays.copyOf(counters[g], mine.size() * stride);
    }
    return map;
  }
}
