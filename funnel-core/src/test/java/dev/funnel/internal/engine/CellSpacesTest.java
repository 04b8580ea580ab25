package dev.funnel.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.Counting;
import dev.funnel.Dimension;
import dev.funnel.FunnelReport;
import dev.funnel.Period;
import dev.funnel.RandomLogs;
import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;
import dev.funnel.model.StageChange;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * However the breakdown groupings are packed into cell spaces (one space for all, one per grouping,
 * or anything between), and however the report is computed (one scan or merged pieces, own or
 * pooled buffers, sequential or in a pool, the first run or a later one reusing pooled buffers),
 * the report is the same.
 */
final class CellSpacesTest {
  /** jqwik runs no JUnit lifecycle methods: a static pool, daemon threads end with the JVM. */
  static final ForkJoinPool POOL = new ForkJoinPool(2);

  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  static final String ATTRIBUTE = "tier";

  /** The space sizes tried besides the default budget. */
  static final long[] MAX_CELLS = {1, 2, 3, Long.MAX_VALUE};

  /** A generated log and the query options of one try. */
  record Case(
      DealLog log,
      Instant asOf,
      Optional<Instant> from,
      Optional<Instant> to,
      ZoneId zone,
      Counting counting,
      double[] percentiles,
      List<List<Dimension>> breakdowns,
      long seed) {
    @Override
    public String toString() {
      return "Case[seed="
          + seed
          + ", deals="
          + log.dealCount()
          + ", changes="
          + log.changeCount()
          + ", asOf="
          + asOf
          + ", from="
          + from
          + ", to="
          + to
          + ", zone="
          + zone
          + ", counting="
          + counting
          + ", percentiles="
          + Arrays.toString(percentiles)
          + ", breakdowns="
          + breakdowns
          + "]";
    }
  }

  /**
   * A random log over four months (so monthly groups differ) with ties, no-op changes, skips,
   * backward moves, reopened deals and missing owners, channels, attribute values and amounts;
   * {@code big} logs are large enough for the histogram path of percentiles (over 1024 samples).
   */
  static Case generate(long seed, boolean big) {
    SplittableRandom r = new SplittableRandom(seed);
    Pipeline p = RandomLogs.pipeline(r);
    List<Stage> stages = p.stages();
    int deals = big ? 1500 + r.nextInt(2500) : r.nextInt(6) == 0 ? 0 : 1 + r.nextInt(60);
    String[] owners = {"ann", "bob", "cy", "dee"};
    String[] channels = {"ads", "seo", "event"};
    String[] tiers = {"gold", "silver", "bronze"};
    DealLogBuilder b = DealLog.builder(p);
    List<StageChange> cs = new ArrayList<>();
    Instant max = T0;
    for (int d = 0; d < deals; d++) {
      Instant created = T0.plusSeconds(3600L * r.nextInt(24 * 120));
      max = created.isAfter(max) ? created : max;
      Deal.Builder db = Deal.builder("D" + d, created);
      if (r.nextInt(5) > 0) {
        db.owner(owners[r.nextInt(owners.length)]);
      }
      if (r.nextInt(3) > 0) {
        db.channel(channels[r.nextInt(channels.length)]);
      }
      // The first deal always has the attribute, so every log knows it.
      if (d == 0 || r.nextInt(4) > 0) {
        db.attribute(ATTRIBUTE, tiers[r.nextInt(tiers.length)]);
      }
      if (r.nextInt(3) > 0) {
        db.amount(r.nextInt(100_000) + "." + r.nextInt(10) + r.nextInt(10), "EUR");
      }
      b.deal(db.build());
      int changes = r.nextInt(6);
      for (int c = 0; c < changes; c++) {
        Instant at = created.plusSeconds(3600L * r.nextInt(r.nextBoolean() ? 3 : 24 * 20));
        max = at.isAfter(max) ? at : max;
        Stage s = stages.get(r.nextInt(stages.size()));
        cs.add(StageChange.of("D" + d, s.id(), at).recordedAt(at.plusSeconds(r.nextInt(9_000))));
      }
    }
    for (int i = cs.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      StageChange t = cs.get(i);
      cs.set(i, cs.get(j));
      cs.set(j, t);
    }
    cs.forEach(b::change);
    DealLog log = b.build();
    // As-of: the latest event, or somewhere before it (events after it are then unseen).
    Instant asOf = max.minusSeconds(r.nextBoolean() ? 0 : 3600L * r.nextInt(24 * 60));
    boolean window = r.nextInt(3) == 0;
    Optional<Instant> from =
        window ? Optional.of(T0.plusSeconds(3600L * r.nextInt(24 * 40))) : Optional.empty();
    Optional<Instant> to =
        window
            ? Optional.of(from.orElseThrow().plusSeconds(3600L + 3600L * r.nextInt(24 * 60)))
            : Optional.empty();
    ZoneId zone = r.nextBoolean() ? ZoneOffset.UTC : ZoneId.of("America/Los_Angeles");
    Counting counting = r.nextBoolean() ? Counting.PROGRESSED : Counting.ENTERED;
    double[] ps =
        r.nextBoolean()
            ? dev.funnel.internal.stats.Select.defaultPercentiles()
            : new double[] {0, 0.01, 0.25, 0.5, 0.9, 0.999, 1};
    List<List<Dimension>> breakdowns =
        new ArrayList<>(
            List.of(
                List.of(Dimension.OWNER),
                List.of(Dimension.CHANNEL),
                List.of(Dimension.OWNER, Dimension.CHANNEL),
                List.of(Dimension.created(Period.MONTH))));
    if (deals > 0) {
      // An empty log knows no attribute, and a breakdown by an unknown attribute is an error.
      breakdowns.add(List.of(Dimension.attribute(ATTRIBUTE)));
    }
    // The order decides which grouping is outermost in a space: vary it.
    for (int i = breakdowns.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      List<Dimension> t = breakdowns.get(i);
      breakdowns.set(i, breakdowns.get(j));
      breakdowns.set(j, t);
    }
    return new Case(log, asOf, from, to, zone, counting, ps, breakdowns, seed);
  }

