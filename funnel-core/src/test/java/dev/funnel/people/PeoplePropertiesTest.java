package dev.funnel.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.DealState;
import dev.funnel.Funnel;
import dev.funnel.internal.stats.Select;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/** Laws of concentration on random teams. */
final class PeoplePropertiesTest {
  static final Instant T0 = PeopleTest.T0;

  @Property(tries = 300)
  void sharesSumToOneAndHhiLiesBetweenOneOverMAndOne(@ForAll long seed) {
    Random rnd = new Random(seed);
    DealLogBuilder b = DealLog.builder(PeopleTest.PIPELINE);
    int n = 1 + rnd.nextInt(12);
    for (int i = 0; i < n; i++) {
      Deal.Builder d = Deal.builder("D" + i, T0).owner("o" + rnd.nextInt(6));
      if (rnd.nextInt(4) > 0) {
        d.amount(rnd.nextInt(100_000) + "." + rnd.nextInt(10) + "0", "EUR");
      }
      b.deal(d.build());
      int fate = rnd.nextInt(3);
      if (fate > 0) {
        b.change("D" + i, fate == 1 ? "won" : "lost", T0.plusSeconds(60));
      }
    }
    Concentration c = People.of(b.build()).report().concentration();
    Statistics.label("defined").collect(c.hhi().isPresent());
    if (c.hhi().isEmpty()) {
      return;
    }
    double sum = c.shares().stream().mapToDouble(s -> s.share().getAsDouble()).sum();
    assertEquals(1.0, sum, 1e-9);
    double hhi = c.hhi().getAsDouble();
    assertTrue(hhi >= 1.0 / c.owners() - 1e-12 && hhi <= 1.0, "hhi " + hhi);
    assertTrue(c.top1Share().getAsDouble() <= c.top20PercentShare().getAsDouble() + 1e-12);
    assertTrue(c.top1Share().getAsDouble() >= 1.0 / c.owners() - 1e-12);
  }

  /**
   * Each owner's deals, win rate, won cycle times and won revenue equal those of the funnel's deal
   * states grouped by owner by hand (how the report was computed before it read the columns), as of
   * the latest event or an earlier instant; each owner once.
   */
  @Property(tries = 300)
  void ownersEqualTheDealStatesGroupedByHand(@ForAll long seed) {
    Random rnd = new Random(seed);
    DealLogBuilder b = DealLog.builder(PeopleTest.PIPELINE);
    List<String> stages = List.of("new", "qualified", "won", "lost");
    int n = rnd.nextInt(25);
    for (int i = 0; i < n; i++) {
      Deal.Builder d = Deal.builder("D" + i, T0.plusSeconds(3_600L * rnd.nextInt(5)));
      if (rnd.nextInt(4) > 0) {
        d.owner("o" + rnd.nextInt(5));
      }
      if (rnd.nextInt(4) > 0) {
        d.amount(rnd.nextInt(100_000) + "." + rnd.nextInt(10) + "0", "EUR");
      }
      b.deal(d.build());
      for (int j = rnd.nextInt(4); j > 0; j--) {
        b.change("D" + i, stages.get(rnd.nextInt(stages.size())), T0.plusSeconds(7_200L * (1 + j)));
      }
    }
    DealLog log = b.build();
    boolean past = rnd.nextBoolean();
    Instant at = T0.plusSeconds(3_600L * rnd.nextInt(9));
    PeopleReport r = (past ? People.of(log).asOf(at) : People.of(log)).report();
    List<DealState> states = (past ? Funnel.of(log).asOf(at) : Funnel.of(log)).dealStates();
    Statistics.label("as of").collect(past ? "past" : "latest");
    Map<String, List<DealState>> by = new LinkedHashMap<>();
    states.forEach(x -> by.computeIfAbsent(x.owner(), k -> new ArrayList<>()).add(x));
    assertEquals(by.keySet(), Set.copyOf(r.owners().stream().map(OwnerComparison::owner).toList()));
    assertEquals(by.size(), r.owners().size());
    Map<String, OwnerShare> shares = new HashMap<>();
    r.concentration().shares().forEach(x -> shares.put(x.owner(), x));
    for (OwnerComparison c : r.owners()) {
      List<DealState> mine = by.get(c.owner());
      List<DealState> won = mine.stream().filter(DealState::isWon).toList();
      long lost = mine.stream().filter(DealState::isLost).count();
      assertEquals(mine.size(), c.deals());
      assertEquals(Proportion.of(won.size(), won.size() + lost), c.winRate());
      long[] cycles =
          won.stream()
              .mapToLong(
                  x -> Duration.between(x.createdAt(), x.closedAt().orElseThrow()).getSeconds())
              .toArray();
      assertEquals(
          Select.distribution(cycles, 0, cycles.length, Select.defaultPercentiles()),
          c.wonCycleTime());
      OwnerShare share = shares.get(c.owner());
      assertEquals(
          won.stream().map(DealState::amount).flatMap(Optional::stream).reduce(Money::plus),
          share.wonRevenue());
      assertEquals(
          won.stream().filter(x -> x.amount().isEmpty()).count(), share.wonWithoutAmount());
    }
  }
}
