package dev.funnel.internal.columns;

import java.util.Arrays;

/** A growable primitive long array. */
public final class Longs {
  private long[] a;
  private int size;

  public Longs() {
    this(16);
  }

  public Longs(int capacity) {
    a = new long[Math.max(capacity, 4)];
  }

  public void add(long v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, Ints.grow(a.length));
    }
    a[size++] = v;
  }

  /** Appends the other's values, in order (one copy, not one add per value). */
  public void addAll(Longs other) {
    int need = size + other.size;
    if (need < 0) {
      throw new IllegalStateException("column is full (" + size + " values)");
    }
    if (need > a.length) {
      int capacity = a.length;
      while (capacity < need) {
        capacity = Ints.grow(capacity);
      }
      a = Arrays.copyOf(a, capacity);
    }
    System.arraycopy(other.a, 0, a, size, other.size);
    size = need;
  }

  public long get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return a[i];
  }

  public int size() {
    return size;
  }

  /** The backing array; valid up to {@link #size()}. */
  public long[] raw() {
    return a;
  }

  public long[] toArray() {
    return Arrays.copyOf(a, size);
  }
}
