package dev.funnel.internal.columns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A growable column of strings kept as their UTF-8 bytes, back to back. A builder encodes each
 * string once, when its record arrives and the string is still in cache; building a log then copies
 * bytes in deal order instead of visiting millions of string objects again (measured when this
 * column was introduced: see benchmarks/RESULTS.md, "Live append"). A null string is stored as zero
 * bytes.
 *
 * <p>Adding is split in two so that a record touching several columns can be refused whole: {@link
 * #encode} checks that the bytes fit and changes nothing, {@link #add(byte[])} then cannot fail.
 */
public final class Utf8Column {
  /** The most bytes a column holds: one Java array. */
  static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private static final byte[] NONE = new byte[0];

  private final String what;
  private final long limit;
  private byte[] bytes;
  private int length;
  private final Ints ends = new Ints();

  /**
   * An empty column of {@code what} (named in its error), with room for {@code capacity} bytes
   * before it grows.
   */
  public Utf8Column(String what, int capacity) {
    this(what, capacity, MAX_BYTES);
  }

  Utf8Column(String what, int capacity, long limit) {
    this.what = what;
    this.limit = limit;
    this.bytes = new byte[Math.max(16, capacity)];
  }

  /**
   * The UTF-8 bytes of a string (none for null), to {@link #add(byte[])} next; the column does not
   * change.
   *
   * @throws IllegalStateException if they would take the column past its limit
   */
  public byte[] encode(@Nullable String s) {
    byte[] utf8 = s == null ? NONE : s.getBytes(StandardCharsets.UTF_8);
    if (length + (long) utf8.length > limit) {
      throw new IllegalStateException(
          "too many "
              + what
              + ": one log holds at most "
              + limit
              + " bytes of them, and "
              + length
              + " are taken");
    }
    return utf8;
  }

  /** Appends bytes that {@link #encode} returned after the last add. */
  public void add(byte[] utf8) {
    if (utf8.length > bytes.length - length) {
      long grown = Math.max((long) length + utf8.length, (long) bytes.length * 3 / 2 + 16);
      bytes = Arrays.copyOf(bytes, (int) Math.min(grown, MAX_BYTES));
    }
    System.arraycopy(utf8, 0, bytes, length, utf8.length);
    length += utf8.length;
    ends.add(length);
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
