package dev.funnel.benchmarks;

import dev.funnel.FunnelReport;
import dev.funnel.log.DealLog;
import dev.funnel.log.LiveDealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload 4: a CRM feeds its deals and stage changes as they happen (each deal, then its changes,
 * about 10M changes for the default 2M deals) into a {@link LiveDealLog}, then asks for one report
 * (by owner and channel) on its snapshot. {@code appendOnly} times the appends alone. Peers over
 * the same records: DuckDB's Appender into fresh tables then the report SQL (threads=1), and Java
 * lists then the Streams report. Each operation starts from empty; score = seconds per operation,
 * changes/s = changes / score.
 *
 * <p>The fork pre-touches its heap ({@code -XX:+AlwaysPreTouch}): each shot fills gigabytes of
 * fresh columns, and without it the first shots pay the operating system's first touch of every
 * heap page (measured on the project's machine: shots of 6.4, 4.0, 3.7, 3.1, 3.7, 1.9 and 1.8 s in
 * one JVM, against 1.7 to 2.4 s from the first shot pre-touched), a cost a long-running CRM process
 * pays once, not per append. The Java peer runs in the same fork; DuckDB allocates outside the
 * heap.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LiveAppendBench -rf json -rff
 * live.json}; smoke: {@code -f 1 -wi 1 -i 1 -p deals=200000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms10g", "-Xmx10g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class LiveAppendBench {
  @Param({"2000000"})
  public int deals;

  private Pipeline pipeline;
  private Deal[] dealRecords;
  private StageChange[][] changeRecords;
  private int changeCount;

  @Setup(Level.Trial)
  public void setUp() {
    DealLog log = Datasets.dealLog(deals, 200, 10);
    pipeline = log.pipeline();
    dealRecords = new Deal[log.dealCount()];
    changeRecords = new StageChange[log.dealCount()][];
    for (int d = 0; d < log.dealCount(); d++) {
      dealRecords[d] = log.deal(d);
      changeRecords[d] = log.changes(d).toArray(StageChange[]::new);
    }
    changeCount = log.changeCount();
    System.out.printf("%n%d deals, %d changes appended per operation%n", deals, changeCount);
  }

  @Benchmark
  public long appendOnly() {
    LiveDealLog live = LiveDealLog.create(pipeline);
    for (int d = 0; d < dealRecords.length; d++) {
      live.deal(dealRecords[d]);
      for (StageChange c : changeRecords[d]) {
        live.change(c);
      }
    }
    return live.pendingChanges();
  }

  @Benchmark
  public FunnelReport engineAppendThenReport() {
    LiveDealLog live = LiveDealLog.create(pipeline);
    for (int d = 0; d < dealRecords.length; d++) {
      live.deal(dealRecords[d]);
      for (StageChange c : changeRecords[d]) {
        live.change(c);
      }
    }
    return EngineFigures.report(live.snapshot(), Optional.empty(), Optional.empty());
  }

  @Benchmark
  public Map<String, Figures> duckdbAppendThenReport() throws SQLException {
    try (DuckFunnel duck = DuckFunnel.empty(pipeline)) {
      DuckDBConnection conn = duck.connection();
      long latest = Long.MIN_VALUE;
      try (DuckDBAppender ds = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "deals");
          DuckDBAppender cs = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "changes")) {
        for (int d = 0; d < dealRecords.length; d++) {
          Deal deal = dealRecords[d];
          ds.beginRow();
          ds.append(d);
          ds.append(deal.createdAt().getEpochSecond());
          ds.append(deal.owner().orElse(Deal.UNSPECIFIED));
          ds.append(deal.channel().orElse(Deal.UNSPECIFIED));
          ds.endRow();
          latest = Math.max(latest, deal.createdAt().getEpochSecond());
          List<StageChange> list = List.of(changeRecords[d]);
          DuckFunnel.appendChanges(cs, pipeline, d, list);
          for (StageChange c : list) {
            latest = Math.max(latest, c.occurredAt().getEpochSecond());
          }
        }
      }
      return duck.report(1, Instant.ofEpochSecond(latest));
    }
  }

  @Benchmark
  public Map<String, Figures> streamsAppendThenReport() {
    List<Deal> ds = new ArrayList<>();
    List<StageChange> cs = new ArrayList<>();
    Instant latest = Instant.MIN;
    for (int d = 0; d < dealRecords.length; d++) {
      ds.add(dealRecords[d]);
      latest = latest.isAfter(dealRecords[d].createdAt()) ? latest : dealRecords[d].createdAt();
      for (StageChange c : changeRecords[d]) {
        cs.add(c);
        latest = latest.isAfter(c.occurredAt()) ? latest : c.occurredAt();
      }
    }
    return StreamsFunnel.report(pipeline, ds, cs, latest);
  }
}
