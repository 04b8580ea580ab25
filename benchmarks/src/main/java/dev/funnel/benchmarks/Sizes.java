package dev.funnel.benchmarks;

import dev.funnel.log.DealLog;

/**
 * Prints the stage change count of the benchmark dataset of each deal count given, as JSON ({@code
 * {"100000": 501922, ...}}), for the summary's changes/s and rows/s.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.funnel.benchmarks.Sizes 100000
 * 1000000}.
 */
public final class Sizes {
  private Sizes() {}

  /** Prints {"deals": changes, ...}. */
  public static void main(String[] args) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < args.length; i++) {
      int deals = Integer.parseInt(args[i]);
      DealLog log = Datasets.dealLog(deals, 200, 10);
      sb.append(i == 0 ? "" : ", ").append('"').append(deals).append("\": ");
      sb.append(log.changeCount());
    }
    System.out.println(sb.append('}'));
  }
}
