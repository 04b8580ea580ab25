package dev.funnel.internal.process;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.model.Money;
import java.util.Optional;

/**
 * Deal amounts added up as the log stores them, in minor units, with the number of deals that have
 * none: one {@link Money} per sum, not one per deal. A log's amounts total at most 2^63 - 1 minor
 * units, so a sum of some of them fits.
 */
public final class AmountSum {
  private long deals;
  private long missing;
  private long minor;

  /**
   * Adds one deal's amount.
   *
   * @param amount the amount in minor units, or {@link ColumnarDealLog#NO_AMOUNT}
   */
  public void add(long amount) {
    deals++;
    if (amount == ColumnarDealLog.NO_AMOUNT) {
      missing++;
    } else {
      minor = Math.addExact(minor, amount);
    }
  }

  /** The deals added. */
  public long deals() {
    return deals;
  }

  /** The deals added without an amount. */
  public long missing() {
    return missing;
  }

  /** The sum in the log's currency; absent when no deal added has an amount. */
  public Optional<Money> money(ColumnarDealLog log) {
    return deals == missing ? Optional.empty() : log.money(minor);
  }
}
