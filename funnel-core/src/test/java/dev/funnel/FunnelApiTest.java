package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.hygiene.Hygiene;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.losses.Losses;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.people.People;
import dev.funnel.stats.Distribution;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fluent query's options, errors, period breakdowns and printing. */
final class FunnelApiTest {
  static final DealLog LOG = FunnelHandComputedTest.log();
  static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

  static Stream<Arguments> misuse() {
    return Stream.of(
        Arguments.of(
            (Function<Funnel, Object>) f -> f.asOf(T).asOf(T),
            IllegalStateException.class,
            "asOf was already set to 2026-03-01T00:00:00Z"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.cohort(T, T),
            IllegalArgumentException.class,
            "cohort [2026-03-01T00:00:00Z, 2026-03-01T00:00:00Z) is empty: 'to' must be after"
                + " 'from'"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.cohort(T, T.plusSeconds(1)).createdFrom(T),
            IllegalStateException.class,
            "cohort was already set to [2026-03-01T00:00:00Z, 2026-03-01T00:00:01Z)"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.createdBefore(T).createdFrom(T),
            IllegalArgumentException.class,
            "cohort [2026-03-01T00:00:00Z, 2026-03-01T00:00:00Z) is empty: 'to' must be after"
                + " 'from'"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.createdBefore(T).createdBefore(T),
            IllegalStateException.class,
            "cohort was already set to [-inf, 2026-03-01T00:00:00Z)"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.cohort(T, T.plusSeconds(1)).createdBefore(T),
            IllegalStateException.class,
            "cohort was already set to [2026-03-01T00:00:00Z, 2026-03-01T00:00:01Z)"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.percentiles(0.5, 1.5),
            IllegalArgumentException.class,
            "percentile 1.5 is not in [0, 1]"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.percentiles(),
            IllegalArgumentException.class,
            "at least one percentile is needed"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.counting(Counting.ENTERED).counting(Counting.ENTERED),
            IllegalStateException.class,
            "counting was already set to ENTERED"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.by("owner").by(Dimension.OWNER),
            IllegalStateException.class,
            "breakdown by [owner] was already added"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.by(Dimension.OWNER, Dimension.OWNER),
            IllegalArgumentException.class,
            "a dimension repeats in by[owner, owner]"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.by("segment").report(),
            IllegalArgumentException.class,
            "no deal has the attribute \"segment\" (attributes: ; other dimensions: owner,"
                + " channel, day, week, month, quarter, year)"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.report().stage("won"),
            IllegalArgumentException.class,
            "\"won\" is not an open stage of this report (open stages: new, qualified,"
                + " proposal)"),
        Arguments.of(
            (Function<Funnel, Object>) f -> f.report().breakdown("owner"),
            IllegalArgumentException.class,
            "no breakdown \"owner\" (the query has no breakdowns: ask for one with Funnel.by)"));
  }

  @ParameterizedTest
  @MethodSource("misuse")
  void misuseFailsWithAPreciseMessage(
      Function<Funnel, Object> call, Class<? extends Exception> type, String message) {
    Exception e = assertThrows(type, () -> call.apply(Funnel.of(LOG)));
    assertEquals(message, e.getMessage());
  }

  @Test
  void toStringShowsOnlyTheOptionsSet() {
    assertEquals(
        "Funnel.of(DealLog[b2b: 7 deals, 13 stage changes]).asOf(2026-03-01T00:00:00Z).by(owner,"
            + " channel)",
        Funnel.of(LOG).asOf(T).by(Dimension.OWNER, Dimension.CHANNEL).toString());
  }

