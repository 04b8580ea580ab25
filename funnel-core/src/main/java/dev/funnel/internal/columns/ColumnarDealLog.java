package dev.funnel.internal.columns;

import dev.funnel.log.DealLog;
import dev.funnel.log.Rejection;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import dev.funnel.model.StageKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of {@link DealLog}: plain arrays, read directly by the engine.
 *
 * <p>Deals are positions {@code 0..dealCount-1} in createdAt order. Instants are int seconds since
 * {@link #base} (epoch second). Codes 0 of every dictionary mean "absent".
 */
public final class ColumnarDealLog implements DealLog {
  /** The amount column's marker of a deal without an amount. */
  public static final long NO_AMOUNT = Long.MIN_VALUE;

  /** Stage kind codes in {@link #stageKind}. */
  public static final byte OPEN = 0;

  public static final byte WON = 1;
  public static final byte LOST = 2;

  public final Pipeline pipeline;

  /** Per stage index (pipeline order): OPEN, WON or LOST. */
  public final byte[] stageKind;

  /** Per stage index: the open rank from 1, or 0 for closed stages. */
  public final int[] stageRank;

  /** Per open rank - 1: the stage index. */
  public final int[] openStageIndex;

  public final long base;
  public final int dealCount;
  public final int[] created;
  public final int[] owner;
  public final int[] channel;
  public final long[] amount;
  public final int[] lossReason;

  /**
   * Deal d's lead id is the UTF-8 bytes leadIdBytes[leadIdStart[d] .. leadIdStart[d+1]); empty =
   * none.
   */
  public final byte[] leadIdBytes;

  public final int[] leadIdStart;

  /** Per attribute (in {@link #attributeNames} order), per deal: the value code. */
  public final int[][] attributes;

  /** Deal d's changes are {@code changeStart[d] .. changeStart[d+1]-1}. */
  public final int[] changeStart;

  public final byte[] idBytes;
  public final int[] idStart;

  public final byte[] stage;
  public final int[] at;
  public final int[] lag;
  public final int[] actor;

  public final String[] ownerNames;
  public final String[] channelNames;
  public final String[] lossReasonNames;
  public final String[] actorNames;
  public final String[] attributeNames;
  public final String[][] attributeValueNames;

  private final @Nullable Currency currency;
  private final long recordsRead;
  private final List<Rejection> rejections;
  private final int latest;

  private volatile @Nullable Map<String, Integer> idIndex;

  /**
   * The latest instant (offset) of these creation and change columns: the {@code latest} of a log
   * built from records.
   */
  public static int latestOf(int[] created, int[] at) {
    int max = Integer.MIN_VALUE;
    for (int t : created) {
      max = Math.max(max, t);
    }
    for (int t : at) {
      max = Math.max(max, t);
    }
    return max;
  }

  /**
   * A log of these columns; {@code latest} is its latest event offset ({@link #latestOf} of the
   * columns, the whole log's for a segment, the instant's for a known-at view).
   */
  public ColumnarDealLog(
      Pipeline pipeline,
      long base,
      int[] created,
      int[] owner,
      int[] channel,
      long[] amount,
      int[] lossReason,
      byte[] leadIdBytes,
      int[] leadIdStart,
      int[][] attributes,
      int[] changeStart,
      byte[] idBytes,
      int[] idStart,
      byte[] stage,
      int[] at,
      int[] lag,
      int[] actor,
      String[] ownerNames,
      String[] channelNames,
      String[] lossReasonNames,
      String[] actorNames,
      String[] attributeNames,
      String[][] attributeValueNames,
      @Nullable Currency currency,
      long recordsRead,
      List<Rejection> rejections,
      int latest) {
    this.pipeline = pipeline;
    int stages = pipeline.stages().size();
    this.stageKind = new byte[stages];
    this.stageRank = new int[stages];
    this.openStageIndex = new int[pipeline.openStageCount()];
    int rank = 0;
    for (int s = 0; s < stages; s++) {
      StageKind kind = pipeline.stages().get(s).kind();
      stageKind[s] = kind == StageKind.OPEN ? OPEN : kind == StageKind.WON ? WON : LOST;
      if (kind == StageKind.OPEN) {
        openStageIndex[rank] = s;
        stageRank[s] = ++rank;
      }
    }
    this.base = base;
    this.dealCount = created.length;
    this.created = created;
    this.owner = owner;
    this.channel = channel;
    this.amount = amount;
    this.lossReason = lossReason;
    this.leadIdBytes = leadIdBytes;
    this.leadIdStart = leadIdStart;
    this.attributes = attributes;
    this.changeStart = changeStart;
    this.idBytes = idBytes;
    this.idStart = idStart;
    this.stage = stage;
    this.at = at;
    this.lag = lag;
    this.actor = actor;
    this.ownerNames = ownerNames;
    this.channelNames = channelNames;
    this.lossReasonNames = lossReasonNames;
    this.actorNames = actorNames;
    this.attributeNames = attributeNames;
    this.attributeValueNames = attributeValueNames;
    this.currency = currency;
    this.recordsRead = recordsRead;
    this.rejections = List.copyOf(rejections);
    this.latest = latest;
  }

  /** The engine's view of a log; fails for a foreign implementation. */
  public static ColumnarDealLog of(DealLog log) {
    if (log instanceof ColumnarDealLog) {
      return (ColumnarDealLog) log;
    }
    throw new IllegalArgumentException(
        "DealLog implementation "
            + log.getClass().getName()
            + " is not supported: build logs with DealLog.builder or the funnel-io readers");
  }

  public Instant instant(int seconds) {
    return Instant.ofEpochSecond(base + seconds);
  }

  /** The time offset of an instant, clamped to the int range (for as-of and window bounds). */
  public int offset(Instant instant) {
    long s = instant.getEpochSecond() - base;
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, s));
  }

  public String dealId(int d) {
    return new String(idBytes, idStart[d], idStart[d + 1] - idStart[d], StandardCharsets.UTF_8);
  }

  /** The lead id of deal d, if it has one. */
  public Optional<String> leadId(int d) {
    int from = leadIdStart[d];
    int to = leadIdStart[d + 1];
    return from == to
        ? Optional.empty()
        : Optional.of(new String(leadIdBytes, from, to - from, StandardCharsets.UTF_8));
  }

  public Optional<Money> money(long minor) {
    return minor == NO_AMOUNT || currency == null
        ? Optional.empty()
        : Optional.of(Money.ofMinor(minor, currency));
  }

  public @Nullable Currency currencyOrNull() {
    return currency;
  }

  @Override
  public Pipeline pipeline() {
    return pipeline;
  }

  @Override
  public int dealCount() {
    return dealCount;
  }

  @Override
  public int changeCount() {
    return stage.length;
  }

  private void check(int d) {
    if (d < 0 || d >= dealCount) {
      throw new IndexOutOfBoundsException("deal index " + d + " is not in [0, " + dealCount + ")");
    }
  }

  private static Optional<String> name(String[] names, int code) {
    return code == 0 ? Optional.empty() : Optional.of(names[code]);
  }

  @Override
  public Deal deal(int d) {
    check(d);
    Map<String, String> attrs = new LinkedHashMap<>();
    for (int a = 0; a < attributeNames.length; a++) {
      int code = attributes[a][d];
      if (code != 0) {
        attrs.put(attributeNames[a], attributeValueNames[a][code]);
      }
    }
    return new Deal(
        dealId(d),
        instant(created[d]),
        name(ownerNames, owner[d]),
        name(channelNames, channel[d]),
        money(amount[d]),
        name(lossReasonNames, lossReason[d]),
        leadId(d),
        attrs);
  }

  @Override
  public List<StageChange> changes(int d) {
    check(d);
    String id = dealId(d);
    List<StageChange> out = new ArrayList<>(changeStart[d + 1] - changeStart[d]);
    for (int c = changeStart[d]; c < changeStart[d + 1]; c++) {
      Instant occurred = instant(at[c]);
      out.add(
          new StageChange(
              id,
              pipeline.stages().get(stage[c]).id(),
              occurred,
              occurred.plusSeconds(lag[c]),
              name(actorNames, actor[c])));
    }
    return List.copyOf(out);
  }

  @Override
  public Optional<Integer> indexOf(String dealId) {
    Objects.requireNonNull(dealId, "dealId");
    Map<String, Integer> index = idIndex;
    if (index == null) {
      index = new java.util.HashMap<>(dealCount * 2);
      for (int d = 0; d < dealCount; d++) {
        index.put(dealId(d), d);
      }
      idIndex = index;
    }
    return Optional.ofNullable(index.get(dealId));
  }

  @Override
  public Optional<Currency> currency() {
    return Optional.ofNullable(currency);
  }

  @Override
  public Optional<Instant> latestEventTime() {
    // A log built from no deal has no latest event (latestOf gives MIN_VALUE); a segment or view
    // keeps the instant it is seen as of, also when nothing in it is left.
    return dealCount == 0 && latest == Integer.MIN_VALUE
        ? Optional.empty()
        : Optional.of(instant(latest));
  }

  public int latestOffset() {
    return latest;
  }

  @Override
  public Optional<Instant> earliestCreation() {
    return dealCount == 0 ? Optional.empty() : Optional.of(instant(created[0]));
  }

  @Override
  public List<String> attributeNames() {
    return List.of(attributeNames);
  }

  @Override
  public long recordsRead() {
    return recordsRead;
  }

  @Override
  public List<Rejection> rejections() {
    return rejections;
  }

  /**
   * The segment of the deals the predicate selects ({@link DealLog#where}): their columns copied in
   * order, with the same base and latest offset, and dictionaries narrowed to the codes in use
   * (renumbered in their order here, code 0 still "absent").
   */
  @Override
  public DealLog where(Predicate<? super Deal> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    int[] keep = new int[dealCount];
    int n = 0;
    for (int d = 0; d < dealCount; d++) {
      if (predicate.test(deal(d))) {
        keep[n++] = d;
      }
    }
    return select(Arrays.copyOf(keep, n), Long.MAX_VALUE, latest);
  }

  /**
   * The position of the first deal created at or after this offset, {@code dealCount} if none
   * (deals are in createdAt order).
   */
  public int firstCreatedAtOrAfter(long offset) {
    int lo = 0;
    int hi = dealCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (created[mid] < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The log as recorded by an instant ({@link DealLog#knownAt}): the deals created by then (a
   * prefix, deals being in createdAt order), each with the changes whose recording offset {@code at
   * + lag} is at most the instant's whole second; its latest offset is that second (at most {@code
   * Integer.MAX_VALUE}), whatever this log's latest, as the CRM at the instant is seen then.
   */
  @Override
  public DealLog knownAt(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    // Records are whole seconds: one at second s is known at t when s <= floor(t).
    long t = instant.getEpochSecond() - base;
    int n = firstCreatedAtOrAfter(t + 1);
    int[] keep = new int[n];
    Arrays.setAll(keep, i -> i);
    // Seen as of the instant, also when no deal is left: clamped to the span a log holds (its last
    // second beyond it; MIN_VALUE stays "no event", the latest of a log built from no deal).
    int seenAt = (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(t, Integer.MAX_VALUE));
    return select(keep, t, latest == Integer.MIN_VALUE && dealCount == 0 ? latest : seenAt);
  }

  /**
   * The log of the deals at these positions (ascending), each with its changes recorded at or
   * before the offset {@code recordedBy} ({@code Long.MAX_VALUE}: all of them), with this latest
   * offset.
   */
  private ColumnarDealLog select(int[] keep, long recordedBy, int latestOffset) {
    int n = keep.length;
    int[] newChangeStart = new int[n + 1];
    int held = 0;
    for (int d : keep) {
      held += changeStart[d + 1] - changeStart[d];
    }
    int[] changeRows = new int[held];
    int changes = 0;
    for (int i = 0; i < n; i++) {
      int d = keep[i];
      for (int c = changeStart[d]; c < changeStart[d + 1]; c++) {
        if ((long) at[c] + lag[c] <= recordedBy) {
          changeRows[changes++] = c;
        }
      }
      newChangeStart[i + 1] = changes;
    }
    if (changes < held) {
      changeRows = Arrays.copyOf(changeRows, changes);
    }
    int[] newCreated = new int[n];
    long[] newAmount = new long[n];
    boolean priced = false;
    for (int i = 0; i < n; i++) {
      newCreated[i] = created[keep[i]];
      newAmount[i] = amount[keep[i]];
      priced |= newAmount[i] != NO_AMOUNT;
    }
    byte[] newStage = new byte[changes];
    int[] newAt = new int[changes];
    int[] newLag = new int[changes];
    for (int j = 0; j < changes; j++) {
      int c = changeRows[j];
      newStage[j] = stage[c];
      newAt[j] = at[c];
      newLag[j] = lag[c];
    }
    Narrowed owners = Narrowed.of(owner, keep, ownerNames);
    Narrowed channels = Narrowed.of(channel, keep, channelNames);
    Narrowed reasons = Narrowed.of(lossReason, keep, lossReasonNames);
    Narrowed actors = Narrowed.of(actor, changeRows, actorNames);
    int[][] newAttributes = new int[attributeNames.length][];
    String[][] newValueNames = new String[attributeNames.length][];
    for (int a = 0; a < attributeNames.length; a++) {
      Narrowed values = Narrowed.of(attributes[a], keep, attributeValueNames[a]);
      newAttributes[a] = values.codes;
      newValueNames[a] = values.names;
    }
    int[] newIdStart = new int[n + 1];
    byte[] newIds = slices(idBytes, idStart, keep, newIdStart);
    int[] newLeadIdStart = new int[n + 1];
    byte[] newLeadIds = slices(leadIdBytes, leadIdStart, keep, newLeadIdStart);
    return new ColumnarDealLog(
        pipeline,
        base,
        newCreated,
        owners.codes,
        channels.codes,
        newAmount,
        reasons.codes,
        newLeadIds,
        newLeadIdStart,
        newAttributes,
        newChangeStart,
        newIds,
        newIdStart,
        newStage,
        newAt,
        newLag,
        actors.codes,
        owners.names,
        channels.names,
        reasons.names,
        actors.names,
        attributeNames,
        newValueNames,
        priced ? currency : null,
        (long) n + changes,
        List.of(),
        latestOffset);
  }

  /** The byte ranges of these rows, concatenated; fills their new starts. */
  private static byte[] slices(byte[] bytes, int[] start, int[] rows, int[] newStart) {
    for (int i = 0; i < rows.length; i++) {
      newStart[i + 1] = newStart[i] + start[rows[i] + 1] - start[rows[i]];
    }
    byte[] out = new byte[newStart[rows.length]];
    for (int i = 0; i < rows.length; i++) {
      int from = start[rows[i]];
      System.arraycopy(bytes, from, out, newStart[i], start[rows[i] + 1] - from);
    }
    return out;
  }

  /** A dictionary-coded column's selected rows, recoded to the values they use. */
  private static final class Narrowed {
    final int[] codes;
    final String[] names;

    private Narrowed(int[] codes, String[] names) {
      this.codes = codes;
      this.names = names;
    }

    static Narrowed of(int[] column, int[] rows, String[] names) {
      int[] recode = new int[names.length];
      for (int row : rows) {
        recode[column[row]] = 1;
      }
      recode[0] = 1; // code 0, "absent", stays code 0
      List<String> kept = new ArrayList<>();
      for (int code = 0; code < names.length; code++) {
        if (recode[code] != 0) {
          recode[code] = kept.size();
          kept.add(names[code]);
        }
      }
      int[] codes = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        codes[i] = recode[column[rows[i]]];
      }
      return new Narrowed(codes, kept.toArray(new String[0]));
    }
  }

  @Override
  public String toString() {
    return "DealLog["
        + pipeline.id()
        + ": "
        + dealCount
        + " deals, "
        + stage.length
        + " stage changes"
        + (rejections.isEmpty() ? "" : ", " + rejections.size() + " rejected")
        + "]";
  }
}
