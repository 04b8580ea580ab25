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

  /** Per deal: the open rank it was in before entering LOST (0 if none). */
  public final int[] lostAtRank;

  /** Per deal: the highest open rank entered, or n if it ever won. */
  public final int[] maxRank;

  private final ColumnarDealLog log;

  private DealWalk(ColumnarDealLog log) {
    this.log = log;
    this.stage = new int[log.dealCount];
    this.entered = new int[log.dealCount];
    this.lostAtRank = new int[log.dealCount];
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
      int lostRank = 0;
      for (int i = 0; i < v; i++) {
        int s = visits.stage[i];
        byte ks = log.stageKind[s];
        if (ks == ColumnarDealLog.LOST
            && (i == 0 || log.stageKind[visits.stage[i - 1]] != ColumnarDealLog.LOST)) {
          lostRank = i == 0 ? 0 : log.stageRank[visits.stage[i - 1]];
        }
        max = Math.max(max, log.stageRank[s]);
        won |= ks == ColumnarDealLog.WON;
      }
      int cur = visits.stage[v - 1];
      w.stage[d] = cur;
      w.entered[d] = visits.entry[v - 1];
      w.lostAtRank[d] = log.stageKind[cur] == ColumnarDealLog.LOST ? lostRank : 0;
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
              lostAtRank[d] == 0
                  ? Optional.empty()
                  : Optional.of(
                      log.pipeline.stages().get(log.openStageIndex[lostAtRank[d] - 1]).id()),
              maxRank[d]));
    }
    return out;
  }
}
