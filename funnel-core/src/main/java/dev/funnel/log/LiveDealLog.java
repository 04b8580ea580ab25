package dev.funnel.log;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import java.lang.ref.SoftReference;
import java.time.Instant;
import java.util.List;

/**
 * A deal log that grows while a CRM runs: deals and stage changes are appended in any arrival order
 * (a change may arrive before its deal), and {@link #snapshot()} returns an immutable {@link
 * DealLog} of everything appended so far, on which any report is computed exactly as a batch report
 * over the same records.
 *
 * <p>Appends are amortized O(1) (columnar buffers, one hash lookup of the deal id); a snapshot
 * costs one pass over the records, like a batch build, except when nothing was appended since the
 * previous snapshot (no append call, refused ones included): then it is that same log (kept softly,
 * so the garbage collector may take it back when memory runs short, and the next snapshot builds it
 * again). A change whose deal has not arrived yet is <em>pending</em>: left out of snapshots (and
 * of their record counts) until its deal arrives. Record-local problems (unknown stage, duplicate
 * deal id, a second currency) throw at append time unless the log is lenient; the refused record is
 * not part of the log (nor of its records read), and the log goes on taking records. A change that
 * precedes its deal's creation is listed in the snapshot's {@link DealLog#rejections()}, as is a
 * record outside the log's 68 years ({@link DealLogBuilder}). The 68-year window of a later
 * snapshot holds every deal and change the previous one kept, as long as that window has at least
 * half the deals of the best one; otherwise it gives way to the window with the most deals, as in a
 * batch build (then the earlier records were the outliers, a placeholder date among them), and the
 * records outside it are listed as rejected.
 *
 * <p>Thread-safe: appends and snapshots may come from different threads.
 *
 * {@snippet :
 * LiveDealLog live = LiveDealLog.create(pipeline);
 * live.change("D-1", "qualified", Instant.parse("2026-03-03T10:00:00Z")); // pending
 * live.deal(Deal.builder("D-1", Instant.parse("2026-03-02T09:00:00Z")).build());
 * FunnelReport now = Funnel.of(live.snapshot()).report();
 * }
 */
public final class LiveDealLog {
  private final DealLogBuilder builder;

  /**
   * Append calls so far, refused and rejected ones included: any of them invalidates {@link #last}.
   */
  private long appends;

  private SoftReference<DealLog> last = new SoftReference<>(null);

  /** The value of {@link #appends} when {@link #last} was built. */
  private long lastAppends = -1;

  private LiveDealLog(DealLogBuilder builder) {
    this.builder = builder;
  }

  /**
   * A live log that throws on the first record-local problem.
   *
   * @param pipeline the pipeline every stage change refers to
   * @return a new, empty strict live log
   */
  public static LiveDealLog create(Pipeline pipeline) {
    return new LiveDealLog(new DealLogBuilder(pipeline).refuseAndContinue());
  }

  /**
   * A live log that lists rejected records in its snapshots instead of throwing.
   *
   * @param pipeline the pipeline every stage change refers to
   * @return a new, empty lenient live log
   */
  public static LiveDealLog lenient(Pipeline pipeline) {
    return new LiveDealLog(new DealLogBuilder(pipeline).lenient());
  }

  /**
   * Appends a deal.
   *
   * @param deal the deal
   * @return this log
   * @throws RejectedRecordException if strict and the id is taken or the currency differs
   * @throws IllegalStateException if the log's deal ids or lead ids would take more than 2 GiB
   */
  public synchronized LiveDealLog deal(Deal deal) {
    appends++;
    builder.deal(deal);
    return this;
  }

  /**
   * Appends a deal read from this origin.
   *
   * @param deal the deal
   * @param origin where the deal was read
   * @return this log
   * @throws RejectedRecordException if strict and the id is taken or the currency differs
   * @throws IllegalStateException if the log's deal ids or lead ids would take more than 2 GiB
   */
  public synchronized LiveDealLog deal(Deal deal, Origin origin) {
    appends++;
    builder.deal(deal, origin);
    return this;
  }

  /**
   * Appends a stage change.
   *
   * @param change the stage change
   * @return this log
   * @throws RejectedRecordException if strict and the stage is not in the pipeline
   */
  public synchronized LiveDealLog change(StageChange change) {
    appends++;
    builder.change(change);
    return this;
  }

  /**
   * Appends a stage change read from this origin.
   *
   * @param change the stage change
   * @param origin where the change was read
   * @return this log
   * @throws RejectedRecordException if strict and the stage is not in the pipeline
   */
  public synchronized LiveDealLog change(StageChange change, Origin origin) {
    appends++;
    builder.change(change, origin);
    return this;
  }

  /**
   * Appends a change recorded when it happened, with no actor.
   *
   * @param dealId the id of the deal that moved
   * @param toStage the id of the stage it moved into
   * @param occurredAt when the move happened; also its {@code recordedAt}
   * @return this log
   * @throws RejectedRecordException if strict and the stage is not in the pipeline
   */
  public synchronized LiveDealLog change(String dealId, String toStage, Instant occurredAt) {
    requireNonNull(dealId, "dealId");
    appends++;
    builder.change(StageChange.of(dealId, toStage, occurredAt));
    return this;
  }

  /**
   * Declares deal attributes by name, as {@link DealLogBuilder#attributes(List)}: one that no deal
   * has a value for yet is still one of the snapshots' {@link DealLog#attributeNames()}.
   *
   * @param names the attribute names, non-blank
   * @return this log
   * @throws IllegalArgumentException if a name is blank
   */
  public synchronized LiveDealLog attributes(List<String> names) {
    appends++;
    builder.attributes(names);
    return this;
  }

  /**
   * Changes appended whose deal has not arrived yet.
   *
   * @return how many changes are pending
   */
  public synchronized long pendingChanges() {
    return builder.pendingChanges();
  }

  /**
   * An immutable log of every deal and every change whose deal has arrived: the previous snapshot
   * itself when nothing was appended since (and the garbage collector has not taken it back).
   *
   * @return the log of the records accepted so far; pending changes are not in it
   */
  public synchronized DealLog snapshot() {
    DealLog log = last.get();
    if (log == null || lastAppends != appends) {
      log = builder.snapshot();
      last = new SoftReference<>(log);
      lastAppends = appends;
    }
    return log;
  }

  @Override
  public synchronized String toString() {
    return "LiveDealLog" + builder.toString().substring("DealLog.builder".length());
  }
}
