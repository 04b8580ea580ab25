package dev.funnel.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Backtests at several instants T with one horizon, so that a method's record is judged over time
 * rather than on one lucky date.
 *
 * @param runs the backtests, in order of T
 */
public record RollingBacktest(List<Backtest> runs) {
  /** Copies the runs. */
  public RollingBacktest {
    runs = List.copyOf(runs);
  }

  /**
   * The mean relative error of a method over the runs where it is defined; absent if none.
   *
   * @param method the forecast method
   * @return the mean; empty if no run defines one
   */
  public OptionalDouble meanRelativeError(Method method) {
    return runs.stream()
        .flatMap(b -> b.methods().stream())
        .filter(r -> r.method() == method && r.relativeError().isPresent())
        .mapToDouble(r -> r.relativeError().getAsDouble())
        .average();
  }

  /**
   * The mean Brier score of a method over the runs where it is defined; absent if none.
   *
   * @param method the forecast method
   * @return the mean; empty if no run defines one
   */
  public OptionalDouble meanBrier(Method method) {
    return runs.stream()
        .flatMap(b -> b.methods().stream())
        .filter(r -> r.method() == method && r.brier().isPresent())
        .mapToDouble(r -> r.brier().getAsDouble())
        .average();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"at", "method", "predicted", "actual", "rel err", "brier"});
    for (Backtest b : runs) {
      for (MethodResult r : b.methods()) {
        rows.add(
            new String[] {
              b.at().toString(),
              r.method().toString(),
              r.predicted().toString(),
              r.actual().toString(),
              Print.pct(r.relativeError()),
              r.brier().isPresent() ? Print.num(r.brier().getAsDouble()) : "-"
            });
      }
    }
    sb.append(Print.table("", rows, false, false, true, true, true, true));
    for (Method m : Method.values()) {
      OptionalDouble brier = meanBrier(m);
      if (brier.isPresent()) {
        sb.append(
            Print.row(
                "mean %-11s rel err %s, brier %s",
                m, Print.pct(meanRelativeError(m)), Print.num(brier.getAsDouble())));
      }
    }
    return sb.toString();
  }
}
