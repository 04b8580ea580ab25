package dev.funnel.forecast;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How one {@link Method} did in a backtest (METRICS.md "Forecast": absolute error and Brier score).
 *
 * @param method the method
 * @param deals deals open at T that the method gives a probability
 * @param predicted sum over those with an amount of amount x probability
 * @param actual sum of the amounts of the deals open at T (every one, whether the method gives it a
 *     probability or not) won in {@code (T, T+H)}: that entered a WON stage then, also when
 *     reopened afterwards; or won at T already as the log now reads, by a change back-dated to T or
 *     before and recorded after T (unknown at T); the same for every method of a backtest
 * @param absoluteError |predicted - actual|
 * @param relativeError absoluteError / actual; absent when nothing was won
 * @param brier mean over the deals of (probability - won)^2, won being 1 or 0; absent without deals
 * @param calibration predicted against observed in ten buckets of probability
 */
public record MethodResult(
    Method method,
    int deals,
    Money predicted,
    Money actual,
    Money absoluteError,
    OptionalDouble relativeError,
    OptionalDouble brier,
    List<CalibrationBucket> calibration) {
  /** Validates the record and copies the table. */
  public MethodResult {
    requireNonNull(method, "method");
    requireNonNull(predicted, "predicted");
    requireNonNull(actual, "actual");
    requireNonNull(absoluteError, "absoluteError");
    requireNonNull(relativeError, "relativeError");
    requireNonNull(brier, "brier");
    calibration = List.copyOf(calibration);
  }
}
