package dev.funnel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import dev.funnel.model.StageKind;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The log fast path, the pipeline, and the METRICS.md input rules on generated data. */
final class SampleDataTest {

  @Test
  void pipelineHasFourOpenStagesWithOptimisticDeclaredProbabilitiesThenWonAndLost() {
    Pipeline p = SampleData.pipeline();
    assertEquals("b2b", p.id());
    assertEquals(
        List.of("new", "qualified", "proposal", "negotiation"),
        p.openStages().stream().map(s -> s.id()).toList());
    assertEquals(StageKind.WON, p.stage("won").kind());
    assertEquals(StageKind.LOST, p.stage("lost").kind());
    double previous = 0;
    for (var s : p.openStages()) {
      double declared = s.declaredProbability().orElseThrow();
      assertTrue(declared > previous, s.id() + " declares " + declared);
      previous = declared;
    }
  }

  static Stream<SampleSpec> specs() {
    SampleSpec d = SampleSpec.defaults();
    return Stream.of(
        d,
        d.withSeed(7).withDeals(3000),
        d.withDeals(0),
        d.withDeals(1),
        d.withOwners(1).withChannels(1).withDeals(300),
        d.withMonths(1).withDeals(400),
        d.withChannels(9).withOwners(40).withMonths(30).withDeals(1500),
        SampleSpec.benchmark(5000));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void dealLogAcceptsEveryRecordAndHasTheSpecsDeals(SampleSpec spec) {
    DealLog log = SampleData.dealLog(spec);
    assertEquals(spec.deals(), log.dealCount());
    assertEquals(List.of(), log.rejections());
    assertEquals(log.dealCount() + log.changeCount(), log.recordsRead());
    if (spec.deals() > 0) {
      assertEquals(Currency.getInstance(spec.currency()), log.currency().orElseThrow());
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void dealLogHoldsTheDealsAndChangesThatGenerateEmits(SampleSpec spec) {
    RecordingSink sink = RecordingSink.of(spec);
    DealLogBuilder builder = DealLog.builder(sink.pipelines.get(0));
    sink.deals.forEach(builder::deal);
    sink.changes.forEach(builder::change);
    DealLog fromSink = builder.build();
    DealLog direct = SampleData.dealLog(spec);
    assertEquals(fromSink.dealCount(), direct.dealCount());
    assertEquals(fromSink.changeCount(), direct.changeCount());
    for (int i = 0; i < direct.dealCount(); i++) {
      assertEquals(fromSink.deal(i), direct.deal(i));
      assertEquals(fromSink.changes(i), direct.changes(i));
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyRecordObeysTheInputRules(SampleSpec spec) {
    assertRules(spec, RecordingSink.of(spec));
  }

  @Test
  void callsComeInTheDocumentedOrder() {
    RecordingSink sink = RecordingSink.of(SampleSpec.defaults().withDeals(50));
    List<String> order = sink.order;
    assertEquals(List.of("pipeline", "calendar"), order.subList(0, 2));
    int firstSpend = Math.min(order.indexOf("spend"), order.indexOf("activity"));
    assertTrue(firstSpend > order.lastIndexOf("deal"), order.toString());
    assertTrue(firstSpend > order.lastIndexOf("lead"), order.toString());
    assertTrue(
        order.subList(firstSpend, order.size()).stream()
            .allMatch(k -> k.equals("spend") || k.equals("activity")),
        order.toString());
    // Each deal's changes follow the deal.
    String last = "";
    for (String kind : order) {
      if (kind.equals("change")) {
        assertEquals("deal", last, order.toString());
      }
      last = kind;
    }
  }

  @Test
  void differentSeedsGiveDifferentDeals() {
    DealLog a = SampleData.dealLog(SampleSpec.defaults().withDeals(100));
    DealLog b = SampleData.dealLog(SampleSpec.defaults().withDeals(100).withSeed(1));
    assertNotEquals(a.deal(0), b.deal(0));
  }

  @Property(tries = 40)
  void anySpecGeneratesValidRecordsAndAnAcceptedLog(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 400) int deals,
      @ForAll @IntRange(min = 1, max = 30) int owners,
      @ForAll @IntRange(min = 1, max = 12) int channels,
      @ForAll @IntRange(min = 1, max = 24) int months) {
    SampleSpec spec =
        new SampleSpec(seed, deals, owners, channels, SampleSpec.DEFAULT_START, months, "EUR");
    RecordingSink sink = RecordingSink.of(spec);
    assertRules(spec, sink);
    DealLog log = SampleData.dealLog(spec);
    assertEquals(deals, log.dealCount());
    assertEquals(sink.changes.size(), log.changeCount());
    List<DealFacts> facts = DealFacts.of(sink);
    Statistics.label("skips").collect(facts.stream().anyMatch(f -> f.skips > 0));
    Statistics.label("reopened").collect(facts.stream().anyMatch(f -> f.reopened));
    Statistics.label("burst").collect(facts.stream().anyMatch(f -> f.burst));
    Statistics.label("empty").collect(deals == 0);
  }

  static void assertRules(SampleSpec spec, RecordingSink sink) {
    Pipeline p = sink.pipelines.get(0);
    Instant end = spec.end();
    Instant start = spec.start();
    Set<String> ids = new HashSet<>();
    for (Deal d : sink.deals) {
      assertTrue(ids.add(d.id()), "deal id repeats: " + d.id());
      assertFalse(d.createdAt().isBefore(start) || !d.createdAt().isBefore(end), d.toString());
      d.amount()
          .ifPresent(
              m -> {
                assertFalse(m.isNegative(), d.id());
                assertEquals(spec.currency(), m.currency().getCurrencyCode(), d.id());
              });
      assertTrue(spec.ownerNames().contains(d.owner().orElseThrow()), d.id());
      assertTrue(spec.channelNames().contains(d.channel().orElseThrow()), d.id());
      Instant previous = d.createdAt();
      for (StageChange c : sink.changesByDeal.get(d.id())) {
        assertTrue(p.find(c.toStage()).isPresent(), c.toString());
        assertFalse(c.occurredAt().isBefore(d.createdAt()), "change before creation: " + c);
        assertFalse(c.occurredAt().isBefore(previous), "changes out of order: " + c);
        assertFalse(c.recordedAt().isBefore(c.occurredAt()), c.toString());
        assertTrue(c.recordedAt().isBefore(end), "recorded after the end: " + c);
        previous = c.occurredAt();
      }
    }
    for (Lead l : sink.leads) {
      assertFalse(l.createdAt().isBefore(start) || !l.createdAt().isBefore(end), l.toString());
      Stream.of(l.handedOverAt(), l.acceptedAt(), l.rejectedAt())
          .flatMap(o -> o.stream())
          .forEach(t -> assertTrue(t.isBefore(end), l.toString()));
    }
    sink.touches.forEach(t -> assertTrue(t.at().isBefore(end), t.toString()));
    sink.events.forEach(
        e -> assertTrue(!e.at().isBefore(start) && e.at().isBefore(end), e.toString()));
    sink.spend.forEach(s -> assertEquals(spec.currency(), s.cost().currency().getCurrencyCode()));
  }
}
