package dev.funnel.examples.internal;

import dev.funnel.examples.SampleCalendar;
import dev.funnel.examples.SampleSink;
import dev.funnel.examples.SampleSpec;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.SpendSample;
import dev.funnel.model.Touch;
import dev.funnel.sequence.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Generates a whole sample into a sink, or only its deals and changes into a {@link DealLog}. */
public final class Generator {
  private static final long MINUTE = 60;
  private static final long HOUR = 3600;
  private static final long DAY = 86_400;
  private static final String[] REJECTIONS = {
    "not_a_fit", "duplicate, already a customer", "no_contact", "student"
  };
  private static final Optional<String> CALL = Optional.of("call");
  private static final Optional<String> EMAIL = Optional.of("email");
  private static final Optional<String> MEETING = Optional.of("meeting");

  private final SampleSpec spec;
  private final long start;
  private final long end;

  /** A generator of the sample this spec describes. */
  public Generator(SampleSpec spec) {
    this.spec = spec;
    this.start = spec.start().getEpochSecond();
    this.end = spec.end().getEpochSecond();
  }

  /** The deals and stage changes of the sample, straight into a strict log builder. */
  public DealLog dealLog() {
    DealLogBuilder builder = DealLog.builder(SamplePipeline.INSTANCE.pipeline());
    DealSimulator sim = new DealSimulator(spec);
    while (sim.hasNext()) {
      sim.next();
      builder.deal(sim.deal());
      for (int j = 0; j < sim.changeCount(); j++) {
        builder.change(sim.change(j));
      }
    }
    return builder.build();
  }

  /** The business calendar of the sample. */
  public SampleCalendar calendar() {
    return Streams.calendar(spec);
  }

  /** Every record of the sample, in the order {@link SampleSink} documents. */
  public void generate(SampleSink sink) {
    sink.pipeline(SamplePipeline.INSTANCE.pipeline());
    sink.calendar(calendar());
    WorkClock clock = Streams.clock(spec);
    DealSimulator sim = new DealSimulator(spec, clock);
    SplittableRandom r = Streams.random(spec.seed(), Streams.DETAILS);
    List<Optional<String>> channels = spec.channelNames().stream().map(Optional::of).toList();
    while (sim.hasNext()) {
      sim.next();
      String dealId = sim.id();
      Optional<String> owner = sim.ownerName();
      if (sim.leadGap >= 0) {
        convertedLead(sink, sim, clock, r, channels.get(sim.channel), owner);
      }
      sink.deal(sim.deal());
      for (int j = 0; j < sim.changeCount(); j++) {
        sink.change(sim.change(j));
      }
      dealTouches(sink, sim, clock, r, dealId, owner);
    }
    otherLeads(sink, sim, clock, channels);
    marketing(sink, sim.vanity());
  }

  private void convertedLead(
      SampleSink sink,
      DealSimulator sim,
      WorkClock clock,
      SplittableRandom r,
      Optional<String> channel,
      Optional<String> owner) {
    String leadId = sim.leadId().orElseThrow();
    long dealAt = sim.created;
    long created = dealAt - sim.leadGap;
    Optional<Instant> handed = Optional.empty();
    Optional<Instant> accepted = Optional.empty();
    long handedAt = -1;
    if (r.nextDouble() < 0.9) {
      handedAt = created + 5 * MINUTE + r.nextLong(Math.max(1, Math.min(sim.leadGap / 2, DAY)));
      handed = Optional.of(Instant.ofEpochSecond(handedAt));
      accepted = Optional.of(Instant.ofEpochSecond(handedAt + r.nextLong(dealAt - handedAt + 1)));
    } else {
      r.nextLong(1);
      r.nextLong(1);
    }
    sink.lead(
        new Lead(
            leadId,
            Instant.ofEpochSecond(created),
            channel,
            handed,
            accepted,
            Optional.empty(),
            Optional.empty()));
    long first = clock.plusWorking(created, responseDelay(r));
    if (first >= dealAt) {
      first = created + (dealAt - created) / 2;
    }
    long demoRequest = r.nextDouble() < 0.7 ? first + 10 * MINUTE + r.nextLong(DAY) : -1;
    long proposal = sim.firstReached(DealSimulator.PROPOSAL);
    long demo = -1;
    if (proposal >= 0) {
      demo = Math.max(proposal - r.nextLong(2 * DAY), Math.max(demoRequest, created) + 10 * MINUTE);
    }
    long purchase =
        sim.finalStage == DealSimulator.WON
            ? sim.occurred[sim.changeCount() - 1] + r.nextLong(2 * HOUR)
            : -1;
    events(sink, r, leadId, created, demoRequest, demo, purchase);
    touch(sink, leadId, first, r.nextBoolean() ? CALL : EMAIL, owner);
    if (r.nextDouble() < 0.4) {
      long followUp = first + (dealAt - first) / 2;
      touch(sink, leadId, followUp, EMAIL, owner);
    }
  }

