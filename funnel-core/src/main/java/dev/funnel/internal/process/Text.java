package dev.funnel.internal.process;

import dev.funnel.internal.engine.Tables;
import dev.funnel.stats.Durations;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** Plain-text helpers shared by the process reports' {@code toString()} tables. */
public final class Text {
  /** Rows shown per table unless asked for more. */
  public static final int DEFAULT_ROWS = 20;

  private Text() {}

  /**
   * Refuses a negative row cap (the reports' {@code print(maxRows)}).
   *
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public static void requireRows(int maxRows) {
    Tables.requireRows(maxRows);
  }

  /** Columns left-aligned for the first {@code textColumns}, right-aligned after. */
  public static String align(List<String[]> rows, int textColumns) {
    return Tables.align(rows, textColumns);
  }

  /**
   * The aligned table of a header and the rows of the first {@code maxRows} items, and a line
   * saying how many more: only the rows shown are made (a table of 100,000 owners formats 20 of
   * them).
   */
  public static <T> String capped(
      String[] header, List<T> items, Function<T, String[]> row, int textColumns, int maxRows) {
    Tables.requireRows(maxRows);
    int shown = Math.min(items.size(), maxRows);
    List<String[]> rows = new ArrayList<>(shown + 1);
    rows.add(header);
    for (T item : items.subList(0, shown)) {
      rows.add(row.apply(item));
    }
    String table = align(rows, textColumns);
    return items.size() <= maxRows
        ? table
        : table + "... " + (items.size() - maxRows) + " more rows\n";
  }

  /** {@code "42.9% [15.8-75.0]"}, or {@code "-"} with no trials. */
  public static String rate(Proportion p) {
    if (p.isUndefined()) {
      return "-";
    }
    return p.percent()
        + " ["
        + String.format(Locale.ROOT, "%.1f", p.low().getAsDouble() * 100)
        + "-"
        + String.format(Locale.ROOT, "%.1f", p.high().getAsDouble() * 100)
        + "]";
  }

  /** A share as a percentage with one decimal, or {@code "-"} when absent. */
  public static String pct(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.1f%%", v.getAsDouble() * 100) : "-";
  }

  /** A number with three decimals, or {@code "-"} when absent. */
  public static String num(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.3f", v.getAsDouble()) : "-";
  }

  /** A human-sized duration ({@code 3d 4h}), or {@code "-"} when absent. */
  public static String human(Optional<Duration> d) {
    return d.map(Durations::human).orElse("-");
  }

  /** A human-sized duration ({@code 3d 4h}). */
  public static String human(Duration d) {
    return Durations.human(d);
  }

  /** The value's {@code toString()}, or {@code "-"} when absent. */
  public static String opt(Optional<?> v) {
    return v.map(Object::toString).orElse("-");
  }
}
