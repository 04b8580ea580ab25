package dev.funnel.hygiene;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.engine.Selection;
import dev.funnel.internal.engine.Window;
import dev.funnel.internal.process.HygieneScan;
import dev.funnel.log.DealLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The hygiene audit query (METRICS.md "Process reality"): which deals, as of when, with which
 * tolerances; {@link #report()} scans the columnar log once.
 *
 * {@snippet :
 * HygieneReport r = Hygiene.of(log)
 *     .asOf(Instant.parse("2026-06-30T00:00:00Z"))
 *     .retroactiveAfter(Duration.ofHours(48))
 *     .flagLimit(100)
 *     .report();
 * System.out.println(r);
 * }
 *
 * <p>Rules, over <b>transitions</b> (recorded changes that move a deal: a change into the stage the
 * deal is in, and the implicit entry into {@code s1}, are not transitions):
 *
 * <ul>
 *   <li><b>Retroactive</b>: {@code recordedAt - occurredAt} &gt; tolerance (default 24 h).
 *   <li><b>Burst</b>: a transition is a burst change when, together with at least {@code minChanges
 *       - 1} other transitions of the same deal, it forms a set whose recordedAt values span at
 *       most the window ({@code max - min <= window}; defaults 3 and 10 minutes). Each change is
 *       flagged once, however many such sets it belongs to. Equivalently: sort the deal's
 *       transitions by recordedAt; every window of consecutive ones with {@code last - first <=
 *       window} and at least {@code minChanges} members marks all its members.
 *   <li><b>Skip</b>: open rank i to open rank j &gt; i+1 skips j-i-1 stages; open rank i to WON
 *       skips n-i (none from {@code s_n}). Moves from a closed stage or from no stage (a first
 *       change at creation) are never skips or backward moves.
 *   <li><b>Backward move</b>: open rank i to open rank j &lt; i.
 *   <li><b>Stage usage</b> of {@code s_k}: deals that explicitly entered it (by a transition) /
 *       deals that reached it (entered rank &gt;= k or WON).
 * </ul>
 *
 * <p>The selection is as the funnel's: the cohort of deals created in {@code [from, to)} (all deals
 * without one) and created at or before as-of; as-of defaults to the latest event time of the log.
 * A change is seen when it <i>occurred</i> at or before as-of, as in the funnel, even if it was
 * recorded later: the figures describe the same transitions the funnel counts.
 *
 * <p>Each option may be set once: a bad value throws {@link IllegalArgumentException}, a second
 * call {@link IllegalStateException}.
 */
public final class Hygiene {
  /** The default retroactive tolerance: 24 hours. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofHours(24);

  /** The default number of transitions that make a burst: 3. */
  public static final int DEFAULT_BURST_CHANGES = 3;

  /** The default burst window: 10 minutes. */
  public static final Duration DEFAULT_BURST_WINDOW = Duration.ofMinutes(10);

  /** The default number of flags listed: 1000 (the counts always cover every transition). */
  public static final int DEFAULT_FLAG_LIMIT = 1000;

  private final ColumnarDealLog log;
  private final Window window = new Window();
  private Optional<Duration> tolerance = Optional.empty();
  private Optional<Integer> burstChanges = Optional.empty();
  private Optional<Duration> burstWindow = Optional.empty();
  private Optional<Integer> flagLimit = Optional.empty();

  private Hygiene(DealLog log) {
    this.log = ColumnarDealLog.of(requireNonNull(log, "log"));
  }

