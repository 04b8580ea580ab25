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
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      List<Rejection> rejections) {
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
    int max = Integer.MIN_VALUE;
    for (int t : created) {
      max = Math.max(max, t);
    }
    for (int t : at) {
      max = Math.max(max, t);
    }
    this.latest = max;
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
    return dealCount == 0 ? Optional.empty() : Optional.of(instant(latest));
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
