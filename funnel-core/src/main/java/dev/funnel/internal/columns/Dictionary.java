package dev.funnel.internal.columns;

import dev.funnel.model.Deal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dictionary encoding of strings to dense ints. Code 0 is the absent value, named {@link
 * Deal#UNSPECIFIED}; present values get codes from 1 in order of first appearance.
 */
public final class Dictionary {
  private final StringIntMap codes = new StringIntMap(16);
  private final List<String> names = new ArrayList<>();

  public Dictionary() {
    names.add(Deal.UNSPECIFIED);
  }

  public int encode(Optional<String> value) {
    return value.isPresent() ? encode(value.get()) : 0;
  }

  public int encode(String value) {
    int next = names.size();
    int code = codes.putIfAbsent(value, next);
    if (code >= 0) {
      return code;
    }
    names.add(value);
    return next;
  }

  /** The code of this value, or -1 if it never appeared. */
  public int codeOf(String value) {
    return codes.get(value);
  }

  public int size() {
    return names.size();
  }

  public String[] names() {
    return names.toArray(new String[0]);
  }
}
