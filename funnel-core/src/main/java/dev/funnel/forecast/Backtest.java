package dev.funnel.forecast;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A backtest (METRICS.md "Forecast"): the pipeline rebuilt as it stood at a past instant T from the
 * log alone, as recorded by T ({@link dev.funnel.log.DealLog#knownAt}: probabilities estimated only
 * from visits finished by T, changes entered later unseen), its forecast of {@code [T, T+H)},
 * compared with what the deals open at T actually won ({@link MethodResult#actual}), for every
 * {@link Method} that applies (DECLARED only when the pipeline declares a probability for every
 * open stage).
 *
 * @param at the instant T
 * @param horizon H
 * @param openDeals deals open at T
 * @param methods one result per method, TIME_AWARE first
 */
public record Backtest(Instant at, Duration horizon, int openDeals, List<MethodResult> methods) {
  /** Validates the record and copies the results. */
  public Backtest {
    requireNonNull(at, "at");
    requireNonNull(horizon, "horizon");
    methods = List.copyOf(methods);
  }

  /**
   * The result of one method.
   *
   * @param method the forecast method
   * @return its result in this backtest
   * @throws IllegalArgumentException if the method did not apply
   */
  public MethodResult result(Method method) {
    for (MethodResult r : methods) {
      if (r.method() == method) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "method "
            + method
            + " did not apply to this backtest (the pipeline declares no probability for every open stage)");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        Print.row(
            "Backtest at %s (the pipeline as recorded then), horizon %s, %d open deals",
            at, Print.horizon(horizon), openDeals));
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"method", "deals", "predicted", "actual", "abs error", "rel err", "brier"});
    for (MethodResult r : methods) {
      rows.add(
          new String[] {
            r.method().toString(),
            Long.toString(r.deals()),
            r.predicted().toString(),
            r.actual().toString(),
            r.absoluteError().toString(),
            Print.pct(r.relativeError()),
            r.brier().isPresent() ? Print.num(r.brier().getAsDouble()) : "-"
          });
    }
    sb.append(Print.table("", rows, false, true, true, true, true, true, true));
    for (MethodResult r : methods) {
      sb.append(Print.row("calibration %s: bucket, deals, mean predicted, observed", r.method()));
      for (CalibrationBucket b : r.calibration()) {
        if (b.observed().trials() > 0) {
          sb.append(
              Print.row(
                  "  [%.1f, %.1f) %6d %7s %s",
                  b.from(),
                  b.to(),
                  b.observed().trials(),
                  Print.pct(b.meanPredicted()),
                  b.observed()));
        }
      }
    }
    return sb.toString();
  }
}