  @Test
  void createdPeriodBucketsInTheQueryZone() {
    // 2026-03-31T23:30Z is April 1st in Berlin (UTC+2 after the switch to summer time)
    DealLog log =
        DealLog.builder(FunnelHandComputedTest.PIPELINE)
            .deal(Deal.builder("a", Instant.parse("2026-03-31T21:30:00Z")).build())
            .deal(Deal.builder("b", Instant.parse("2026-03-31T23:30:00Z")).build())
            .deal(Deal.builder("c", Instant.parse("2026-04-02T08:00:00Z")).build())
            .build();
    Breakdown utc = Funnel.of(log).by(Dimension.created(Period.MONTH)).report().breakdown("month");
    assertEquals(
        List.of(List.of("2026-03"), List.of("2026-04")),
        utc.groups().stream()
            .map(Group::key)
            .toList()); // 2 in March, 1 in April (UTC): larger group first
    assertEquals(2, utc.group("2026-03").orElseThrow().figures().deals().total());
    Breakdown berlin =
        Funnel.of(log)
            .zone(ZoneId.of("Europe/Berlin"))
            .by(Dimension.created(Period.MONTH))
            .report()
            .breakdown("month");
    assertEquals(1, berlin.group("2026-03").orElseThrow().figures().deals().total());
    assertEquals(2, berlin.group("2026-04").orElseThrow().figures().deals().total());
    Breakdown weeks = Funnel.of(log).by("week").report().breakdown("week");
    // Tue 31 March and Thu 2 April lie in ISO week 14
    assertEquals(3, weeks.group("2026-W14").orElseThrow().figures().deals().total());
  }

  @Test
  void attributeBreakdownAndPrintingCapsAtTwentyRows() {
    DealLogBuilder b = DealLog.builder(FunnelHandComputedTest.PIPELINE);
    for (int i = 0; i < 25; i++) {
      b.deal(
          Deal.builder("d" + i, T.plusSeconds(i))
              .attribute("segment", "s" + (i < 3 ? "0" : Integer.toString(i)))
              .build());
    }
    FunnelReport r = Funnel.of(b.build()).by("segment").report();
    Breakdown seg = r.breakdown("segment");
    assertEquals(23, seg.groups().size());
    assertEquals("s0", seg.groups().get(0).label()); // 3 deals, the largest group first
    String capped = seg.toString();
    assertTrue(capped.contains("... 3 more groups (printAll() shows every group)"), capped);
    assertEquals(21, capped.lines().count() - 1); // header + 20 rows + the "more" line
    assertEquals(24, seg.printAll().lines().count()); // header + 23 rows
  }

