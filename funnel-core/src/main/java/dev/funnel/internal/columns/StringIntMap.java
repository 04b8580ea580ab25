package dev.funnel.internal.columns;

import java.util.Arrays;

/**
 * A map from strings to non-negative ints with open addressing: no entry objects and no boxing, so
 * millions of deal ids cost two array slots each instead of a node and an {@code Integer}.
 */
public final class StringIntMap {
  private String[] keys;
  private int[] values;
  private int size;
  private int mask;

  public StringIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new String[capacity];
    values = new int[capacity];
    mask = capacity - 1;
  }

  /**
   * HashMap's spreading: it keeps ids that differ in their last characters (D-1001, D-1002, ...) in
   * neighbouring slots, so inserting and finding sequential ids stays in cache. A multiplicative
   * hash scatters them and made every probe a cache miss.
   */
  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** The value of this key, or -1. */
  public int get(String key) {
    int i = spread(key.hashCode()) & mask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        return -1;
      }
      if (k.equals(key)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  /** The value of this key if present; otherwise stores {@code value} and returns -1. */
  public int putIfAbsent(String key, int value) {
    int i = spread(key.hashCode()) & mask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
          grow();
        }
        return -1;
      }
      if (k.equals(key)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  public int size() {
    return size;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      String k = oldKeys[j];
      if (k != null) {
        int i = spread(k.hashCode()) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = oldValues[j];
      }
    }
  }

  @Override
  public String toString() {
    return "StringIntMap["
        + size
        + " of "
        + Arrays.stream(keys).filter(k -> k != null).count()
        + "]";
  }
}
