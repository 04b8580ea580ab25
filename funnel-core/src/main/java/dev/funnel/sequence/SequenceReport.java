package dev.funnel.sequence;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.text.Columns;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Durations;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The result of a {@link SequenceFunnel}: how far each entity got through the ordered steps within
 * the window, under ClickHouse {@code windowFunnel} semantics (METRICS.md "Event-sequence
 * funnels").
 *
 * <p>An entity's <b>level</b> is the number of steps its best chain reached (0 to n). An entity
 * <b>reached</b> step k when its level is at least k. Rates follow METRICS.md "Funnel": the
 * conversion of step k from the previous step is reached(k) / reached(k-1) (for the first step:
 * reached(1) / all entities), the cumulative conversion is reached(k) / reached(1), every rate a
 * {@link Proportion} with its Wilson interval, absent with 0 trials.
 *
 * <p><b>Time from the previous step</b> of step k (k &gt;= 2) is, for every entity that reached
 * step k, the time between its step k-1 and step k events in the chain that gave the entity its
 * level: the chain ClickHouse's state holds at that level when the scan ends, i.e. the chain
 * extended last (each extension takes the latest-started chain of the level below that is still
 * inside the window). Percentiles are exact (METRICS.md "Durations").
 *
 * @param steps the step names, in funnel order
 * @param window the conversion window: a chain's last step lies at most this long after its first
 * @param modes the ClickHouse modes applied; empty for the default mode
 * @param entities the entities considered (every entity of the log, or of the group)
 * @param entitiesByLevel element k is the number of entities whose level is exactly k, k = 0..n;
 *     they sum to {@code entities}
 * @param levels one row per step, in funnel order
 * @param breakdown a report per group of the property given to {@link SequenceFunnel#by}, keys in
 *     ascending order; empty without a breakdown. Group reports have no breakdown of their own.
 */
public record SequenceReport(
    List<String> steps,
    Duration window,
    Set<Mode> modes,
    long entities,
    List<Long> entitiesByLevel,
    List<Level> levels,
    Map<String, SequenceReport> breakdown) {

  /**
   * One step of the report.
   *
   * @param step the step name
   * @param entities entities that reached at least this step
   * @param fromPrevious entities of this step out of those of the previous one (for the first step:
   *     out of all entities)
   * @param cumulative entities of this step out of those of the first step
   * @param timeFromPrevious time from the previous step's event to this step's event in each
   *     reaching entity's chain; empty for the first step
   */
  public record Level(
      String step,
      long entities,
      Proportion fromPrevious,
      Proportion cumulative,
      Distribution timeFromPrevious) {

    /**
     * Validates the row.
     *
     * @throws IllegalArgumentException if the entity count is negative
     */
    public Level {
      requireNonNull(step, "step");
      requireNonNull(fromPrevious, "fromPrevious");
      requireNonNull(cumulative, "cumulative");
      requireNonNull(timeFromPrevious, "timeFromPrevious");
      if (entities < 0) {
        throw new IllegalArgumentException("step \"" + step + "\": entities " + entities + " < 0");
      }
    }
  }

  /**
   * Validates the report and copies its collections.
   *
   * @throws IllegalArgumentException if there are no steps, the level counts do not match the steps
   *     or do not sum to the entities, or the rows do not match the steps
   */
  public SequenceReport {
    steps = List.copyOf(steps);
    requireNonNull(window, "window");
    modes = modes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(modes));
    entitiesByLevel = List.copyOf(entitiesByLevel);
    levels = List.copyOf(levels);
    breakdown = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(breakdown)));
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a sequence report needs at least one step");
    }
    if (entitiesByLevel.size() != steps.size() + 1) {
      throw new IllegalArgumentException(
          "entitiesByLevel has "
              + entitiesByLevel.size()
              + " elements; "
              + steps.size()
              + " steps need "
              + (steps.size() + 1));
    }
    long sum = 0;
    for (long c : entitiesByLevel) {
      sum = Math.addExact(sum, c);
    }
    if (sum != entities) {
      throw new IllegalArgumentException(
          "entitiesByLevel sums to " + sum + ", not to the " + entities + " entities");
    }
    if (levels.size() != steps.size()) {
      throw new IllegalArgumentException(
          levels.size() + " level rows for " + steps.size() + " steps");
    }
  }

  /**
   * Entities that reached at least step k (1-based; k = 0 gives all entities).
   *
   * @param k the step number, from 0 to the number of steps
   * @return the number of entities whose level is at least k
   */
  public long reached(int k) {
    if (k < 0 || k > steps.size()) {
      throw new IllegalArgumentException(
          "step number " + k + " is not in [0, " + steps.size() + "]");
    }
    long r = 0;
    for (int j = k; j <= steps.size(); j++) {
      r += entitiesByLevel.get(j);
    }
    return r;
  }

  /**
   * Overall conversion: entities that reached the last step out of those of the first step.
   *
   * @return reached(n) / reached(1), n the number of steps
   */
  public Proportion overall() {
    return Proportion.of(reached(steps.size()), reached(1));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    table(sb, "sequence funnel");
    breakdown.forEach(
        (group, report) -> {
          sb.append('\n');
          report.table(sb, "group " + group);
        });
    return sb.toString();
  }

  private void table(StringBuilder sb, String title) {
    sb.append(title)
        .append(": ")
        .append(steps.size())
        .append(steps.size() == 1 ? " step" : " steps")
        .append(", window ")
        .append(Durations.human(window))
        .append(", mode ")
        .append(
            modes.isEmpty()
                ? "default"
                : modes.stream().map(Mode::clickHouseName).collect(Collectors.joining(",")))
        .append(", ")
        .append(entities)
        .append(entities == 1 ? " entity" : " entities")
        .append(", overall ")
        .append(overall())
        .append('\n');
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"step", "entities", "from previous", "cumulative", "median from previous"});
    for (Level l : levels) {
      rows.add(
          new String[] {
            l.step(),
            Long.toString(l.entities()),
            l.fromPrevious().toString(),
            l.cumulative().percent(),
            l.timeFromPrevious().p50().map(Durations::human).orElse("-")
          });
    }
    sb.append(Columns.align(rows, new boolean[] {false, true, false, true, false}));
  }
}
