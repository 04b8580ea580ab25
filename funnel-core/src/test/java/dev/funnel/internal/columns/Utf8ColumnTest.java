package dev.funnel.internal.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.WithNull;
import org.junit.jupiter.api.Test;

final class Utf8ColumnTest {

  @Test
  void copiesTheStringsInTheOrderAsked() {
    Utf8Column column = new Utf8Column("ids", 1);
    column.add(column.encode("D-1")); // 3 bytes
    column.add(column.encode(null)); // none
    column.add(column.encode("Müller")); // ü is 2 bytes: 7
    column.add(column.encode("日本")); // 3 bytes each: 6
    int[] start = new int[5];
    byte[] bytes = column.inOrder(new int[] {3, 1, 0, 2}, start);
    assertArrayEquals(new int[] {0, 6, 6, 9, 16}, start);
    assertEquals("日本D-1Müller", new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void anOrderMayLeaveStringsOut() {
    Utf8Column column = new Utf8Column("ids", 0);
    for (String s : List.of("a", "bb", "ccc")) {
      column.add(column.encode(s));
    }
    int[] start = new int[2];
    assertEquals("bb", new String(column.inOrder(new int[] {1}, start), StandardCharsets.UTF_8));
    assertArrayEquals(new int[] {0, 2}, start);
  }

  @Test
  void refusesBytesPastItsLimitWithoutChanging() {
    Utf8Column column = new Utf8Column("deal ids", 4, 6);
    column.add(column.encode("abcd"));
    column.add(column.encode("é")); // 2 bytes: 6 of 6
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> column.encode("x"));
    assertEquals(
        "too many deal ids: one log holds at most 6 bytes of them, and 6 are taken",
        e.getMessage());
    column.add(column.encode(null)); // nothing still fits
    int[] start = new int[4];
    byte[] bytes = column.inOrder(new int[] {0, 1, 2}, start);
    assertEquals("abcdé", new String(bytes, StandardCharsets.UTF_8));
    assertArrayEquals(new int[] {0, 4, 6, 6}, start);
  }

  /** Against each string's own encoding, in a random order of a random subset (growth included). */
  @Property(tries = 200)
  void eachStringsBytesAreItsUtf8(
      @ForAll @Size(max = 300) List<@WithNull(0.1) @StringLength(max = 40) String> strings,
      @ForAll long seed) {
    Utf8Column column = new Utf8Column("ids", 1);
    strings.forEach(s -> column.add(column.encode(s)));
    List<Integer> slots = new ArrayList<>();
    for (int i = 0; i < strings.size(); i++) {
      slots.add(i);
    }
    Random random = new Random(seed);
    Collections.shuffle(slots, random);
    int[] order =
        slots.subList(0, random.nextInt(slots.size() + 1)).stream().mapToInt(i -> i).toArray();
    int[] start = new int[order.length + 1];
    byte[] bytes = column.inOrder(order, start);
    assertEquals(bytes.length, start[order.length]);
    for (int p = 0; p < order.length; p++) {
      String s = strings.get(order[p]);
      byte[] expected = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(expected, Arrays.copyOfRange(bytes, start[p], start[p + 1]), s);
    }
  }
}
