package dev.funnel.forecast;

import dev.funnel.internal.text.Columns;
import dev.funnel.stats.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Shared printing of the forecast reports. */
final class Print {
  private Print() {}

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  static String pct(OptionalDouble v) {
    return v.isPresent() ? pct(v.getAsDouble()) : "-";
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /**
   * A horizon or lookback as the tables print durations ({@code 90d}, {@code 1d 12h}) when those
   * two units hold it exactly, else ISO-8601 ({@code PT36H30M5S}): a horizon is an input, never
   * rounded.
   */
  static String horizon(Duration d) {
    long s = d.getSeconds();
    boolean exact =
        d.getNano() == 0
            && !d.isNegative()
            && (s >= 86_400 ? s % 3_600 == 0 : s < 3_600 || s % 60 == 0);
    return exact ? Durations.human(d) : d.toString();
  }

  static String row(String format, Object... args) {
    return String.format(Locale.ROOT, format, args) + "\n";
  }

  /**
   * The aligned table of the rows ({@link Columns}: names from the data shown as one visible line,
   * widths in terminal columns), each line after {@code indent}.
   *
   * @param right per column, whether it is right-aligned
   */
  static String table(String indent, List<String[]> rows, boolean... right) {
    String table = Columns.align(rows, right);
    return indent.isEmpty() ? table : table.replaceAll("(?m)^(?=.)", indent);
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
