package dev.funnel.kpi;

import dev.funnel.log.Rejection;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
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

  /** Money or a figure with two decimals, or {@code "-"} when absent. */
  static String number(OptionalDouble v) {
    return v.isEmpty() ? ABSENT : String.format(Locale.ROOT, "%.2f", v.getAsDouble());
  }

  /**
   * A ratio of the driver tree: two decimals from 1 up (revenue per won deal), four significant
   * digits below (a click-through ratio of 0.015 printed with two decimals read 0.02).
   */
  static String ratio(OptionalDouble v) {
    if (v.isEmpty()) {
      return ABSENT;
    }
    double x = v.getAsDouble();
    if (x == 0 || Math.abs(x) >= 1 || !Double.isFinite(x)) {
      return String.format(Locale.ROOT, "%.2f", x);
    }
    return new BigDecimal(x).round(new MathContext(4)).toPlainString();
  }

  /** An aligned table: the first row is the header; the first column left-aligned, others right. */
  static String table(List<List<String>> rows) {
    return table(rows, 1);
  }

  /**
   * An aligned table whose first {@code left} columns are left-aligned, the others right. A cell is
   * shown as one visible line ({@link Rejection#visible}: a tab or a terminal escape in a scope's
   * name is written as an escape) and measured in terminal columns ({@link #width}).
   */
  static String table(List<List<String>> rows, int left) {
    if (rows.isEmpty()) {
      return "";
    }
    int cols = rows.get(0).size();
    List<List<String>> shown = new ArrayList<>();
    int[] width = new int[cols];
    for (List<String> r : rows) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        String cell = Rejection.visible(r.get(c));
        cells.add(cell);
        width[c] = Math.max(width[c], width(cell));
      }
      shown.add(cells);
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> r : shown) {
      for (int c = 0; c < cols; c++) {
        String cell = r.get(c);
        String pad = " ".repeat(width[c] - width(cell));
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

  /**
   * The terminal columns a line of text takes: a combining mark none, a wide East Asian character
   * or emoji two, any other code point one. The same rules as the funnel's tables in funnel-core,
   * whose internal packages this module cannot read.
   */
  static int width(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
        w += wide(cp) ? 2 : 1;
      }
    }
    return w;
  }

  private static boolean wide(int cp) {
    return cp >= 0x1100
        && (cp <= 0x115F
            || cp == 0x2329
            || cp == 0x232A
            || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
            || (cp >= 0xAC00 && cp <= 0xD7A3)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0xFE10 && cp <= 0xFE19)
            || (cp >= 0xFE30 && cp <= 0xFE6F)
            || (cp >= 0xFF00 && cp <= 0xFF60)
            || (cp >= 0xFFE0 && cp <= 0xFFE6)
            || (cp >= 0x1F300 && cp <= 0x1F64F)
            || (cp >= 0x1F680 && cp <= 0x1F6FF)
            || (cp >= 0x1F900 && cp <= 0x1F9FF)
            || (cp >= 0x1FA70 && cp <= 0x1FAFF)
            || (cp >= 0x20000 && cp <= 0x3FFFD));
  }
}
