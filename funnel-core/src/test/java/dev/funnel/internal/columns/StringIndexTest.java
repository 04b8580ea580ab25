package dev.funnel.internal.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** {@link StringIndex} against a {@link HashMap} and a list, the independent reference. */
final class StringIndexTest {

  @Property(tries = 300)
  void behavesAsAMapOfFirstAppearances(
      @ForAll @Size(max = 400) List<@StringLength(max = 4) String> keys) {
    StringIndex index = new StringIndex(1);
    Map<String, Integer> reference = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (String key : keys) {
      Integer before = reference.putIfAbsent(key, order.size());
      if (before == null) {
        order.add(key);
      }
      assertEquals(reference.get(key), index.intern(key), key);
    }
    assertEquals(reference.size(), index.size());
    for (Map.Entry<String, Integer> e : reference.entrySet()) {
      assertEquals(e.getValue(), index.indexOf(e.getKey()));
      assertEquals(e.getKey(), index.key(e.getValue()));
    }
    assertArrayEquals(order.toArray(new String[0]), index.keys());
    assertEquals(-1, index.indexOf("not a key: longer than four"));
  }

  @Test
  void keysWithEqualHashesStayApart() {
    // "Aa" and "BB" have the same String.hashCode, so do all their concatenations.
    StringIndex index = new StringIndex(2);
    String[] keys = {"AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB"};
    for (int i = 0; i < keys.length; i++) {
      assertEquals(i, index.intern(keys[i]));
    }
    for (int i = 0; i < keys.length; i++) {
      assertEquals(i, index.indexOf(keys[i]));
      assertEquals(i, index.intern(keys[i]));
    }
    assertEquals(keys.length, index.size());
  }

  @Test
  void anIdNeverGivenOutHasNoKey() {
    StringIndex index = new StringIndex(4);
    index.intern("a");
    assertThrows(IndexOutOfBoundsException.class, () -> index.key(1));
    assertThrows(IndexOutOfBoundsException.class, () -> index.key(-1));
  }
}
