package dev.funnel.examples.internal;

import dev.funnel.examples.SampleSpec;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.StageChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Simulates deals one at a time, in id order, from one random stream: when each deal is created, by
 * whom, from which channel and lead, and how it moves through the pipeline until it is won, lost or
 * the period ends. The result of {@link #next()} lives in this object's fields and buffers until
 * the next call, so the only allocations are the records a caller asks for.
 *
 * <p>Stage indices are those of {@link SamplePipeline}: 0..3 open, 4 won, 5 lost. Transcendental
 * functions come from {@link StrictMath}, so a seed gives the same data on every JVM and platform.
 */
public final class DealSimulator {
  /** Index of the WON stage. */
  public static final int WON = 4;

  /** Index of the LOST stage. */
  public static final int LOST = 5;

  static final int NEW = 0;
  static final int QUALIFIED = 1;
  static final int PROPOSAL = 2;
  static final int NEGOTIATION = 3;

  static final String[] SEGMENTS = {"smb", "mid", "enterprise"};
  static final String[] LOSS_REASONS = {
    "price", "timing", "competitor", "no_budget", "no_response"
  };

  private static final long HOUR = 3600;
  private static final long DAY = 86_400;
  private static final double[] ADVANCE = {0.55, 0.60, 0.55, 0.50};
  private static final double[] DWELL_DAYS = {4, 9, 12, 14};
  private static final double[] SEGMENT_CUMULATIVE = {0.55, 0.88, 1.0};
  private static final double[] SEGMENT_MEDIAN = {4_000, 15_000, 60_000};
  private static final double[] SEGMENT_SLOWNESS = {0.8, 1.1, 1.6};
  // Loss reasons (LOSS_REASONS order), cumulative, for deals lost early (new, qualified) and late.
  private static final double[] EARLY_LOSS = {0.05, 0.25, 0.35, 0.60, 1.0};
  private static final double[] LATE_LOSS = {0.35, 0.50, 0.80, 0.95, 1.0};

  private final SampleSpec spec;
  private final SamplePipeline stages = SamplePipeline.INSTANCE;
  private final WorkClock clock;
  private final SplittableRandom random;
  private final long start;
  private final long end;
  private final long span;
  private final int months;
  private final int vanity;
  private final int idWidth;
  private final Currency currency;
  private final double resave;
  private final double back;
  private final double reopen;
  private final int maxReopens;

  private final Owners owners;
  private final double[][] channelCumulative; // per month
  private final double[] channelQuality;
  private final double[] leadSourced;
  private final List<Optional<String>> channelNames;
  private final List<Optional<String>> reasonNames;
  private final List<Map<String, String>> segmentAttributes;
  private final Optional<String> admin = Optional.of("admin");

  // The current deal.
  private int index = -1;
  private String id = "";
  long created;
  int owner;
  int channel;
  int segment;
  long amount; // whole currency units, -1 when missing
  long leadGap; // seconds between the lead's creation and the deal's, -1 without a lead
  int lossReason; // index into LOSS_REASONS, -1 when absent
  int finalStage;
  boolean stalled;
  long stalledAt;
  boolean reopened;
  int count;
  byte[] stage = new byte[64];
  long[] occurred = new long[64];
  long[] recorded = new long[64];
  boolean[] byAdmin = new boolean[64];

  /** A simulator of the deals of this spec. */
  public DealSimulator(SampleSpec spec) {
    this(spec, Streams.clock(spec));
  }

  DealSimulator(SampleSpec spec, WorkClock clock) {
    this.spec = spec;
    this.clock = clock;
    this.random = Streams.random(spec.seed(), Streams.DEALS);
    this.start = spec.start().getEpochSecond();
    this.end = spec.end().getEpochSecond();
    this.span = end - start;
    this.months = spec.months();
    int channels = spec.channels();
    this.vanity = Math.min(4, channels - 1);
    this.idWidth = Math.max(6, Integer.toString(spec.deals()).length());
    this.currency = Money.currency(spec.currency());
    this.owners = new Owners(spec);
    double churn = spec.churn();
    this.resave = 0.05 + 0.18 * churn;
    this.back = 0.07 + 0.165 * churn;
    this.reopen = 0.08 + 0.36 * churn;
    this.maxReopens = churn > 0 ? 3 : 1;

    double[] share = {0.30, 0.22, 0.13, 0.13, 0.22};
    double[] quality = {1.0, 1.05, 1.1, 1.25, 0.85};
    double[] sourced = {0.7, 0.65, 0.7, 0.3, 0.65};
    channelQuality = new double[channels];
    leadSourced = new double[channels];
    double[] base = new double[channels];
    for (int c = 0; c < channels; c++) {
      base[c] = c < 5 ? share[c] : 0.12;
      channelQuality[c] = c < 5 ? quality[c] : 0.95;
      leadSourced[c] = c < 5 ? sourced[c] : 0.6;
    }
    channelQuality[vanity] = quality[4];
    channelCumulative = new double[months][channels];
    for (int m = 0; m < months; m++) {
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        double w = base[c] * (c == vanity ? Math.max(0.2, 1 - 0.015 * m) : 1);
        sum += w;
        channelCumulative[m][c] = sum;
      }
      for (int c = 0; c < channels; c++) {
        channelCumulative[m][c] /= sum;
      }
    }
    channelNames = spec.channelNames().stream().map(Optional::of).toList();
    reasonNames = Arrays.stream(LOSS_REASONS).map(Optional::of).toList();
    segmentAttributes = Arrays.stream(SEGMENTS).map(s -> Map.of("segment", s)).toList();
  }

  /** Whether another deal is left. */
  public boolean hasNext() {
    return index + 1 < spec.deals();
  }

  /** Simulates the next deal; its records are then available until the next call. */
  public void next() {
    index++;
    id = id("D-", index + 1, idWidth);
    SplittableRandom r = random;
    long raw = start + (long) ((index + r.nextDouble()) / spec.deals() * span);
    created = place(raw, r);
    double monthPosition = (created - start) / (double) span * months;
    int month = Math.min(months - 1, (int) monthPosition);
    channel = pick(channelCumulative[month], r.nextDouble());
    owner = owners.pick(r.nextDouble());
    segment = pick(SEGMENT_CUMULATIVE, r.nextDouble());
    if (r.nextDouble() < 0.06) {
      amount = -1;
      r.nextDouble();
    } else {
      double value =
          SEGMENT_MEDIAN[segment] * owners.amountFactor(owner) * StrictMath.exp(0.5 * gaussian(r));
      amount = Math.max(500, Math.round(value / 50) * 50);
    }
    leadGap = -1;
    if (r.nextDouble() < leadSourced[channel]) {
      long gap =
          r.nextDouble() < 0.25 ? 2 * HOUR + r.nextLong(6 * HOUR) : DAY + r.nextLong(13 * DAY);
      if (created - gap >= start) {
        leadGap = gap;
      }
    }
    simulateStages(r, monthPosition);
  }

  private void simulateStages(SplittableRandom r, double monthPosition) {
    count = 0;
    stalled = false;
    reopened = false;
    int reopens = 0;
    lossReason = -1;
    int cur;
    double u = r.nextDouble();
    boolean explicit = true;
    if (u < 0.06) {
      cur = PROPOSAL;
    } else if (u < 0.11) {
      cur = QUALIFIED;
    } else {
      cur = NEW;
      explicit = u < 0.80;
    }
    if (explicit) {
      add(cur, created, created, false);
    }
    long t = created;
    if (explicit && cur == NEW && r.nextDouble() < 0.03) {
      // A click-through: the rep moves a deal that is further along through the stages at once.
      int steps = 2 + r.nextInt(2);
      for (int s = 0; s < steps; s++) {
        t += 20 + r.nextInt(90);
        cur++;
        add(cur, t, t, false);
      }
    }
    int stallAfter = r.nextDouble() < 0.06 ? r.nextInt(3) : -1;
    double vanityDecline = channel == vanity ? 1 - 0.25 * monthPosition / months : 1;
    double skill =
        owners.skill(owner) * channelQuality[channel] * vanityDecline * SEGMENT_SKILL[segment];
    int transitions = 0;
    int lostAt = -1;
    for (int step = 0; step < 30 && count < stage.length - 4; step++) {
      if (transitions == stallAfter) {
        stalled = true;
        stalledAt = t;
        break;
      }
      double dwell = gamma2(r, DWELL_DAYS[cur] * SEGMENT_SLOWNESS[segment] * DAY);
      if (r.nextDouble() < resave) {
        // A no-op: the deal is saved again into the stage it is in.
        long resaved = t + (long) (dwell * 0.5);
        long lag = lag(r, resaved);
        if (lag < end) {
          add(cur, resaved, lag, false);
        }
      }
      t += (long) dwell;
      if (!clock.isWorking(t) && r.nextDouble() < 0.92) {
        t = clock.plusWorking(t, r.nextInt(4 * 3600)); // reps move deals in working hours
      }
      if (t >= end) {
        break;
      }
      double pAdvance = Math.min(0.9, ADVANCE[cur] * skill);
      double pBack = cur >= PROPOSAL || (cur == QUALIFIED && back > 0.07) ? back : 0;
      double v = r.nextDouble();
      int next;
      if (v < pAdvance) {
        next = cur + 1;
        if (cur < NEGOTIATION && r.nextDouble() < 0.1) {
          next = cur + 2; // a skip; from proposal it skips negotiation straight to won
        }
      } else if (v < pAdvance + pBack) {
        next = cur - 1;
      } else {
        next = LOST;
      }
      long rec = lag(r, t);
      boolean adminChange = r.nextDouble() < 0.04;
      if (rec >= end) {
        break;
      }
      add(next, t, rec, adminChange);
      transitions++;
      if (next == LOST) {
        lostAt = cur;
        cur = LOST;
        if (reopens < maxReopens && r.nextDouble() < reopen) {
          long again = t + 14 * DAY + r.nextLong(76 * DAY);
          int back = r.nextBoolean() ? QUALIFIED : PROPOSAL;
          long againRec = lag(r, again);
          if (againRec >= end) {
            break;
          }
          add(back, again, againRec, false);
          reopened = true;
          reopens++;
          transitions++;
          cur = back;
          t = again;
          continue;
        }
        break;
      }
      cur = next;
      if (cur == WON) {
        break;
      }
    }
    finalStage = cur;
    catchUpBurst(r);
    if (finalStage == LOST) {
      double w = r.nextDouble();
      double which = r.nextDouble();
      if (w >= 0.10) {
        lossReason = pick(lostAt <= QUALIFIED ? EARLY_LOSS : LATE_LOSS, which);
      }
    }
  }

  private static final double[] SEGMENT_SKILL = {1.0, 1.0, 0.9};

  /** Sometimes a rep records three changes that happened over days within a few minutes. */
  private void catchUpBurst(SplittableRandom r) {
    double u = r.nextDouble();
    int first = count > 0 && occurred[0] == created && stage[0] <= PROPOSAL ? 1 : 0;
    if (u >= 0.05 || count - first < 3) {
      return;
    }
    int j = first + r.nextInt(count - first - 2);
    long base = Math.max(occurred[j + 2], recorded[j]) + r.nextInt(3 * 3600);
    long b1 = base + 20 + r.nextInt(100);
    long b2 = b1 + 20 + r.nextInt(100);
    if (b2 < end) {
      recorded[j] = base;
      recorded[j + 1] = b1;
      recorded[j + 2] = b2;
    }
  }

  private long lag(SplittableRandom r, long t) {
    double u = r.nextDouble();
    if (u < 0.06) {
      return t + 25 * HOUR + r.nextLong(10 * DAY);
    }
    if (u < 0.30) {
      return t + 60 + r.nextInt(7200);
    }
    return t;
  }

  private void add(int to, long at, long rec, boolean adminChange) {
    stage[count] = (byte) to;
    occurred[count] = at;
    recorded[count] = rec;
    byAdmin[count] = adminChange;
    count++;
  }

  /** Moves a raw creation instant into working hours most of the time. */
  private long place(long raw, SplittableRandom r) {
    int d = clock.day(raw);
    if (!clock.isWorkingDay(d) && r.nextDouble() < 0.85) {
      int back = d;
      while (back > 0 && !clock.isWorkingDay(back)) {
        back--;
      }
      if (clock.isWorkingDay(back) && clock.midnight(back + 1) > start) {
        d = back;
      } else {
        while (d < clock.days() - 1 && !clock.isWorkingDay(d)) {
          d++;
        }
      }
    } else {
      r.nextDouble();
    }
    long timeOfDay =
        r.nextDouble() < 0.88 ? (long) (8.5 * HOUR) + r.nextLong(10 * HOUR) : r.nextLong(24 * HOUR);
    long t = clock.midnight(d) + timeOfDay;
    return t < start || t >= end ? raw : t;
  }

  static int pick(double[] cumulative, double u) {
    for (int i = 0; i < cumulative.length - 1; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** A Gamma(2) variate with this median. */
  static double gamma2(SplittableRandom r, double median) {
    double theta = median / 1.678;
    return -theta * (StrictMath.log(1 - r.nextDouble()) + StrictMath.log(1 - r.nextDouble()));
  }

  /** A standard normal variate (Box-Muller, one of the pair). */
  static double gaussian(SplittableRandom r) {
    double u1 = 1 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }

  /** An id: the prefix and the number zero-padded to this width. */
  static String id(String prefix, long number, int width) {
    String digits = Long.toString(number);
    StringBuilder sb = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
    sb.append(prefix);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  /** The current deal's id. */
  public String id() {
    return id;
  }

  /** The id of the current deal's lead, if it came from one. */
  public Optional<String> leadId() {
    return leadGap < 0 ? Optional.empty() : Optional.of(leadIdOf(index));
  }

  /** The lead id of the deal at this index (leads of deals share the deal's number). */
  String leadIdOf(int dealIndex) {
    return id("L-", dealIndex + 1, idWidth);
  }

  /** The width of the numbers in ids. */
  int idWidth() {
    return idWidth;
  }

  /** The current deal as a record. */
  public Deal deal() {
    Optional<Money> money =
        amount < 0
            ? Optional.empty()
            : Optional.of(new Money(BigDecimal.valueOf(amount), currency));
    Optional<String> reason = lossReason < 0 ? Optional.empty() : reasonNames.get(lossReason);
    return new Deal(
        id,
        Instant.ofEpochSecond(created),
        owners.name(owner),
        channelNames.get(channel),
        money,
        reason,
        leadId(),
        segmentAttributes.get(segment));
  }

  /** The number of stage changes of the current deal. */
  public int changeCount() {
    return count;
  }

  /** The current deal's change at this position, in {@code occurredAt} order. */
  public StageChange change(int j) {
    return new StageChange(
        id,
        stages.id(stage[j]),
        Instant.ofEpochSecond(occurred[j]),
        Instant.ofEpochSecond(recorded[j]),
        byAdmin[j] ? admin : owners.name(owner));
  }

  /** The owner's name of the current deal. */
  Optional<String> ownerName() {
    return owners.name(owner);
  }

  Owners owners() {
    return owners;
  }

  int vanity() {
    return vanity;
  }

  /** The occurredAt of the first change into a stage at or beyond this index among open/won. */
  long firstReached(int minStage) {
    for (int j = 0; j < count; j++) {
      if (stage[j] >= minStage && stage[j] <= WON) {
        return occurred[j];
      }
    }
    return -1;
  }
}
