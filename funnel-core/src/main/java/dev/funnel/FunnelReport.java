package dev.funnel;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.engine.Tables;
import dev.funnel.model.Money;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The result of a {@link Funnel} query: the figures of the selected deals as of an instant, and
 * their breakdowns. Immutable; {@code toString()} prints an aligned table.
 *
 * @param pipeline the pipeline id
 * @param asOf the as-of instant: events after it were not seen
 * @param cohortFrom the inclusive start of the creation window, if any
 * @param cohortTo the exclusive end of the creation window, if any
 * @param zone the zone periods were bucketed in
 * @param counting how reached was counted
 * @param percentiles the percentiles every duration distribution of the report was asked for,
 *     ascending, at least one (an empty distribution has none of them; the tables head their
 *     columns with these)
 * @param all the figures of the whole selection
 * @param breakdowns one per {@code by(...)} of the query, in query order
 */
public record FunnelReport(
    String pipeline,
    Instant asOf,
    Optional<Instant> cohortFrom,
    Optional<Instant> cohortTo,
    ZoneId zone,
    Counting counting,
    List<Double> percentiles,
    FunnelFigures all,
    List<Breakdown> breakdowns) {

  /** Validates the report. */
  public FunnelReport {
    requireNonNull(pipeline, "pipeline");
    requireNonNull(asOf, "asOf");
    requireNonNull(cohortFrom, "cohortFrom");
    requireNonNull(cohortTo, "cohortTo");
    requireNonNull(zone, "zone");
    requireNonNull(counting, "counting");
    percentiles = List.copyOf(percentiles);
    if (percentiles.isEmpty()) {
      throw new IllegalArgumentException("a report has at least one percentile");
    }
    for (int i = 0; i < percentiles.size(); i++) {
      double p = percentiles.get(i);
      if (!(p >= 0 && p <= 1)
          || i > 0
              && (p <= percentiles.get(i - 1)
                  || Distribution.percentLabel(p)
                      .equals(Distribution.percentLabel(percentiles.get(i - 1))))) {
        throw new IllegalArgumentException(
            "percentiles must be ascending, in [0, 1] and have distinct names (p50, p99.9): "
                + percentiles);
      }
    }
    requireNonNull(all, "all");
    breakdowns = List.copyOf(breakdowns);
  }

  /**
   * Deal counts by state.
   *
   * @return the deal counts of the whole selection
   */
  public DealCounts deals() {
    return all.deals();
  }

  /**
   * One row per open stage.
   *
   * @return the stage figures of the whole selection, in pipeline order
   */
  public List<StageFigures> stages() {
    return all.stages();
  }

  /**
   * The figures of the open stage with this id.
   *
   * @param stageId the id of an open stage
   * @return its figures in the whole selection
   * @throws IllegalArgumentException naming the open stages if there is none
   */
  public StageFigures stage(String stageId) {
    return all.stage(stageId);
  }

  /**
   * The figures of this open stage.
   *
   * @param stage an open stage of the pipeline
   * @return its figures in the whole selection
   */
  public StageFigures stage(dev.funnel.model.Stage stage) {
    return all.stage(stage.id());
  }

  /**
   * won / (won + lost).
   *
   * @return the win rate of the whole selection
   */
  public Proportion winRate() {
    return all.winRate();
  }

  /**
   * won / all deals.
   *
   * @return the cohort conversion of the whole selection
   */
  public Proportion cohortConversion() {
    return all.cohortConversion();
  }

  /**
   * Cycle time of won deals.
   *
   * @return closedAt - createdAt of the selection's won deals
   */
  public Distribution wonCycleTime() {
    return all.wonCycleTime();
  }

  /**
   * Cycle time of lost deals.
   *
   * @return closedAt - createdAt of the selection's lost deals
   */
  public Distribution lostCycleTime() {
    return all.lostCycleTime();
  }

  /**
   * The average won deal size.
   *
   * @return the mean amount of the selection's won deals with an amount; empty when none has one
   */
  public Optional<Money> averageWonDealSize() {
    return all.averageWonDealSize();
  }

  /**
   * Sales velocity in money per day.
   *
   * @return open deals x win rate x average won deal size / mean won cycle in days; empty when a
   *     factor is absent or the mean cycle is zero
   */
  public Optional<Money> velocityPerDay() {
    return all.velocityPerDay();
  }

  /**
   * The breakdown with this name in the report ({@code owner}, {@code channel}, {@code owner x
   * channel}, ...; see {@link #nameOf(Breakdown)}).
   *
   * @param name the breakdown's name
   * @return the breakdown
   * @throws IllegalArgumentException naming the breakdowns there are
   */
  public Breakdown breakdown(String name) {
    for (Breakdown b : breakdowns) {
      if (nameOf(b).equals(name)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "no breakdown \""
            + name
            + "\" ("
            + (breakdowns.isEmpty()
                ? "the query has no breakdowns: ask for one with Funnel.by"
                : "the query has: "
                    + String.join(", ", breakdowns.stream().map(this::nameOf).toList()))
            + ")");
  }

  /**
   * The name of a breakdown of this report: its dimensions' names ({@link #nameOf(Dimension)})
   * joined with {@code " x "}. Names are unique within the report: should two breakdowns still read
   * alike, the later one is suffixed {@code " (2)"}, {@code " (3)"}, ... in breakdown order.
   *
   * @param breakdown a breakdown of this report (of another, the joined names of its dimensions)
   * @return its name
   */
  public String nameOf(Breakdown breakdown) {
    requireNonNull(breakdown, "breakdown");
    List<String> names = new ArrayList<>();
    for (Breakdown b : breakdowns) {
      String name = joinedName(b);
      if (names.contains(name)) {
        int k = 2;
        while (names.contains(name + " (" + k + ")") || hasJoinedName(name + " (" + k + ")")) {
          k++;
        }
        name = name + " (" + k + ")";
      }
      if (b == breakdown || b.equals(breakdown)) {
        return name;
      }
      names.add(name);
    }
    return joinedName(breakdown);
  }

  private String joinedName(Breakdown breakdown) {
    return breakdown.dimensions().stream().map(this::nameOf).collect(Collectors.joining(" x "));
  }

  private boolean hasJoinedName(String name) {
    return breakdowns.stream().anyMatch(b -> joinedName(b).equals(name));
  }

  /**
   * The name of a dimension in this report: its {@link Dimension#label() label}, except for an
   * attribute spelled like a built-in dimension that the report also breaks down by ({@code
   * attribute=quarter} next to the creation {@code quarter}), or whose label holds the separator of
   * crossed names, {@code " x "} (a column {@code owner x channel} is {@code attribute=owner x
   * channel}, not the crossed breakdown). Names are unique within the report: should two dimensions
   * still read alike (a column named {@code attribute=quarter} next to a column {@code quarter} and
   * the creation {@code quarter}), the later one is suffixed {@code " (2)"}, {@code " (3)"}, ... in
   * order of first use. The tables and the JSON of the report use these names.
   *
   * @param dimension a dimension of this report (of another, the name above without a suffix)
   * @return its name in this report
   */
  public String nameOf(Dimension dimension) {
    requireNonNull(dimension, "dimension");
    Set<Dimension> all = new LinkedHashSet<>();
    breakdowns.forEach(b -> all.addAll(b.dimensions()));
    Set<String> taken = new HashSet<>();
    for (Dimension d : all) {
      String name = plainName(d);
      if (!taken.add(name)) {
        int k = 2;
        while (taken.contains(name + " (" + k + ")")) {
          k++;
        }
        name = name + " (" + k + ")";
        taken.add(name);
      }
      if (d.equals(dimension)) {
        return name;
      }
    }
    return plainName(dimension);
  }

  private String plainName(Dimension dimension) {
    if (dimension.kind() != Dimension.Kind.ATTRIBUTE) {
      return dimension.label();
    }
    if (dimension.label().contains(" x ")) {
      return Dimension.ATTRIBUTE_PREFIX + dimension.label();
    }
    for (Breakdown b : breakdowns) {
      for (Dimension d : b.dimensions()) {
        if (d.kind() != Dimension.Kind.ATTRIBUTE && d.label().equals(dimension.label())) {
          return Dimension.ATTRIBUTE_PREFIX + dimension.label();
        }
      }
    }
    return dimension.label();
  }

  /**
   * The report as a table, breakdowns capped at {@code maxRows} rows each.
   *
   * @param maxRows the most rows to show of each breakdown
   * @return the table
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String print(int maxRows) {
    return Tables.report(this, maxRows);
  }

  /**
   * The report as a table with every breakdown row.
   *
   * @return the table
   */
  public String printAll() {
    return print(Integer.MAX_VALUE);
  }

  /** The report as a table, breakdowns capped at 20 rows each. */
  @Override
  public String toString() {
    return print(Tables.DEFAULT_ROWS);
  }
}
