package dev.funnel.benchmarks;

import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;
import dev.funnel.model.StageChange;
import dev.funnel.model.StageKind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The funnel report in DuckDB (in process, JDBC): tables {@code deals}, {@code changes} and {@code
 * stages} loaded with DuckDB's Appender, and one SQL statement with window functions ({@code LAG}
 * to drop no-op changes, {@code LEAD} to end each visit) and {@code quantile_cont}, grouped by
 * {@code GROUPING SETS}. Same semantics as the engine (METRICS.md); see {@link #reportSql}.
 */
public final class DuckFunnel implements AutoCloseable {
  private final DuckDBConnection conn;
  private final PreparedStatement report;
  private final int openStages;

  private DuckFunnel(DuckDBConnection conn, Pipeline pipeline) throws SQLException {
    this.conn = conn;
    this.openStages = pipeline.openStageCount();
    this.report = conn.prepareStatement(reportSql(pipeline));
  }

  /** An in-memory DuckDB holding the log's deals and changes (times as epoch seconds). */
  public static DuckFunnel load(DealLog log) throws SQLException {
    DuckDBConnection conn = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    createTables(conn, log.pipeline());
    try (DuckDBAppender deals = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "deals");
        DuckDBAppender changes = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "changes")) {
      for (int d = 0; d < log.dealCount(); d++) {
        Deal deal = log.deal(d);
        deals.beginRow();
        deals.append(d);
        deals.append(deal.createdAt().getEpochSecond());
        deals.append(deal.owner().orElse(Deal.UNSPECIFIED));
        deals.append(deal.channel().orElse(Deal.UNSPECIFIED));
        deals.endRow();
        appendChanges(changes, log.pipeline(), d, log.changes(d));
      }
    }
    return new DuckFunnel(conn, log.pipeline());
  }

  /** An empty DuckDB with the tables, for appending (workload 4). */
  public static DuckFunnel empty(Pipeline pipeline) throws SQLException {
    DuckDBConnection conn = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    createTables(conn, pipeline);
    return new DuckFunnel(conn, pipeline);
  }

  /** The connection, e.g. to append or to read CSV files. */
  public DuckDBConnection connection() {
    return conn;
  }

  static void createTables(Connection conn, Pipeline pipeline) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE deals (d INTEGER, created BIGINT, owner VARCHAR, channel VARCHAR)");
      st.execute("CREATE TABLE changes (d INTEGER, seq INTEGER, stage INTEGER, ts BIGINT)");
      st.execute("CREATE TABLE stages (s INTEGER, rnk INTEGER, won BOOLEAN, lost BOOLEAN)");
      int rank = 0;
      List<Stage> stages = pipeline.stages();
      for (int s = 0; s < stages.size(); s++) {
        StageKind k = stages.get(s).kind();
        st.execute(
            "INSERT INTO stages VALUES ("
                + s
                + ", "
                + (k == StageKind.OPEN ? ++rank : 0)
                + ", "
                + (k == StageKind.WON)
                + ", "
                + (k == StageKind.LOST)
                + ")");
      }
    }
  }

  /** Appends one deal's changes, {@code seq} keeping their order (ties keep input order). */
  static void appendChanges(
      DuckDBAppender changes, Pipeline pipeline, int d, List<StageChange> list)
      throws SQLException {
    for (int i = 0; i < list.size(); i++) {
      StageChange c = list.get(i);
      changes.beginRow();
      changes.append(d);
      changes.append(i);
      changes.append(stageIndex(pipeline, c.toStage()));
      changes.append(c.occurredAt().getEpochSecond());
      changes.endRow();
    }
  }

  static int stageIndex(Pipeline pipeline, String id) {
    List<Stage> stages = pipeline.stages();
    for (int s = 0; s < stages.size(); s++) {
      if (stages.get(s).id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("stage \"" + id + "\" is not in pipeline " + pipeline.id());
  }

  /**
   * The report statement; parameter {@code $1} is as-of in epoch seconds. The implicit entry into
   * s1 at creation is a row added for deals without a visible change at or before creation.
   */
  public static String reportSql(Pipeline pipeline) {
    int n = pipeline.openStageCount();
    int s1 = -1;
    for (int s = 0; s < pipeline.stages().size() && s1 < 0; s++) {
      if (pipeline.stages().get(s).kind() == StageKind.OPEN) {
        s1 = s;
      }
    }
    StringBuilder reached = new StringBuilder();
    StringBuilder nulls = new StringBuilder();
    for (int k = 1; k <= n; k++) {
      reached.append(", count(*) FILTER (WHERE eff >= ").append(k).append(") AS r").append(k);
      nulls.append(", NULL");
    }
    return """
        WITH vis AS (
          SELECT d, seq, stage, ts FROM changes WHERE ts <= $1
        ),
        firsts AS (
          SELECT d, min(ts) AS first_at FROM vis GROUP BY d
        ),
        ev AS (
          SELECT d, seq, stage, ts FROM vis
          UNION ALL
          SELECT k.d, -1, %1$d, k.created
          FROM deals k LEFT JOIN firsts f ON f.d = k.d
          WHERE k.created <= $1 AND (f.first_at IS NULL OR f.first_at > k.created)
        ),
        moves AS (
          SELECT d, seq, stage, ts FROM (
            SELECT d, seq, stage, ts,
                   LAG(stage) OVER (PARTITION BY d ORDER BY ts, seq) AS prev
            FROM ev)
          WHERE prev IS NULL OR prev <> stage
        ),
        visits AS MATERIALIZED (
          SELECT d, stage, ts, LEAD(ts) OVER (PARTITION BY d ORDER BY ts, seq) AS next_at
          FROM moves
        ),
        per_deal AS (
          SELECT v.d,
                 max(st.rnk) AS max_rank,
                 bool_or(st.won) AS won_ever,
                 bool_or(v.next_at IS NULL AND st.won) AS is_won,
                 bool_or(v.next_at IS NULL AND st.lost) AS is_lost,
                 max(CASE WHEN v.next_at IS NULL THEN v.ts END) AS closed_at
          FROM visits v JOIN stages st ON st.s = v.stage
          GROUP BY v.d
        ),
        facts AS (
          SELECT k.owner, k.channel, p.is_won, p.is_lost,
                 CASE WHEN p.won_ever THEN %2$d ELSE p.max_rank END AS eff,
                 p.closed_at - k.created AS cycle
          FROM per_deal p JOIN deals k ON k.d = p.d
        )
        SELECT 0 AS part, GROUPING(owner) AS go, GROUPING(channel) AS gc, owner, channel,
               0 AS rnk, count(*) AS total,
               count(*) FILTER (WHERE is_won) AS won, count(*) FILTER (WHERE is_lost) AS lost
               %3$s,
               quantile_cont(cycle::DOUBLE, [0.5, 0.9]) FILTER (WHERE is_won) AS q
        FROM facts
        GROUP BY GROUPING SETS ((), (owner), (channel))
        UNION ALL
        SELECT 1, GROUPING(k.owner), GROUPING(k.channel), k.owner, k.channel,
               st.rnk, count(*), NULL, NULL %4$s,
               quantile_cont((v.next_at - v.ts)::DOUBLE, [0.5, 0.9])
        FROM visits v JOIN stages st ON st.s = v.stage JOIN deals k ON k.d = v.d
        WHERE st.rnk > 0 AND v.next_at IS NOT NULL
        GROUP BY GROUPING SETS ((st.rnk), (st.rnk, k.owner), (st.rnk, k.channel))
        """
        .formatted(s1, n, reached, nulls);
  }

  /** Runs the report on this many DuckDB threads and reads its figures. */
  public Map<String, Figures> report(int threads, Instant asOf) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("SET threads=" + threads);
    }
    report.setLong(1, asOf.getEpochSecond());
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, double[]> cycles = new HashMap<>();
    Map<String, double[][]> times = new HashMap<>();
    int n = openStages;
    try (ResultSet rs = report.executeQuery()) {
      while (rs.next()) {
        String key =
            rs.getInt("go") == 0
                ? "owner=" + rs.getString("owner")
                : rs.getInt("gc") == 0 ? "channel=" + rs.getString("channel") : "all";
        double[] q = quantiles(rs.getArray("q"));
        if (rs.getInt("part") == 0) {
          long[] c = new long[3 + n];
          c[0] = rs.getLong("total");
          c[1] = rs.getLong("won");
          c[2] = rs.getLong("lost");
          for (int k = 1; k <= n; k++) {
            c[2 + k] = rs.getLong("r" + k);
          }
          counts.put(key, c);
          cycles.put(key, q);
        } else {
          double[][] t = times.computeIfAbsent(key, x -> newNaN(n));
          int r = rs.getInt("rnk");
          t[0][r - 1] = q[0];
          t[1][r - 1] = q[1];
        }
      }
    }
    Map<String, Figures> out = new LinkedHashMap<>();
    counts.forEach(
        (key, c) -> {
          double[][] t = times.getOrDefault(key, newNaN(n));
          double[] q = cycles.get(key);
          long[] reached = new long[n];
          System.arraycopy(c, 3, reached, 0, n);
          out.put(key, new Figures(c[0], c[1], c[2], reached, t[0], t[1], q[0], q[1]));
        });
    return out;
  }

  private static double[][] newNaN(int n) {
    double[][] t = new double[2][n];
    java.util.Arrays.fill(t[0], Double.NaN);
    java.util.Arrays.fill(t[1], Double.NaN);
    return t;
  }

  private static double[] quantiles(Array a) throws SQLException {
    if (a == null) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Object[] v = (Object[]) a.getArray();
    return new double[] {((Number) v[0]).doubleValue(), ((Number) v[1]).doubleValue()};
  }

  @Override
  public void close() throws SQLException {
    report.close();
    conn.close();
  }
}
