package dev.funnel;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.util.List;
import java.util.Optional;

/**
 * The funnel figures of one selection of deals: the whole cohort, or one group of a breakdown
 * (METRICS.md "Funnel" and "Durations").
 *
 * @param deals deal counts by state at as-of
 * @param stages one row per open stage, in pipeline order
 * @param winRate won / (won + lost); open deals excluded
 * @param cohortConversion won / all deals of the selection
 * @param wonCycleTime closedAt - createdAt of won deals
 * @param lostCycleTime closedAt - createdAt of lost deals
 * @param averageWonDealSize sum of amounts of won deals with an amount / their number, rounded
 *     half-even to the currency's minor unit; absent when no won deal has an amount
 * @param wonWithoutAmount won deals that have no amount (counted apart, never as zero)
 * @param velocityPerDay open deals x win rate x average won deal size / mean won cycle in days;
 *     absent when a factor is absent or the mean cycle is zero
 */
public record FunnelFigures(
    DealCounts deals,
    List<StageFigures> stages,
    Proportion winRate,
    Proportion cohortConversion,
    Distribution wonCycleTime,
    Distribution lostCycleTime,
    Optional<Money> averageWonDealSize,
    long wonWithoutAmount,
    Optional<Money> velocityPerDay) {

  /** Validates the figures and copies the stage list. */
  public FunnelFigures {
    requireNonNull(deals, "deals");
    stages = List.copyOf(stages);
    requireNonNull(winRate, "winRate");
    requireNonNull(cohortConversion, "cohortConversion");
    requireNonNull(wonCycleTime, "wonCycleTime");
    requireNonNull(lostCycleTime, "lostCycleTime");
    requireNonNull(averageWonDealSize, "averageWonDealSize");
    requireNonNull(velocityPerDay, "velocityPerDay");
    if (wonWithoutAmount < 0) {
      throw new IllegalArgumentException("wonWithoutAmount " + wonWithoutAmount + " is negative");
    }
  }

  /**
   * The figures of the open stage with this id.
   *
   * @param stageId the id of an open stage
   * @return its figures
   * @throws IllegalArgumentException naming the open stages if there is none
   */
  public StageFigures stage(String stageId) {
    for (StageFigures s : stages) {
      if (s.stage().equals(stageId)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "\""
            + stageId
            + "\" is not an open stage of this report (open stages: "
            + String.join(", ", stages.stream().map(StageFigures::stage).toList())
            + ")");
  }
}
