package dev.funnel.kpi;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Printing of KPI values and aligned tables for people (STYLE.md "Printing for people"). */
final class Format {
  private Format() {}

  static final String ABSENT = "-";

  static String value(Unit unit, OptionalDouble v, String currency) {
    if (v.isEmpty()) {
      return ABSENT;
    }
    double x = v.getAsDouble();
    switch (unit) {
      case COUNT:
        return x == Math.rint(x) && Math.abs(x) < 1e15
            ? Long.toString((long) x)
            : String.format(Locale.ROOT, "%.1f", x);
      case MONEY:
        return String.format(Locale.ROOT, "%.2f", x) + (currency.isEmpty() ? "" : " " + currency);
      case RATIO:
        return percent(x);
      case DURATION:
        return String.format(Locale.ROOT, "%.1f mo", x);
    }
    throw new AssertionError(unit);
  }

  static String percent(double x) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * x);
  }

  static String change(OptionalDouble v) {
    if (v.isEmpty()) {
      return ABSENT;
    }
    double x = v.getAsDouble();
    return (x > 0 ? "+" : "") + percent(x);
  }

  static String number(OptionalDouble v) {
    return v.isEmpty() ? ABSENT : String.format(Locale.ROOT, "%.2f", v.getAsDouble());
  }

  /** An aligned table: the first row is the header; the first column left-aligned, others right. */
  static String table(List<List<String>> rows) {
    return table(rows, 1);
  }

  /** An aligned table whose first {@code left} columns are left-aligned, the others right. */
  static String table(List<List<String>> rows, int left) {
    if (rows.isEmpty()) {
      return "";
    }
    int cols = rows.get(0).size();
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> r : rows) {
      for (int c = 0; c < cols; c++) {
        String cell = r.get(c);
        String pad = " ".repeat(width[c] - cell.length());
        if (c > 0) {
          sb.append("  ");
        }
        sb.append(c < left ? cell + pad : pad + cell);
      }
      int end = sb.length();
      while (end > 0 && sb.charAt(end - 1) == ' ') {
        end--;
      }
      sb.setLength(end);
      sb.append('\n');
    }
    return sb.toString();
  }
}
