package dev.funnel.internal.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link Longs}: appends one by one and in bulk keep every value, in order. */
final class LongsTest {

  @Property(tries = 200)
  void addAllEqualsAddingEachValue(
      @ForAll @IntRange(min = 0, max = 300) int first,
      @ForAll @IntRange(min = 0, max = 300) int second) {
    Longs bulk = new Longs();
    Longs each = new Longs();
    Longs other = new Longs(1);
    for (int i = 0; i < first; i++) {
      bulk.add(i);
      each.add(i);
    }
    for (int i = 0; i < second; i++) {
      other.add(1_000 + i);
      each.add(1_000 + i);
    }
    bulk.addAll(other);
    assertArrayEquals(each.toArray(), bulk.toArray());
    assertEquals(second, other.size(), "the other is not changed");
  }

  @Test
  void addAllOfItselfDoublesTheValues() {
    Longs a = new Longs();
    for (long v = 1; v <= 5; v++) {
      a.add(v);
    }
    a.addAll(a);
    assertArrayEquals(
        LongStream.concat(LongStream.rangeClosed(1, 5), LongStream.rangeClosed(1, 5)).toArray(),
        a.toArray());
  }
}
