package dev.funnel.benchmarks;

import dev.funnel.sequence.Event;
import dev.funnel.sequence.EventLog;
import dev.funnel.sequence.SequenceFunnel;
import dev.funnel.sequence.SequenceReport;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
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
 * Workload 3: a five-step sequence funnel ({@code visit, signup, demo_request, demo, purchase})
 * with a 7-day window over synthetic events ({@link EventData}: 10M events of 1M entities by
 * default), ClickHouse {@code windowFunnel} default mode. Contenders: the engine sequentially and
 * with {@code .parallel()} (common pool of 2), DuckDB (ASOF LEFT JOIN chain, threads=1 and 2), Java
 * Streams. {@code SequenceFairnessTest} checks that all count the same entities per level.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SequenceBench -rf json -rff
 * sequence.json}; smoke: {@code -f 1 -wi 1 -i 1 -w 1s -r 1s -p events=1000000 -p entities=100000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms8g", "-Xmx8g", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SequenceBench {
  @Param({"10000000"})
  public int events;

  @Param({"1000000"})
  public int entities;

  private static final Duration WEEK = Duration.ofDays(7);

  private EventLog log;
  private List<Event> records;
  private SequencePeers.Duck duck;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    EventData data = EventData.generate(entities, events, 7);
    log = data.eventLog();
    records = data.events();
    duck = new SequencePeers.Duck(data, EventData.STEPS, WEEK);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duck.close();
  }

  @Benchmark
  public SequenceReport engine1Thread() {
    return SequenceFunnel.of(log).steps(EventData.STEPS).window(WEEK).report();
  }

  @Benchmark
  public SequenceReport engineParallel2() {
    return SequenceFunnel.of(log).steps(EventData.STEPS).window(WEEK).parallel().report();
  }

  @Benchmark
  public long[] duckdb1Thread() throws SQLException {
    return duck.levels(1);
  }

  @Benchmark
  public long[] duckdb2Threads() throws SQLException {
    return duck.levels(2);
  }

  @Benchmark
  public long[] streams() {
    return SequencePeers.streams(records, EventData.STEPS, WEEK);
  }
}
