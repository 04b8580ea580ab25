package dev.funnel;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import dev.funnel.model.StageKind;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one deal stands at the as-of instant, derived from its stage changes exactly as the funnel
 * engine derives it (METRICS.md "Pipeline and deals"): the input of KPI, SLA, loss and forecast
 * analyses that work deal by deal.
 *
 * @param index the deal's position in its log
 * @param dealId the deal id
 * @param createdAt when the deal was created
 * @param owner the owner, or {@code (unspecified)}
 * @param channel the channel, or {@code (unspecified)}
 * @param amount the deal's amount
 * @param leadId the lead the deal came from
 * @param lossReason the structured loss reason, or {@code (unspecified)}
 * @param status open, won or lost at as-of (the kind of the current stage)
 * @param stage the current stage id
 * @param enteredStageAt when the deal entered its current stage
 * @param closedAt the time of the change into the current WON or LOST stage; empty while open
 * @param lostAt for a lost deal, the stage it was in just before it entered LOST (METRICS.md
 *     "Funnel": an open stage, or a won one for a deal lost after it was won); absent for a deal
 *     created directly in LOST
 * @param maxRank the highest open rank the deal ever entered (0 if none), or n if it ever won
 */
public record DealState(
    int index,
    String dealId,
    Instant createdAt,
    String owner,
    String channel,
    Optional<Money> amount,
    Optional<String> leadId,
    String lossReason,
    StageKind status,
    String stage,
    Instant enteredStageAt,
    Optional<Instant> closedAt,
    Optional<String> lostAt,
    int maxRank) {

  /** Validates the state. */
  public DealState {
    requireNonNull(dealId, "dealId");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(owner, "owner");
    requireNonNull(channel, "channel");
    requireNonNull(amount, "amount");
    requireNonNull(leadId, "leadId");
    requireNonNull(lossReason, "lossReason");
    requireNonNull(status, "status");
    requireNonNull(stage, "stage");
    requireNonNull(enteredStageAt, "enteredStageAt");
    requireNonNull(closedAt, "closedAt");
    requireNonNull(lostAt, "lostAt");
    if (closedAt.isPresent() == (status == StageKind.OPEN)) {
      throw new IllegalArgumentException(
          "deal \"" + dealId + "\": closedAt is set exactly when the deal is closed");
    }
  }

  /**
   * Whether the deal is open at as-of.
   *
   * @return true if the status is {@link StageKind#OPEN}
   */
  public boolean isOpen() {
    return status == StageKind.OPEN;
  }

  /**
   * Whether the deal is won at as-of.
   *
   * @return true if the status is {@link StageKind#WON}
   */
  public boolean isWon() {
    return status == StageKind.WON;
  }

  /**
   * Whether the deal is lost at as-of.
   *
   * @return true if the status is {@link StageKind#LOST}
   */
  public boolean isLost() {
    return status == StageKind.LOST;
  }
}
