package dev.funnel.internal.text;

import java.util.List;

/**
 * Aligned text tables, as every report's {@code toString()} prints them. A cell is shown as one
 * visible line ({@link Visible#escape}: a line break, a tab or a terminal escape in an owner's name
 * is written as an escape, never passed to the terminal), and columns are aligned by the terminal
 * columns a cell takes ({@link #width}), not by its UTF-16 length.
 */
public final class Columns {
  private Columns() {}

  /**
   * The table of the rows, columns separated by two spaces, trailing spaces dropped.
   *
   * @param rows the rows, all of the same length; the first is usually the header
   * @param right per column, whether it is right-aligned (numbers); columns past its end are left
   *     aligned
   * @return the table, one line per row, each ending in a line break
   */
  public static String align(List<String[]> rows, boolean[] right) {
    if (rows.isEmpty()) {
      return "";
    }
    int cols = rows.get(0).length;
    String[][] shown = new String[rows.size()][];
    int[][] widths = new int[rows.size()][];
    int[] width = new int[cols];
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      shown[r] = new String[cols];
      widths[r] = new int[cols];
      for (int c = 0; c < cols; c++) {
        shown[r][c] = Visible.escape(row[c]);
        widths[r][c] = width(shown[r][c]);
        width[c] = Math.max(width[c], widths[r][c]);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < shown.length; r++) {
      int start = sb.length();
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          sb.append("  ");
        }
        String pad = " ".repeat(width[c] - widths[r][c]);
        boolean alignRight = c < right.length && right[c];
        sb.append(alignRight ? pad : "").append(shown[r][c]).append(alignRight ? "" : pad);
      }
      int end = sb.length();
      while (end > start && sb.charAt(end - 1) == ' ') {
        end--;
      }
      sb.setLength(end);
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * The table of the rows with its first {@code textColumns} columns left-aligned and the others
   * right-aligned ({@link #align(List, boolean[])}).
   *
   * @param rows the rows, all of the same length
   * @param textColumns how many leading columns hold text
   * @return the table
   */
  public static String align(List<String[]> rows, int textColumns) {
    int cols = rows.isEmpty() ? 0 : rows.get(0).length;
    boolean[] right = new boolean[cols];
    for (int c = textColumns; c < cols; c++) {
      right[c] = true;
    }
    return align(rows, right);
  }

  /**
   * The terminal columns a line of text takes: a combining mark none, a wide East Asian character
   * or emoji two, every other code point one (the rules of {@code wcwidth}, by Unicode block). The
   * text should show as itself ({@link Visible#escape}); controls count one.
   *
   * @param text one line of text
   * @return its width in terminal columns
   */
  public static int width(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
        continue;
      }
      w += wide(cp) ? 2 : 1;
    }
    return w;
  }

  /** East Asian wide and fullwidth code points, and the emoji blocks terminals draw two wide. */
  private static boolean wide(int cp) {
    return cp >= 0x1100
        && (cp <= 0x115F // Hangul Jamo initials
            || cp == 0x2329
            || cp == 0x232A
            || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) // CJK ... Yi
            || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
            || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
            || (cp >= 0xFE10 && cp <= 0xFE19) // vertical forms
            || (cp >= 0xFE30 && cp <= 0xFE6F) // CJK compatibility forms
            || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms
            || (cp >= 0xFFE0 && cp <= 0xFFE6)
            || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs, emoticons
            || (cp >= 0x1F680 && cp <= 0x1F6FF) // transport and map symbols
            || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental pictographs
            || (cp >= 0x1FA70 && cp <= 0x1FAFF) // symbols and pictographs extended-A
            || (cp >= 0x20000 && cp <= 0x3FFFD)); // CJK extensions
  }
}
