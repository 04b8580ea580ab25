package dev.funnel.benchmarks;

import dev.funnel.examples.SampleData;
import dev.funnel.examples.SampleSpec;
import dev.funnel.log.DealLog;
import java.time.Instant;
import java.time.ZoneOffset;

/** The benchmark datasets: the sample generator at churn 1 (about five stage changes per deal). */
public final class Datasets {
  private Datasets() {}

  /** The spec of a benchmark dataset: this many deals, 200 owners, 10 channels, churn 1. */
  public static SampleSpec spec(int deals, int owners, int channels) {
    return SampleSpec.benchmark(deals).withOwners(owners).withChannels(channels).withChurn(1);
  }

  /** The deal log of a benchmark dataset. */
  public static DealLog dealLog(int deals, int owners, int channels) {
    return SampleData.dealLog(spec(deals, owners, channels));
  }

  /** The past instant of workload 2: six months into the twelve-month period. */
  public static Instant pastInstant(SampleSpec spec) {
    return spec.start().atZone(ZoneOffset.UTC).plusMonths(6).toInstant();
  }
}
