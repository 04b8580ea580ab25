package dev.funnel.examples.internal;

import dev.funnel.examples.SampleSpec;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The sales team: owners of unequal skill. About one in six (at least one) is "strong": more deals,
 * a much higher chance to advance at every stage and larger deals; the others spread from weak to
 * average.
 */
final class Owners {
  private final List<Optional<String>> names;
  private final double[] skill;
  private final double[] amountFactor;
  private final double[] cumulative;
  private final boolean[] strong;

  Owners(SampleSpec spec) {
    SplittableRandom r = Streams.random(spec.seed(), Streams.OWNERS);
    int n = spec.owners();
    names = spec.ownerNames().stream().map(Optional::of).toList();
    int strongCount = Math.max(1, (int) Math.round(n / 6.0));
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    skill = new double[n];
    amountFactor = new double[n];
    strong = new boolean[n];
    double[] weight = new double[n];
    int regular = n - strongCount;
    for (int k = 0; k < n; k++) {
      int o = order[k];
      if (k < strongCount) {
        strong[o] = true;
        skill[o] = 1.35 + 0.1 * r.nextDouble();
        amountFactor[o] = 1.3;
        weight[o] = 1.9;
      } else {
        int rank = k - strongCount;
        skill[o] = 0.72 + 0.33 * (regular <= 1 ? 0.5 : rank / (double) (regular - 1));
        amountFactor[o] = 0.9 + 0.2 * r.nextDouble();
        weight[o] = 0.8 + 0.4 * r.nextDouble();
      }
    }
    cumulative = new double[n];
    double sum = 0;
    for (int o = 0; o < n; o++) {
      sum += weight[o];
      cumulative[o] = sum;
    }
    for (int o = 0; o < n; o++) {
      cumulative[o] /= sum;
    }
  }

  int count() {
    return names.size();
  }

  /** The owner for a uniform draw in [0, 1). */
  int pick(double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (u < cumulative[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  Optional<String> name(int owner) {
    return names.get(owner);
  }

  double skill(int owner) {
    return skill[owner];
  }

  double amountFactor(int owner) {
    return amountFactor[owner];
  }

  boolean isStrong(int owner) {
    return strong[owner];
  }
}
