package dev.funnel.internal.engine;

import java.util.Arrays;

/** An append-only int buffer for samples. */
final class IntBuffer {
  int[] a;
  int size;

  IntBuffer(int capacity) {
    a = new int[Math.max(capacity, 8)];
  }

  void add(int v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, a.length * 2L));
    }
    a[size++] = v;
  }

  void addAll(IntBuffer other) {
    ensure(size + other.size);
    System.arraycopy(other.a, 0, a, size, other.size);
    size += other.size;
  }

  void ensure(int capacity) {
    if (capacity > a.length) {
      a =
          Arrays.copyOf(
              a, Math.max(capacity, (int) Math.min(Integer.MAX_VALUE - 8, a.length * 2L)));
    }
  }
}
