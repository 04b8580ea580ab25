package dev.funnel.internal.process;

import dev.funnel.hygiene.FlagKind;
import dev.funnel.hygiene.GroupHygiene;
import dev.funnel.hygiene.HygieneFlag;
import dev.funnel.hygiene.HygieneReport;
import dev.funnel.hygiene.StageHygiene;
import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.columns.Visits;
import dev.funnel.internal.engine.Selection;
import dev.funnel.model.Stage;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One pass over the columnar log for the hygiene audit. Per deal it collects the transitions into
 * small reusable scratch arrays (grown, never reallocated per change), finds burst members by a
 * sliding window over their sorted recordedAt values, and adds every transition to per-stage,
 * per-owner and per-actor counters. The only per-change allocation is a listed flag.
 */
public final class HygieneScan {
  private static final int RETRO = 0;
  private static final int BURST = 1;
  private static final int SKIP = 2;
  private static final int BACK = 3;
  private static final int TRANS = 4;
  private static final int FIELDS = 5;

  private final ColumnarDealLog log;
  private final long tolerance;
  private final int burstMin;
  private final long window;
  private final int flagLimit;

  private final Visits visits = new Visits();
  private int[] tChange = new int[16];
  private int[] tFrom = new int[16];
  private long[] keys = new long[16];
  private boolean[] inBurst = new boolean[16];

  private final long[] stageCounts;
  private final long[] skippedOver;
  private final long[] entered;
  private final int[] enteredMark;
  private final long[] reachedExactly;
  private final long[] ownerCounts;
  private final long[] actorCounts;
  private final List<HygieneFlag> flags = new ArrayList<>();
  private long omitted;
  private long deals;
  private long dealsWithTransitions;

  private HygieneScan(
      ColumnarDealLog log, Duration tolerance, int burstMin, Duration window, int flagLimit) {
    this.log = log;
    this.tolerance = tolerance.getSeconds();
    this.burstMin = burstMin;
    this.window = window.getSeconds();
    this.flagLimit = flagLimit;
    int stages = log.stageKind.length;
    this.stageCounts = new long[stages * FIELDS];
    this.skippedOver = new long[stages];
    this.entered = new long[stages];
    this.enteredMark = new int[stages];
    Arrays.fill(enteredMark, -1);
    this.reachedExactly = new long[log.openStageIndex.length + 1];
    this.ownerCounts = new long[log.ownerNames.length * FIELDS];
    this.actorCounts = new long[log.actorNames.length * FIELDS];
  }

  /** The hygiene report of the selected deals. */
  public static HygieneReport run(
      ColumnarDealLog log,
      Selection sel,
      Duration tolerance,
      int burstMin,
      Duration window,
      int flagLimit) {
    HygieneScan scan = new HygieneScan(log, tolerance, burstMin, window, flagLimit);
    for (int d = sel.lo(); d < sel.hi(); d++) {
      if (log.created[d] <= sel.asOfOffset()) {
        scan.deal(d, sel.asOfOffset());
      }
    }
    return scan.result(sel, tolerance, burstMin, window);
  }

  private void grow(int size) {
    if (size > tChange.length) {
      int n = Math.max(size, tChange.length * 2);
      tChange = Arrays.copyOf(tChange, n);
      tFrom = Arrays.copyOf(tFrom, n);
      keys = Arrays.copyOf(keys, n);
      inBurst = Arrays.copyOf(inBurst, n);
    }
  }

  private void deal(int d, int asOf) {
    deals++;
    int n = log.openStageIndex.length;
    int v = visits.load(log, d, asOf);
    grow(v);
    int max = 0;
    boolean won = false;
    int k = 0;
    for (int i = 0; i < v; i++) {
      int s = visits.stage[i];
      max = Math.max(max, log.stageRank[s]);
      won |= log.stageKind[s] == ColumnarDealLog.WON;
      int c = visits.change[i];
      if (c < 0) {
        continue; // the implicit entry is no transition
      }
      tChange[k] = c;
      tFrom[k] = i == 0 ? -1 : visits.stage[i - 1];
      k++;
      if (enteredMark[s] != d) {
        enteredMark[s] = d;
        entered[s]++;
      }
    }
    reachedExactly[won ? n : max]++;
    dealsWithTransitions += k > 0 ? 1 : 0;
    markBursts(k);
    int owner = log.owner[d];
    for (int i = 0; i < k; i++) {
      int c = tChange[i];
      int from = tFrom[i];
      int to = log.stage[c];
      boolean retro = log.lag[c] > tolerance;
      int skipped = 0;
      boolean back = false;
      int fromRank = from < 0 ? 0 : log.stageRank[from];
      if (fromRank > 0) {
        int toRank = log.stageKind[to] == ColumnarDealLog.WON ? n + 1 : log.stageRank[to];
        if (toRank > fromRank + 1) {
          skipped = toRank - fromRank - 1;
          for (int r = fromRank + 1; r < toRank; r++) {
            skippedOver[log.openStageIndex[r - 1]]++;
          }
        } else if (toRank > 0 && toRank < fromRank) {
          back = true;
        }
      }
      add(stageCounts, to, retro, inBurst[i], skipped > 0, back);
      add(ownerCounts, owner, retro, inBurst[i], skipped > 0, back);
      add(actorCounts, log.actor[c], retro, inBurst[i], skipped > 0, back);
      if (retro) {
        flag(FlagKind.RETROACTIVE, d, from, c, 0);
      }
      if (inBurst[i]) {
        flag(FlagKind.BURST, d, from, c, 0);
      }
      if (skipped > 0) {
        flag(FlagKind.SKIP, d, from, c, skipped);
      }
      if (back) {
        flag(FlagKind.BACKWARD, d, from, c, 0);
      }
    }
  }

