package dev.funnel.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.DealState;
import dev.funnel.Funnel;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.stats.Proportion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/** Laws of the loss report on random logs: every grouping partitions the lost deals exactly. */
final class LossesPropertiesTest {
  static final Instant T0 = LossesTest.T0;

  @Property(tries = 300)
  void everyGroupingPartitionsTheLostDealsAndTheirAmounts(@ForAll long seed) {
    Random rnd = new Random(seed);
    DealLogBuilder b = DealLog.builder(LossesTest.PIPELINE);
    List<String> stages = List.of("new", "qualified", "proposal", "won", "lost");
    int n = rnd.nextInt(15);
    for (int i = 0; i < n; i++) {
      Deal.Builder d = Deal.builder("D" + i, T0);
      if (rnd.nextBoolean()) {
        d.lossReason("r" + rnd.nextInt(3));
      }
      if (rnd.nextBoolean()) {
        d.owner("o" + rnd.nextInt(3));
      }
      if (rnd.nextInt(3) > 0) {
        d.amount(rnd.nextInt(10_000) + "." + (10 + rnd.nextInt(90)), "EUR");
      }
      b.deal(d.build());
      int k = rnd.nextInt(4);
      for (int j = 0; j < k; j++) {
        b.change("D" + i, stages.get(rnd.nextInt(stages.size())), T0.plusSeconds(60L * (j + 1)));
      }
    }
    DealLog log = b.build();
    LossReport r = Losses.of(log).report();
    // independent: the funnel's deal states
    List<DealState> lost = Funnel.of(log).dealStates().stream().filter(DealState::isLost).toList();
    BigDecimal expected =
        lost.stream()
            .map(s -> s.amount().map(Money::amount).orElse(BigDecimal.ZERO))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    Statistics.label("lost deals").collect(lost.isEmpty() ? "none" : "some");
    assertEquals(lost.size(), r.lost());
    for (List<LossRow> rows : List.of(r.reasons(), r.lostAt(), r.channels(), r.owners())) {
      assertEquals(lost.size(), rows.stream().mapToLong(LossRow::count).sum());
      assertEquals(0, expected.compareTo(sum(rows, x -> x.amount().map(Money::amount))));
      rows.forEach(x -> assertEquals(lost.size(), x.share().trials()));
    }
    assertEquals(lost.size(), r.groups().stream().mapToLong(LossGroup::count).sum());
  }

  /**
   * The report equals the one built from the funnel's deal states, grouped by their labels with
   * amounts added as Money (how the report was computed before it read the columns), as of the
   * latest event or an earlier instant.
   */
  @Property(tries = 300)
  void reportEqualsGroupingTheDealStatesByHand(@ForAll long seed) {
    Random rnd = new Random(seed);
    DealLogBuilder b = DealLog.builder(LossesTest.PIPELINE);
    List<String> stages = List.of("new", "qualified", "proposal", "won", "lost");
    int n = rnd.nextInt(25);
    for (int i = 0; i < n; i++) {
      Deal.Builder d = Deal.builder("D" + i, T0.plusSeconds(30L * rnd.nextInt(4)));
      if (rnd.nextBoolean()) {
        d.lossReason("r" + rnd.nextInt(3));
      }
      if (rnd.nextBoolean()) {
        d.owner("o" + rnd.nextInt(3));
      }
      if (rnd.nextBoolean()) {
        d.channel("c" + rnd.nextInt(2));
      }
      if (rnd.nextInt(3) > 0) {
        d.amount(rnd.nextInt(10_000) + "." + (10 + rnd.nextInt(90)), "EUR");
      }
      b.deal(d.build());
      int k = rnd.nextInt(4);
      for (int j = 0; j < k; j++) {
        b.change("D" + i, stages.get(rnd.nextInt(stages.size())), T0.plusSeconds(60L * (j + 2)));
      }
    }
    DealLog log = b.build();
    boolean past = rnd.nextBoolean() && n > 0;
    Instant at = T0.plusSeconds(60L * (1 + rnd.nextInt(4)));
    LossReport r = (past ? Losses.of(log).asOf(at) : Losses.of(log)).report();
    List<DealState> lost =
        (past ? Funnel.of(log).asOf(at) : Funnel.of(log))
            .dealStates().stream().filter(DealState::isLost).toList();
    Statistics.label("as of").collect(past ? "past" : "latest");
    Function<DealState, String> lostAt = s -> s.lostAt().orElse(Losses.NO_STAGE);
    assertEquals(byHand(lost, DealState::lossReason), r.reasons());
    assertEquals(byHand(lost, lostAt), r.lostAt());
    assertEquals(byHand(lost, DealState::channel), r.channels());
    assertEquals(byHand(lost, DealState::owner), r.owners());
    assertEquals(lost.size(), r.lost());
    assertEquals(amount(lost), r.amount());
    assertEquals(lost.stream().filter(s -> s.amount().isEmpty()).count(), r.withoutAmount());
    Map<List<String>, List<DealState>> crossed = new HashMap<>();
    for (DealState s : lost) {
      crossed
          .computeIfAbsent(
              List.of(s.lossReason(), lostAt.apply(s), s.channel(), s.owner()),
              x -> new ArrayList<>())
          .add(s);
    }
    List<LossGroup> groups = new ArrayList<>();
    crossed.forEach(
        (key, list) ->
            groups.add(
                new LossGroup(
                    key.get(0),
                    key.get(1),
                    key.get(2),
                    key.get(3),
                    list.size(),
                    amount(list),
                    list.stream().filter(s -> s.amount().isEmpty()).count())));
    // the largest groups first, ties by reason, stage, channel and owner (as LossReport says)
    groups.sort(
        Comparator.comparingLong(LossGroup::count)
            .reversed()
            .thenComparing(
                g -> String.join("\u0000", g.reason(), g.lostAt(), g.channel(), g.owner())));
    assertEquals(groups, r.groups());
  }

  private static List<LossRow> byHand(List<DealState> lost, Function<DealState, String> key) {
    Map<String, List<DealState>> by = new TreeMap<>();
    lost.forEach(s -> by.computeIfAbsent(key.apply(s), x -> new ArrayList<>()).add(s));
    List<LossRow> rows = new ArrayList<>();
    by.forEach(
        (k, list) ->
            rows.add(
                new LossRow(
                    k,
                    list.size(),
                    Proportion.of(list.size(), lost.size()),
                    amount(list),
                    list.stream().filter(s -> s.amount().isEmpty()).count())));
    rows.sort(Comparator.comparingLong(LossRow::count).reversed().thenComparing(LossRow::key));
    return rows;
  }

  /** The Money sum of the amounts present, absent when none is. */
  private static Optional<Money> amount(List<DealState> states) {
    return states.stream().map(DealState::amount).flatMap(Optional::stream).reduce(Money::plus);
  }

  static BigDecimal sum(
      List<LossRow> rows, Function<LossRow, java.util.Optional<BigDecimal>> amount) {
    return rows.stream()
        .map(x -> amount.apply(x).orElse(BigDecimal.ZERO))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
