package dev.funnel.internal.engine;

import dev.funnel.internal.columns.ColumnarDealLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mergeable partial aggregate of a funnel query: integer counters, and the duration samples
 * that exact percentiles need, kept as the segments in which they were scanned.
 *
 * <p>A partial has one of two forms. In <em>cell form</em> (every partial scanned by the engine,
 * and merges of partials of the same resolved query) it holds {@code stride} counters per cell of
 * each {@link Space}: the kernel counts each deal once per space, not once per breakdown, and
 * breakdown counters are sums over cells. Merging partials of different resolved queries (other
 * logs, whose dictionaries differ) turns both into <em>grouped form</em>: counters per group of
 * each grouping, matched by key.
 *
 * <p>Scanning a deal range writes one bucket id ({@code kind * cells + cell} of space 0) and one
 * int duration per sample into arrays sized up front (at most one sample per change plus one per
 * deal), with no allocation or bounds growth per change. Merging adds counters and concatenates
 * segment lists: no sample is copied, so parallel and distributed merges cost O(cells). Any split
 * of the deals, merged in any order, gives the same counters and the same multiset of samples per
 * group, hence the same report. Ranges may also be {@link #add added} to one partial in any order
 * (a thread of a parallel run adds every range it scans to its own), which saves zeroing and
 * merging a set of counters per range.
 */
final class FunnelPartial {
  static final int DEALS = 0;
  static final int OPEN = 1;
  static final int WON = 2;
  static final int LOST = 3;
  static final int MAX_RANK = 4;

  /** The samples of one scanned deal range, with the query they came from. */
  static final class Segment {
    final QuerySpec spec;
    final int lo;
    final int hi;

    /** Deal lo + i has samples sampleStart[i] .. sampleStart[i+1]-1. */
    final int[] sampleStart;

    /** Per sample: its bucket in space 0, {@code kind * cells + cell}. */
    final int[] bucket;

    final int[] duration;

    /** Per space: this segment's sample count per bucket {@code kind * cells + cell}. */
    final int[][] bucketCounts;

    /** True when the arrays came from the {@link BufferPool} and may go back to it. */
    final boolean pooled;

    Segment(QuerySpec spec, int lo, int hi, int capacity, boolean pooled) {
      this.spec = spec;
      this.lo = lo;
      this.hi = hi;
      this.pooled = pooled;
      this.sampleStart = pooled ? BufferPool.ints(hi - lo + 1) : new int[hi - lo + 1];
      this.bucket = pooled ? BufferPool.ints(capacity) : new int[capacity];
      this.duration = pooled ? BufferPool.ints(capacity) : new int[capacity];
      this.bucketCounts = new int[spec.spaces.length][];
    }

    int size() {
      return sampleStart[hi - lo];
    }

    void release() {
      if (pooled) {
        BufferPool.release(sampleStart, bucket, duration);
        BufferPool.release((Object[]) bucketCounts);
      }
    }
  }

  final QuerySpec spec;
  final int n;
  final int stride;
  final int entered;
  final int pair;
  final int withFirst;
  final int lostAt;
  final int amount;

  /** Offset of the per-kind sample counts (the counting sort's bucket sizes) in a counter block. */
  final int samples;

  final int kinds;

  /**
   * Offset of a slot that counts nothing: the target of branch-free increments that do not apply.
   */
  final int trash;

  /**
   * Offset of the entry patterns, or -1: with at most {@link #PATTERN_MAX_STAGES} open stages the
   * kernel counts each deal once into slot {@code mask + (won << n)} (its entered ranks and whether
   * it is won) instead of into 3n per-rank counters; {@link #groupCounters} expands the patterns
   * into the entered, with-first and pair counters of each group.
   */
  final int patterns;

  /**
   * Pipelines with at most this many open stages count entry patterns (2^(n+1) slots per cell). One
   * increment per deal replaces 3n increments and their bit arithmetic, but the pattern block
   * doubles with every stage. Measured on the full report by owner and channel (2,211 cells) over
   * 1M generated deals, patterns against per-rank counters: 75 against 78 ms with 4 open stages, 80
   * against 86 ms with 5, and 131 against 91 ms with 6 (128 slots per cell no longer fit the
   * cache).
   */
  static final int PATTERN_MAX_STAGES = 5;

  /** Cell form: per space, {@code stride} counters per cell; null in grouped form. */
  long[][] cells;

  /** Grouped form: per grouping, {@code stride} counters per group; null in cell form. */
  long[][] counters;

  /** Grouped form: the group keys per grouping, the index of {@link #counters}. */
  List<List<List<String>>> keys;

  final List<Segment> segments = new ArrayList<>();

  /**
   * The currency of the deal amounts seen: a log without any amount has none, and merges with a log
   * of any currency (taking that one).
   */
  @Nullable Currency currency;

  private final boolean pooled;

  private FunnelPartial(QuerySpec spec, boolean pooled) {
    this.spec = spec;
    this.pooled = pooled;
    this.currency = spec.log.currencyOrNull();
    this.n = spec.log.openStageIndex.length;
    if (n > 127) {
      throw new IllegalArgumentException("more than 127 open stages");
    }
    this.entered = MAX_RANK + n + 1;
    this.pair = entered + n;
    this.withFirst = pair + n;
    this.lostAt = withFirst + n;
    this.amount = lostAt + n;
    this.samples = amount + 4;
    this.kinds = 2 * n + 2;
    this.trash = samples + kinds;
    this.patterns = n <= PATTERN_MAX_STAGES ? trash + 1 : -1;
    this.stride = strideOf(n);
    this.cells = new long[spec.spaces.length][];
    for (int s = 0; s < cells.length; s++) {
      int size = Math.multiplyExact(spec.spaces[s].cells, stride);
      cells[s] = pooled ? BufferPool.longs(size) : new long[size];
    }
  }

  /** The counters per cell of a pipeline with n open stages. */
  static int strideOf(int n) {
    int perRank = MAX_RANK + n + 1 + 4 * n + 4 + 2 * n + 2 + 1;
    return n <= PATTERN_MAX_STAGES ? perRank + (2 << n) : perRank;
  }

  /**
   * The partial of the deals at positions [from, to), clipped to the query's cohort. A pooled
   * partial borrows its arrays from the {@link BufferPool}; only the engine's own runs, which
   * {@link #release} it after the report, ask for one.
   */
  static FunnelPartial scan(QuerySpec spec, int from, int to, boolean pooled) {
    return new FunnelPartial(spec, pooled).add(from, to);
  }

  /** Gives pooled arrays back; the partial must not be used afterwards. */
  void release() {
    if (pooled && cells != null) {
      BufferPool.release((Object[]) cells);
      cells = null;
    }
    for (Segment s : segments) {
      s.release();
    }
    segments.clear();
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

  /** An empty partial of the query, to {@link #add} deal ranges to. */
  static FunnelPartial empty(QuerySpec spec, boolean pooled) {
    return new FunnelPartial(spec, pooled);
  }

  /**
   * Scans the deals at positions [from, to), clipped to the query's cohort, into this partial (in
   * cell form): its counters grow, and the range's samples become one more segment.
   */
  FunnelPartial add(int from, int to) {
    if (!cellForm()) {
      throw new IllegalStateException("deal ranges are added to partials in cell form only");
    }
    final ColumnarDealLog log = spec.log;
    final int lo = Math.max(from, spec.lo);
    final int hi = Math.max(lo, Math.min(to, spec.hi));
    final int[] changeStart = log.changeStart;
    Segment seg = new Segment(spec, lo, hi, changeStart[hi] - changeStart[lo] + (hi - lo), pooled);
    // One pass per space; only the first writes the samples (they are the same in every space).
    for (int s = 0; s < spec.spaces.length; s++) {
      int nCells = spec.spaces[s].cells;
      long[] c = cells[s];
      int[] counts = pooled ? BufferPool.ints(kinds * nCells) : new int[kinds * nCells];
      // The segment's sample counts are what the scan adds to the counters' (zero before a
      // partial's first range).
      for (int k = 0; k < kinds; k++) {
        for (int cell = 0; cell < nCells; cell++) {
          counts[k * nCells + cell] = (int) -c[cell * stride + samples + k];
        }
      }
      int size = walk(seg, spec.spaces[s], c, s == 0);
      if (s == 0) {
        seg.sampleStart[hi - lo] = size;
      }
      for (int k = 0; k < kinds; k++) {
        for (int cell = 0; cell < nCells; cell++) {
          int i = k * nCells + cell;
          counts[i] += (int) c[cell * stride + samples + k];
        }
      }
      seg.bucketCounts[s] = counts;
    }
    segments.add(seg);
    return this;
  }

  /**
   * The kernel: walks the changes of the segment's deals (those up to as-of), counting each deal
   * into its cell of the space, and, if asked, writes the samples. Returns the sample count.
   *
   * <p>The walk is written to branch as little as possible (the stage path of a deal is data the
   * branch predictor cannot learn) and to carry as little state as possible from change to change:
   * the current stage, the entry time of its visit and the set of entered ranks. A no-op change
   * (same stage again) keeps the entry time, emits no sample and enters no rank. The rest of a
   * deal's outcome follows once, after its last change: the highest rank it reached is the highest
   * rank entered (or s1, entered implicitly); it was ever won if it ever moved into a won stage
   * (recorded as bit 63 of the second mask word, which ranks never reach); the rank it was lost
   * from is that of the stage before the final run of changes into lost stages.
   */
  private int walk(Segment seg, Space space, long[] counters, boolean writeSamples) {
    final ColumnarDealLog log = spec.log;
    final int lo = seg.lo;
    final int hi = seg.hi;
    final int[] changeStart = log.changeStart;
    final int[] sampleStart = seg.sampleStart;
    final int[] sk = seg.bucket;
    final int nCells = space.cells;
    final int[] sd = seg.duration;
    final int asOf = spec.asOfOffset;
    final int[] created = log.created;
    final byte[] stage = log.stage;
    final int[] at = log.at;
    final long[] amounts = log.amount;
    final byte[] kind = log.stageKind;
    final int[] rank = log.stageRank;
    final int lastChange = at.length - 1;
    // Stage tables indexed by stage + 1; index 0 is "no stage yet", the state of a deal created
    // directly in the stage of its first change, before that change: no sample, no rank, and of
    // the lost kind, so that no entry into the lost class is seen from it.
    final int stages = rank.length + 1;
    final long[] bit0 = new long[stages];
    final long[] bit1 = new long[stages];
    final int[] openSlot = new int[stages]; // the time-in-stage kind of a visit, 0 if closed
    final int[] isOpen = new int[stages];
    final int[] rankOf = new int[stages];
    final byte[] kindOf = new byte[stages];
    final int[] lastKind = new int[stages];
    kindOf[0] = ColumnarDealLog.LOST;
    lastKind[0] = 2 * n + 1;
    for (int x = 1; x < stages; x++) {
      int r = rank[x - 1];
      rankOf[x] = r;
      kindOf[x] = kind[x - 1];
      if (r > 0) {
        bit0[x] = r <= 64 ? 1L << (r - 1) : 0;
        bit1[x] = r > 64 ? 1L << (r - 65) : 0;
        openSlot[x] = r - 1;
        isOpen[x] = 1;
        lastKind[x] = n + r - 1;
      } else if (kind[x - 1] == ColumnarDealLog.WON) {
        bit1[x] = WON_EVER;
        lastKind[x] = 2 * n;
      } else {
        lastKind[x] = 2 * n + 1;
      }
    }
    final int first = log.openStageIndex[0] + 1;
    final long[] c = counters;
    final int st = stride;
    final int sampleSlot = samples;
    int sp = 0;

    for (int d = lo; d < hi; d++) {
      if (writeSamples) {
        sampleStart[d - lo] = sp;
      }
      final int cell = space.cellOf(d);
      final int block = cell * st;
      final int base = block + sampleSlot;
      final int c0 = created[d];
      final int cs = changeStart[d];
      int ce = changeStart[d + 1];
      while (ce > cs && at[ce - 1] > asOf) {
        ce--;
      }
      // Implicit entry into s1 at creation, unless the first change happens at creation.
      final boolean implicit = (cs == ce) | (lastChange >= 0 && at[Math.min(cs, lastChange)] > c0);
      final int init = implicit ? first : 0;
      int cur = init;
      int entry = c0;
      long mask0 = 0;
      long mask1 = 0;
      for (int x = cs; x < ce; x++) {
        final int s = stage[x] + 1;
        final int t = at[x];
        final boolean move = s != cur;
        final int emit = move ? isOpen[cur] : 0;
        final int k = openSlot[cur];
        if (writeSamples) {
          sk[sp] = k * nCells + cell;
          sd[sp] = t - entry;
        }
        sp += emit;
        c[base + k] += emit;
        entry = move ? t : entry;
        mask0 |= move ? bit0[s] : 0L;
        mask1 |= move ? bit1[s] : 0L;
        cur = s;
      }
      int y = ce - 1;
      while (y > cs && kindOf[stage[y - 1] + 1] == ColumnarDealLog.LOST) {
        y--;
      }
      final int lostRank = rankOf[y > cs ? stage[y - 1] + 1 : init];
      final long ranks1 = mask1 & ~WON_EVER;
      final int entered =
          ranks1 != 0
              ? 128 - Long.numberOfLeadingZeros(ranks1)
              : 64 - Long.numberOfLeadingZeros(mask0);
      final int maxRank = Math.max(implicit ? 1 : 0, entered);
      final byte kc = kindOf[cur];
      final int cycle = entry - c0;
      final int last = lastKind[cur];
      if (writeSamples) {
        sk[sp] = last * nCells + cell;
        sd[sp] = kc == ColumnarDealLog.OPEN ? asOf - entry : cycle;
      }
      sp++;
      c[base + last]++;
      final int effMax = (mask1 & WON_EVER) != 0 ? n : maxRank;
      count(c, block, kc, effMax, mask0, ranks1, lostRank, amounts[d], cycle);
    }
    return sp;
  }

  /** The bit of the second mask word that records a move into a won stage. */
  private static final long WON_EVER = 1L << 63;

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
    // OPEN, WON, LOST are slots 1, 2, 3 and kinds 0, 1, 2.
    c[base + OPEN + state]++;
    // Branch-free (the state of a deal is data the branch predictor cannot learn): increments that
    // do not apply add 0 or go to the trash slot.
    final int won = state == ColumnarDealLog.WON ? 1 : 0;
    final int priced = amt == ColumnarDealLog.NO_AMOUNT ? 0 : 1;
    c[base + amount + 3] += won != 0 ? cycle : 0;
    c[base + amount] = Math.addExact(c[base + amount], (won & priced) != 0 ? amt : 0L);
    c[base + amount + 1] += won & priced;
    c[base + amount + 2] += won & (priced ^ 1);
    c[base + (state == ColumnarDealLog.LOST && lostRank > 0 ? lostAt + lostRank - 1 : trash)]++;
    c[base + MAX_RANK + effMax]++;
    if (patterns >= 0) {
      c[base + patterns + (int) mask0 + (won << n)]++;
      return;
    }
    final long first = mask0 & 1L;
    if (n <= 64) {
      // Up to 64 ranks: entered k, entered k with the first, entered k and k + 1 (or won after
      // the last) as 0/1 over every rank, without a data-dependent loop.
      final long pairs = mask0 & nextRanks(mask0, won);
      final long withFirstMask = mask0 & -first;
      for (int k = 0; k < n; k++) {
        c[base + entered + k] += (mask0 >>> k) & 1L;
        c[base + withFirst + k] += (withFirstMask >>> k) & 1L;
        c[base + pair + k] += (pairs >>> k) & 1L;
      }
      return;
    }
    for (int word = 0; word < 2; word++) {
      long m = word == 0 ? mask0 : mask1;
      while (m != 0) {
        final int k = Long.numberOfTrailingZeros(m) + 64 * word;
        m &= m - 1;
        c[base + entered + k]++;
        if (first != 0) {
          c[base + withFirst + k]++;
        }
        if (k + 1 < n ? has(mask0, mask1, k + 1) : state == ColumnarDealLog.WON) {
          c[base + pair + k]++;
        }
      }
    }
  }

  /** Bit k set when rank k + 2 was entered, or, for the last rank, when the deal is won. */
  private long nextRanks(long mask0, int won) {
    return mask0 >>> 1 | ((long) won << (n - 1));
  }

  /**
   * Moves the entry patterns of every group into its entered, with-first and pair counters (the
   * pattern slots end at zero, so expanding twice changes nothing).
   */
  private void expandPatterns(long[] c) {
    if (patterns < 0) {
      return;
    }
    for (int b = 0; b < c.length; b += stride) {
      for (int pattern = 0; pattern < 2 << n; pattern++) {
        long deals = c[b + patterns + pattern];
        if (deals == 0) {
          continue;
        }
        c[b + patterns + pattern] = 0;
        long mask = pattern & ((1L << n) - 1);
        long pairs = mask & nextRanks(mask, pattern >>> n);
        long withFirstMask = mask & -(mask & 1L);
        for (int k = 0; k < n; k++) {
          c[b + entered + k] += ((mask >>> k) & 1L) * deals;
          c[b + withFirst + k] += ((withFirstMask >>> k) & 1L) * deals;
          c[b + pair + k] += ((pairs >>> k) & 1L) * deals;
        }
      }
    }
  }

  private static boolean has(long mask0, long mask1, int k) {
    return k < 64 ? (mask0 & (1L << k)) != 0 : (mask1 & (1L << (k - 64))) != 0;
  }

  /** True in cell form: every segment was scanned by this partial's resolved query. */
  boolean cellForm() {
    return cells != null;
  }

  /** The group keys of grouping g. */
  List<List<String>> keys(int g) {
    return cellForm() ? spec.groupings[g].keys : keys.get(g);
  }

  /**
   * The counters of every grouping, {@code stride} per group: in cell form, summed over the cells
   * of the grouping's space (grouping 0, the whole selection, over every cell of space 0), entry
   * patterns expanded into the per-rank counters.
   */
  long[][] groupCounters() {
    if (!cellForm()) {
      // Built only from groupCounters() of other partials: patterns already expanded.
      return counters;
    }
    Grouping[] gs = spec.groupings;
    long[][] out = new long[gs.length][];
    out[0] = new long[stride];
    for (int s = 0; s < spec.spaces.length; s++) {
      Space space = spec.spaces[s];
      long[] c = cells[s];
      for (int j = 0; j < space.members.length; j++) {
        out[space.members[j]] = new long[gs[space.members[j]].size() * stride];
      }
      for (int cell = 0; cell < space.cells; cell++) {
        int from = cell * stride;
        if (c[from + DEALS] == 0) {
          continue; // every counter of a cell without deals is zero
        }
        if (s == 0) {
          addInto(out[0], 0, c, from);
        }
        for (int j = 0; j < space.members.length; j++) {
          addInto(out[space.members[j]], space.groupOf(cell, j) * stride, c, from);
        }
      }
    }
    for (long[] c : out) {
      expandPatterns(c);
    }
    return out;
  }

  private void addInto(long[] to, int at, long[] from, int start) {
    for (int i = 0; i < stride; i++) {
      to[at + i] = Math.addExact(to[at + i], from[start + i]);
    }
  }

  /** Turns a cell-form partial into grouped form (needed to merge with another query's). */
  private void toGrouped() {
    if (!cellForm()) {
      return;
    }
    long[][] grouped = groupCounters();
    List<List<List<String>>> k = new ArrayList<>();
    for (Grouping g : spec.groupings) {
      k.add(new ArrayList<>(g.keys));
    }
    if (pooled) {
      BufferPool.release((Object[]) cells);
    }
    cells = null;
    counters = grouped;
    keys = k;
  }

  /** A new partial holding this one and the other; neither changes. */
  FunnelPartial plus(FunnelPartial other) {
    FunnelPartial out = new FunnelPartial(spec, false);
    out.mergeIn(this);
    out.mergeIn(other);
    return out;
  }

  /**
   * Adds another partial of the same query into this one. Segments are shared, not copied; they are
   * never written after their scan.
   *
   * @throws IllegalArgumentException if the other is this partial, or of another query shape
   */
  FunnelPartial mergeIn(FunnelPartial other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge a partial into itself");
    }
    if (other.n != n
        || other.spec.groupings.length != spec.groupings.length
        || !other.spec.log.pipeline.equals(spec.log.pipeline)
        || other.spec.counting != spec.counting
        || !other.spec.breakdowns.equals(spec.breakdowns)
        || !Arrays.equals(other.spec.percentiles, spec.percentiles)
        || !other.spec.asOf.equals(spec.asOf)
        || !other.spec.from.equals(spec.from)
        || !other.spec.to.equals(spec.to)
        || !other.spec.zone.equals(spec.zone)
        || (currency != null && other.currency != null && !currency.equals(other.currency))) {
      throw new IllegalArgumentException(
          "cannot merge aggregates of different queries (pipeline, as-of, cohort, zone, counting,"
              + " breakdowns, percentiles and currency must match)");
    }
    if (currency == null) {
      currency = other.currency;
    }
    if (cellForm() && other.cellForm() && other.spec == spec) {
      for (int s = 0; s < cells.length; s++) {
        long[] mine = cells[s];
        long[] theirs = other.cells[s];
        for (int i = 0, len = spec.spaces[s].cells * stride; i < len; i++) {
          mine[i] = Math.addExact(mine[i], theirs[i]);
        }
      }
      segments.addAll(other.segments);
      return this;
    }
    toGrouped();
    long[][] theirCounters = other.groupCounters();
    for (int g = 0; g < counters.length; g++) {
      int[] map = groupMap(keys.get(g), other.keys(g));
      if (keys.get(g).size() * stride > counters[g].length) {
        counters[g] = Arrays.copyOf(counters[g], keys.get(g).size() * stride);
      }
      long[] mine = counters[g];
      long[] theirs = theirCounters[g];
      for (int og = 0; og < map.length; og++) {
        int to = map[og] * stride;
        int from = og * stride;
        for (int i = 0; i < stride; i++) {
          mine[to + i] = Math.addExact(mine[to + i], theirs[from + i]);
        }
      }
    }
    segments.addAll(other.segments);
    return this;
  }

  /**
   * Merges another partial of the same engine run into this one and gives the other's counters back
   * to the pool; its segments now belong to this partial.
   */
  FunnelPartial absorb(FunnelPartial other) {
    mergeIn(other);
    if (other.pooled && other.cells != null) {
      BufferPool.release((Object[]) other.cells);
    }
    other.cells = null;
    other.segments.clear();
    return this;
  }

  /** Maps group ids of {@code theirs} to ids in {@code mine}, appending keys {@code mine} lacks. */
  static int[] groupMap(List<List<String>> mine, List<List<String>> theirs) {
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
    return map;
  }
}
