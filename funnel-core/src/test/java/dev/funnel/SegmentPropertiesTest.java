package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.hygiene.Hygiene;
import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.losses.Losses;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;
import dev.funnel.model.StageChange;
import dev.funnel.people.People;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link DealLog#where}: a segment is the log built from the selected deals and their changes alone
 * (an independent route through the builder), except for the latest event time and the attribute
 * names, which are the whole log's; so every analysis over it gives the figures of that log, as of
 * the whole log's latest event.
 */
final class SegmentPropertiesTest {
  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  record Input(Pipeline pipeline, List<Deal> deals, List<StageChange> changes) {
    DealLog build(Predicate<Deal> keep) {
      DealLogBuilder b = DealLog.builder(pipeline);
      Set<String> kept = new java.util.HashSet<>();
      for (Deal d : deals) {
        if (keep.test(d)) {
          b.deal(d);
          kept.add(d.id());
        }
      }
      for (StageChange c : changes) {
        if (kept.contains(c.dealId())) {
          b.change(c);
        }
      }
      return b.build();
    }
  }

  /** Deals with every kind of value (owner, channel, amount, loss reason, lead, attributes). */
  static Input generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Pipeline p = RandomLogs.pipeline(r);
    List<Stage> stages = p.stages();
    int deals = r.nextInt(6) == 0 ? 0 : 1 + r.nextInt(25);
    String[] owners = {"ann", "bob", "cy", "dee"};
    String[] channels = {"ads", "seo", "mail"};
    String[] reasons = {"price", "timing"};
    String[] actors = {"ann", "bot", "import"};
    List<Deal> ds = new ArrayList<>();
    List<StageChange> cs = new ArrayList<>();
    for (int d = 0; d < deals; d++) {
      Instant created = T0.plusSeconds(3600L * r.nextInt(48));
      Deal.Builder db = Deal.builder("D" + d + (r.nextInt(4) == 0 ? "-é" : ""), created);
      if (r.nextInt(4) > 0) {
        db.owner(owners[r.nextInt(owners.length)]);
      }
      if (r.nextBoolean()) {
        db.channel(channels[r.nextInt(channels.length)]);
      }
      if (r.nextInt(3) > 0) {
        db.amount(r.nextInt(100_000) + "." + r.nextInt(10) + r.nextInt(10), "EUR");
      }
      if (r.nextInt(3) == 0) {
        db.lossReason(reasons[r.nextInt(reasons.length)]);
      }
      if (r.nextBoolean()) {
        db.leadId("L" + r.nextInt(10));
      }
      if (r.nextBoolean()) {
        db.attribute("segment", r.nextBoolean() ? "smb" : "enterprise");
      }
      if (r.nextInt(4) == 0) {
        db.attribute("region", r.nextBoolean() ? "north" : "south");
      }
      Deal deal = db.build();
      ds.add(deal);
      int changes = r.nextInt(6);
      for (int c = 0; c < changes; c++) {
        Instant at = created.plusSeconds(3600L * r.nextInt(r.nextBoolean() ? 3 : 40));
        Stage s = stages.get(r.nextInt(stages.size()));
        StageChange change =
            StageChange.of(deal.id(), s.id(), at).recordedAt(at.plusSeconds(r.nextInt(200_000)));
        cs.add(r.nextBoolean() ? change.actor(actors[r.nextInt(actors.length)]) : change);
      }
    }
    for (int i = cs.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      StageChange t = cs.get(i);
      cs.set(i, cs.get(j));
      cs.set(j, t);
    }
    return new Input(p, ds, cs);
  }

  /** The predicates tried: by each kind of value, none, all, and one unrelated to any value. */
  static Predicate<Deal> predicate(int which) {
    switch (which) {
      case 0:
        return d -> d.owner().equals(Optional.of("ann"));
      case 1:
        return d -> d.channel().filter(List.of("ads", "seo")::contains).isPresent();
      case 2:
        return d -> d.amount().isPresent();
      case 3:
        return d -> "enterprise".equals(d.attributes().get("segment"));
      case 4:
        return d -> d.lossReason().isEmpty();
      case 5:
        return d -> d.id().hashCode() % 2 == 0;
      case 6:
        return d -> false;
      default:
        return d -> true;
    }
  }

  @Property(tries = 600)
  void aSegmentIsTheLogOfItsDealsSeenAsOfTheWhole(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 7) int which) {
    Input in = generate(seed);
    DealLog log = in.build(d -> true);
    Predicate<Deal> keep = predicate(which);
    DealLog segment = log.where(keep);
    DealLog alone = in.build(keep);
    Statistics.label("segment")
        .collect(
            segment.dealCount() == 0
                ? "empty"
                : segment.dealCount() == log.dealCount() ? "whole" : "part");

    assertEquals(alone.dealCount(), segment.dealCount());
    assertEquals(alone.changeCount(), segment.changeCount());
    for (int i = 0; i < segment.dealCount(); i++) {
      assertEquals(alone.deal(i), segment.deal(i));
      assertEquals(alone.changes(i), segment.changes(i));
      assertEquals(Optional.of(i), segment.indexOf(segment.deal(i).id()));
    }
    assertEquals(alone.currency(), segment.currency());
    assertEquals(alone.earliestCreation(), segment.earliestCreation());
    // the whole's, also for an empty segment (API review: it reported as of the epoch)
    assertEquals(log.latestEventTime(), segment.latestEventTime());
    assertEquals(log.attributeNames(), segment.attributeNames());
    assertEquals(segment.dealCount() + (long) segment.changeCount(), segment.recordsRead());
    assertTrue(segment.rejections().isEmpty());
    // Narrowing again is selecting both at once.
    Predicate<Deal> other = predicate((which + 3) % 8);
    DealLog twice = segment.where(other);
    DealLog both = log.where(keep.and(other));
    assertEquals(both.dealCount(), twice.dealCount());
    for (int i = 0; i < both.dealCount(); i++) {
      assertEquals(both.deal(i), twice.deal(i));
    }

    if (log.latestEventTime().isEmpty()) {
      return;
    }
    Instant asOf = log.latestEventTime().get();
    List<Dimension> dims = new ArrayList<>(List.of(Dimension.OWNER, Dimension.CHANNEL));
    if (alone.attributeNames().contains("segment")) {
      dims.add(Dimension.attribute("segment"));
    }
    assertEquals(report(alone, asOf, dims), report(segment, asOf, dims));
    assertEquals(
        Hygiene.of(alone).asOf(asOf).report().toString(),
        Hygiene.of(segment).asOf(asOf).report().toString());
    assertEquals(
        People.of(alone).asOf(asOf).report().toString(),
        People.of(segment).asOf(asOf).report().toString());
    assertEquals(
        Losses.of(alone).asOf(asOf).report().toString(),
        Losses.of(segment).asOf(asOf).report().toString());
    // Without an as-of, a segment's default is the whole log's latest event.
    if (segment.dealCount() > 0) {
      assertEquals(report(segment, asOf, dims), report(segment, null, dims));
    }
  }

  private static FunnelReport report(DealLog log, Instant asOf, List<Dimension> dims) {
    Funnel f = Funnel.of(log);
    if (asOf != null) {
      f.asOf(asOf);
    }
    for (Dimension d : dims) {
      f.by(d);
    }
    return f.report();
  }

  /**
   * A segment's dictionaries hold the values its deals and changes use, in the whole log's order,
   * and nothing else: a report over one owner's deals does not carry every owner's cells.
   */
  @Property(tries = 300)
  void aSegmentHoldsOnlyTheValuesItsDealsUse(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 7) int which) {
    DealLog log = generate(seed).build(d -> true);
    ColumnarDealLog whole = ColumnarDealLog.of(log);
    ColumnarDealLog segment = ColumnarDealLog.of(log.where(predicate(which)));
    List<Deal> deals = new ArrayList<>();
    List<StageChange> changes = new ArrayList<>();
    for (int i = 0; i < segment.dealCount(); i++) {
      deals.add(segment.deal(i));
      changes.addAll(segment.changes(i));
    }
    assertEquals(
        used(whole.ownerNames, deals.stream().map(Deal::owner)), List.of(segment.ownerNames));
    assertEquals(
        used(whole.channelNames, deals.stream().map(Deal::channel)), List.of(segment.channelNames));
    assertEquals(
        used(whole.lossReasonNames, deals.stream().map(Deal::lossReason)),
        List.of(segment.lossReasonNames));
    assertEquals(
        used(whole.actorNames, changes.stream().map(StageChange::actor)),
        List.of(segment.actorNames));
    for (int a = 0; a < whole.attributeNames.length; a++) {
      String name = whole.attributeNames[a];
      assertEquals(
          used(
              whole.attributeValueNames[a],
              deals.stream().map(d -> Optional.ofNullable(d.attributes().get(name)))),
          List.of(segment.attributeValueNames[a]));
    }
  }

  /** The names of a dictionary that these values use, the absent entry (code 0) first. */
  private static List<String> used(String[] names, Stream<Optional<String>> values) {
    Set<String> in = values.flatMap(Optional::stream).collect(Collectors.toSet());
    List<String> out = new ArrayList<>(List.of(names[0]));
    for (int code = 1; code < names.length; code++) {
      if (in.contains(names[code])) {
        out.add(names[code]);
      }
    }
    return out;
  }
}
