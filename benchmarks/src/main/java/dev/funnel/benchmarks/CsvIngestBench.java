package dev.funnel.benchmarks;

import dev.funnel.io.FunnelFiles;
import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Workload 5: ingest {@code deals.csv} and {@code stage_changes.csv} (FORMATS.md; about 5M change
 * rows for the default 1M deals, written to a temporary directory in setup) into a validated {@link
 * DealLog} with {@link FunnelFiles#strict()}. Peers: DuckDB {@code CREATE TABLE ... AS SELECT *
 * FROM read_csv(...)} on 1 and 2 threads, and a Streams reader ({@code Files.lines}, {@code split},
 * records). Rows/s = (deal rows + change rows) / score.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CsvIngestBench -rf json -rff csv.json};
 * smoke: {@code -f 1 -wi 1 -i 1 -p deals=100000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class CsvIngestBench {
  @Param({"1000000"})
  public int deals;

  private Path dir;
  private Path dealsCsv;
  private Path changesCsv;
  private Pipeline pipeline;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    DealLog log = Datasets.dealLog(deals, 200, 10);
    pipeline = log.pipeline();
    dir = Files.createTempDirectory("funnel-bench-csv");
    dealsCsv = dir.resolve("deals.csv");
    changesCsv = dir.resolve("stage_changes.csv");
    write(log, dealsCsv, changesCsv);
    System.out.printf(
        "%n%d deal rows, %d change rows (%d MB) in %s%n",
        log.dealCount(),
        log.changeCount(),
        (Files.size(dealsCsv) + Files.size(changesCsv)) >> 20,
        dir);
  }

  /** Writes the log as the two CSV files of FORMATS.md. */
  static void write(DealLog log, Path deals, Path changes) throws IOException {
    try (BufferedWriter d = Files.newBufferedWriter(deals, StandardCharsets.UTF_8);
        BufferedWriter c = Files.newBufferedWriter(changes, StandardCharsets.UTF_8)) {
      d.write("deal_id,created_at,owner,channel,amount,currency,loss_reason,lead_id,segment\n");
      c.write("deal_id,to_stage,occurred_at,recorded_at,actor\n");
      for (int i = 0; i < log.dealCount(); i++) {
        Deal deal = log.deal(i);
        d.write(
            String.join(
                ",",
                deal.id(),
                deal.createdAt().toString(),
                deal.owner().orElse(""),
                deal.channel().orElse(""),
                deal.amount().map(m -> m.amount().toPlainString()).orElse(""),
                deal.amount().map(m -> m.currency().getCurrencyCode()).orElse(""),
                deal.lossReason().orElse(""),
                deal.leadId().orElse(""),
                deal.attributes().getOrDefault("segment", "")));
        d.write('\n');
        for (StageChange ch : log.changes(i)) {
          c.write(
              String.join(
                  ",",
                  ch.dealId(),
                  ch.toStage(),
                  ch.occurredAt().toString(),
                  ch.recordedAt().toString(),
                  ch.actor().orElse("")));
          c.write('\n');
        }
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public DealLog engine() throws IOException {
    return FunnelFiles.strict().dealLog(pipeline, dealsCsv, changesCsv);
  }

  @Benchmark
  public long duckdb1Thread() throws SQLException {
    return duck(1);
  }

  @Benchmark
  public long duckdb2Threads() throws SQLException {
    return duck(2);
  }

  private long duck(int threads) throws SQLException {
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      st.execute("SET threads=" + threads);
      st.execute(
          "CREATE TABLE deals AS SELECT * FROM read_csv('" + sql(dealsCsv) + "', header = true)");
      st.execute(
          "CREATE TABLE changes AS SELECT * FROM read_csv('"
              + sql(changesCsv)
              + "', header = true)");
      try (ResultSet rs =
          st.executeQuery("SELECT (SELECT count(*) FROM deals) + (SELECT count(*) FROM changes)")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String sql(Path p) {
    return p.toAbsolutePath().toString().replace("'", "''");
  }

  /** The Streams reader: lines, split on commas, records. */
  @Benchmark
  public Map<String, List<?>> streams() throws IOException {
    List<Deal> ds;
    try (Stream<String> lines = Files.lines(dealsCsv)) {
      ds =
          lines
              .skip(1)
              .map(l -> l.split(",", -1))
              .map(
                  f ->
                      new Deal(
                          f[0],
                          Instant.parse(f[1]),
                          optional(f[2]),
                          optional(f[3]),
                          f[4].isEmpty() ? Optional.empty() : Optional.of(Money.of(f[4], f[5])),
                          optional(f[6]),
                          optional(f[7]),
                          f[8].isEmpty() ? Map.of() : Map.of("segment", f[8])))
              .toList();
    }
    List<StageChange> cs;
    try (Stream<String> lines = Files.lines(changesCsv)) {
      cs =
          lines
              .skip(1)
              .map(l -> l.split(",", -1))
              .map(
                  f ->
                      new StageChange(
                          f[0], f[1], Instant.parse(f[2]), Instant.parse(f[3]), optional(f[4])))
              .toList();
    }
    return Map.of("deals", ds, "changes", cs);
  }

  private static Optional<String> optional(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
