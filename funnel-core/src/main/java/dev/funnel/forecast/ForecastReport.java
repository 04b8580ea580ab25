package dev.funnel.forecast;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.process.Text;
import dev.funnel.model.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A revenue forecast as of an instant (METRICS.md "Forecast"). Its {@code toString()} is a readable
 * table.
 *
 * @param asOf the as-of instant: only events at or before it were seen
 * @param horizon the horizon {@code [asOf, asOf + H)}, if one was given
 * @param stages the win probability of every open stage, pipeline order
 * @param openDeals deals open at as-of
 * @param withoutAmount open deals without an amount, counted apart
 * @param withoutProbability open deals with an amount whose stage has no empirical probability,
 *     counted apart
 * @param weightedPipeline sum over the other open deals of amount x win probability of the current
 *     stage
 * @param expectedWithinHorizon with a horizon: the sum of amount x the time-aware probability of a
 *     win within it (the mean the simulation estimates); without one, the weighted pipeline
 * @param simulation the Monte Carlo forecast of revenue won from the open deals
 * @param newDeals with a horizon: expected revenue from deals not created yet, from the lead flow
 *     when leads were given, otherwise from the deal creation rate ({@link NewDeals#model()})
 * @param byOwner the weighted pipeline per owner, largest first
 * @param byChannel the weighted pipeline per channel, largest first
 * @param target the revenue target, if given
 * @param coverage weighted pipeline / target, if a target was given
 */
public record ForecastReport(
    Instant asOf,
    Optional<Duration> horizon,
    List<StageProbability> stages,
    int openDeals,
    int withoutAmount,
    int withoutProbability,
    Money weightedPipeline,
    Money expectedWithinHorizon,
    Simulation simulation,
    Optional<NewDeals> newDeals,
    List<Slice> byOwner,
    List<Slice> byChannel,
    Optional<Money> target,
    OptionalDouble coverage) {

  /** Validates the record and copies its lists. */
  public ForecastReport {
    requireNonNull(asOf, "asOf");
    requireNonNull(horizon, "horizon");
    stages = List.copyOf(stages);
    requireNonNull(weightedPipeline, "weightedPipeline");
    requireNonNull(expectedWithinHorizon, "expectedWithinHorizon");
    requireNonNull(simulation, "simulation");
    requireNonNull(newDeals, "newDeals");
    byOwner = List.copyOf(byOwner);
    byChannel = List.copyOf(byChannel);
    requireNonNull(target, "target");
    requireNonNull(coverage, "coverage");
  }

  /**
   * The empirical win probability of the stage with this id, if it has one.
   *
   * @param stageId the id of an open stage
   * @return its empirical win probability; empty if it has none
   * @throws IllegalArgumentException if no open stage of the forecast has this id
   */
  public OptionalDouble winProbability(String stageId) {
    for (StageProbability s : stages) {
      if (s.stage().equals(stageId)) {
        return s.empirical();
      }
    }
    throw new IllegalArgumentException(
        "stage \"" + stageId + "\" is not an open stage of this forecast");
  }

  /**
   * The report with at most {@code maxRows} rows in each of the owner and channel tables.
   *
   * @param maxRows the most rows to show of each table
   * @return the report as text: the stage probabilities, the pipeline, the simulation, the new
   *     deals, then the open pipeline by owner and by channel
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String print(int maxRows) {
    Text.requireRows(maxRows);
    StringBuilder sb = new StringBuilder();
    sb.append(
        Print.row(
            "Forecast as of %s%s",
            asOf, horizon.map(h -> ", horizon " + Print.horizon(h)).orElse(", no horizon")));
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"stage", "visits", "empirical [95%]", "declared", "direct [95%]", "gap", ""});
    for (StageProbability s : stages) {
      String interval =
          s.empirical().isPresent()
              ? Print.pct(s.empirical())
                  + " ["
                  + Print.pct(s.low()).replace("%", "")
                  + "-"
                  + Print.pct(s.high()).replace("%", "")
                  + "]"
              : "-";
      String direct =
          s.direct().isUndefined()
              ? "-"
              : s.direct().percent()
                  + " ["
                  + Print.pct(s.direct().low()).replace("%", "")
                  + "-"
                  + Print.pct(s.direct().high()).replace("%", "")
                  + "]";
      rows.add(
          new String[] {
            s.stage(),
            Long.toString(s.finishedVisits()),
            interval,
            Print.pct(s.declared()),
            direct,
            s.gap().isPresent() ? Print.fmt("%+.1f pp", s.gap().getAsDouble() * 100) : "-",
            s.declaredOutsideInterval() ? "FINDING" : ""
          });
    }
    sb.append(Print.table("", rows, false, true, true, true, true, true, false));
    sb.append(
        Print.row(
            "open deals %d (%d without amount, %d without probability, counted apart)",
            openDeals, withoutAmount, withoutProbability));
    sb.append(Print.row("weighted pipeline %s", weightedPipeline));
    horizon.ifPresent(
        h -> sb.append(Print.row("expected within horizon %s", expectedWithinHorizon)));
    target.ifPresent(t -> sb.append(Print.row("target %s, coverage %s", t, Print.pct(coverage))));
    sb.append(simulation);
    newDeals.ifPresent(sb::append);
    appendSlices(sb, "owner", byOwner, maxRows);
    appendSlices(sb, "channel", byChannel, maxRows);
    return sb.toString();
  }

  /**
   * The report with every row.
   *
   * @return the report as text, every owner and channel shown
   */
  public String printAll() {
    return print(Integer.MAX_VALUE);
  }

  /** The report with at most 20 rows in each of the owner and channel tables. */
  @Override
  public String toString() {
    return print(Text.DEFAULT_ROWS);
  }

  private static void appendSlices(
      StringBuilder sb, String title, List<Slice> slices, int maxRows) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {title, "open", "no amt", "weighted"});
    for (Slice s : slices.subList(0, Math.min(maxRows, slices.size()))) {
      rows.add(
          new String[] {
            s.key(),
            Long.toString(s.openDeals()),
            Long.toString(s.withoutAmount()),
            s.weightedPipeline().toString()
          });
    }
    sb.append(Print.table("", rows, false, true, true, true));
    if (slices.size() > maxRows) {
      sb.append(Print.row("... %d more rows", slices.size() - maxRows));
    }
  }
}
