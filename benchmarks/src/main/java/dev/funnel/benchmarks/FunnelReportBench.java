package dev.funnel.benchmarks;

import dev.funnel.FunnelReport;
import dev.funnel.examples.SampleData;
import dev.funnel.examples.SampleSpec;
import dev.funnel.log.DealLog;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workloads 1 and 2: the full funnel report (reached per stage, conversions, time in stage p50/p90,
 * won cycle p50/p90, win rate; overall, by owner and by channel) over the same generated deals
 * (about five stage changes each), as of the latest event ({@code asOf=latest}) or as of a past
 * instant six months into the period ({@code asOf=past}). Contenders: the engine on one thread and
 * with {@code .parallel()} on a pool of two; DuckDB with {@code SET threads=1} and {@code 2}; plain
 * Java Streams. {@code FairnessTest} checks that all compute the same figures.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FunnelReportBench -rf json -rff
 * report.json} (add {@code -prof gc} for allocation per operation; quick smoke run: {@code -f 1 -wi
 * 1 -i 1 -w 1s -r 1s -p deals=100000}).
 *
 * <p>The heap is pre-touched ({@code -XX:+AlwaysPreTouch}): G1 grows the young generation into
 * pages never touched before, and the operating system's first-touch faults on them made every
 * contender's iterations drift slower by up to 1.8x within one fork (seen on a 100k-deal report: 9
 * ms, then 16 ms after ten seconds; gone with pre-touch or with the parallel collector).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {
      "-Xms6g",
      "-Xmx6g",
      "-XX:+AlwaysPreTouch",
      "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
    })
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class FunnelReportBench {
  @Param({"100000", "1000000"})
  public int deals;

  @Param({"200"})
  public int owners;

  @Param({"10"})
  public int channels;

  @Param({"latest", "past"})
  public String asOf;

  private DealLog log;
  private Peers peers;
  private DuckFunnel duck;
  private ForkJoinPool pool;
  private Instant at;
  private Optional<Instant> engineAsOf;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    SampleSpec spec = Datasets.spec(deals, owners, channels);
    log = SampleData.dealLog(spec);
    peers = Peers.of(log);
    duck = DuckFunnel.load(log);
    pool = new ForkJoinPool(2);
    at = asOf.equals("latest") ? log.latestEventTime().orElseThrow() : Datasets.pastInstant(spec);
    engineAsOf = asOf.equals("latest") ? Optional.empty() : Optional.of(at);
    System.out.printf(
        "%n%s: %d deals, %d stage changes (%.2f per deal), as of %s%n",
        log, log.dealCount(), log.changeCount(), log.changeCount() / (double) log.dealCount(), at);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duck.close();
    pool.shutdown();
  }

  @Benchmark
  public FunnelReport engine1Thread() {
    return EngineFigures.report(log, engineAsOf, Optional.empty());
  }

  @Benchmark
  public FunnelReport engineParallel2() {
    return EngineFigures.report(log, engineAsOf, Optional.of(pool));
  }

  @Benchmark
  public Map<String, Figures> duckdb1Thread() throws SQLException {
    return duck.report(1, at);
  }

  @Benchmark
  public Map<String, Figures> duckdb2Threads() throws SQLException {
    return duck.report(2, at);
  }

  @Benchmark
  public Map<String, Figures> streams() {
    return StreamsFunnel.report(log.pipeline(), peers.deals(), peers.changes(), at);
  }
}
