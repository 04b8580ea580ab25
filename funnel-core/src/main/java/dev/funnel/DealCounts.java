package dev.funnel;

/**
 * How many deals a selection holds at the as-of instant, by state. {@code open + won + lost =
 * total}.
 *
 * @param total all deals in the selection
 * @param open deals whose current stage is open
 * @param won deals whose current stage is a WON stage
 * @param lost deals whose current stage is a LOST stage
 */
public record DealCounts(long total, long open, long won, long lost) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative or they do not add up
   */
  public DealCounts {
    if (open < 0 || won < 0 || lost < 0 || open + won + lost != total) {
      throw new IllegalArgumentException(
          "deal counts do not add up: " + open + " + " + won + " + " + lost + " != " + total);
    }
  }

  /**
   * The number of closed (won or lost) deals.
   *
   * @return won + lost
   */
  public long closed() {
    return won + lost;
  }
}