  /** A response delay in working seconds: minutes for most, days for some. */
  private static long responseDelay(SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.30) {
      return 2 * MINUTE + r.nextLong(13 * MINUTE);
    }
    if (u < 0.60) {
      return 15 * MINUTE + r.nextLong(105 * MINUTE);
    }
    if (u < 0.85) {
      return 2 * HOUR + r.nextLong(7 * HOUR);
    }
    return 9 * HOUR + r.nextLong(36 * HOUR);
  }

  private void events(
      SampleSink sink,
      SplittableRandom r,
      String leadId,
      long created,
      long demoRequest,
      long demo,
      long purchase) {
    int visits = 1 + r.nextInt(3);
    long v = created - 5 * MINUTE - r.nextLong(3 * DAY);
    for (int i = 0; i < visits; i++) {
      event(sink, leadId, v, "visit");
      v += (created - v) / 2;
    }
    event(sink, leadId, created, "signup");
    if (r.nextDouble() < 0.02) {
      event(sink, leadId, created, "signup");
    }
    boolean swap = r.nextDouble() < 0.03 && demoRequest >= 0 && demo >= 0;
    if (demoRequest >= 0) {
      event(sink, leadId, demoRequest, swap ? "demo" : "demo_request");
    }
    if (demo >= 0) {
      event(sink, leadId, demo, swap ? "demo_request" : "demo");
    }
    if (purchase >= 0) {
      event(sink, leadId, purchase, "purchase");
    }
  }

  private void event(SampleSink sink, String entity, long at, String name) {
    if (at >= start && at < end) {
      sink.event(new Event(entity, Instant.ofEpochSecond(at), name));
    }
  }

  private void touch(
      SampleSink sink, String subject, long at, Optional<String> kind, Optional<String> actor) {
    if (at < end) {
      sink.touch(new Touch(subject, Instant.ofEpochSecond(at), kind, actor));
    }
  }

  private void dealTouches(
      SampleSink sink,
      DealSimulator sim,
      WorkClock clock,
      SplittableRandom r,
      String dealId,
      Optional<String> owner) {
    boolean closed = sim.finalStage >= DealSimulator.WON;
    long stop;
    double u = r.nextDouble();
    if (closed) {
      stop = sim.occurred[sim.changeCount() - 1];
    } else if (sim.stalled) {
      stop = sim.stalledAt + r.nextLong(10 * DAY);
    } else if (u < 0.12) {
      stop = end - 15 * DAY - r.nextLong(45 * DAY);
    } else {
      stop = end;
    }
    long t = sim.created + 10 * MINUTE + r.nextLong(DAY);
    for (int n = 0; n < 40; n++) {
      if (!clock.isWorking(t) && r.nextDouble() < 0.9) {
        t = clock.plusWorking(t, r.nextInt(3 * 3600));
      }
      if (t >= stop) {
        break;
      }
      double k = r.nextDouble();
      touch(sink, dealId, t, k < 0.45 ? CALL : k < 0.85 ? EMAIL : MEETING, owner);
      t += (long) DealSimulator.gamma2(r, 4 * DAY);
    }
  }

  /** The leads that never became a deal: flat per channel and month, in creation order. */
  private void otherLeads(
      SampleSink sink, DealSimulator sim, WorkClock clock, List<Optional<String>> channels) {
    SplittableRandom r = Streams.random(spec.seed(), Streams.LEADS);
    int months = spec.months();
    int channelCount = spec.channels();
    int vanity = sim.vanity();
    double[] share = {0.28, 0.22, 0.10, 0.06, 0.34};
    double total = 0;
    double[] weight = new double[channelCount];
    for (int c = 0; c < channelCount; c++) {
      weight[c] = c == vanity ? share[4] : c < 4 ? share[c] : 0.1;
      total += weight[c];
    }
    double perMonth = spec.deals() * 1.6 / months;
    long number = spec.deals();
    int width = Math.max(sim.idWidth(), Long.toString(spec.deals() * 3L + 10).length());
    Owners owners = sim.owners();
    ZonedDateTime monthStart = spec.start().atZone(ZoneOffset.UTC);
    for (int m = 0; m < months; m++) {
      long from = monthStart.plusMonths(m).toEpochSecond();
      long to = monthStart.plusMonths(m + 1L).toEpochSecond();
      int firstDay = clock.day(from);
      int lastDay = clock.day(to - 1);
      long[] keys = new long[16];
      int n = 0;
      for (int c = 0; c < channelCount; c++) {
        double expected = perMonth * weight[c] / total * (0.93 + 0.14 * r.nextDouble());
        long leads = (long) expected + (r.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
        for (long k = 0; k < leads; k++) {
          int d;
          do {
            d = firstDay + r.nextInt(lastDay - firstDay + 1);
          } while (!clock.isWorkingDay(d) && r.nextDouble() >= 0.4);
          long tod = r.nextDouble() < 0.65 ? 8 * HOUR + r.nextLong(11 * HOUR) : r.nextLong(DAY);
          long t = Math.max(from, Math.min(to - 1, clock.midnight(d) + tod));
          if (n == keys.length) {
            keys = Arrays.copyOf(keys, n * 2);
          }
          keys[n++] = ((t - start) << 8) | c;
        }
      }
      Arrays.sort(keys, 0, n);
      for (int k = 0; k < n; k++) {
        long created = start + (keys[k] >>> 8);
        int c = (int) (keys[k] & 0xFF);
        number++;
        otherLead(
            sink,
            r,
            clock,
            owners,
            DealSimulator.id("L-", number, width),
            created,
            channels.get(c));
      }
    }
  }

  private void otherLead(
      SampleSink sink,
      SplittableRandom r,
      WorkClock clock,
      Owners owners,
      String leadId,
      long created,
      Optional<String> channel) {
    Optional<Instant> handed = Optional.empty();
    Optional<Instant> accepted = Optional.empty();
    Optional<Instant> rejected = Optional.empty();
    Optional<String> reason = Optional.empty();
    if (r.nextDouble() < 0.75) {
      long h = created + 5 * MINUTE + r.nextLong(2 * DAY);
      if (h < end) {
        handed = Optional.of(Instant.ofEpochSecond(h));
        double u = r.nextDouble();
        long decided = h + 10 * MINUTE + r.nextLong(3 * DAY);
        int why = r.nextInt(REJECTIONS.length);
        if (decided < end && u < 0.45) {
          accepted = Optional.of(Instant.ofEpochSecond(decided));
        } else if (decided < end && u < 0.80) {
          rejected = Optional.of(Instant.ofEpochSecond(decided));
          reason = Optional.of(REJECTIONS[why]);
        }
      }
    }
    sink.lead(
        new Lead(
            leadId, Instant.ofEpochSecond(created), channel, handed, accepted, rejected, reason));
    Optional<String> actor = owners.name(owners.pick(r.nextDouble()));
    long demoRequest = -1;
    long demo = -1;
    if (r.nextDouble() >= 0.08) {
      long first = clock.plusWorking(created, responseDelay(r));
      touch(sink, leadId, first, r.nextBoolean() ? CALL : EMAIL, actor);
      int more = r.nextInt(3);
      long t = first;
      for (int i = 0; i < more; i++) {
        t += (long) DealSimulator.gamma2(r, 2 * DAY);
        touch(sink, leadId, t, EMAIL, actor);
      }
      if (r.nextDouble() < 0.12) {
        demoRequest = first + 10 * MINUTE + r.nextLong(DAY);
        if (r.nextDouble() < 0.4) {
          demo = demoRequest + HOUR + r.nextLong(5 * DAY);
        }
      }
    }
    events(sink, r, leadId, created, demoRequest, demo, -1);
  }

  /** Daily spend and activity per channel; the vanity channel's reach soars, the rest is flat. */
  private void marketing(SampleSink sink, int vanity) {
    SplittableRandom r = Streams.random(spec.seed(), Streams.MARKETING);
    Currency currency = Money.currency(spec.currency());
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    double minor = StrictMath.pow(10, digits);
    double scale = Math.max(1, spec.deals()) / 2000.0;
    List<String> names = spec.channelNames();
    LocalDate first = spec.start().atZone(ZoneOffset.UTC).toLocalDate();
    for (LocalDate date = first; date.atStartOfDay(ZoneOffset.UTC).toEpochSecond() < end; ) {
      int day = (int) (date.toEpochDay() - first.toEpochDay());
      double month = day / 30.4375;
      boolean weekend = date.getDayOfWeek().getValue() >= 6;
      double week = weekend ? 0.55 : 1;
      for (int c = 0; c < names.size(); c++) {
        String name = names.get(c);
        int kind = c == vanity ? 4 : Math.min(c, 5);
        double spend;
        switch (kind) {
          case 0: // ads
            spend = 320 * week * noise(r);
            reach(sink, r, date, name, 11_000 * scale * week, 0.016);
            break;
          case 1: // seo
            spend = weekend ? 0 : 70 * noise(r);
            reach(sink, r, date, name, 6_000 * scale * week * (1 + 0.01 * month), 0.035);
            break;
          case 2: // events: two event days a month
            boolean eventDay = day % 14 == 9;
            spend = eventDay ? 9_000 * noise(r) : 0;
            if (eventDay) {
              count(sink, date, name, "attendees", 120 * scale * noise(r));
            }
            break;
          case 3: // referral
            spend = weekend ? 0 : 45 * noise(r);
            if (!weekend) {
              count(sink, date, name, "calls", 4 * scale * noise(r));
            }
            break;
          case 4: // the vanity channel
            spend = 90 * StrictMath.pow(1.09, month) * noise(r);
            reach(
                sink,
                r,
                date,
                name,
                7_000 * scale * week * StrictMath.pow(1.14, month),
                0.009 * StrictMath.pow(1.01, month));
            if (!weekend) {
              count(sink, date, name, "posts", Math.floor(1 + 0.25 * month + r.nextDouble() * 2));
            }
            break;
          default:
            spend = 110 * week * noise(r);
            reach(sink, r, date, name, 5_000 * scale * week, 0.012);
        }
        long cents = Math.round(spend * scale * minor);
        if (cents > 0) {
          sink.spend(new SpendSample(date, name, Money.ofMinor(cents, currency)));
        }
      }
      date = date.plusDays(1);
    }
  }

  private static double noise(SplittableRandom r) {
    return 0.85 + 0.3 * r.nextDouble();
  }

  private static void reach(
      SampleSink sink,
      SplittableRandom r,
      LocalDate date,
      String channel,
      double impressions,
      double ctr) {
    double shown = Math.round(impressions * noise(r));
    count(sink, date, channel, "impressions", shown);
    count(sink, date, channel, "clicks", shown * ctr * noise(r));
  }

  private static void count(
      SampleSink sink, LocalDate date, String channel, String metric, double value) {
    sink.activity(new ActivitySample(date, channel, metric, Math.round(value)));
  }
}
