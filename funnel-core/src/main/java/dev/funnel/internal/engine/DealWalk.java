package dev.funnel.internal.engine;

import dev.funnel.DealState;
import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.columns.Visits;
import dev.funnel.model.StageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state of every deal at an as-of instant, as columns: the shared derivation (implicit entry,
 * no-op changes, lost-at, closedAt) for analyses other than the funnel kernel.
 */
public final class DealWalk {
  /** Per deal: the current stage index, or -1 if the deal is not visible at as-of. */
  public final int[] stage;

  /** Per deal: when it entered the current stage (log offset seconds). */
  public final int[] entered;

  /**
   * Per deal: the stage it was in just before its final entry into LOST (an open stage, or a won
   * one for a deal lost after it was won), or -1 if it is not lost or was created directly lost.
   */
  public final int[] lostAtStage;

  /** Per deal: the highest open rank entered, or n if it ever won. */
  public final int[] maxRank;

  private final ColumnarDealLog log;

  private DealWalk(ColumnarDealLog log) {
    this.log = log;
    this.stage = new int[log.dealCount];
    this.entered = new int[log.dealCount];
    this.lostAtStage = new int[log.dealCount];
    this.maxRank = new int[log.dealCount];
  }

  /** Walks every deal created at or before as-of. */
  public static DealWalk of(ColumnarDealLog log, int asOf) {
    DealWalk w = new DealWalk(log);
    int n = log.openStageIndex.length;
    Visits visits = new Visits();
    for (int d = 0; d < log.dealCount; d++) {
      if (log.created[d] > asOf) {
        w.stage[d] = -1;
        continue;
      }
      int v = visits.load(log, d, asOf);
      int max = 0;
      boolean won = false;
      int lostFrom = -1;
      for (int i = 0; i < v; i++) {
        int s = visits.stage[i];
        byte ks = log.stageKind[s];
        if (ks == ColumnarDealLog.LOST
            && (i == 0 || log.stageKind[visits.stage[i - 1]] != ColumnarDealLog.LOST)) {
          lostFrom = i == 0 ? -1 : visits.stage[i - 1];
        }
        max = Math.max(max, log.stageRank[s]);
        won |= ks == ColumnarDealLog.WON;
      }
      int cur = visits.stage[v - 1];
      w.stage[d] = cur;
      w.entered[d] = visits.entry[v - 1];
      w.lostAtStage[d] = log.stageKind[cur] == ColumnarDealLog.LOST ? lostFrom : -1;
      w.maxRank[d] = won ? n : max;
    }
    return w;
  }

  /** The states of the deals at positions [lo, hi) that are visible at as-of. */
  public List<DealState> states(int lo, int hi) {
    List<DealState> out = new ArrayList<>(Math.max(0, hi - lo));
    for (int d = lo; d < hi; d++) {
      if (stage[d] < 0) {
        continue;
      }
      int s = stage[d];
      byte k = log.stageKind[s];
      StageKind kind =
          k == ColumnarDealLog.OPEN
              ? StageKind.OPEN
              : k == ColumnarDealLog.WON ? StageKind.WON : StageKind.LOST;
      out.add(
          new DealState(
              d,
              log.dealId(d),
              log.instant(log.created[d]),
              log.ownerNames[log.owner[d]],
              log.channelNames[log.channel[d]],
              log.money(log.amount[d]),
              log.leadId(d),
              log.lossReasonNames[log.lossReason[d]],
              kind,
              log.pipeline.stages().get(s).id(),
              log.instant(entered[d]),
              kind == StageKind.OPEN ? Optional.empty() : Optional.of(log.instant(entered[d])),
              lostAtStage[d] < 0
                  ? Optional.empty()
                  : Optional.of(log.pipeline.stages().get(lostAtStage[d]).id()),
              maxRank[d]));
    }
    return out;
  }
}