  @Provide
  Arbitrary<Case> smallCases() {
    return Arbitraries.longs().map(s -> generate(s, false));
  }

  @Provide
  Arbitrary<Case> bigCases() {
    return Arbitraries.longs().map(s -> generate(s, true));
  }

  static QuerySpec spec(Case c, Optional<Long> maxCells) {
    ColumnarDealLog col = ColumnarDealLog.of(c.log());
    Selection sel = Selection.of(col, c.from(), c.to(), Optional.of(c.asOf()));
    return maxCells.isPresent()
        ? new QuerySpec(
            col,
            sel,
            c.from(),
            c.to(),
            c.zone(),
            c.counting(),
            c.percentiles(),
            c.breakdowns(),
            maxCells.get())
        : new QuerySpec(
            col, sel, c.from(), c.to(), c.zone(), c.counting(), c.percentiles(), c.breakdowns());
  }

  /** The report of one unpooled scan of the whole selection, assembled on this thread. */
  static FunnelReport scanned(QuerySpec spec) {
    return Assembler.report(FunnelPartial.scan(spec, spec.lo, spec.hi, false), null);
  }

  /** Every grouping in exactly one space, in order; a space over budget holds one grouping. */
  static void assertPacking(QuerySpec spec, long maxCells, String where) {
    List<Integer> members = new ArrayList<>();
    for (Space s : spec.spaces) {
      Arrays.stream(s.members).forEach(members::add);
      long product = 1;
      for (int j = 0; j < s.members.length; j++) {
        assertEquals(spec.groupings[s.members[j]].size(), s.sizes[j], where);
        product *= s.sizes[j];
      }
      assertEquals(product, s.cells, where + ": cells of a space are the product of its sizes");
      assertTrue(
          s.cells <= maxCells || s.members.length == 1,
          where + ": space " + Arrays.toString(s.members) + " has " + s.cells + " cells");
    }
    assertEquals(
        IntStream.range(1, spec.groupings.length).boxed().toList(),
        members,
        where + ": groupings per space");
    if (maxCells == Long.MAX_VALUE) {
      assertEquals(1, spec.spaces.length, where + ": one space holds every grouping");
    }
  }

  @Property(tries = 150)
  void everyPackingGivesTheSameReport(@ForAll("smallCases") Case c, @ForAll long cutSeed) {
    checkAllPackings(c, cutSeed);
  }

  @Property(tries = 8)
  void everyPackingGivesTheSameReportOnLargeLogs(@ForAll("bigCases") Case c, @ForAll long cutSeed) {
    checkAllPackings(c, cutSeed);
  }