  @Test
  void aggregatesOfDifferentCohortsDoNotMerge() {
    // Review (second round): jan.merge(feb) reported "[Jan 1, Feb 1)" while counting a February
    // deal, and feb.merge(jan) named the other cohort.
    Pipeline p = Pipeline.builder("p").open("s1").won("won").lost("lost").build();
    Instant jan = Instant.parse("2026-01-01T00:00:00Z");
    Instant feb = Instant.parse("2026-02-01T00:00:00Z");
    Instant mar = Instant.parse("2026-03-01T00:00:00Z");
    DealLog log =
        DealLog.builder(p)
            .deal(Deal.builder("A", jan.plusSeconds(86_400)).build())
            .deal(Deal.builder("B", feb.plusSeconds(86_400)).build())
            .build();
    FunnelAggregate january = Funnel.of(log).cohort(jan, feb).asOf(mar).query().aggregate(0, 2);
    FunnelAggregate february = Funnel.of(log).cohort(feb, mar).asOf(mar).query().aggregate(0, 2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> january.merge(february));
    assertTrue(e.getMessage().contains("cohort"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> february.merge(january));
    // The union is one query: both deals, in [Jan 1, Mar 1).
    FunnelReport both = Funnel.of(log).cohort(jan, mar).asOf(mar).report();
    assertEquals(2, both.deals().total());
    // Parts of one cohort still merge: A in [0, 1), B in [1, 2).
    Funnel.Query q = Funnel.of(log).cohort(jan, mar).asOf(mar).query();
    assertEquals(both, q.aggregate(0, 1).merge(q.aggregate(1, 2)).report());
  }

  @Test
  void aNegativeRowCapIsRefused() {
    DealLog log =
        DealLog.builder(FunnelHandComputedTest.PIPELINE)
            .deal(Deal.builder("A", T).owner("ann").build())
            .deal(Deal.builder("B", T).owner("bob").build())
            .build();
    FunnelReport r = Funnel.of(log).by("owner").report();
    assertThrows(IllegalArgumentException.class, () -> r.print(-1));
    assertThrows(IllegalArgumentException.class, () -> r.breakdowns().get(0).print(-1));
    // 1 row shown, 1 hidden; 0 rows shown, 2 hidden
    assertTrue(r.print(1).contains("... 1 more groups"), r.print(1));
    assertTrue(r.print(0).contains("... 2 more groups"), r.print(0));
  }

  @Test
  void percentilesAreRoundedToTheirNamesSoNoTwoShareOne() {
    // review finding: percentiles(0.5, 0.5000001) made two "p50" and a JSON writer crash
    assertEquals(List.of(0.5), Funnel.of(LOG).percentiles(0.5, 0.5000001).report().percentiles());
    assertEquals(
        List.of(0.12345, 0.999, 1.0),
        Funnel.of(LOG)
            .percentiles(1, 0.99999999, 0.123451, 0.123452, 0.999)
            .report()
            .percentiles());
    assertEquals("12.345", Distribution.percentLabel(0.12345));
    assertEquals("99.999", Distribution.percentLabel(0.99999));
    assertEquals("100", Distribution.percentLabel(0.999999));
    // a report or distribution built by hand must not name two percentiles alike either
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Distribution(
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(0.5, Duration.ZERO, 0.5000001, Duration.ZERO)));
    Distribution zero =
        new Distribution(
            1, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(-0.0, Duration.ZERO));
    assertEquals(Optional.of(Duration.ZERO), zero.percentile(0.0));
  }

  @Test
  void tablesShowThePercentilesTheQueryAskedFor() {
    // A: s1 for 1 h, s2 for 2 h, won at 3 h (cycle 3h). B stays in s1: aged 3 h as of 3 h.
    Pipeline p = Pipeline.builder("p").open("s1").open("s2").won("won").lost("lost").build();
    DealLog log =
        DealLog.builder(p)
            .deal(Deal.builder("A", T).owner("ann").build())
            .deal(Deal.builder("B", T).owner("bob").build())
            .change("A", "s2", T.plusSeconds(3600))
            .change("A", "won", T.plusSeconds(3 * 3600))
            .build();
    String table = Funnel.of(log).percentiles(0.25, 0.75).by(Dimension.OWNER).report().toString();
    assertTrue(table.contains("time in stage p25  p75  open  age p25"), table);
    String s1 = table.lines().filter(l -> l.startsWith("s1 ")).findFirst().orElseThrow();
    assertTrue(s1.endsWith("1h   1h     1       3h"), s1);
    String ann = table.lines().filter(l -> l.startsWith("ann ")).findFirst().orElseThrow();
    assertTrue(table.contains("won cycle p25"), table);
    assertTrue(ann.contains(" 3h"), ann);
    assertTrue(
        Funnel.of(log).report().toString().contains("time in stage p50  p90  open  age p50"));
    // p25 and p50 asked: both columns, age at p50; one percentile asked: one column
    assertTrue(
        Funnel.of(log)
            .percentiles(0.25, 0.5)
            .report()
            .toString()
            .contains("time in stage p25  p50  open  age p50"));
    String one = Funnel.of(log).percentiles(0.9).report().toString();
    assertTrue(one.contains("lost at  time in stage p90  open  age p90"), one);
    // No data at all (a cohort before every deal): still the asked percentiles head the columns.
    FunnelReport none =
        Funnel.of(log)
            .percentiles(0.75, 0.25)
            .cohort(T.minusSeconds(7200), T.minusSeconds(3600))
            .by(Dimension.OWNER)
            .report();
    assertEquals(List.of(0.25, 0.75), none.percentiles());
    assertEquals(0, none.deals().total());
    assertTrue(none.toString().contains("time in stage p25  p75  open  age p25"), none.toString());
    assertEquals(List.of(0.5, 0.75, 0.9), Funnel.of(log).report().percentiles());
    assertEquals(List.of(0.0), Funnel.of(log).percentiles(-0.0, 0.0).report().percentiles());
  }

