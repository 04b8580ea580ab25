package dev.funnel.benchmarks;

import dev.funnel.log.DealLog;
import dev.funnel.model.StageChange;
import java.time.Instant;

/**
 * Prints the stage change count of the benchmark dataset of each deal count given, as JSON ({@code
 * {"100000": 501922, ...}}), for the summary's changes/s and rows/s; and, keyed {@code
 * "past:100000"}, the changes a report as of the benchmark's past instant sees (changes of deals
 * created by then, occurring by then), which is what {@code asOf=past} rates count.
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
      Instant past = Datasets.pastInstant(Datasets.spec(deals, 200, 10));
      long seen = 0;
      for (int d = 0; d < log.dealCount() && !log.deal(d).createdAt().isAfter(past); d++) {
        for (StageChange c : log.changes(d)) {
          seen += c.occurredAt().isAfter(past) ? 0 : 1;
        }
      }
      sb.append(", \"past:").append(deals).append("\": ").append(seen);
    }
    System.out.println(sb.append('}'));
  }
}
