package dev.funnel;

import static java.util.Objects.requireNonNull;

import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;

/**
 * The figures of one open stage {@code sk} (METRICS.md "Funnel", "Durations", "Process reality").
 *
 * @param stage the stage id
 * @param reached deals that reached the stage, by the query's {@link Counting}
 * @param entered deals that explicitly entered the stage (the implicit entry into {@code s1} at
 *     creation does not count)
 * @param cumulative reached(k) / reached(1)
 * @param conversionToNext reached(k+1) / reached(k); for the last open stage won / reached(n)
 * @param lostAt lost deals whose stage just before entering LOST was this one (drop-off)
 * @param timeInStage lengths of finished visits to the stage
 * @param ageInStage as-of minus entry of the unfinished visits of open deals in the stage
 * @param usage deals that explicitly entered the stage / deals that reached it (progressed)
 */
public record StageFigures(
    String stage,
    long reached,
    long entered,
    Proportion cumulative,
    Proportion conversionToNext,
    long lostAt,
    Distribution timeInStage,
    Distribution ageInStage,
    Proportion usage) {

  /** Validates the figures. */
  public StageFigures {
    requireNonNull(stage, "stage");
    requireNonNull(cumulative, "cumulative");
    requireNonNull(conversionToNext, "conversionToNext");
    requireNonNull(timeInStage, "timeInStage");
    requireNonNull(ageInStage, "ageInStage");
    requireNonNull(usage, "usage");
    if (reached < 0 || entered < 0 || lostAt < 0) {
      throw new IllegalArgumentException("stage \"" + stage + "\": a count is negative");
    }
  }
}
