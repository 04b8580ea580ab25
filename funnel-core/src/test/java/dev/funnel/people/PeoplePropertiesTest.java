package dev.funnel.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import java.time.Instant;
import java.util.Random;
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
}