  static void checkAllPackings(Case c, long cutSeed) {
    QuerySpec base = spec(c, Optional.empty());
    FunnelReport expected = scanned(base);
    Statistics.label("empty selection").collect(expected.deals().total() == 0);
    Statistics.label("percentiles by histogram (over 1024 samples)")
        .collect(
            expected.all().stages().stream()
                .anyMatch(s -> s.timeInStage().count() > 1024 || s.ageInStage().count() > 1024));
    Map<String, QuerySpec> specs = new LinkedHashMap<>();
    specs.put("default", base);
    for (long m : MAX_CELLS) {
      QuerySpec s = spec(c, Optional.of(m));
      assertPacking(s, m, c + " maxCells=" + m);
      specs.put("maxCells=" + m, s);
    }
    Statistics.label("spaces at maxCells=1").collect(specs.get("maxCells=1").spaces.length);
    Statistics.label("spaces at maxCells=1").coverage(k -> k.check(5).percentage(p -> p > 40));
    SplittableRandom r = new SplittableRandom(cutSeed);
    for (Map.Entry<String, QuerySpec> e : specs.entrySet()) {
      String where = c + " " + e.getKey();
      QuerySpec spec = e.getValue();
      assertEquals(expected, scanned(spec), where + ": one scan");
      assertEquals(expected, inPieces(spec, r), where + ": merged pieces");
      FunnelPartial pooled = FunnelPartial.scan(spec, spec.lo, spec.hi, true);
      try {
        assertEquals(expected, Assembler.report(pooled, null), where + ": pooled scan");
      } finally {
        pooled.release();
      }
      // As a thread of a parallel run does: ranges in any order added to one partial's counters.
      int a = spec.lo + r.nextInt(spec.hi - spec.lo + 1);
      int b = a + r.nextInt(spec.hi - a + 1);
      for (boolean pool : new boolean[] {false, true}) {
        FunnelPartial grown = FunnelPartial.empty(spec, pool).add(b, spec.hi).add(spec.lo, a);
        try {
          assertEquals(
              expected,
              Assembler.report(grown.add(a, b), null),
              where
                  + ": ["
                  + b
                  + ", hi), [lo, "
                  + a
                  + "), ["
                  + a
                  + ", "
                  + b
                  + ") into one partial");
        } finally {
          grown.release();
        }
      }
      Engine.Query q = new Engine.Query(spec);
      assertEquals(expected, q.run(), where + ": run");
      assertEquals(expected, q.run(), where + ": run again, reusing pooled buffers");
      assertEquals(expected, q.runParallel(POOL, 1), where + ": runParallel");
      assertEquals(expected, q.runParallel(POOL, 1), where + ": runParallel again");
      assertEquals(expected, q.runParallel(POOL, 2), where + ": runParallel, ranges of 2");
      assertEquals(expected, q.run(), where + ": run after parallel runs");
    }
    // Partials of two differently packed queries merge in grouped form.
    int cut = base.lo + r.nextInt(base.hi - base.lo + 1);
    for (long m : MAX_CELLS) {
      QuerySpec other = specs.get("maxCells=" + m);
      FunnelPartial left = FunnelPartial.scan(base, base.lo, cut, false);
      FunnelPartial right = FunnelPartial.scan(other, cut, base.hi, false);
      assertEquals(
          expected,
          Assembler.report(left.plus(right), null),
          c + " default + maxCells=" + m + " cut at " + cut);
      assertEquals(
          expected,
          Assembler.report(right.plus(left), null),
          c + " maxCells=" + m + " + default cut at " + cut);
    }
  }

  /** The report of the selection scanned in random pieces merged in random order (cell form). */
  static FunnelReport inPieces(QuerySpec spec, SplittableRandom r) {
    List<Integer> cuts = new ArrayList<>(List.of(0, spec.log.dealCount));
    for (int i = r.nextInt(5); i > 0; i--) {
      cuts.add(r.nextInt(spec.log.dealCount + 1));
    }
    cuts.sort(null);
    List<FunnelPartial> parts = new ArrayList<>();
    for (int i = 0; i + 1 < cuts.size(); i++) {
      parts.add(FunnelPartial.scan(spec, cuts.get(i), cuts.get(i + 1), false));
    }
    for (int i = parts.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      FunnelPartial t = parts.get(i);
      parts.set(i, parts.get(j));
      parts.set(j, t);
    }
    FunnelPartial merged = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      merged = merged.plus(parts.get(i));
    }
    assertTrue(merged.cellForm(), "partials of one resolved query stay in cell form");
    return Assembler.report(merged, null);
  }

  @Property(tries = 60)
  void breakdownCountersAreSumsOverCellsWhateverThePacking(@ForAll("smallCases") Case c) {
    // groupCounters() of one space per grouping against one space for all: cell layouts differ
    // completely, the counters per group must not.
    QuerySpec apart = spec(c, Optional.of(1L));
    QuerySpec together = spec(c, Optional.of(Long.MAX_VALUE));
    long[][] a = FunnelPartial.scan(apart, apart.lo, apart.hi, false).groupCounters();
    long[][] t = FunnelPartial.scan(together, together.lo, together.hi, false).groupCounters();
    assertEquals(a.length, t.length);
    for (int g = 0; g < a.length; g++) {
      assertArrayEquals(a[g], t[g], c + " grouping " + g);
    }
  }
}