  @Test
  void anAttributeSpelledLikeABuiltInNextToItIsNamedAttributeEquals() {
    DealLog log =
        DealLog.builder(FunnelHandComputedTest.PIPELINE)
            .deal(Deal.builder("A", T).attribute("quarter", "FY26-Q4").build())
            .build();
    FunnelReport both = Funnel.of(log).by("quarter").by("attribute=quarter").report();
    assertEquals(
        List.of("quarter", "attribute=quarter"),
        both.breakdowns().stream().map(both::nameOf).toList());
    assertEquals("2026-Q1", both.breakdown("quarter").groups().get(0).label());
    assertEquals("FY26-Q4", both.breakdown("attribute=quarter").groups().get(0).label());
    String table = both.toString();
    assertTrue(table.contains("\nattribute=quarter  deals"), table);
    // alone, the attribute keeps its name
    FunnelReport alone = Funnel.of(log).by("attribute=quarter").report();
    assertEquals("FY26-Q4", alone.breakdown("quarter").groups().get(0).label());
  }

  /** {@code createdBefore(to)} is the cohort {@code [-inf, to)}: no start is made up. */
  @Test
  void createdBeforeLeavesTheStartOpen() {
    DealLog log =
        DealLog.builder(FunnelHandComputedTest.PIPELINE)
            .deal(Deal.builder("A", T).build())
            .deal(Deal.builder("B", T.plusSeconds(3600)).build())
            .build();
    FunnelReport r = Funnel.of(log).createdBefore(T.plusSeconds(3600)).report();
    assertEquals(1, r.deals().total());
    assertEquals(Optional.empty(), r.cohortFrom());
    assertEquals(Optional.of(T.plusSeconds(3600)), r.cohortTo());
    assertTrue(r.toString().contains("[-inf, 2026-03-01T01:00:00Z)"), r.toString());
    // before every deal: empty, not an error
    assertEquals(0, Funnel.of(log).createdBefore(T.minusSeconds(60)).report().deals().total());
    // Both ends, in either order, are the cohort; the process builders take them too (API review:
    // only Funnel had them, and createdFrom(a).createdBefore(b) was refused).
    Instant to = T.plusSeconds(1);
    assertEquals(
        Funnel.of(log).cohort(T, to).report(),
        Funnel.of(log).createdBefore(to).createdFrom(T).report());
    assertEquals(
        Hygiene.of(log).cohort(T, to).report(),
        Hygiene.of(log).createdFrom(T).createdBefore(to).report());
    assertEquals(
        Losses.of(log).cohort(T.plusSeconds(1), T.plusSeconds(7200)).report(),
        Losses.of(log).createdFrom(T.plusSeconds(1)).createdBefore(T.plusSeconds(7200)).report());
    assertEquals(
        People.of(log).createdFrom(T).createdBefore(to).report(),
        People.of(log).cohort(T, to).report());
    assertEquals(1, Hygiene.of(log).createdBefore(to).report().deals());
  }

