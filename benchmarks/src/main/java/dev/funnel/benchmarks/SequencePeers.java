package dev.funnel.benchmarks;

import static java.util.stream.Collectors.groupingBy;

import dev.funnel.sequence.Event;
import dev.funnel.sequence.SequenceReport;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The peers of the sequence funnel (ClickHouse {@code windowFunnel}, default mode): an entity's
 * level is the largest k with events of steps 1..k at non-decreasing times, the last at most the
 * window after the first. For a fixed first event, taking the earliest possible next step each time
 * is optimal, so both peers chain "the earliest step-k event at or after the step-(k-1) event" from
 * every first-step event and keep the best.
 */
public final class SequencePeers {
  private SequencePeers() {}

  /** Entities per level 0..n (exactly that level), as {@link SequenceReport#entitiesByLevel}. */
  public static long[] levels(SequenceReport report) {
    return report.entitiesByLevel().stream().mapToLong(Long::longValue).toArray();
  }

  /** The Streams version: group by entity, sort by time, chain from every first-step event. */
  public static long[] streams(List<Event> events, List<String> steps, Duration window) {
    long[] out = new long[steps.size() + 1];
    events.stream()
        .collect(groupingBy(Event::entityId))
        .values()
        .forEach(
            list -> {
              List<Event> sorted = list.stream().sorted(Comparator.comparing(Event::at)).toList();
              int best =
                  sorted.stream()
                      .filter(e -> e.name().equals(steps.get(0)))
                      .mapToInt(first -> chain(sorted, first, steps, window))
                      .max()
                      .orElse(0);
              out[best]++;
            });
    return out;
  }

  private static int chain(List<Event> sorted, Event first, List<String> steps, Duration window) {
    Instant deadline = first.at().plus(window);
    Instant t = first.at();
    int level = 1;
    for (int k = 1; k < steps.size(); k++) {
      String step = steps.get(k);
      Instant from = t;
      Instant next =
          sorted.stream()
              .filter(e -> e.name().equals(step) && !e.at().isBefore(from))
              .map(Event::at)
              .findFirst()
              .orElse(null);
      if (next == null || next.isAfter(deadline)) {
        break;
      }
      t = next;
      level++;
    }
    return level;
  }

  /** DuckDB holding the events in table {@code events(e, ts, name)} (ts epoch milliseconds). */
  public static final class Duck implements AutoCloseable {
    private final DuckDBConnection conn;
    private final PreparedStatement query;
    private final int steps;

    /** Loads the events with the Appender. */
    public Duck(EventData data, List<String> steps, Duration window) throws SQLException {
      this.conn = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      this.steps = steps.size();
      try (Statement st = conn.createStatement()) {
        st.execute("CREATE TABLE events (e INTEGER, ts BIGINT, name VARCHAR)");
      }
      try (DuckDBAppender a = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
        for (int i = 0; i < data.millis().length; i++) {
          a.beginRow();
          a.append(data.entityOf()[i]);
          a.append(data.millis()[i]);
          a.append(EventData.NAMES[data.name()[i]]);
          a.endRow();
        }
      }
      this.query = conn.prepareStatement(sql(steps, window));
    }

    /**
     * The statement: one CTE per step, an ASOF LEFT JOIN per further step (the earliest event of
     * the step at or after the previous one), the level of each chain, the best per entity, and the
     * count of entities per level (level 0 from the distinct entity count).
     */
    public static String sql(List<String> steps, Duration window) {
      StringBuilder sb = new StringBuilder("WITH ");
      for (int k = 1; k <= steps.size(); k++) {
        sb.append("s")
            .append(k)
            .append(" AS (SELECT e, ts FROM events WHERE name = '")
            .append(steps.get(k - 1).replace("'", "''"))
            .append("'),\n");
      }
      sb.append("c1 AS (SELECT e, ts AS t1 FROM s1),\n");
      for (int k = 2; k <= steps.size(); k++) {
        // The CASE guards against DuckDB 1.4.4 matching a NULL left inequality key in an ASOF
        // LEFT JOIN in some plans (seen in FairnessTest): no previous step, no next step.
        sb.append("c")
            .append(k)
            .append(" AS (SELECT c.*, CASE WHEN c.t")
            .append(k - 1)
            .append(" IS NOT NULL THEN s.ts END AS t")
            .append(k)
            .append(" FROM c")
            .append(k - 1)
            .append(" c ASOF LEFT JOIN s")
            .append(k)
            .append(" s ON c.e = s.e AND c.t")
            .append(k - 1)
            .append(" <= s.ts),\n");
      }
      long w = window.toMillis();
      sb.append("lv AS (SELECT e, max(CASE ");
      for (int k = steps.size(); k >= 2; k--) {
        sb.append("WHEN t").append(k).append(" <= t1 + ").append(w).append(" THEN ").append(k);
        sb.append(' ');
      }
      sb.append("ELSE 1 END) AS level FROM c").append(steps.size()).append(" GROUP BY e)\n");
      sb.append("SELECT level, count(*) AS n FROM lv GROUP BY level\n");
      sb.append("UNION ALL SELECT 0, (SELECT count(DISTINCT e) FROM events) - ");
      sb.append("(SELECT count(*) FROM lv)");
      return sb.toString();
    }

    /** Entities per level 0..n on this many DuckDB threads. */
    public long[] levels(int threads) throws SQLException {
      try (Statement st = conn.createStatement()) {
        st.execute("SET threads=" + threads);
      }
      long[] out = new long[steps + 1];
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          out[rs.getInt(1)] += rs.getLong(2);
        }
      }
      return out;
    }

    @Override
    public void close() throws SQLException {
      query.close();
      conn.close();
    }
  }
}
