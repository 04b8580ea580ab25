package dev.funnel;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.engine.DealWalk;
import dev.funnel.internal.engine.Engine;
import dev.funnel.internal.engine.Selection;
import dev.funnel.internal.engine.Window;
import dev.funnel.log.DealLog;
import dev.funnel.stats.Distribution;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The funnel query: which deals, as of when, broken down by what. The entry point is {@link
 * #of(DealLog)}; options read like a sentence and the last call says what happens.
 *
 * {@snippet :
 * FunnelReport report = Funnel.of(log)
 *     .cohort(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"))
 *     .asOf(Instant.parse("2026-06-30T00:00:00Z"))
 *     .by(Dimension.OWNER)
 *     .by("channel")
 *     .report();
 * System.out.println(report);
 * }
 *
 * <p>Definitions follow METRICS.md: the selection is the cohort of deals created in {@code [from,
 * to)} (all deals without a window) and not after as-of; as-of defaults to the latest event time in
 * the log, never the wall clock; events after as-of are not seen. Each option may be set once: a
 * bad value throws {@link IllegalArgumentException}, a second call {@link IllegalStateException}. A
 * query is a mutable builder and not thread-safe; its reports are immutable.
 *
 * <p>Cost: one pass over the deals of the selection, counting each deal once into its cell of the
 * crossed breakdowns, plus exact percentiles by histogram-then-refine over about one duration
 * sample per stage change. A report needs about 15 bytes of scratch per stage change (76 MB for 5M
 * changes); the engine keeps these buffers softly referenced between reports, so repeated reports
 * allocate only their result (about 3 MB for 2,000 groups), and the garbage collector reclaims the
 * buffers when memory runs short.
 */
public final class Funnel {
  private final ColumnarDealLog log;
  private final Window window = new Window();
  private Optional<ZoneId> zone = Optional.empty();
  private Optional<Counting> counting = Optional.empty();
  private Optional<double[]> percentiles = Optional.empty();
  private final List<List<Dimension>> breakdowns = new ArrayList<>();
  private Optional<ForkJoinPool> pool = Optional.empty();

  private Funnel(DealLog log) {
    this.log = ColumnarDealLog.of(requireNonNull(log, "log"));
  }

  /**
   * Starts a query over this log.
   *
   * @param log the deal log
   * @return a new query over the log, with default options
   * @throws IllegalArgumentException if the log was not built by funnel
   */
  public static Funnel of(DealLog log) {
    return new Funnel(log);
  }

  /**
   * Selects the cohort of deals created in {@code [from, to)}.
   *
   * @param from the earliest creation instant, inclusive
   * @param to the latest creation instant, exclusive
   * @return this query
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   * @throws IllegalStateException if a cohort was already chosen
   */
  public Funnel cohort(Instant from, Instant to) {
    window.cohort(from, to);
    return this;
  }

  /**
   * Selects deals created at or after {@code from}; with {@link #createdBefore} the cohort {@code
   * [from, to)}, as {@link #cohort}.
   *
   * @param from the earliest creation instant, inclusive
   * @return this query
   * @throws IllegalArgumentException if {@link #createdBefore} set an end not after {@code from}
   * @throws IllegalStateException if the start of the cohort was already chosen
   */
  public Funnel createdFrom(Instant from) {
    window.createdFrom(from);
    return this;
  }

  /**
   * Selects deals created before {@code to}: alone, the cohort {@code [-inf, to)}, whose start the
   * report leaves empty; with {@link #createdFrom} the cohort {@code [from, to)}.
   *
   * @param to the latest creation instant, exclusive
   * @return this query
   * @throws IllegalArgumentException if {@link #createdFrom} set a start not before {@code to}
   * @throws IllegalStateException if the end of the cohort was already chosen
   */
  public Funnel createdBefore(Instant to) {
    window.createdBefore(to);
    return this;
  }

  /**
   * Sees the log as it was at this instant: events after it are invisible, open visits and ages are
   * measured up to it. Records are whole seconds, so an event is seen when its second is at most
   * the instant's; cohort bounds with a fraction of a second select as their next whole second. An
   * as-of 2^31 seconds (68 years) or more after the log's first instant is refused when the report
   * runs ({@link IllegalArgumentException}): ages are int seconds. Without this option the as-of is
   * the log's latest event ({@link DealLog#latestEventTime}: for a segment or view, even an empty
   * one, the whole's or the view's instant); a log built from no deal has none and reports as of
   * the epoch.
   *
   * <p>Events are placed by when they occurred: a change recorded after the instant but back-dated
   * to before it is seen. For the stages the CRM showed at the instant, without such changes, query
   * {@link DealLog#knownAt the log as recorded by then}: {@code Funnel.of(log.knownAt(t))}, as of
   * t.
   *
   * @param instant the as-of instant
   * @return this query
   * @throws IllegalStateException if as-of was already set
   */
  public Funnel asOf(Instant instant) {
    window.asOf(instant);
    return this;
  }

  /**
   * The zone in which creation periods are bucketed (default UTC).
   *
   * @param zoneId the zone
   * @return this query
   * @throws IllegalStateException if the zone was already set
   */
  public Funnel zone(ZoneId zoneId) {
    requireNonNull(zoneId, "zoneId");
    if (zone.isPresent()) {
      throw new IllegalStateException("zone was already set to " + zone.get());
    }
    zone = Optional.of(zoneId);
    return this;
  }

  /**
   * How reached is counted (default {@link Counting#PROGRESSED}).
   *
   * @param mode the counting mode
   * @return this query
   * @throws IllegalStateException if counting was already set
   */
  public Funnel counting(Counting mode) {
    requireNonNull(mode, "mode");
    if (counting.isPresent()) {
      throw new IllegalStateException("counting was already set to " + counting.get());
    }
    counting = Optional.of(mode);
    return this;
  }

  /**
   * The percentiles every duration distribution reports (default 0.5, 0.75, 0.9).
   *
   * @param ps the percentiles, each in [0, 1]; order and repeats do not matter. Each is rounded to
   *     the nearest 0.001 percent, the grid reports name percentiles on ({@link
   *     Distribution#percentLabel}: 0.5000001 is p50, the same percentile as 0.5)
   * @return this query
   * @throws IllegalArgumentException if none is given or one lies outside [0, 1]
   * @throws IllegalStateException if percentiles were already set
   */
  public Funnel percentiles(double... ps) {
    requireNonNull(ps, "ps");
    if (percentiles.isPresent()) {
      throw new IllegalStateException(
          "percentiles were already set to " + Arrays.toString(percentiles.get()));
    }
    if (ps.length == 0) {
      throw new IllegalArgumentException("at least one percentile is needed");
    }
    for (double p : ps) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("percentile " + p + " is not in [0, 1]");
      }
    }
    // On the naming grid, so that no two percentiles share a name (p50 and p50.00001 would);
    // that also turns -0.0 into 0.0, which distinct() would keep as a second percentile.
    double[] sorted =
        Arrays.stream(ps).map(Distribution::onNamingGrid).distinct().sorted().toArray();
    percentiles = Optional.of(sorted);
    return this;
  }

  /**
   * Adds a breakdown by one dimension, or by several crossed ({@code by(OWNER, CHANNEL)} gives one
   * group per owner and channel pair). Each call adds one breakdown.
   *
   * @param dimensions the dimensions, crossed in this order
   * @return this query
   * @throws IllegalArgumentException if no dimension is given or one repeats
   * @throws IllegalStateException if the same breakdown was already added
   */
  public Funnel by(Dimension... dimensions) {
    requireNonNull(dimensions, "dimensions");
    for (int i = 0; i < dimensions.length; i++) {
      requireNonNull(dimensions[i], "dimensions[" + i + "]");
    }
    List<Dimension> dims = List.of(dimensions);
    if (dims.isEmpty()) {
      throw new IllegalArgumentException("by() needs at least one dimension");
    }
    if (dims.stream().distinct().count() != dims.size()) {
      throw new IllegalArgumentException("a dimension repeats in by" + dims);
    }
    if (breakdowns.contains(dims)) {
      throw new IllegalStateException("breakdown by " + dims + " was already added");
    }
    breakdowns.add(dims);
    return this;
  }

  /**
   * Adds a breakdown by dimensions named as the CLI names them ({@code "owner"}, {@code "channel"},
   * {@code "month"}, an attribute, or {@code "attribute=quarter"} for an attribute called like a
   * built-in dimension), crossed when several are given.
   *
   * @param dimensions the dimension names, crossed in this order
   * @return this query
   * @throws IllegalArgumentException if no name is given, a name is blank ({@link Dimension#named})
   *     or two name one dimension; an attribute no deal has is refused when the report runs
   * @throws IllegalStateException if the same breakdown was already added
   * @see Dimension#named(String)
   */
  public Funnel by(String... dimensions) {
    requireNonNull(dimensions, "dimensions");
    for (int i = 0; i < dimensions.length; i++) {
      requireNonNull(dimensions[i], "dimensions[" + i + "]");
    }
    return by(Arrays.stream(dimensions).map(Dimension::named).toArray(Dimension[]::new));
  }

  /**
   * Computes in parallel over deal ranges in the common pool; the report is identical to the
   * sequential one.
   *
   * @return this query
   * @throws IllegalStateException if parallelism was already chosen
   */
  public Funnel parallel() {
    return parallel(ForkJoinPool.commonPool());
  }

  /**
   * Computes in parallel over deal ranges in this pool.
   *
   * @param forkJoinPool the pool to compute in
   * @return this query
   * @throws IllegalStateException if parallelism was already chosen
   */
  public Funnel parallel(ForkJoinPool forkJoinPool) {
    requireNonNull(forkJoinPool, "forkJoinPool");
    if (pool.isPresent()) {
      throw new IllegalStateException("parallel was already set");
    }
    pool = Optional.of(forkJoinPool);
    return this;
  }

  /**
   * Resolves the query for partial aggregation over deal ranges (see {@link FunnelAggregate}).
   *
   * @return the resolved query
   * @throws IllegalArgumentException if a breakdown names an attribute no deal has
   */
  public Query query() {
    Engine.Query q =
        Engine.query(
            log,
            window.resolve(log),
            window.from(),
            window.to(),
            zone.orElse(ZoneOffset.UTC),
            counting.orElse(Counting.PROGRESSED),
            percentiles.orElseGet(dev.funnel.internal.stats.Select::defaultPercentiles),
            breakdowns);
    return new Query(q);
  }

  /**
   * Computes the report in one pass (or in parallel, if asked).
   *
   * @return the report of the selection
   * @throws IllegalArgumentException if a breakdown names an attribute no deal has
   */
  public FunnelReport report() {
    Query q = query();
    return pool.isPresent() ? q.query.runParallel(pool.get()) : q.query.run();
  }

  /**
   * The state at as-of of every deal in the selection (cohort and as-of apply; breakdowns, counting
   * and percentiles do not), in log order.
   *
   * @return the deal states, one per deal of the selection; unmodifiable
   */
  public List<DealState> dealStates() {
    Selection sel = window.resolve(log);
    return Collections.unmodifiableList(
        DealWalk.of(log, sel.asOfOffset()).states(sel.lo(), sel.hi()));
  }

  /** A resolved query, ready to aggregate deal ranges. */
  public static final class Query {
    private final Engine.Query query;

    private Query(Engine.Query query) {
      this.query = query;
    }

    /**
     * The aggregate of the deals at positions {@code [from, to)} of the log (positions are
     * createdAt order, as {@link DealLog#deal(int)}).
     *
     * @param from the first position, inclusive
     * @param to the last position, exclusive
     * @return the aggregate of those deals
     * @throws IllegalArgumentException if the range is not within the log
     */
    public FunnelAggregate aggregate(int from, int to) {
      return query.aggregate(from, to);
    }

    /**
     * The report over all deals.
     *
     * @return the report of all deals of the selection
     */
    public FunnelReport report() {
      return query.run();
    }
  }

  /** The options set so far, e.g. {@code Funnel.of(log).asOf(...).by(owner)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Funnel.of(").append(log).append(')');
    window.appendTo(sb);
    zone.ifPresent(z -> sb.append(".zone(").append(z).append(')'));
    counting.ifPresent(c -> sb.append(".counting(").append(c).append(')'));
    percentiles.ifPresent(p -> sb.append(".percentiles(").append(Arrays.toString(p)).append(')'));
    for (List<Dimension> b : breakdowns) {
      sb.append(".by(").append(b.toString().replaceAll("[\\[\\]]", "")).append(')');
    }
    pool.ifPresent(p -> sb.append(".parallel()"));
    return sb.toString();
  }
}
