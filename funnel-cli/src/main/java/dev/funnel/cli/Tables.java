package dev.funnel.cli;

import java.util.List;

/** Aligned plain-text tables, laid out as the library's own report tables are. */
final class Tables {
  private Tables() {}

  /** Columns left-aligned for the first {@code textColumns}, right-aligned after. */
  static String align(List<String[]> rows, int textColumns) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] row : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        if (i > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(width[i] - row[i].length());
        line.append(i < textColumns ? row[i] + pad : pad + row[i]);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