  /**
   * A column named like a crossed breakdown ({@code owner x channel}) is {@code attribute=owner x
   * channel}; names that still read alike get a suffix, so no two breakdowns share a name (the JSON
   * report keys them by name; a CLI review crashed the writer with a duplicate).
   */
  @Test
  void noTwoBreakdownsShareAName() {
    DealLog log =
        DealLog.builder(FunnelHandComputedTest.PIPELINE)
            .deal(
                Deal.builder("A", T)
                    .owner("ann")
                    .channel("web")
                    .attribute("owner x channel", "both")
                    .attribute("a x b", "1")
                    .attribute("attribute=a", "2")
                    .attribute("b", "3")
                    .build())
            .build();
    FunnelReport r =
        Funnel.of(log)
            .by(Dimension.OWNER, Dimension.CHANNEL)
            .by("attribute=owner x channel")
            .by("attribute=a x b")
            .by(Dimension.named("attribute=attribute=a"), Dimension.named("b"))
            .report();
    List<String> names = r.breakdowns().stream().map(r::nameOf).toList();
    assertEquals(
        List.of(
            "owner x channel",
            "attribute=owner x channel",
            "attribute=a x b",
            "attribute=a x b (2)"),
        names);
    assertEquals("both", r.breakdown("attribute=owner x channel").groups().get(0).label());
    assertEquals("ann x web", r.breakdown("owner x channel").groups().get(0).label());
    assertEquals("2 x 3", r.breakdown("attribute=a x b (2)").groups().get(0).label());
    // Dimensions too: the creation quarter, the column quarter (attribute=quarter beside it) and a
    // column literally named attribute=quarter (diff review: two dimensions of one name crashed
    // the JSON writer).
    DealLog q =
        DealLog.builder(FunnelHandComputedTest.PIPELINE)
            .deal(
                Deal.builder("A", T)
                    .attribute("quarter", "FY26-Q4")
                    .attribute("attribute=quarter", "x")
                    .build())
            .build();
    Dimension column = Dimension.named("attribute=quarter");
    Dimension literal = Dimension.named("attribute=attribute=quarter");
    FunnelReport three = Funnel.of(q).by(Dimension.named("quarter"), column, literal).report();
    assertEquals("attribute=quarter", three.nameOf(column));
    assertEquals("attribute=quarter (2)", three.nameOf(literal));
    assertEquals(
        "quarter x attribute=quarter x attribute=quarter (2)",
        three.nameOf(three.breakdowns().get(0)));
  }

  @Test
  void aBreakdownByCreationPeriodIsInTimeOrder() {
    // January 1 deal, February 3, March 2: by month in time order, not by size; by owner by size.
    DealLogBuilder b = DealLog.builder(FunnelHandComputedTest.PIPELINE);
    String[] created = {"2026-01-10", "2026-02-01", "2026-02-02", "2026-02-03", "2026-03-05"};
    for (int i = 0; i < created.length; i++) {
      b.deal(
          Deal.builder("d" + i, Instant.parse(created[i] + "T12:00:00Z"))
              .owner(i == 0 ? "ann" : "bob")
              .build());
    }
    b.deal(Deal.builder("d9", Instant.parse("2026-03-06T12:00:00Z")).owner("ann").build());
    FunnelReport r =
        Funnel.of(b.build())
            .by(Dimension.created(Period.MONTH))
            .by(Dimension.OWNER)
            .by(Dimension.created(Period.QUARTER), Dimension.created(Period.MONTH))
            .report();
    assertEquals(
        List.of("2026-01", "2026-02", "2026-03"),
        r.breakdowns().get(0).groups().stream().map(Group::label).toList());
    assertEquals(
        List.of("bob", "ann"), r.breakdowns().get(1).groups().stream().map(Group::label).toList());
    assertEquals(
        List.of(1L, 3L, 2L),
        r.breakdowns().get(2).groups().stream().map(g -> g.figures().deals().total()).toList());
  }

  @Test
  void reportTableHasAlignedStageRows() {
    String table = Funnel.of(LOG).report().toString();
    List<String> lines = table.lines().toList();
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("stage")).findFirst().get());
    assertTrue(lines.get(header + 1).startsWith("new "), table);
    assertTrue(lines.get(header + 2).startsWith("qualified "), table);
    assertTrue(lines.get(header + 3).startsWith("proposal "), table);
    // right-aligned numeric columns end at the same position
    int reachedEnd = lines.get(header).indexOf("reached") + "reached".length();
    assertEquals('7', lines.get(header + 1).charAt(reachedEnd - 1));
  }
}
