package dev.funnel.sequence;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.sequence.ColumnarEventLog;
import dev.funnel.internal.sequence.FunnelPartial;
import dev.funnel.internal.sequence.SequenceEngine;
import dev.funnel.internal.stats.Select;
import dev.funnel.model.Deal;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Durations;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An event-sequence funnel query with ClickHouse {@code windowFunnel} semantics (METRICS.md
 * "Event-sequence funnels"): for each entity of an {@link EventLog}, the number of ordered steps
 * its events reach inside a conversion window.
 *
 * {@snippet :
 * SequenceReport report = SequenceFunnel.of(log)
 *     .steps("visit", "signup", "demo", "purchase")
 *     .window(Duration.ofDays(7))
 *     .mode(Mode.STRICT_ORDER)
 *     .report();
 * }
 *
 * <h2>Semantics (pinned to ClickHouse {@code AggregateFunctionWindowFunnel.cpp})</h2>
 *
 * An event matches step k when its name equals the k-th step name (step names are distinct). Per
 * entity, events are visited in order of time; events of <b>equal time</b> are visited in step
 * order, events matching no step first (ClickHouse stable-sorts (timestamp, condition index) pairs,
 * condition 0 meaning "no step"), so the input order of ties never matters. The scan keeps, per
 * level k, the chain that currently holds it (its first and last times), and per event of step s:
 *
 * <ol>
 *   <li>an event of no step is ignored, except under {@link Mode#STRICT_ORDER}, where it stops the
 *       scan once a first-step event was seen;
 *   <li>a first-step event starts a new level-1 chain at its time (the window restarts; a later
 *       start is never worse, so levels already held stay);
 *   <li>under {@link Mode#STRICT_DEDUPLICATION}, an event of step s &gt; 1 whose level s is already
 *       held stops the scan;
 *   <li>under {@link Mode#STRICT_ORDER}, once a first-step event was seen, an event of step s &gt;
 *       1 whose level s-1 is not held stops the scan;
 *   <li>otherwise, if level s-1 is held by a chain that started at {@code first} and ended at
 *       {@code last}, and {@code time <= first + window} (the boundary is <b>inclusive</b>) and,
 *       under {@link Mode#STRICT_INCREASE}, {@code last < time}, level s becomes that chain
 *       extended by this event; reaching the last step stops the scan.
 * </ol>
 *
 * The entity's level is the highest level held when the scan ends. In the default mode this is
 * exactly the largest k for which events e1..ek of steps 1..k exist with {@code t(e1) <= t(e2) <=
 * ... <= t(ek) <= t(e1) + window}. Under strict increase the greedy state keeps only the latest
 * chain per level, as ClickHouse does, so a chain whose step k-1 is not the latest may be missed (a
 * b b c at times 1 2 3 3 gives 2, although a(1) b(2) c(3) is strictly increasing).
 *
 * <p>The rules are those of ClickHouse's source {@code
 * src/AggregateFunctions/AggregateFunctionWindowFunnel.cpp} in the version that has the {@code
 * allow_reentry} option and the fix of issue #37177 (a deduplication stop yields the level reached,
 * not the step of the previous event). ClickHouse versions differ in details: the reference file of
 * one intermediate version ({@code 00632_aggregation_window_funnel.reference}, allow_reentry cases)
 * expects strict order to stop at a repeated first step ({@code a b a c} gives 2), which this
 * source does not do ({@code a b a c} gives 3 here, as in that file's older strict order cases).
 * ClickHouse options {@code strict_once} (for rows matching several conditions) and {@code
 * allow_reentry} have no counterpart here: an event matches one step at most.
 *
 * <p>Options are set once: a second call throws {@link IllegalStateException}, a bad value {@link
 * IllegalArgumentException}. {@link #steps} and {@link #window} are required; modes, breakdown and
 * parallelism are optional. A query object is not thread-safe; {@link #report()} may be called more
 * than once.
 */
public final class SequenceFunnel {
  private final EventLog log;
  private @Nullable List<String> steps;
  private @Nullable Duration window;
  private long windowMillis;
  private @Nullable Set<Mode> modes;
  private @Nullable Function<? super String, ? extends @Nullable String> property;
  private boolean parallel;

  private SequenceFunnel(EventLog log) {
    this.log = log;
  }

  /**
   * A funnel query over this log.
   *
   * @param log the event log
   * @return a new query over the log
   * @throws IllegalArgumentException if the log was not built by {@link EventLog#builder()}
   */
  public static SequenceFunnel of(EventLog log) {
    requireNonNull(log, "log");
    if (!(log instanceof ColumnarEventLog)) {
      throw new IllegalArgumentException(
          "event log " + log.getClass().getName() + " was not built by EventLog.builder()");
    }
    return new SequenceFunnel(log);
  }

  /**
   * The ordered steps, as event names; see {@link #steps(List)}.
   *
   * @param steps the step names, in funnel order
   * @return this query
   * @throws IllegalArgumentException if there are no steps, a name is blank, or a name is given
   *     twice
   * @throws IllegalStateException if steps were already set
   */
  public SequenceFunnel steps(String... steps) {
    requireNonNull(steps, "steps");
    return steps(List.of(steps));
  }

  /**
   * The ordered steps, as event names. Names that no event of the log carries are allowed: no
   * entity reaches them.
   *
   * @param steps the step names, in funnel order; copied
   * @return this query
   * @throws IllegalArgumentException if there are no steps, a name is blank, or a name is given
   *     twice
   * @throws IllegalStateException if steps were already set
   */
  public SequenceFunnel steps(List<String> steps) {
    requireNonNull(steps, "steps");
    if (this.steps != null) {
      throw new IllegalStateException("steps were already set to " + this.steps);
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("steps: none given; a funnel needs at least one step");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      String s = requireNonNull(steps.get(i), "step");
      if (s.isBlank()) {
        throw new IllegalArgumentException("steps: step " + (i + 1) + " is blank");
      }
      Integer before = seen.putIfAbsent(s, i + 1);
      if (before != null) {
        throw new IllegalArgumentException(
            "steps: \""
                + s
                + "\" is step "
                + before
                + " and step "
                + (i + 1)
                + "; each step names a distinct event");
      }
    }
    this.steps = List.copyOf(steps);
    return this;
  }

  /**
   * The conversion window: a chain's last step lies at most this long after its first (inclusive).
   * The log holds milliseconds, so the window is a whole number of milliseconds.
   *
   * @param window the window; positive, a whole number of milliseconds
   * @return this query
   * @throws IllegalArgumentException if the window is zero, negative or not a whole number of
   *     milliseconds
   * @throws IllegalStateException if the window was already set
   */
  public SequenceFunnel window(Duration window) {
    requireNonNull(window, "window");
    if (this.window != null) {
      throw new IllegalStateException("window was already set to " + this.window);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window " + window + " is not positive");
    }
    if (window.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "window " + window + " is not a whole number of milliseconds (the log's resolution)");
    }
    try {
      this.windowMillis = window.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "window " + window + " is longer than 2^63 milliseconds", e);
    }
    this.window = window;
    return this;
  }

  /**
   * The ClickHouse modes to apply; none (or no call) is the default mode.
   *
   * @param modes the modes, each at most once
   * @return this query
   * @throws IllegalArgumentException if a mode is given twice
   * @throws IllegalStateException if modes were already set
   */
  public SequenceFunnel mode(Mode... modes) {
    requireNonNull(modes, "modes");
    if (this.modes != null) {
      throw new IllegalStateException("modes were already set to " + this.modes);
    }
    Set<Mode> set = EnumSet.noneOf(Mode.class);
    for (Mode m : modes) {
      if (!set.add(requireNonNull(m, "mode"))) {
        throw new IllegalArgumentException("mode " + m.clickHouseName() + " is given twice");
      }
    }
    this.modes = set;
    return this;
  }

  /**
   * Breaks the report down by a property of entities: the function maps an entity id to its group;
   * a null group is {@value Deal#UNSPECIFIED}. It is called once per entity. (The package is
   * null-marked, but this function may return null; the signature cannot say so without making the
   * annotations' module a requirement of every user of funnel.)
   *
   * @param property maps an entity id to its group, or to null
   * @return this query
   * @throws IllegalStateException if a breakdown was already set
   */
  public SequenceFunnel by(Function<? super String, ? extends String> property) {
    requireNonNull(property, "property");
    if (this.property != null) {
      throw new IllegalStateException("a breakdown was already set");
    }
    this.property = property;
    return this;
  }

  /**
   * Breaks the report down by a property of entities given as a map from entity id to group;
   * entities missing from the map, or mapped to null, form the group {@value Deal#UNSPECIFIED} (as
   * with {@link #by(Function)}).
   *
   * @param property the group of each entity id; copied
   * @return this query
   * @throws IllegalStateException if a breakdown was already set
   */
  public SequenceFunnel by(Map<String, String> property) {
    requireNonNull(property, "property");
    // Not Map.copyOf: a lookup map may hold null for an entity without the property.
    Map<String, String> copy = new HashMap<>(property);
    return by(copy::get);
  }

  /**
   * Scans entity ranges in parallel on the common fork/join pool; the report is identical to the
   * sequential one.
   *
   * @return this query
   * @throws IllegalStateException if called twice
   */
  public SequenceFunnel parallel() {
    if (parallel) {
      throw new IllegalStateException("parallel() was already called");
    }
    parallel = true;
    return this;
  }

  /**
   * Runs the funnel.
   *
   * @return the report, with a report per group when a breakdown was set
   * @throws IllegalStateException if the steps or the window were not set
   */
  public SequenceReport report() {
    List<String> s = steps;
    Duration w = window;
    if (s == null) {
      throw new IllegalStateException("steps(...) was not called; a funnel needs its steps");
    }
    if (w == null) {
      throw new IllegalStateException("window(...) was not called; a funnel needs its window");
    }
    Set<Mode> m = modes == null ? Set.of() : modes;
    int[] groupOf = null;
    List<String> groupNames = List.of();
    Function<? super String, ? extends @Nullable String> p = property;
    if (p != null) {
      Map<String, Integer> codes = new HashMap<>();
      List<String> names = new ArrayList<>();
      groupOf = new int[log.entityCount()];
      for (int e = 0; e < groupOf.length; e++) {
        String g = p.apply(log.entityId(e));
        String key = g == null ? Deal.UNSPECIFIED : g;
        Integer c = codes.get(key);
        if (c == null) {
          c = names.size();
          codes.put(key, c);
          names.add(key);
        }
        groupOf[e] = c;
      }
      groupNames = names;
    }
    SequenceEngine engine =
        new SequenceEngine(
            log,
            s,
            windowMillis,
            m.contains(Mode.STRICT_ORDER),
            m.contains(Mode.STRICT_DEDUPLICATION),
            m.contains(Mode.STRICT_INCREASE),
            groupOf,
            Math.max(1, groupNames.size()));
    FunnelPartial[] parts =
        parallel ? engine.runParallel(ForkJoinPool.commonPool()) : engine.runSequential();
    FunnelPartial all = parts[0];
    if (parts.length > 1) {
      // Merged before the group reports, which may reorder their partials' times in place.
      all = FunnelPartial.empty(s.size());
      for (FunnelPartial part : parts) {
        all.merge(part);
      }
    }
    Map<String, SequenceReport> breakdown = new TreeMap<>();
    for (int g = 0; g < groupNames.size(); g++) {
      breakdown.put(groupNames.get(g), report(s, w, m, parts[g], Map.of()));
    }
    return report(s, w, m, all, breakdown);
  }

  private static SequenceReport report(
      List<String> steps,
      Duration window,
      Set<Mode> modes,
      FunnelPartial part,
      Map<String, SequenceReport> breakdown) {
    long[] atLevel = part.atLevel();
    int n = steps.size();
    long[] reached = new long[n + 2];
    for (int k = n; k >= 0; k--) {
      reached[k] = reached[k + 1] + atLevel[k];
    }
    List<SequenceReport.Level> levels = new ArrayList<>(n);
    for (int k = 1; k <= n; k++) {
      Distribution time =
          k == 1
              ? Distribution.empty()
              : millisDistribution(part.gapsInPlace(k - 2), part.gapCount(k - 2));
      levels.add(
          new SequenceReport.Level(
              steps.get(k - 1),
              reached[k],
              Proportion.of(reached[k], reached[k - 1]),
              Proportion.of(reached[k], reached[1]),
              time));
    }
    List<Long> byLevel = new ArrayList<>(n + 1);
    for (long c : atLevel) {
      byLevel.add(c);
    }
    return new SequenceReport(steps, window, modes, reached[0], byLevel, levels, breakdown);
  }

  /** The exact distribution of durations given in milliseconds, {@code millis[0..n)}. */
  private static Distribution millisDistribution(long[] millis, int n) {
    return Select.distribution(millis, 0, n, Select.defaultPercentiles(), 1_000_000L);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SequenceFunnel.of(").append(log).append(')');
    Optional.ofNullable(steps).ifPresent(v -> sb.append(".steps(").append(v).append(')'));
    Optional.ofNullable(window)
        .ifPresent(v -> sb.append(".window(").append(Durations.human(v)).append(')'));
    Optional.ofNullable(modes).ifPresent(v -> sb.append(".mode(").append(v).append(')'));
    if (property != null) {
      sb.append(".by(...)");
    }
    if (parallel) {
      sb.append(".parallel()");
    }
    return sb.toString();
  }
}
