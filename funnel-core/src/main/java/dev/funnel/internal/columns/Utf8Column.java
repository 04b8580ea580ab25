package dev.funnel.internal.columns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A growable column of strings kept as their UTF-8 bytes, back to back. A builder encodes each
 * string once, when its record arrives and the string is still in cache; building a log then copies
 * bytes in deal order instead of visiting millions of string objects again (on the 2M deals of the
 * live-append benchmark, a snapshot took 440 ms doing that and 178 ms copying bytes; see
 * benchmarks/RESULTS.md). A null string is stored as zero bytes.
 */
public final class Utf8Column {
  private byte[] bytes;
  private int length;
  private final Ints ends = new Ints();

  /** An empty column with room for {@code capacity} bytes before it grows. */
  public Utf8Column(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** Appends a string's UTF-8 bytes (none for null). */
  public void add(@Nullable String s) {
    if (s != null) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      if (utf8.length > bytes.length - length) {
        bytes = Arrays.copyOf(bytes, grow(bytes.length, (long) length + utf8.length));
      }
      System.arraycopy(utf8, 0, bytes, length, utf8.length);
      length += utf8.length;
    }
    ends.add(length);
  }

  /** The next capacity: half as much again (and at least {@code needed}), within array limits. */
  static int grow(int capacity, long needed) {
    long limit = Integer.MAX_VALUE - 8;
    if (needed > limit) {
      throw new IllegalStateException("column is full (" + capacity + " bytes)");
    }
    return (int) Math.min(limit, Math.max(needed, (long) capacity + (capacity >> 1) + 16));
  }

  /** The number of strings added. */
  public int size() {
    return ends.size();
  }

  /**
   * The bytes of the strings at {@code order[0], order[1], ...}, back to back; {@code start} (of
   * length {@code order.length + 1}) receives where each one begins, and the total at the end.
   */
  public byte[] inOrder(int[] order, int[] start) {
    long total = 0;
    for (int slot : order) {
      total += ends.get(slot) - begin(slot);
    }
    byte[] out = new byte[Math.toIntExact(total)];
    start[0] = 0;
    for (int p = 0; p < order.length; p++) {
      int from = begin(order[p]);
      int len = ends.get(order[p]) - from;
      System.arraycopy(bytes, from, out, start[p], len);
      start[p + 1] = start[p] + len;
    }
    return out;
  }

  private int begin(int slot) {
    return slot == 0 ? 0 : ends.get(slot - 1);
  }
}
