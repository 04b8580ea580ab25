package dev.funnel.sequence;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The options of ClickHouse {@code windowFunnel} that a {@link SequenceFunnel} supports. With no
 * mode the funnel runs in ClickHouse's default mode; modes combine freely (ClickHouse checks them
 * in a fixed order per event, see {@link SequenceFunnel}).
 *
 * <p>The rules below are those of ClickHouse's {@code AggregateFunctionWindowFunnel.cpp} ({@code
 * getEventLevelNonStrictOnce}, the version with the {@code allow_reentry} option and the fix of
 * issue #37177). "Level" is the number of steps the entity's best chain has reached so far.
 */
public enum Mode {
  /**
   * {@code strict_order}: no other event may intervene. Once a first-step event has been seen,
   * scanning stops at (a) any event that matches no step, or (b) an event of step k &gt; 1 whose
   * step k-1 has not been reached yet. The entity keeps the level reached before that event. Events
   * before the first first-step event are ignored. In ClickHouse's words: for {@code A->B->D->C} it
   * stops finding {@code A->B->C} at {@code D}: the level is 2.
   */
  STRICT_ORDER("strict_order"),

  /**
   * {@code strict_deduplication}: scanning stops at an event of step k &gt; 1 when step k has
   * already been reached (a repeat of a matched step); the entity keeps the level reached so far.
   * Repeats of the first step never stop the scan: they restart the chain's window as in the
   * default mode. Example: steps a, b, c, d over {@code a b c b d} give 3.
   */
  STRICT_DEDUPLICATION("strict_deduplication"),

  /**
   * {@code strict_increase}: an event extends a chain only if its timestamp is strictly greater
   * than that of the chain's previous step (by default equal timestamps may follow each other).
   */
  STRICT_INCREASE("strict_increase");

  private final String clickHouseName;

  Mode(String clickHouseName) {
    this.clickHouseName = clickHouseName;
  }

  /**
   * The option's name in ClickHouse ({@code strict_order}, ...), as the CLI accepts it.
   *
   * @return the ClickHouse name, lower case
   */
  public String clickHouseName() {
    return clickHouseName;
  }

  /**
   * The mode of this ClickHouse option name, case-insensitively ({@code strict_order}).
   *
   * @param name the ClickHouse name; surrounding white space is ignored
   * @return the mode
   * @throws IllegalArgumentException if no mode has this name
   */
  public static Mode ofClickHouseName(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    for (Mode m : values()) {
      if (m.clickHouseName.equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "mode \""
            + name
            + "\" is not a windowFunnel mode (known: "
            + Arrays.stream(values()).map(Mode::clickHouseName).collect(Collectors.joining(", "))
            + ")");
  }
}
