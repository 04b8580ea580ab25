package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Breakdowns against the naive reference, group by group, and merges of aggregates of different
 * logs (groups matched by key) against the report of the whole.
 */
final class FunnelBreakdownPropertiesTest {

  @Provide
  Arbitrary<RandomLogs.Case> cases() {
    return Arbitraries.longs().map(RandomLogs::generate);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  static String owner(Deal d) {
    return d.owner().orElse(Deal.UNSPECIFIED);
  }

  static String channel(Deal d) {
    return d.channel().orElse(Deal.UNSPECIFIED);
  }

  /** The keys the reference sees among the deals of the selection. */
  static Set<List<String>> keysInSelection(
      DealLog log,
      Instant asOf,
      Optional<Instant> from,
      Optional<Instant> to,
      Function<Deal, List<String>> key) {
    Set<List<String>> keys = new HashSet<>();
    for (int i = 0; i < log.dealCount(); i++) {
      Deal d = log.deal(i);
      Instant created = d.createdAt();
      if (!created.isAfter(asOf)
          && from.map(f -> !created.isBefore(f)).orElse(true)
          && to.map(created::isBefore).orElse(true)) {
        keys.add(key.apply(d));
      }
    }
    return keys;
  }

  @Property(tries = 300)
  void everyGroupOfChannelAndOwnerByChannelAgreesWithReference(
      @ForAll("cases") RandomLogs.Case c, @ForAll boolean entered, @ForAll boolean window) {
    DealLog log = c.log();
    Instant asOf = c.maxTime().minusSeconds(3600L * (c.seed() & 7));
    Optional<Instant> from =
        window ? Optional.of(RandomLogs.T0.plusSeconds(3600 * 5)) : Optional.empty();
    Optional<Instant> to =
        window ? Optional.of(RandomLogs.T0.plusSeconds(3600 * 30)) : Optional.empty();
    Counting counting = entered ? Counting.ENTERED : Counting.PROGRESSED;
    double[] ps = {0, 0.25, 0.5, 0.9, 1};
    Funnel q =
        Funnel.of(log)
            .asOf(asOf)
            .counting(counting)
            .percentiles(ps)
            .by(Dimension.CHANNEL)
            .by(Dimension.OWNER, Dimension.CHANNEL);
    if (window) {
      q.cohort(from.get(), to.get());
    }
    FunnelReport r = q.report();
    assertEquals(
        ReferenceFunnel.figures(log, asOf, from, to, counting, ps, d -> true), r.all(), c + " all");

    Breakdown byChannel = r.breakdowns().get(0);
    assertEquals(List.of(Dimension.CHANNEL), byChannel.dimensions());
    assertEquals(
        keysInSelection(log, asOf, from, to, d -> List.of(channel(d))),
        Set.copyOf(byChannel.groups().stream().map(Group::key).toList()),
        c + ": channel groups");
    for (Group g : byChannel.groups()) {
      String ch = g.key().get(0);
      Predicate<Deal> in = d -> channel(d).equals(ch);
      assertEquals(
          ReferenceFunnel.figures(log, asOf, from, to, counting, ps, in),
          g.figures(),
          c + " channel " + ch);
    }

    Breakdown crossed = r.breakdowns().get(1);
    assertEquals(List.of(Dimension.OWNER, Dimension.CHANNEL), crossed.dimensions());
    assertEquals(
        keysInSelection(log, asOf, from, to, d -> List.of(owner(d), channel(d))),
        Set.copyOf(crossed.groups().stream().map(Group::key).toList()),
        c + ": owner x channel groups");
    boolean unspecifiedInKey = false;
    for (Group g : crossed.groups()) {
      String ow = g.key().get(0);
      String ch = g.key().get(1);
      unspecifiedInKey |= g.key().contains(Deal.UNSPECIFIED);
      Predicate<Deal> in = d -> owner(d).equals(ow) && channel(d).equals(ch);
      assertEquals(
          ReferenceFunnel.figures(log, asOf, from, to, counting, ps, in),
          g.figures(),
          c + " owner " + ow + " channel " + ch);
    }
    Statistics.label("crossed groups").collect(Math.min(crossed.groups().size(), 5));
    Statistics.label("unspecified in a crossed key").collect(unspecifiedInKey);
    Statistics.label("unspecified in a crossed key")
        .coverage(k -> k.check(true).percentage(p -> p > 30));
  }

  /** Two logs holding a random split of the deals of a case, each deal with its changes. */
  record Split(DealLog a, DealLog b, Set<String> ownersA, Set<String> ownersB) {
    /** Whether both sides have the same currency: no amount at all means no currency. */
    boolean sameCurrency() {
      return a.currency().equals(b.currency());
    }
  }

  static Split split(RandomLogs.Case c, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    // Mostly balanced splits, sometimes lopsided ones (a side may end up empty).
    double share = r.nextInt(4) == 0 ? r.nextDouble() : 0.5;
    Set<String> inA = new HashSet<>();
    DealLogBuilder a = DealLog.builder(c.pipeline());
    DealLogBuilder b = DealLog.builder(c.pipeline());
    Set<String> ownersA = new HashSet<>();
    Set<String> ownersB = new HashSet<>();
    for (Deal d : c.deals()) {
      if (r.nextDouble() < share) {
        inA.add(d.id());
        a.deal(d);
        ownersA.add(owner(d));
      } else {
        b.deal(d);
        ownersB.add(owner(d));
      }
    }
    // Changes keep their input order on each side, so ties stay ordered as in the whole.
    for (StageChange ch : c.changes()) {
      (inA.contains(ch.dealId()) ? a : b).change(ch);
    }
    return new Split(a.build(), b.build(), ownersA, ownersB);
  }

  /** The query every cross-log test runs: by owner, and by owner x channel, as of one instant. */
  static Funnel.Query query(DealLog log, Instant asOf) {
    return Funnel.of(log)
        .asOf(asOf)
        .by(Dimension.OWNER)
        .by(Dimension.OWNER, Dimension.CHANNEL)
        .query();
  }

  static FunnelAggregate aggregate(DealLog log, Instant asOf) {
    return query(log, asOf).aggregate(0, log.dealCount());
  }

  static FunnelReport wholeReport(DealLog log, Instant asOf) {
    return query(log, asOf).report();
  }

  static Map<List<String>, FunnelFigures> groupsByKey(Breakdown b) {
    return FunnelPropertiesTest.groupsByKey(b);
  }

  static void assertSameReport(FunnelReport whole, FunnelReport merged, String where) {
    assertEquals(whole.all(), merged.all(), where + ": all");
    assertEquals(whole.breakdowns().size(), merged.breakdowns().size(), where);
    for (int i = 0; i < whole.breakdowns().size(); i++) {
      assertEquals(
          groupsByKey(whole.breakdowns().get(i)),
          groupsByKey(merged.breakdowns().get(i)),
          where + ": breakdown " + whole.breakdowns().get(i).dimensions());
    }
  }

  @Property(tries = 300)
  void aggregatesOfSplitLogsMergeIntoTheWhole(
      @ForAll("cases") RandomLogs.Case c, @ForAll("seeds") long splitSeed) {
    DealLog whole = c.log();
    // Both sides must see the log at one instant: the default is each log's own latest event.
    Instant asOf = c.maxTime().minusSeconds(3600L * (splitSeed & 7));
    Split s = split(c, splitSeed);
    Statistics.label("one side without amounts").collect(!s.sameCurrency());
    Statistics.label("one side lacks an owner the other has")
        .collect(!s.ownersA().containsAll(s.ownersB()) || !s.ownersB().containsAll(s.ownersA()));
    Statistics.label("owner dictionaries differ")
        .collect(
            !Arrays.equals(
                ColumnarDealLog.of(s.a()).ownerNames, ColumnarDealLog.of(s.b()).ownerNames));
    Statistics.label("an empty side").collect(s.a().dealCount() == 0 || s.b().dealCount() == 0);
    Statistics.label("one side lacks an owner the other has")
        .coverage(k -> k.check(true).percentage(p -> p > 30));
    Statistics.label("owner dictionaries differ")
        .coverage(k -> k.check(true).percentage(p -> p > 30));
    Statistics.label("one side without amounts")
        .coverage(k -> k.check(true).percentage(p -> p > 3));

    FunnelReport expected = wholeReport(whole, asOf);
    FunnelAggregate a = aggregate(s.a(), asOf);
    FunnelAggregate b = aggregate(s.b(), asOf);
    String where = c + " split " + splitSeed;
    assertSameReport(expected, a.merge(b).report(), where + " a+b");
    assertSameReport(expected, b.merge(a).report(), where + " b+a");
    // Merging in grouped form leaves both inputs as they were.
    assertSameReport(aggregate(s.a(), asOf).report(), a.report(), where + " a after merges");
    assertSameReport(aggregate(s.b(), asOf).report(), b.report(), where + " b after merges");
  }

  @Property(tries = 200)
  void threeWayMergesWithAnEmptyPartEqualTheWhole(
      @ForAll("cases") RandomLogs.Case c, @ForAll("seeds") long splitSeed) {
    DealLog whole = c.log();
    Instant asOf = c.maxTime().minusSeconds(3600L * (splitSeed & 7));
    Split s = split(c, splitSeed);
    FunnelReport expected = wholeReport(whole, asOf);
    Funnel.Query qa = query(s.a(), asOf);
    FunnelAggregate a = qa.aggregate(0, s.a().dealCount());
    FunnelAggregate b = aggregate(s.b(), asOf);
    // An empty range of a's own query: merges with a in cell form, with b in grouped form.
    FunnelAggregate none = qa.aggregate(0, 0);
    String where = c + " split " + splitSeed;
    assertSameReport(expected, a.merge(b).merge(none).report(), where + " (a+b)+none");
    assertSameReport(expected, none.merge(a).merge(b).report(), where + " (none+a)+b");
    assertSameReport(expected, a.merge(none.merge(b)).report(), where + " a+(none+b)");
    assertSameReport(expected, b.merge(none).merge(a).report(), where + " (b+none)+a");
    assertSameReport(expected, b.merge(a.merge(none)).report(), where + " b+(a+none)");
  }

  // A log without any amount has no currency; its aggregate merges with one of any currency, and
  // the merged report keeps that currency whichever side comes first.

  /** The aggregate of an empty log is the identity of merges. */
  @Property(tries = 200)
  void anEmptyLogIsTheIdentityOfCrossLogMerges(
      @ForAll("cases") RandomLogs.Case c, @ForAll("seeds") long splitSeed) {
    DealLog whole = c.log();
    Instant asOf = c.maxTime().minusSeconds(3600L * (splitSeed & 7));
    Split s = split(c, splitSeed);
    FunnelReport expected = wholeReport(whole, asOf);
    FunnelAggregate a = aggregate(s.a(), asOf);
    FunnelAggregate b = aggregate(s.b(), asOf);
    FunnelAggregate empty = aggregate(DealLog.builder(c.pipeline()).build(), asOf);
    String where = c + " split " + splitSeed;
    assertSameReport(expected, a.merge(b).merge(empty).report(), where + " (a+b)+empty");
    assertSameReport(expected, empty.merge(a).merge(b).report(), where + " (empty+a)+b");
    assertSameReport(expected, a.merge(empty.merge(b)).report(), where + " a+(empty+b)");
  }

  /** The smallest case, one deal per log. */
  @Example
  void logWithoutAmountsMergesWithLogWithAmounts() {
    Pipeline p = Pipeline.builder("p").open("s1").won("won").lost("lost").build();
    Instant t = Instant.parse("2026-01-05T00:00:00Z");
    Instant asOf = t.plusSeconds(7200);
    Deal withAmount = Deal.builder("A", t).owner("ann").amount("100.00", "EUR").build();
    Deal without = Deal.builder("B", t).owner("bob").build();
    StageChange won = StageChange.of("A", "won", t.plusSeconds(3600));
    DealLog a = DealLog.builder(p).deal(withAmount).change(won).build();
    DealLog b = DealLog.builder(p).deal(without).build();
    DealLog whole = DealLog.builder(p).deal(withAmount).deal(without).change(won).build();
    FunnelReport expected = wholeReport(whole, asOf);
    // By hand: two deals, one won with 100.00 EUR.
    assertEquals(new DealCounts(2, 1, 1, 0), expected.deals());
    assertEquals(Optional.of(Money.of("100.00", "EUR")), expected.averageWonDealSize());
    assertSameReport(expected, aggregate(a, asOf).merge(aggregate(b, asOf)).report(), "a+b");
    assertSameReport(expected, aggregate(b, asOf).merge(aggregate(a, asOf)).report(), "b+a");
  }
}
