package dev.funnel.internal.columns;

import dev.funnel.model.Deal;
import java.util.Optional;

/**
 * Dictionary encoding of strings to dense ints. Code 0 is the absent value, named {@link
 * Deal#UNSPECIFIED}; present values get codes from 1 in order of first appearance.
 */
public final class Dictionary {
  /** The present values; a value's code is its id here plus one. */
  private final StringIndex values = new StringIndex(16);

  public int encode(Optional<String> value) {
    return value.isPresent() ? encode(value.get()) : 0;
  }

  /** The code of a present value; {@link Deal#UNSPECIFIED} is the absent value's name, code 0. */
  public int encode(String value) {
    return value.equals(Deal.UNSPECIFIED) ? 0 : values.intern(value) + 1;
  }

  /** The number of codes, the absent value's included. */
  public int size() {
    return values.size() + 1;
  }

  /** The names by code: {@link Deal#UNSPECIFIED} first, then the values in order of appearance. */
  public String[] names() {
    String[] names = new String[values.size() + 1];
    names[0] = Deal.UNSPECIFIED;
    System.arraycopy(values.keys(), 0, names, 1, values.size());
    return names;
  }
}