  /**
   * Marks in {@link #inBurst} every transition 0..k-1 that lies in a window of at least burstMin
   * transitions, consecutive by recordedAt, spanning at most the window.
   */
  private void markBursts(int k) {
    Arrays.fill(inBurst, 0, k, false);
    if (k < burstMin) {
      return;
    }
    for (int i = 0; i < k; i++) {
      int c = tChange[i];
      long recorded = (long) log.at[c] + log.lag[c];
      keys[i] = Math.multiplyExact(recorded, 1L << 31) | i;
    }
    Arrays.sort(keys, 0, k);
    int right = 0;
    int markedUntil = 0;
    for (int left = 0; left < k; left++) {
      long start = keys[left] >> 31;
      if (right < left) {
        right = left;
      }
      while (right + 1 < k && (keys[right + 1] >> 31) - start <= window) {
        right++;
      }
      if (right - left + 1 >= burstMin) {
        for (int j = Math.max(left, markedUntil); j <= right; j++) {
          inBurst[(int) (keys[j] & 0x7fff_ffffL)] = true;
        }
        markedUntil = right + 1;
      }
    }
  }

  private static void add(
      long[] counts, int code, boolean retro, boolean burst, boolean skip, boolean back) {
    int o = code * FIELDS;
    counts[o + TRANS]++;
    if (retro) {
      counts[o + RETRO]++;
    }
    if (burst) {
      counts[o + BURST]++;
    }
    if (skip) {
      counts[o + SKIP]++;
    }
    if (back) {
      counts[o + BACK]++;
    }
  }

  private void flag(FlagKind kind, int d, int from, int c, int skipped) {
    if (flags.size() >= flagLimit) {
      omitted++;
      return;
    }
    List<Stage> stages = log.pipeline.stages();
    int occurred = log.at[c];
    flags.add(
        new HygieneFlag(
            kind,
            log.dealId(d),
            log.ownerNames[log.owner[d]],
            from < 0 ? Optional.empty() : Optional.of(stages.get(from).id()),
            stages.get(log.stage[c]).id(),
            log.instant(occurred),
            log.instant(occurred).plusSeconds(log.lag[c]),
            log.actor[c] == 0 ? Optional.empty() : Optional.of(log.actorNames[log.actor[c]]),
            skipped));
  }

  private HygieneReport result(Selection sel, Duration tolerance, int burstMin, Duration window) {
    int n = log.openStageIndex.length;
    long[] reachedAtLeast = new long[n + 2];
    for (int r = n; r >= 1; r--) {
      reachedAtLeast[r] = reachedAtLeast[r + 1] + reachedExactly[r];
    }
    List<StageHygiene> stages = new ArrayList<>();
    List<Stage> all = log.pipeline.stages();
    long[] total = new long[FIELDS];
    long skippedStages = 0;
    for (int s = 0; s < all.size(); s++) {
      int o = s * FIELDS;
      for (int f = 0; f < FIELDS; f++) {
        total[f] += stageCounts[o + f];
      }
      int rank = log.stageRank[s];
      skippedStages += skippedOver[s];
      stages.add(
          new StageHygiene(
              all.get(s).id(),
              all.get(s).kind(),
              stageCounts[o + TRANS],
              stageCounts[o + RETRO],
              stageCounts[o + BURST],
              skippedOver[s],
              rank == 0 ? Proportion.empty() : Proportion.of(entered[s], reachedAtLeast[rank])));
    }
    return new HygieneReport(
        sel.asOf(),
        tolerance,
        burstMin,
        window,
        deals,
        dealsWithTransitions,
        total[TRANS],
        total[RETRO],
        total[BURST],
        total[SKIP],
        skippedStages,
        total[BACK],
        stages,
        groups(ownerCounts, log.ownerNames),
        groups(actorCounts, log.actorNames),
        flags,
        omitted);
  }

  private static List<GroupHygiene> groups(long[] counts, String[] names) {
    List<GroupHygiene> out = new ArrayList<>();
    for (int code = 0; code < names.length; code++) {
      int o = code * FIELDS;
      if (counts[o + TRANS] == 0) {
        continue;
      }
      out.add(
          new GroupHygiene(
              names[code],
              counts[o + TRANS],
              counts[o + RETRO],
              counts[o + BURST],
              counts[o + SKIP],
              counts[o + BACK]));
    }
    out.sort(
        Comparator.comparingLong(GroupHygiene::transitions)
            .reversed()
            .thenComparing(GroupHygiene::key));
    return out;
  }
}
