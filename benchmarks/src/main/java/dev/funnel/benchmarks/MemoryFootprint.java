package dev.funnel.benchmarks;

import dev.funnel.log.DealLog;
import org.openjdk.jol.info.GraphLayout;

/**
 * Resident bytes of a {@link DealLog} per stage change, deal columns, dictionaries and ids
 * included, measured with JOL over the whole object graph of the log.
 *
 * <p>Run: {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar
 * dev.funnel.benchmarks.MemoryFootprint [deals]} (default 1,000,000 deals, about 5M changes).
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  /** Prints the footprint of the benchmark log of the given deal count. */
  public static void main(String[] args) {
    int deals = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    DealLog log = Datasets.dealLog(deals, 200, 10);
    GraphLayout layout = GraphLayout.parseInstance(log);
    long total = layout.totalSize();
    System.out.println(layout.toFootprint());
    System.out.printf(
        "%s: %d bytes resident, %.2f bytes per stage change (%d changes), %.2f per deal%n",
        log, total, total / (double) log.changeCount(), log.changeCount(), total / (double) deals);
  }
}
