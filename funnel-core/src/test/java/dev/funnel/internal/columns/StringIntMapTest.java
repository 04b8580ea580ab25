package dev.funnel.internal.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** {@link StringIntMap} against {@link HashMap}, the independent reference. */
final class StringIntMapTest {

  @Property(tries = 300)
  void behavesAsHashMapPutIfAbsent(
      @ForAll @Size(max = 400) List<@StringLength(max = 4) String> keys) {
    StringIntMap map = new StringIntMap(1);
    Map<String, Integer> reference = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      Integer before = reference.putIfAbsent(key, i);
      assertEquals(before == null ? -1 : before, map.putIfAbsent(key, i), key);
    }
    assertEquals(reference.size(), map.size());
    for (Map.Entry<String, Integer> e : reference.entrySet()) {
      assertEquals(e.getValue(), map.get(e.getKey()));
    }
    assertEquals(-1, map.get("not a key: longer than four"));
  }

  @Test
  void keysWithEqualHashesStayApart() {
    // "Aa" and "BB" have the same String.hashCode, so do all their concatenations.
    StringIntMap map = new StringIntMap(2);
    String[] keys = {"AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB"};
    for (int i = 0; i < keys.length; i++) {
      assertEquals(-1, map.putIfAbsent(keys[i], i));
    }
    for (int i = 0; i < keys.length; i++) {
      assertEquals(i, map.get(keys[i]));
      assertEquals(i, map.putIfAbsent(keys[i], 99));
    }
    assertEquals(keys.length, map.size());
  }
}
