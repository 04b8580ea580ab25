package dev.funnel.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.internal.stats.Select;
import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each owner against the rest of the team: the rest's figures are those of the pooled cycles less
 * the owner's, computed without copying the rest per owner (which cost O(owners * cycles)).
 */
final class PeopleScaleTest {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  static final Pipeline PIPELINE =
      Pipeline.builder("b2b").open("new").open("qualified").won("won").lost("lost").build();

  /**
   * Rest-of-team cycle distributions and Mann-Whitney z equal, to the bit, those of the rest built
   * by hand (the rest's values, {@link Select#distribution}, and ranks of the pooled values with
   * ties averaged), on cycles of whole days with many ties, owners of one to a hundred wins.
   */
  @Test
  void restOfTeamFiguresEqualThoseOfTheRestBuiltByHand() {
    Random r = new Random(7);
    DealLogBuilder b = DealLog.builder(PIPELINE);
    Map<String, List<Long>> cycles = new HashMap<>();
    int deals = 0;
    for (int o = 0; o < 40; o++) {
      String owner = "o" + o;
      int n = o == 0 ? 1 : o == 1 ? 3 : 1 + r.nextInt(100);
      for (int i = 0; i < n; i++) {
        String id = "D" + deals++;
        Instant created = T0.plusSeconds(r.nextInt(1000));
        b.deal(Deal.builder(id, created).owner(owner).build());
        if (r.nextInt(4) == 0) {
          b.change(id, "lost", created.plusSeconds(86_400));
        } else {
          long cycle = 86_400L * r.nextInt(30) + (r.nextInt(3) == 0 ? r.nextInt(5) : 0);
          b.change(id, "won", created.plusSeconds(cycle));
          cycles.computeIfAbsent(owner, k -> new ArrayList<>()).add(cycle);
        }
      }
    }
    PeopleReport report = People.of(b.build()).report();
    double[] ps = Select.defaultPercentiles();
    for (OwnerComparison c : report.owners()) {
      long[] own = longs(cycles.getOrDefault(c.owner(), List.of()));
      List<Long> restList = new ArrayList<>();
      cycles.forEach(
          (owner, list) -> {
            if (!owner.equals(c.owner())) {
              restList.addAll(list);
            }
          });
      long[] rest = longs(restList);
      assertEquals(Select.distribution(rest.clone(), 0, rest.length, ps), c.restWonCycleTime());
      assertEquals(Select.distribution(own.clone(), 0, own.length, ps), c.wonCycleTime());
      assertEquals(mannWhitneyByHand(own, rest), c.cycleTimeZ(), c.owner());
    }
  }

  private static long[] longs(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  /** The z of x against y as METRICS.md defines it, from the pooled values sorted by hand. */
  private static OptionalDouble mannWhitneyByHand(long[] x, long[] y) {
    int nx = x.length;
    int ny = y.length;
    if (nx == 0 || ny == 0) {
      return OptionalDouble.empty();
    }
    int n = nx + ny;
    long[][] pooled = new long[n][];
    for (int i = 0; i < nx; i++) {
      pooled[i] = new long[] {x[i], 0};
    }
    for (int i = 0; i < ny; i++) {
      pooled[nx + i] = new long[] {y[i], 1};
    }
    Arrays.sort(pooled, (p, q) -> Long.compare(p[0], q[0]));
    double rx = 0;
    double ties = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && pooled[j + 1][0] == pooled[i][0]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      double t = j - i + 1;
      ties += t * t * t - t;
      for (int k = i; k <= j; k++) {
        if (pooled[k][1] == 0) {
          rx += rank;
        }
      }
      i = j + 1;
    }
    double u = rx - nx * (nx + 1.0) / 2.0;
    double var = (double) nx * ny / 12.0 * ((n + 1) - ties / ((double) n * (n - 1)));
    if (!(var > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((u - nx * (double) ny / 2.0) / Math.sqrt(var));
  }
}
