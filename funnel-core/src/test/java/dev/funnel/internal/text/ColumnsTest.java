package dev.funnel.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ColumnsTest {
  @Test
  void widthsCountTerminalColumns() {
    assertEquals(0, Columns.width(""));
    assertEquals(3, Columns.width("ann"));
    // six CJK ideographs take two columns each
    assertEquals(12, Columns.width("日本語日本語"));
    // e + combining acute accent, four times: four columns, eight chars
    assertEquals(4, Columns.width("e\u0301e\u0301e\u0301e\u0301"));
    // a pictograph beyond U+FFFF: two chars, two columns; a letter beyond U+FFFF: one column
    assertEquals(2, Columns.width("\uD83D\uDE00"));
    assertEquals(2, Columns.width("\uD83D\uDE80")); // U+1F680 rocket
    assertEquals(1, Columns.width("\uD835\uDC00"));
    assertEquals(4, Columns.width("ＡＢ")); // fullwidth Latin
  }

  @Test
  void cellsShowAsOneVisibleLineAndAlignByWidth() {
    String table =
        Columns.align(
            List.of(
                new String[] {"owner", "deals"},
                new String[] {"日本", "1"},
                new String[] {"multi\nline", "22"},
                new String[] {"C\u001b[31mRED", "3"},
                new String[] {"e\u0301", "4"}),
            1);
    assertEquals(
        String.join(
            "\n",
            "owner           deals",
            "日本                1",
            "multi\\nline        22",
            "C\\u001b[31mRED      3",
            "e\u0301                   4",
            ""),
        table);
  }

  @Test
  void alignmentPerColumnAndNoTrailingSpaces() {
    String table =
        Columns.align(
            List.of(new String[] {"a", "1", "x"}, new String[] {"bbb", "22", ""}),
            new boolean[] {false, true});
    assertEquals("a     1  x\nbbb  22\n", table);
    assertEquals("", Columns.align(List.of(), 1));
  }
}
