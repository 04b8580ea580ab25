package dev.funnel.internal.columns;

import java.util.Arrays;

/** A growable primitive int array. */
public final class Ints {
  private int[] a;
  private int size;

  public Ints() {
    this(16);
  }

  public Ints(int capacity) {
    a = new int[Math.max(capacity, 4)];
  }

  public void add(int v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, grow(a.length));
    }
    a[size++] = v;
  }

  public int get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return a[i];
  }

  public void set(int i, int v) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    a[i] = v;
  }

  public int size() {
    return size;
  }

  public int[] toArray() {
    return Arrays.copyOf(a, size);
  }

  static int grow(int length) {
    long next = (long) length + (length >> 1) + 16;
    if (next > Integer.MAX_VALUE - 8) {
      if (length >= Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("column is full (" + length + " values)");
      }
      return Integer.MAX_VALUE - 8;
    }
    return (int) next;
  }
}
