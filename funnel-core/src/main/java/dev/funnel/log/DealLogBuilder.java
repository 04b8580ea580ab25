package dev.funnel.log;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.columns.Dictionary;
import dev.funnel.internal.columns.Ints;
import dev.funnel.internal.columns.Longs;
import dev.funnel.internal.columns.StringIndex;
import dev.funnel.internal.columns.Utf8Column;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;
import dev.funnel.model.StageChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Collects deals and stage changes, in any order, and validates them into a {@link DealLog}.
 *
 * <p>Rules (METRICS.md "Pipeline and deals", FORMATS.md): a deal id is non-blank and unique; a
 * change names an accepted deal and a stage of the pipeline; it does not occur before its deal was
 * created; {@code recordedAt} is not in a second before {@code occurredAt}'s; amounts are not
 * negative, the log holds one currency, and all its amounts together fit in a long of minor units
 * (2^63 - 1, or 92,233,720,368,547,758.07 EUR), so that every sum of amounts any analysis of the
 * log takes is exact. A log's instants span at most 2^31 seconds (68 years), and a change is
 * recorded at most that long after it occurred: when the records span more, those outside the
 * 68-year window that keeps the most deals (a 1900-01-01 placeholder, a mistyped year) are
 * rejected. Record-local rules are checked as records are added, rules that relate records (unknown
 * deal, change before creation, the 68 years) when {@link #build()} runs.
 *
 * <p>In strict mode (the default) the first record that breaks a rule throws a {@link
 * RejectedRecordException} naming its origin, field, value and rule. In {@link #lenient()} mode
 * such records are left out and listed in {@link DealLog#rejections()}; a rejected deal takes its
 * changes with it. Either way accepted + rejected = records read.
 *
 * <p>A builder is single-use and not thread-safe. In strict mode its first {@link
 * RejectedRecordException} ends it too: every later call throws {@link IllegalStateException}, so a
 * caller that wants to skip bad records and go on uses {@link #lenient()} (or a {@link
 * LiveDealLog}, whose strict mode refuses the record and goes on).
 */
public final class DealLogBuilder {
  private final Pipeline pipeline;
  private final Map<String, Integer> stageIndex = new HashMap<>();
  private boolean lenient;
  private boolean lenientSet;
  private boolean built;

  /**
   * Set for a {@link LiveDealLog}: in strict mode a rejected record is refused (it throws and is
   * not part of the log, not even as read) and the log goes on; a batch builder fails for good.
   */
  private boolean refuseAndContinue;

  /**
   * A live log's: the first and last second of the deals and changes its previous snapshot kept. A
   * later snapshot's 68-year window holds them, so that a record a snapshot accepted is not
   * rejected by a later one (two 1900-01-01 placeholders appended after one real deal would
   * otherwise take the window from it), unless that window holds fewer than half the deals of the
   * best one ({@link #KEPT_SHARE}): then the earlier records are the outliers (a first snapshot of
   * one placeholder would otherwise pin every real deal after it outside the window). Empty while
   * {@code keepFrom > keepTo}.
   */
  private long keepFrom = Long.MAX_VALUE;

  private long keepTo = Long.MIN_VALUE;

  private final List<Rejection> rejections = new ArrayList<>();
  private long read;
  private long dealOrdinal;
  private long changeOrdinal;

  // Every deal id mentioned by a deal or a change gets a ref.
  private final StringIndex refs = new StringIndex(1 << 10);
  private final Ints refSlot = new Ints();
  private final Set<String> rejectedDealIds = new HashSet<>();

  // Accepted deals, in input order (slots).
  private final Ints dealRef = new Ints();
  private final Longs dealCreated = new Longs();

  /** The sub-second part of each deal's creation: it orders deals created in the same second. */
  private final Ints dealNanos = new Ints();

  private final Ints dealOwner = new Ints();
  private final Ints dealChannel = new Ints();
  private final Longs dealAmount = new Longs();
  private final Ints dealLossReason = new Ints();
  private final Ints dealSource = new Ints();
  private final Longs dealLine = new Longs();
  private final Utf8Column dealIds = new Utf8Column("deal ids", 1 << 10);
  private final Utf8Column dealLeadIds = new Utf8Column("lead ids", 1 << 10);
  private final List<Ints> attributeColumns = new ArrayList<>();
  private final List<Dictionary> attributeValues = new ArrayList<>();

  /** Attribute names by column (a name, even "(unspecified)", is never a missing value). */
  private final StringIndex attributeNames = new StringIndex(16);

  private @Nullable Currency currency;
  private @Nullable Origin currencyOrigin;

  /** The sum of the accepted deals' amounts in minor units: never more than Long.MAX_VALUE. */
  private long amountTotal;

  // Changes that passed record-local checks, in input order.
  private final Ints changeRef = new Ints();
  private final Ints changeStage = new Ints();
  private final Longs changeAt = new Longs();

  /** The sub-second part of each change: it orders a deal's changes in the same second. */
  private final Ints changeNanos = new Ints();

  private final Longs changeRecorded = new Longs();
  private final Ints changeActor = new Ints();
  private final Ints changeSource = new Ints();
  private final Longs changeLine = new Longs();
  private final Dictionary sources = new Dictionary();
  private @Nullable String lastSource;
  private int lastSourceCode;

  private final Dictionary owners = new Dictionary();
  private final Dictionary channels = new Dictionary();
  private final Dictionary lossReasons = new Dictionary();
  private final Dictionary actors = new Dictionary();

  DealLogBuilder(Pipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    List<Stage> stages = pipeline.stages();
    for (int i = 0; i < stages.size(); i++) {
      stageIndex.put(stages.get(i).id(), i);
    }
  }

  /**
   * Collects rejected records instead of failing on the first.
   *
   * @return this builder
   * @throws IllegalStateException if called twice, or after the builder was built
   */
  public DealLogBuilder lenient() {
    checkOpen();
    if (lenientSet) {
      throw new IllegalStateException("lenient() was already called");
    }
    lenientSet = true;
    lenient = true;
    return this;
  }

  /** The attribute names declared with {@link #attributes}, for {@link #toString}. */
  private final List<String> declared = new ArrayList<>();

  /**
   * Declares deal attributes by name: an attribute that no deal ends up with a value for (a CSV
   * column left empty in every row) is then still one of {@link DealLog#attributeNames()}, every
   * deal {@value Deal#UNSPECIFIED} there, where it would otherwise be unknown to breakdowns and
   * filters. Attribute names keep the order in which they are first declared or set; declaring a
   * known name changes nothing.
   *
   * @param names the attribute names, non-blank
   * @return this builder
   * @throws IllegalArgumentException if a name is blank
   * @throws IllegalStateException if the builder was already built, or (strict) already rejected a
   *     record
   */
  public DealLogBuilder attributes(List<String> names) {
    requireNonNull(names, "names");
    checkOpen();
    for (String name : names) {
      requireNonNull(name, "attribute name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("an attribute name is blank");
      }
    }
    for (String name : names) {
      if (!declared.contains(name)) {
        declared.add(name);
      }
      if (attributeNames.intern(name) == attributeColumns.size()) {
        attributeColumns.add(new Ints(16)); // shorter than the deals: the rest read as 0
        attributeValues.add(new Dictionary());
      }
    }
    return this;
  }

  /**
   * Adds a deal; its origin is {@code deals:N}, N counting deals added.
   *
   * @param deal the deal
   * @return this builder
   * @throws RejectedRecordException in strict mode, as {@link #deal(Deal, Origin)}
   * @throws IllegalStateException as {@link #deal(Deal, Origin)}
   */
  public DealLogBuilder deal(Deal deal) {
    return deal(deal, new Origin("deals", dealOrdinal + 1));
  }

  /**
   * Adds a deal read from this origin.
   *
   * @param deal the deal
   * @param origin where the deal was read
   * @return this builder
   * @throws RejectedRecordException in strict mode, if its id is already taken, its currency
   *     differs from the log's, or its amount would take the total of the log's amounts past {@link
   *     Long#MAX_VALUE} minor units
   * @throws IllegalStateException if the builder was already built or (strict) already rejected a
   *     record, or its deal ids or lead ids would take more than the 2 GiB of bytes one log holds
   *     (the deal is then not added)
   */
  public DealLogBuilder deal(Deal deal, Origin origin) {
    requireNonNull(deal, "deal");
    requireNonNull(origin, "origin");
    checkOpen();
    // Encoded before anything changes: if the log cannot take more id bytes, the deal never came.
    byte[] idBytes = dealIds.encode(deal.id());
    byte[] leadIdBytes = dealLeadIds.encode(deal.leadId().orElse(null));
    read++;
    dealOrdinal++;
    // Sources are numbered as they first arrive, rejected or not: rejections list in that order.
    if (!origin.source().equals(lastDealSource)) {
      lastDealSource = origin.source();
      lastDealSourceCode = sources.encode(lastDealSource);
    }
    String id = deal.id();
    int ref = ref(id);
    if (refSlot.get(ref) >= 0) {
      record(Rejection.of(origin, "deal_id", id, "deal id is used twice"));
      return this;
    }
    long minor = ColumnarDealLog.NO_AMOUNT;
    if (deal.amount().isPresent()) {
      Money money = deal.amount().get();
      try {
        minor = money.minorUnits();
      } catch (ArithmeticException e) {
        return rejectAmount(id, origin, money, "more than the largest amount a log holds, ");
      }
    }
    if (deal.amount().isPresent()) {
      Currency c = deal.amount().get().currency();
      if (currency == null) {
        currency = c;
        currencyOrigin = origin;
      } else if (!currency.equals(c)) {
        rejectDealId(id);
        record(
            Rejection.of(
                origin,
                "currency",
                c.getCurrencyCode(),
                "the log's amounts are in "
                    + currency.getCurrencyCode()
                    + " (since "
                    + currencyOrigin
                    + "); one log never mixes "
                    + currency.getCurrencyCode()
                    + " and "
                    + c.getCurrencyCode()));
        return this;
      }
    }
    if (minor != ColumnarDealLog.NO_AMOUNT && minor > Long.MAX_VALUE - amountTotal) {
      return rejectAmount(
          id,
          origin,
          deal.amount().get(),
          "the log's amounts would total more than the largest total a log holds, ");
    }
    if (minor != ColumnarDealLog.NO_AMOUNT) {
      amountTotal += minor;
    }
    if (!rejectedDealIds.isEmpty()) {
      rejectedDealIds.remove(id);
    }
    refSlot.set(ref, dealRef.size());
    dealRef.add(ref);
    dealCreated.add(deal.createdAt().getEpochSecond());
    dealNanos.add(deal.createdAt().getNano());
    dealOwner.add(owners.encode(deal.owner()));
    dealChannel.add(channels.encode(deal.channel()));
    dealAmount.add(minor);
    dealLossReason.add(lossReasons.encode(deal.lossReason()));
    dealSource.add(lastDealSourceCode);
    dealLine.add(origin.line());
    dealIds.add(idBytes);
    dealLeadIds.add(leadIdBytes);
    for (Map.Entry<String, String> e : deal.attributes().entrySet()) {
      int a = attributeNames.intern(e.getKey());
      if (a == attributeColumns.size()) {
        Ints column = new Ints(Math.max(16, dealRef.size()));
        for (int i = 0; i < dealRef.size() - 1; i++) {
          column.add(0);
        }
        attributeColumns.add(column);
        attributeValues.add(new Dictionary());
      }
      Ints column = attributeColumns.get(a);
      while (column.size() < dealRef.size() - 1) {
        column.add(0);
      }
      column.add(attributeValues.get(a).encode(e.getValue()));
    }
    return this;
  }

  private DealLogBuilder rejectAmount(String id, Origin origin, Money money, String reason) {
    rejectDealId(id);
    record(
        Rejection.of(
            origin,
            "amount",
            money.amount().toPlainString(),
            reason + Money.ofMinor(Long.MAX_VALUE, money.currency())));
    return this;
  }

  /**
   * Adds a change recorded when it happened, with no actor.
   *
   * @param dealId the id of the deal that moved
   * @param toStage the id of the stage it moved into
   * @param occurredAt when the move happened; also its {@code recordedAt}
   * @return this builder
   * @throws RejectedRecordException in strict mode, if its stage is not in the pipeline
   * @throws IllegalStateException if the builder was already built, or (strict) already rejected a
   *     record
   */
  public DealLogBuilder change(String dealId, String toStage, Instant occurredAt) {
    return change(StageChange.of(dealId, toStage, occurredAt));
  }

  /**
   * Adds a stage change; its origin is {@code stage changes:N}, N counting changes added.
   *
   * @param change the stage change
   * @return this builder
   * @throws RejectedRecordException in strict mode, if its stage is not in the pipeline
   * @throws IllegalStateException if the builder was already built, or (strict) already rejected a
   *     record
   */
  public DealLogBuilder change(StageChange change) {
    return addChange(change, API_CHANGES, changeOrdinal + 1);
  }

  /**
   * Adds a stage change read from this origin.
   *
   * @param change the stage change
   * @param origin where the change was read
   * @return this builder
   * @throws RejectedRecordException in strict mode, if its stage is not in the pipeline
   * @throws IllegalStateException if the builder was already built, or (strict) already rejected a
   *     record
   */
  public DealLogBuilder change(StageChange change, Origin origin) {
    requireNonNull(origin, "origin");
    return addChange(change, origin.source(), origin.line());
  }

  /** The source name of changes added through the API without an origin. */
  private static final String API_CHANGES = "stage changes";

  // One-entry caches: files and live feeds repeat the deal, stage, actor and source of the last
  // change most of the time, and a string compare is cheaper than a hash lookup.
  private @Nullable String lastDealId;
  private int lastDealRef;
  private @Nullable String lastStageId;
  private int lastStage;
  private @Nullable String lastActor;
  private int lastActorCode;

  private DealLogBuilder addChange(StageChange change, String source, long line) {
    requireNonNull(change, "change");
    checkOpen();
    read++;
    changeOrdinal++;
    int sourceCode = sourceCode(source); // numbered on arrival, as deal sources
    String stageId = change.toStage();
    int s;
    if (stageId.equals(lastStageId)) {
      s = lastStage;
    } else {
      Integer found = stageIndex.get(stageId);
      if (found == null) {
        record(
            Rejection.of(
                new Origin(source, line),
                "to_stage",
                stageId,
                pipeline.unknownStageMessage(stageId)));
        return this;
      }
      s = found;
      lastStageId = stageId;
      lastStage = s;
    }
    String dealId = change.dealId();
    if (!dealId.equals(lastDealId)) {
      lastDealRef = ref(dealId);
      lastDealId = dealId;
    }
    changeRef.add(lastDealRef);
    changeStage.add(s);
    changeAt.add(change.occurredAt().getEpochSecond());
    changeNanos.add(change.occurredAt().getNano());
    changeRecorded.add(change.recordedAt().getEpochSecond());
    int actor = 0;
    if (change.actor().isPresent()) {
      String a = change.actor().get();
      if (!a.equals(lastActor)) {
        lastActorCode = actors.encode(a);
        lastActor = a;
      }
      actor = lastActorCode;
    }
    changeActor.add(actor);
    changeSource.add(sourceCode);
    changeLine.add(line);
    return this;
  }

  /**
   * Accounts for a record that could not even be read (a reader's parse error): it counts as read
   * and rejected.
   *
   * @param rejection the record's origin, field, value and reason
   * @return this builder
   * @throws RejectedRecordException in strict mode, always
   */
  public DealLogBuilder reject(Rejection rejection) {
    requireNonNull(rejection, "rejection");
    checkOpen();
    read++;
    sources.encode(rejection.source());
    record(rejection);
    return this;
  }

  /**
   * Accounts for a deal record that could not be read although its id could: it counts as read and
   * rejected, and the changes of that id are rejected with "its deal was rejected" rather than as
   * changes of an unknown deal.
   *
   * @param dealId the id read from the deal record
   * @param rejection the record's origin, field, value and reason
   * @return this builder
   * @throws RejectedRecordException in strict mode, always
   */
  public DealLogBuilder rejectDeal(String dealId, Rejection rejection) {
    requireNonNull(dealId, "dealId");
    requireNonNull(rejection, "rejection");
    checkOpen();
    read++;
    sources.encode(rejection.source());
    if (refs.indexOf(dealId) < 0 || refSlot.get(refs.indexOf(dealId)) < 0) {
      rejectedDealIds.add(dealId);
    }
    record(rejection);
    return this;
  }

  /** Makes this builder a live log's: strict rejections refuse the record, the log goes on. */
  DealLogBuilder refuseAndContinue() {
    refuseAndContinue = true;
    return this;
  }

  /**
   * Marks a deal id whose deal record was rejected, so that its changes are rejected with it; a
   * refused record (strict live log) leaves no trace, its changes wait for the deal as pending.
   */
  private void rejectDealId(String id) {
    if (lenient) {
      rejectedDealIds.add(id);
    }
  }

  private void record(Rejection rejection) {
    if (!lenient) {
      if (refuseAndContinue) {
        read--; // refused: never part of the log
      } else {
        built = true;
      }
      throw new RejectedRecordException(rejection);
    }
    rejections.add(rejection);
  }

  private void checkOpen() {
    if (built) {
      throw new IllegalStateException("this builder was already built (or failed); start another");
    }
  }

  private int ref(String id) {
    int r = refs.intern(id);
    if (r == refSlot.size()) {
      refSlot.add(-1); // a new id
    }
    return r;
  }

  /**
   * Validates the relations between records and builds the log.
   *
   * @return the log of the accepted records
   * @throws RejectedRecordException in strict mode, for the first record in input order (its source
   *     in the order sources were first named, then its line) that breaks a rule relating records:
   *     a change of an unknown deal, a record outside the log's 68 years (a change of a deal
   *     rejected so goes with its deal, and the deal is named even if the change came first), a
   *     change before its deal's creation
   * @throws IllegalStateException if the builder was already built, or (strict) already rejected a
   *     record
   */
  public DealLog build() {
    checkOpen();
    built = true;
    return assemble(false);
  }

  /**
   * Builds a log of what was added so far without consuming the builder (for {@link LiveDealLog}):
   * changes whose deal has not arrived are pending, not rejected, and build-time rejections are
   * listed in the snapshot only.
   */
  ColumnarDealLog snapshot() {
    checkOpen();
    return assemble(true);
  }

  /** Changes added whose deal has not been added (yet). */
  long pendingChanges() {
    long pending = 0;
    for (int c = 0; c < changeRef.size(); c++) {
      if (refSlot.get(changeRef.get(c)) < 0
          && !rejectedDealIds.contains(refs.key(changeRef.get(c)))) {
        pending++;
      }
    }
    return pending;
  }

  private ColumnarDealLog assemble(boolean live) {
    int deals = dealRef.size();
    long[] created = dealCreated.toArray();
    int[] createdNanos = dealNanos.toArray();
    String[] sourceNames = sources.names();
    List<Rejection> late = live ? new ArrayList<>(rejections) : rejections;
    long pending = 0;

    // Relations: each change names an accepted deal; the log's instants fit its 68 years; no change
    // precedes its deal's creation. The changes of a deal rejected for its instant (a mistyped
    // year) go with it ("its deal was rejected") even when they precede it, and a change that
    // precedes its deal takes no part in choosing the 68 years. The rejections are collected, then
    // listed (lenient, live) or the first in input order thrown (strict).
    List<Rejection> found = new ArrayList<>();
    int changes = changeRef.size();
    int[] changeSlot = new int[changes];
    int[] early = new int[changes]; // the deal of a change before its creation, else -1
    for (int c = 0; c < changes; c++) {
      int ref = changeRef.get(c);
      int slot = refSlot.get(ref);
      early[c] = -1;
      changeSlot[c] = slot;
      if (slot >= 0 && changeAt.get(c) < created[slot]) {
        early[c] = slot;
        changeSlot[c] = -1;
      } else if (slot < 0) {
        String id = refs.key(ref);
        boolean dealRejected = rejectedDealIds.contains(id);
        if (live && !dealRejected) {
          pending++;
          continue;
        }
        found.add(
            Rejection.of(
                changeOrigin(c, sourceNames),
                "deal_id",
                id,
                dealRejected
                    ? "its deal was rejected"
                    : "no deal with this id (a change needs its deal)"));
      }
    }

    // A log holds 2^31 seconds: when its instants span more, the records outside the window
    // that keeps the most of them are rejected (a 1900-01-01 placeholder, a typo in a year).
    boolean[] dropped = new boolean[deals];
    int kept = deals;
    if (spanTooLong(created, changeSlot)) {
      kept = dropOutsideWindow(created, changeSlot, dropped, sourceNames, found);
    }
    int accepted = 0;
    for (int c = 0; c < changes; c++) {
      accepted += changeSlot[c] >= 0 ? 1 : 0;
      int slot = early[c];
      if (slot < 0) {
        continue;
      }
      found.add(
          dropped[slot]
              ? Rejection.of(
                  changeOrigin(c, sourceNames),
                  "deal_id",
                  refs.key(dealRef.get(slot)),
                  "its deal was rejected")
              : Rejection.of(
                  changeOrigin(c, sourceNames),
                  "occurred_at",
                  Instant.ofEpochSecond(changeAt.get(c), changeNanos.get(c)).toString(),
                  "before the deal's created_at "
                      + Instant.ofEpochSecond(created[slot], createdNanos[slot])));
    }
    if (live || lenient) {
      late.addAll(found);
    } else if (!found.isEmpty()) {
      record(firstFault(inInputOrder(found, sourceNames), found, sourceNames));
    }

    // Deal order: createdAt to the nanosecond, ties by deal id, so that the order (and every list
    // in log order) does not depend on the order the deals arrived in.
    long base = Long.MAX_VALUE;
    for (int slot = 0; slot < deals; slot++) {
      if (!dropped[slot]) {
        base = Math.min(base, created[slot]);
      }
    }
    if (kept == 0) {
      base = 0;
    }
    int[] order = new int[kept]; // position -> slot
    {
      int p = 0;
      boolean sorted = true;
      for (int slot = 0; slot < deals; slot++) {
        if (!dropped[slot]) {
          sorted &= p == 0 || !dealAfter(order[p - 1], slot, created, createdNanos);
          order[p++] = slot;
        }
      }
      if (!sorted) {
        long[] keys = new long[kept];
        for (int i = 0; i < kept; i++) {
          keys[i] = ((created[order[i]] - base) << 32) | order[i];
        }
        Arrays.sort(keys);
        for (int i = 0; i < kept; i++) {
          order[i] = (int) keys[i];
        }
        orderTies(order, created, createdNanos);
      }
    }
    int[] position = new int[deals]; // slot -> position
    for (int p = 0; p < kept; p++) {
      position[order[p]] = p;
    }
    deals = kept;

    // Changes grouped by deal position, input order kept, then stably ordered by occurredAt.
    int[] start = new int[deals + 1];
    for (int c = 0; c < changes; c++) {
      if (changeSlot[c] >= 0) {
        start[position[changeSlot[c]] + 1]++;
      }
    }
    for (int p = 0; p < deals; p++) {
      start[p + 1] += start[p];
    }
    int[] fill = Arrays.copyOf(start, deals);
    byte[] stage = new byte[accepted];
    int[] at = new int[accepted];
    int[] lag = new int[accepted];
    int[] actor = new int[accepted];
    int[] nanos = new int[accepted]; // the order within a second, dropped after the sort
    for (int c = 0; c < changes; c++) {
      if (changeSlot[c] < 0) {
        continue;
      }
      int i = fill[position[changeSlot[c]]]++;
      stage[i] = (byte) changeStage.get(c);
      at[i] = (int) (changeAt.get(c) - base);
      lag[i] = (int) (changeRecorded.get(c) - changeAt.get(c));
      actor[i] = changeActor.get(c);
      nanos[i] = changeNanos.get(c);
    }
    for (int p = 0; p < deals; p++) {
      sortChanges(stage, at, nanos, lag, actor, start[p], start[p + 1]);
    }

    // Deal columns in position order.
    int[] createdOffset = new int[deals];
    int[] owner = new int[deals];
    int[] channel = new int[deals];
    long[] amount = new long[deals];
    int[] lossReason = new int[deals];
    int[] leadIdStart = new int[deals + 1];
    byte[] leadIds = dealLeadIds.inOrder(order, leadIdStart);
    int[] idStart = new int[deals + 1];
    byte[] ids = dealIds.inOrder(order, idStart);
    int attributes = attributeColumns.size();
    int[][] attrs = new int[attributes][deals];
    for (int p = 0; p < deals; p++) {
      int slot = order[p];
      createdOffset[p] = (int) (created[slot] - base);
      owner[p] = dealOwner.get(slot);
      channel[p] = dealChannel.get(slot);
      amount[p] = dealAmount.get(slot);
      lossReason[p] = dealLossReason.get(slot);
      for (int a = 0; a < attributes; a++) {
        Ints column = attributeColumns.get(a);
        attrs[a][p] = slot < column.size() ? column.get(slot) : 0;
      }
    }
    String[][] attributeValueNames = new String[attributes][];
    for (int a = 0; a < attributes; a++) {
      attributeValueNames[a] = attributeValues.get(a).names();
    }
    String[] attributeNameArray = attributeNames.keys();
    int latest = ColumnarDealLog.latestOf(createdOffset, at);
    if (live && deals > 0) {
      // this snapshot's span (it holds the previous one's, unless the window gave way): see
      // keepFrom
      keepFrom = base;
      keepTo = base + latest;
    }
    return new ColumnarDealLog(
        pipeline,
        base,
        createdOffset,
        owner,
        channel,
        amount,
        lossReason,
        leadIds,
        leadIdStart,
        attrs,
        start,
        ids,
        idStart,
        stage,
        at,
        lag,
        actor,
        owners.names(),
        channels.names(),
        lossReasons.names(),
        actors.names(),
        attributeNameArray,
        attributeValueNames,
        currency,
        read - pending,
        inInputOrder(late, sourceNames),
        latest);
  }

  /**
   * The rejections in input order: by source, in the order the sources were first added, then by
   * line. Record-local problems are found as records arrive and relations (unknown deal, change
   * before creation, the 68 years) at build, so the list is collected out of order.
   */
  private static List<Rejection> inInputOrder(List<Rejection> rejections, String[] sourceNames) {
    Map<String, Integer> rank = new HashMap<>();
    for (String name : sourceNames) {
      rank.putIfAbsent(name, rank.size());
    }
    for (Rejection r : rejections) {
      rank.putIfAbsent(r.source(), rank.size());
    }
    List<Rejection> out = new ArrayList<>(rejections);
    out.sort(
        Comparator.comparingInt((Rejection r) -> rank.get(r.source()))
            .thenComparingLong(Rejection::line));
    return out;
  }

  /**
   * The rejection strict mode throws: the first in input order that is a fault of its own. A change
   * that went with its deal (outside the 68 years) is not: its deal's rejection stands for it, even
   * when a caller added the changes before the deals.
   */
  private Rejection firstFault(
      List<Rejection> inOrder, List<Rejection> found, String[] sourceNames) {
    for (Rejection r : inOrder) {
      if (!dealOutsideTheYears(r, found, sourceNames)) {
        return r;
      }
    }
    return inOrder.get(0); // not reached: a deal's own rejection is never one that went with it
  }

  /** Whether this is a change rejected with its deal, whose own rejection is among those found. */
  private boolean dealOutsideTheYears(Rejection r, List<Rejection> found, String[] sourceNames) {
    if (!r.field().equals("deal_id") || !r.reason().equals("its deal was rejected")) {
      return false;
    }
    int ref = refs.indexOf(r.value());
    int slot = ref < 0 ? -1 : refSlot.get(ref);
    if (slot < 0) {
      return false;
    }
    Origin deal = new Origin(sourceNames[dealSource.get(slot)], dealLine.get(slot));
    for (Rejection f : found) {
      if (f.origin().equals(deal)) {
        return true;
      }
    }
    return false;
  }

  /** A log's instants span at most 2^31 - 1 seconds, a change's recording lag as well. */
  private static final long SPAN = Integer.MAX_VALUE;

  private boolean spanTooLong(long[] created, int[] changeSlot) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long t : created) {
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    for (int c = 0; c < changeSlot.length; c++) {
      if (changeSlot[c] >= 0) {
        max = Math.max(max, changeAt.get(c));
        if (changeRecorded.get(c) - changeAt.get(c) > SPAN) {
          return true;
        }
      }
    }
    return created.length > 0 && max - min > SPAN;
  }

  /**
   * Rejects the deals and changes outside the 2^31-second window that holds the most deals (then
   * the most changes, then the latest such window; in a live log, the best of the windows that hold
   * what its previous snapshot kept, unless those have fewer than half the deals of the best one),
   * and the changes recorded 2^31 seconds or more after they occurred, adding each rejection to
   * {@code found}: a rejected deal takes its changes with it. Returns the deals kept.
   */
  private int dropOutsideWindow(
      long[] created,
      int[] changeSlot,
      boolean[] dropped,
      String[] sourceNames,
      List<Rejection> found) {
    int n = created.length;
    // Each instant as 2t + 1 for a deal's creation, 2t for a change, sorted by time.
    long[] instants = new long[n + changeSlot.length];
    int size = 0;
    for (long t : created) {
      instants[size++] = 2 * t + 1;
    }
    for (int c = 0; c < changeSlot.length; c++) {
      if (changeSlot[c] >= 0) {
        instants[size++] = 2 * changeAt.get(c);
      }
    }
    Arrays.sort(instants, 0, size);
    // The window keeping the most deals (a rejected deal takes its changes), then the most
    // changes, then the latest; in a live log, the best of those that hold what the previous
    // snapshot kept too.
    long[] best = {-1, -1, instants[0] >> 1, instants[0] >> 1}; // deals, changes, from, to
    long[] bestKeeping = {-1, -1, 0, 0};
    boolean keeping = keepFrom <= keepTo;
    long deals = 0;
    long changes = 0;
    for (int i = 0, j = 0; j < size; j++) {
      deals += instants[j] & 1;
      changes += 1 - (instants[j] & 1);
      while ((instants[j] >> 1) - (instants[i] >> 1) > SPAN) {
        deals -= instants[i] & 1;
        changes -= 1 - (instants[i] & 1);
        i++;
      }
      long first = instants[i] >> 1;
      long last = instants[j] >> 1;
      better(best, deals, changes, first, last);
      if (keeping && first <= keepFrom && last >= keepTo) {
        better(bestKeeping, deals, changes, first, last);
      }
    }
    // What the previous snapshot kept stays, unless its window holds fewer than half the deals of
    // the best one: then the log's records say it was the outlier (a first snapshot of one
    // placeholder deal must not pin every real deal appended after it outside the window).
    long[] chosen =
        keeping && bestKeeping[0] >= 0 && bestKeeping[0] * KEPT_SHARE >= best[0]
            ? bestKeeping
            : best;
    long from = chosen[2];
    long to = chosen[3];
    String window =
        "68 years (2^31 seconds) or more away from the rest of the log, which lies in ["
            + Instant.ofEpochSecond(from)
            + ", "
            + Instant.ofEpochSecond(to)
            + "]";
    int kept = n;
    for (int slot = 0; slot < n; slot++) {
      if (created[slot] < from || created[slot] > to) {
        dropped[slot] = true;
        kept--;
        found.add(
            Rejection.of(
                new Origin(sourceNames[dealSource.get(slot)], dealLine.get(slot)),
                "created_at",
                Instant.ofEpochSecond(created[slot]).toString(),
                window));
      }
    }
    for (int c = 0; c < changeSlot.length; c++) {
      int slot = changeSlot[c];
      if (slot < 0) {
        continue;
      }
      Rejection r = null;
      long at = changeAt.get(c);
      if (dropped[slot]) {
        r =
            Rejection.of(
                changeOrigin(c, sourceNames),
                "deal_id",
                refs.key(dealRef.get(slot)),
                "its deal was rejected");
      } else if (at < from || at > to) {
        r =
            Rejection.of(
                changeOrigin(c, sourceNames),
                "occurred_at",
                Instant.ofEpochSecond(at).toString(),
                window);
      } else if (changeRecorded.get(c) - at > SPAN) {
        r =
            Rejection.of(
                changeOrigin(c, sourceNames),
                "recorded_at",
                Instant.ofEpochSecond(changeRecorded.get(c)).toString(),
                "68 years (2^31 seconds) or more after occurred_at " + Instant.ofEpochSecond(at));
      }
      if (r != null) {
        changeSlot[c] = -1;
        found.add(r);
      }
    }
    return kept;
  }

  /**
   * A snapshot's window keeps what the previous one kept while that window holds at least one deal
   * in this many of the best window's: half.
   */
  private static final int KEPT_SHARE = 2;

  /** Takes this window for {@code best} (deals, changes, from, to) when it is at least as good. */
  private static void better(long[] best, long deals, long changes, long from, long to) {
    if (deals > best[0] || (deals == best[0] && changes >= best[1])) {
      best[0] = deals;
      best[1] = changes;
      best[2] = from;
      best[3] = to;
    }
  }

  private int sourceCode(String source) {
    if (!source.equals(lastSource)) {
      lastSource = source;
      lastSourceCode = sources.encode(source);
    }
    return lastSourceCode;
  }

  private @Nullable String lastDealSource;
  private int lastDealSourceCode;

  private Origin changeOrigin(int c, String[] sourceNames) {
    return new Origin(sourceNames[changeSource.get(c)], changeLine.get(c));
  }

  /** Runs longer than this are sorted by a merge sort, shorter ones by insertion. */
  private static final int INSERTION_SORT_MAX = 32;

  /**
   * Stable sort of a deal's changes by (second, nanosecond): by insertion for a short run (most
   * deals, usually already in order), else by a stable O(k log k) sort of their indexes, so that a
   * deal with 200k changes exported newest first loads in a fraction of a second, not in 30 s (a
   * scale review measured the insertion sort's k^2 there).
   */
  private static void sortChanges(
      byte[] stage, int[] at, int[] nanos, int[] lag, int[] actor, int from, int to) {
    if (to - from <= INSERTION_SORT_MAX) {
      insertionSort(stage, at, nanos, lag, actor, from, to);
      return;
    }
    boolean sorted = true;
    for (int i = from + 1; i < to && sorted; i++) {
      sorted = !after(at[i - 1], nanos[i - 1], at[i], nanos[i]);
    }
    if (sorted) {
      return;
    }
    int k = to - from;
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = from + i;
    }
    // Arrays.sort of objects is a stable merge sort (TimSort): equal instants keep input order.
    Arrays.sort(
        order,
        (x, y) ->
            at[x] != at[y] ? Integer.compare(at[x], at[y]) : Integer.compare(nanos[x], nanos[y]));
    byte[] s = new byte[k];
    int[] t = new int[k];
    int[] n = new int[k];
    int[] l = new int[k];
    int[] a = new int[k];
    for (int i = 0; i < k; i++) {
      int c = order[i];
      s[i] = stage[c];
      t[i] = at[c];
      n[i] = nanos[c];
      l[i] = lag[c];
      a[i] = actor[c];
    }
    System.arraycopy(s, 0, stage, from, k);
    System.arraycopy(t, 0, at, from, k);
    System.arraycopy(n, 0, nanos, from, k);
    System.arraycopy(l, 0, lag, from, k);
    System.arraycopy(a, 0, actor, from, k);
  }

  /** Stable insertion sort of a deal's changes by (second, nanosecond). */
  private static void insertionSort(
      byte[] stage, int[] at, int[] nanos, int[] lag, int[] actor, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int t = at[i];
      int n = nanos[i];
      if (!after(at[i - 1], nanos[i - 1], t, n)) {
        continue;
      }
      byte s = stage[i];
      int l = lag[i];
      int a = actor[i];
      int j = i - 1;
      while (j >= from && after(at[j], nanos[j], t, n)) {
        stage[j + 1] = stage[j];
        at[j + 1] = at[j];
        nanos[j + 1] = nanos[j];
        lag[j + 1] = lag[j];
        actor[j + 1] = actor[j];
        j--;
      }
      stage[j + 1] = s;
      at[j + 1] = t;
      nanos[j + 1] = n;
      lag[j + 1] = l;
      actor[j + 1] = a;
    }
  }

  /** Whether instant (t1, n1) is after (t2, n2), both in seconds and nanoseconds. */
  private static boolean after(int t1, int n1, int t2, int n2) {
    return t1 > t2 || (t1 == t2 && n1 > n2);
  }

  /**
   * Whether deal slot {@code a} comes after slot {@code b}: later creation, or same and later id.
   */
  private boolean dealAfter(int a, int b, long[] created, int[] nanos) {
    if (created[a] != created[b]) {
      return created[a] > created[b];
    }
    if (nanos[a] != nanos[b]) {
      return nanos[a] > nanos[b];
    }
    return dealId(a).compareTo(dealId(b)) > 0;
  }

  private String dealId(int slot) {
    return refs.key(dealRef.get(slot));
  }

  /**
   * Orders the deals of each run created in the same second by the nanosecond of their creation,
   * then by deal id: {@code order} is sorted by second.
   */
  private void orderTies(int[] order, long[] created, int[] nanos) {
    for (int from = 0; from < order.length; ) {
      int to = from + 1;
      while (to < order.length && created[order[to]] == created[order[from]]) {
        to++;
      }
      if (to - from > 1) {
        Integer[] run = new Integer[to - from];
        for (int i = from; i < to; i++) {
          run[i - from] = order[i];
        }
        Arrays.sort(
            run,
            Comparator.comparingInt((Integer slot) -> nanos[slot])
                .thenComparing(slot -> dealId(slot)));
        for (int i = from; i < to; i++) {
          order[i] = run[i - from];
        }
      }
      from = to;
    }
  }

  /**
   * Whether this builder collects rejections instead of failing.
   *
   * @return true after {@link #lenient()}
   */
  public boolean isLenient() {
    return lenient;
  }

  @Override
  public String toString() {
    return "DealLog.builder("
        + pipeline.id()
        + ")"
        + (lenient ? ".lenient()" : "")
        + (declared.isEmpty() ? "" : ".attributes(" + declared + ")")
        + "["
        + dealRef.size()
        + " deals, "
        + changeRef.size()
        + " changes"
        + (rejections.isEmpty() ? "" : ", " + rejections.size() + " rejected")
        + "]";
  }
}
