package dev.funnel.forecast;

import static java.util.Objects.requireNonNull;

import dev.funnel.stats.Proportion;

/**
 * One row of a calibration table: the deals whose predicted probability lies in {@code [from, to)}
 * (the last bucket includes 1), their mean prediction and the share actually won.
 *
 * @param from the lower bound of the bucket
 * @param to the upper bound of the bucket
 * @param meanPredicted the mean predicted probability; 0 for an empty bucket (JSON writes null)
 * @param observed won / deals in the bucket, with its Wilson interval
 */
public record CalibrationBucket(double from, double to, double meanPredicted, Proportion observed) {
  /** Validates the record. */
  public CalibrationBucket {
    requireNonNull(observed, "observed");
  }
}