  /**
   * Starts a hygiene query over this log.
   *
   * @param log the deal log
   * @return a new query over the log, with default options
   * @throws IllegalArgumentException if the log was not built by funnel
   */
  public static Hygiene of(DealLog log) {
    // a foreign DealLog implementation is refused here, as Funnel.of does, not at report()
    ColumnarDealLog.of(requireNonNull(log, "log"));
    return new Hygiene(log);
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
  public Hygiene cohort(Instant from, Instant to) {
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
  public Hygiene createdFrom(Instant from) {
    window.createdFrom(from);
    return this;
  }

  /**
   * Selects deals created before {@code to}: alone, the cohort {@code [-inf, to)}; with {@link
   * #createdFrom} the cohort {@code [from, to)}.
   *
   * @param to the latest creation instant, exclusive
   * @return this query
   * @throws IllegalArgumentException if {@link #createdFrom} set a start not before {@code to}
   * @throws IllegalStateException if the end of the cohort was already chosen
   */
  public Hygiene createdBefore(Instant to) {
    window.createdBefore(to);
    return this;
  }

  /**
   * Sees the log as it was at this instant.
   *
   * @param instant the as-of instant: changes that occurred after it are not seen
   * @return this query
   * @throws IllegalStateException if as-of was already set
   */
  public Hygiene asOf(Instant instant) {
    window.asOf(instant);
    return this;
  }

  /**
   * A transition recorded more than this after it occurred is retroactive (default 24 h).
   *
   * @param tolerance the longest lag between occurrence and recording that is not retroactive
   * @return this query
   * @throws IllegalArgumentException if the tolerance is negative
   * @throws IllegalStateException if the tolerance was already set
   */
  public Hygiene retroactiveAfter(Duration tolerance) {
    requireNonNull(tolerance, "tolerance");
    if (this.tolerance.isPresent()) {
      throw new IllegalStateException(
          "retroactive tolerance was already set to " + this.tolerance.get());
    }
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException(
          "retroactive tolerance " + tolerance + " is negative: it must be >= PT0S");
    }
    this.tolerance = Optional.of(tolerance);
    return this;
  }

  /**
   * A burst is at least {@code minChanges} transitions of one deal recorded within {@code window}
   * (defaults 3 and 10 minutes).
   *
   * @param minChanges how many transitions make a burst, at least 2
   * @param window the longest span of their recordedAt values; not negative
   * @return this query
   * @throws IllegalArgumentException if {@code minChanges} is below 2 or the window is negative
   * @throws IllegalStateException if the burst rule was already set
   */
  public Hygiene burst(int minChanges, Duration window) {
    requireNonNull(window, "window");
    if (burstChanges.isPresent()) {
      throw new IllegalStateException(
          "burst rule was already set to "
              + burstChanges.get()
              + " changes within "
              + burstWindow.get());
    }
    if (minChanges < 2) {
      throw new IllegalArgumentException(
          "burst size " + minChanges + " is too small: a burst needs at least 2 changes");
    }
    if (window.isNegative()) {
      throw new IllegalArgumentException(
          "burst window " + window + " is negative: it must be >= PT0S");
    }
    burstChanges = Optional.of(minChanges);
    burstWindow = Optional.of(window);
    return this;
  }

  /**
   * Lists at most this many flags (default 1000); counts always cover every transition.
   *
   * @param max the most flags to list, at least 0
   * @return this query
   * @throws IllegalArgumentException if the limit is negative
   * @throws IllegalStateException if the limit was already set
   */
  public Hygiene flagLimit(int max) {
    if (flagLimit.isPresent()) {
      throw new IllegalStateException("flag limit was already set to " + flagLimit.get());
    }
    if (max < 0) {
      throw new IllegalArgumentException("flag limit " + max + " is negative: it must be >= 0");
    }
    flagLimit = Optional.of(max);
    return this;
  }

  /**
   * Counts only: lists no flags ({@code flagLimit(0)}).
   *
   * @return this query
   * @throws IllegalStateException if the limit was already set
   */
  public Hygiene countsOnly() {
    return flagLimit(0);
  }

  /**
   * Scans the log once and reports.
   *
   * @return the report of the selection
   * @throws IllegalArgumentException if as-of is 2^31 seconds (68 years) or more after the log's
   *     first instant (a log measures ages in int seconds)
   */
  public HygieneReport report() {
    Selection sel = window.resolve(log);
    return HygieneScan.run(
        log,
        sel,
        tolerance.orElse(DEFAULT_TOLERANCE),
        burstChanges.orElse(DEFAULT_BURST_CHANGES),
        burstWindow.orElse(DEFAULT_BURST_WINDOW),
        flagLimit.orElse(DEFAULT_FLAG_LIMIT));
  }

  /** The options set so far. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Hygiene.of(").append(log).append(')');
    window.appendTo(sb);
    tolerance.ifPresent(t -> sb.append(".retroactiveAfter(").append(t).append(')'));
    burstChanges.ifPresent(
        n -> sb.append(".burst(").append(n).append(", ").append(burstWindow.get()).append(')'));
    flagLimit.ifPresent(n -> sb.append(".flagLimit(").append(n).append(')'));
    return sb.toString();
  }
}
