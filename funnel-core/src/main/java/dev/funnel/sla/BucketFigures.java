package dev.funnel.sla;

import static java.util.Objects.requireNonNull;

import dev.funnel.stats.Proportion;

/**
 * What one response-time bucket converts to: the cost of slowness.
 *
 * @param bucket the response-time bucket
 * @param leads measured leads in the bucket
 * @param leadToDeal leads of the bucket with a deal (a deal whose {@code lead_id} names them,
 *     created by as-of) / leads of the bucket; no trials without a deal log
 * @param winRate won / (won + lost) among those deals at as-of
 */
public record BucketFigures(
    SpeedBucket bucket, long leads, Proportion leadToDeal, Proportion winRate) {

  /** Validates the figures. */
  public BucketFigures {
    requireNonNull(bucket, "bucket");
    requireNonNull(leadToDeal, "leadToDeal");
    requireNonNull(winRate, "winRate");
  }
}
