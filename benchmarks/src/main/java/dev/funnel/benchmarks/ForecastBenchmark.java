package dev.funnel.benchmarks;

import dev.funnel.examples.SampleData;
import dev.funnel.examples.SampleSpec;
import dev.funnel.forecast.Forecast;
import dev.funnel.forecast.ForecastReport;
import dev.funnel.internal.forecast.MonteCarlo;
import dev.funnel.log.DealLog;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The revenue forecast's speed. The target: 10,000 simulations over 100,000 open deals in under one
 * second on two cores.
 *
 * <ul>
 *   <li>{@code kernel}: the Monte Carlo kernel alone, 10,000 runs over {@code openDeals} deals with
 *       amounts and probabilities drawn once in setup, parallel on the common pool.
 *   <li>{@code kernelOneThread}: the same runs on one thread, the peer that shows the parallel
 *       speed-up (the totals are identical).
 *   <li>{@code report} / {@code reportWithHorizon}: the whole forecast through the public API on
 *       the generated sample of {@code sampleDeals} deals (about 97,000 open at the end of the
 *       sample with one million deals): history walk, chain, intervals, time-aware probabilities,
 *       simulation and breakdowns.
 * </ul>
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks -am package -DskipTests} then {@code java -jar
 * benchmarks/target/benchmarks.jar ForecastBenchmark -f 1 -wi 1 -i 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class ForecastBenchmark {
  /** Open deals the kernel simulates. */
  @Param({"100000"})
  public int openDeals;

  /** Deals of the generated sample the full report runs on. */
  @Param({"1000000"})
  public int sampleDeals;

  private long[] amount;
  private long[] threshold;
  private DealLog log;

  /** Draws the kernel's deals and generates the sample. */
  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(1);
    amount = new long[openDeals];
    threshold = new long[openDeals];
    for (int d = 0; d < openDeals; d++) {
      amount[d] = 100_000 + rnd.nextLong(1_000_000);
      threshold[d] = MonteCarlo.threshold(rnd.nextDouble());
    }
    log = SampleData.dealLog(SampleSpec.benchmark(sampleDeals));
  }

  /** 10,000 runs of the kernel, parallel. */
  @Benchmark
  public long[] kernel() {
    return MonteCarlo.run(amount, threshold, 10_000, 42, true);
  }

  /** 10,000 runs of the kernel on one thread. */
  @Benchmark
  public long[] kernelOneThread() {
    return MonteCarlo.run(amount, threshold, 10_000, 42, false);
  }

  /** The full forecast without a horizon. */
  @Benchmark
  public ForecastReport report() {
    return Forecast.of(log).simulations(10_000).seed(42).report();
  }

  /** The full forecast with a 90-day horizon (time-aware probabilities). */
  @Benchmark
  public ForecastReport reportWithHorizon() {
    return Forecast.of(log).horizon(Duration.ofDays(90)).simulations(10_000).seed(42).report();
  }
}
