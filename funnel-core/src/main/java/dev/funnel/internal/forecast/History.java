package dev.funnel.internal.forecast;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.columns.Ints;
import dev.funnel.internal.columns.Visits;

/**
 * What the log says as of an instant T, in the shape the forecast needs: transition counts between
 * open stages and into WON / LOST from finished visits, the visits of each open stage with their
 * stay and eventual outcome (for the time-aware probabilities), the direct outcome of deals that
 * entered each stage, and the deals open at T.
 *
 * <p>Rules (METRICS.md "Pipeline and deals"): only changes with {@code occurredAt <= T} are seen; a
 * deal without a change at or before its creation enters {@code s1} at creation; a change into the
 * current stage is no transition. A visit of an open stage is finished when the next change (into
 * another stage) happened by T; the current visit of an open deal is censored. Visits of WON and
 * LOST stages are absorbing: a reopening starts a new open visit but the closed visit counts no
 * transition.
 */
public final class History {
  /** Outcome codes of a visit: not absorbed by T, absorbed in WON, absorbed in LOST. */
  public static final byte CENSORED = 0;

  public static final byte WON = 1;
  public static final byte LOST = 2;

  public final ColumnarDealLog log;
  public final int asOf;

  /** Number of open stages n. */
  public final int n;

  /**
   * {@code counts[i][j]}: finished visits of open rank i+1 followed by open rank j+1 ({@code j <
   * n}), by WON ({@code j == n}) or LOST ({@code j == n+1}).
   */
  public final long[][] counts;

  /** Per open rank - 1: distinct deals that entered the stage and were won / lost at T. */
  public final long[] directWon;

  public final long[] directLost;

  /** Per open rank - 1, per visit: the stay in seconds (to its end, or to T if censored). */
  public final int[][] stay;

  /** Per visit: seconds from entry to the first absorption after entry, or to T if none. */
  public final int[][] elapsed;

  /** Per visit: {@link #CENSORED}, {@link #WON} or {@link #LOST}. */
  public final byte[][] outcome;

  /** The deals open at T: position, open rank - 1, age in the current stage (seconds). */
  public final int[] openDeal;

  public final int[] openRank;
  public final int[] openAge;

  /** Deals created at or before T. */
  public final int visibleDeals;

  /** Per deal created at or before T: its position, and seconds from creation to T. */
  public final int[] visibleDeal;

  /** Per visible deal: seconds from creation to its first absorption, or to T if none. */
  public final int[] firstElapsed;

  /** Per visible deal: the kind of its first absorption, {@link #CENSORED} if none by T. */
  public final byte[] firstOutcome;

  private History(
      ColumnarDealLog log,
      int asOf,
      long[][] counts,
      long[] directWon,
      long[] directLost,
      int[][] stay,
      int[][] elapsed,
      byte[][] outcome,
      int[] openDeal,
      int[] openRank,
      int[] openAge,
      int[] visibleDeal,
      int[] firstElapsed,
      byte[] firstOutcome) {
    this.log = log;
    this.asOf = asOf;
    this.n = log.openStageIndex.length;
    this.counts = counts;
    this.directWon = directWon;
    this.directLost = directLost;
    this.stay = stay;
    this.elapsed = elapsed;
    this.outcome = outcome;
    this.openDeal = openDeal;
    this.openRank = openRank;
    this.openAge = openAge;
    this.visibleDeals = visibleDeal.length;
    this.visibleDeal = visibleDeal;
    this.firstElapsed = firstElapsed;
    this.firstOutcome = firstOutcome;
  }

  /** Walks every deal created at or before {@code asOf} (a log offset in seconds). */
  public static History of(ColumnarDealLog log, int asOf) {
    int n = log.openStageIndex.length;
    long[][] counts = new long[n][n + 2];
    long[] directWon = new long[n];
    long[] directLost = new long[n];
    Ints[] stay = new Ints[n];
    Ints[] elapsed = new Ints[n];
    Ints[] outcome = new Ints[n];
    for (int i = 0; i < n; i++) {
      stay[i] = new Ints();
      elapsed[i] = new Ints();
      outcome[i] = new Ints();
    }
    Ints openDeal = new Ints();
    Ints openRank = new Ints();
    Ints openAge = new Ints();
    Ints visibleDeal = new Ints();
    Ints firstElapsed = new Ints();
    Ints firstOutcome = new Ints();
    Visits visits = new Visits();
    boolean[] entered = new boolean[n];
    for (int d = 0; d < log.dealCount; d++) {
      int c0 = log.created[d];
      if (c0 > asOf) {
        continue;
      }
      visibleDeal.add(d);
      int v = visits.load(log, d, asOf);
      int[] vStage = visits.stage;
      int[] vEntry = visits.entry;
      // Backward pass: the first absorption at or after each visit.
      int absorbAt = asOf;
      byte absorbKind = CENSORED;
      java.util.Arrays.fill(entered, false);
      for (int k = v - 1; k >= 0; k--) {
        int s = vStage[k];
        byte kind = log.stageKind[s];
        if (kind == ColumnarDealLog.WON) {
          absorbAt = vEntry[k];
          absorbKind = WON;
          continue;
        }
        if (kind == ColumnarDealLog.LOST) {
          absorbAt = vEntry[k];
          absorbKind = LOST;
          continue;
        }
        int i = log.stageRank[s] - 1;
        entered[i] = true;
        boolean finished = k + 1 < v;
        int end = finished ? vEntry[k + 1] : asOf;
        if (finished) {
          int next = vStage[k + 1];
          byte nk = log.stageKind[next];
          int j =
              nk == ColumnarDealLog.WON
                  ? n
                  : nk == ColumnarDealLog.LOST ? n + 1 : log.stageRank[next] - 1;
          counts[i][j]++;
        }
        stay[i].add(end - vEntry[k]);
        elapsed[i].add(absorbAt - vEntry[k]);
        outcome[i].add(absorbKind);
      }
      firstElapsed.add(absorbAt - c0);
      firstOutcome.add(absorbKind);
      byte last = log.stageKind[vStage[v - 1]];
      for (int i = 0; i < n; i++) {
        if (entered[i]) {
          if (last == ColumnarDealLog.WON) {
            directWon[i]++;
          } else if (last == ColumnarDealLog.LOST) {
            directLost[i]++;
          }
        }
      }
      if (last == ColumnarDealLog.OPEN) {
        openDeal.add(d);
        openRank.add(log.stageRank[vStage[v - 1]] - 1);
        openAge.add(asOf - vEntry[v - 1]);
      }
    }
    int[][] stayA = new int[n][];
    int[][] elapsedA = new int[n][];
    byte[][] outcomeA = new byte[n][];
    for (int i = 0; i < n; i++) {
      stayA[i] = stay[i].toArray();
      elapsedA[i] = elapsed[i].toArray();
      outcomeA[i] = bytes(outcome[i].toArray());
    }
    return new History(
        log,
        asOf,
        counts,
        directWon,
        directLost,
        stayA,
        elapsedA,
        outcomeA,
        openDeal.toArray(),
        openRank.toArray(),
        openAge.toArray(),
        visibleDeal.toArray(),
        firstElapsed.toArray(),
        bytes(firstOutcome.toArray()));
  }

  private static byte[] bytes(int[] v) {
    byte[] b = new byte[v.length];
    for (int k = 0; k < v.length; k++) {
      b[k] = (byte) v[k];
    }
    return b;
  }

  /** Finished visits of open rank i+1. */
  public long finished(int i) {
    long t = 0;
    for (long c : counts[i]) {
      t += c;
    }
    return t;
  }
}
