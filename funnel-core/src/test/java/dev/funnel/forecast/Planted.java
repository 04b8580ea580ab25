package dev.funnel.forecast;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Deals generated from a known absorbing chain, so that the true win probabilities are known:
 *
 * <pre>
 * s1: -> s2 0.6, -> lost 0.4
 * s2: -> s3 0.5, -> s1 0.1 (backward), -> lost 0.4
 * s3: -> won 0.7, -> lost 0.3
 * P(s3) = 0.7;  P(s2) = 0.5 x 0.7 + 0.1 P(s1);  P(s1) = 0.6 P(s2)
 *   => P(s2) = 0.35 / 0.94,  P(s1) = 0.21 / 0.94.
 * </pre>
 *
 * Stays are exponential with a mean of 10 days; deals arrive evenly over a year; amounts are 100.00
 * to 10,000.00 EUR. The pipeline declares optimistic probabilities 0.5, 0.6, 0.9.
 */
final class Planted {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final double[] TRUE = {0.21 / 0.94, 0.35 / 0.94, 0.7};
  static final Pipeline PIPELINE =
      Pipeline.builder("planted")
          .open("s1", 0.5)
          .open("s2", 0.6)
          .open("s3", 0.9)
          .won("won")
          .lost("lost")
          .build();

  private Planted() {}

  static DealLog log(int deals, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    DealLogBuilder b = DealLog.builder(PIPELINE);
    long year = 365L * 86_400;
    long[] created = new long[deals];
    for (int d = 0; d < deals; d++) {
      created[d] = year * d / deals;
      b.deal(
          Deal.builder("D" + d, T0.plusSeconds(created[d]))
              .owner("o" + (d % 5))
              .channel("c" + (d % 3))
              .amount(Money.ofMinor(10_000 + rnd.nextLong(990_000), Money.currency("EUR")))
              .build());
    }
    for (int d = 0; d < deals; d++) {
      long t = created[d];
      int stage = 1;
      while (true) {
        t += (long) (-Math.log(1 - rnd.nextDouble()) * 10 * 86_400) + 1;
        double u = rnd.nextDouble();
        String next;
        if (stage == 1) {
          next = u < 0.6 ? "s2" : "lost";
        } else if (stage == 2) {
          next = u < 0.5 ? "s3" : u < 0.6 ? "s1" : "lost";
        } else {
          next = u < 0.7 ? "won" : "lost";
        }
        b.change("D" + d, next, T0.plusSeconds(t));
        if (next.equals("won") || next.equals("lost")) {
          break;
        }
        stage = next.charAt(1) - '0';
      }
    }
    return b.build();
  }
}
