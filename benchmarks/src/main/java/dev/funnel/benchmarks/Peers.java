package dev.funnel.benchmarks;

import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.StageChange;
import java.util.ArrayList;
import java.util.List;

/** A log's records as the objects a Streams user holds: one list of deals, one of changes. */
public record Peers(List<Deal> deals, List<StageChange> changes) {

  /** Copies the lists. */
  public Peers {
    deals = List.copyOf(deals);
    changes = List.copyOf(changes);
  }

  /** The log's deals and changes, rebuilt as records. */
  public static Peers of(DealLog log) {
    List<Deal> deals = new ArrayList<>(log.dealCount());
    List<StageChange> changes = new ArrayList<>(log.changeCount());
    for (int d = 0; d < log.dealCount(); d++) {
      deals.add(log.deal(d));
      changes.addAll(log.changes(d));
    }
    return new Peers(deals, changes);
  }
}
