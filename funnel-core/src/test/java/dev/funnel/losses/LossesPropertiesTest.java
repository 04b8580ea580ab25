package dev.funnel.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.DealState;
import dev.funnel.Funnel;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;
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

  static BigDecimal sum(
      List<LossRow> rows, Function<LossRow, java.util.Optional<BigDecimal>> amount) {
    return rows.stream()
        .map(x -> amount.apply(x).orElse(BigDecimal.ZERO))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
