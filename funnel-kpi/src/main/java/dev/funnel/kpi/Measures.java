package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The base measures of one cell (a period and a scope, or a merge of several): for each measure its
 * exact sum and the number of records that went into it. Immutable and mergeable: {@link
 * #plus(Measures)} is associative and commutative with {@link #empty()} as identity, and sums are
 * exact ({@code BigDecimal}), so merging cells in any order gives the same KPIs.
 *
 * @param sums the exact sum per measure
 * @param records the number of records per measure; the same keys as {@code sums}
 */
public record Measures(Map<Measure, BigDecimal> sums, Map<Measure, Long> records) {

  /**
   * Orders measures as their {@link Measure#id() ids} compare, without building the ids: the maps
   * of every cell compare measures at each insertion and lookup, and building two strings per
   * comparison was most of the time of a scorecard with thousands of channels.
   */
  static final Comparator<Measure> BY_ID = Measures::compareIds;

  /** The id prefix of each source, by ordinal: its name in lower case. */
  private static final String[] BASES =
      Arrays.stream(Measure.Source.values())
          .map(x -> x.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  /** {@code x.id().compareTo(y.id())} in sign, without allocating. */
  static int compareIds(Measure x, Measure y) {
    String bx = BASES[x.source().ordinal()];
    String by = BASES[y.source().ordinal()];
    String ax = x.argument().orElse(null);
    String ay = y.argument().orElse(null);
    int lx = bx.length() + (ax == null ? 0 : 1 + ax.length());
    int ly = by.length() + (ay == null ? 0 : 1 + ay.length());
    for (int i = 0, n = Math.min(lx, ly); i < n; i++) {
      char cx = idChar(bx, ax, i);
      char cy = idChar(by, ay, i);
      if (cx != cy) {
        return cx - cy;
      }
    }
    return lx - ly;
  }

  /** Character i of the id {@code base} or {@code base:argument}. */
  private static char idChar(String base, @Nullable String argument, int i) {
    int b = base.length();
    return i < b ? base.charAt(i) : i == b ? ':' : requireNonNull(argument).charAt(i - b - 1);
  }

  /**
   * Validates and copies the maps.
   *
   * @throws IllegalArgumentException if the two maps have different keys or a record count is
   *     negative
   */
  public Measures {
    requireNonNull(sums, "sums");
    requireNonNull(records, "records");
    if (!sums.keySet().equals(records.keySet())) {
      throw new IllegalArgumentException(
          "sums and records name different measures: " + sums.keySet() + " vs " + records.keySet());
    }
    records.forEach(
        (m, n) -> {
          if (n < 0) {
            throw new IllegalArgumentException("measure " + m + ": record count " + n + " < 0");
          }
        });
    sums = sorted(sums);
    records = sorted(records);
  }

  private static <V> Map<Measure, V> sorted(Map<Measure, V> map) {
    TreeMap<Measure, V> copy = new TreeMap<>(BY_ID);
    map.forEach((k, v) -> copy.put(requireNonNull(k, "measure"), requireNonNull(v, "value")));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * No records at all.
   *
   * @return the empty cell
   */
  public static Measures empty() {
    return new Measures(Map.of(), Map.of());
  }

  /**
   * This cell with one more record of {@code amount} for this measure.
   *
   * @param measure the measure
   * @param amount the record's amount
   * @return the new cell; this one does not change
   */
  public Measures plus(Measure measure, BigDecimal amount) {
    requireNonNull(measure, "measure");
    requireNonNull(amount, "amount");
    // Hash maps: the constructor sorts (copying into sorted maps here sorted twice).
    Map<Measure, BigDecimal> s = new HashMap<>(sums);
    Map<Measure, Long> r = new HashMap<>(records);
    s.merge(measure, amount, BigDecimal::add);
    r.merge(measure, 1L, Math::addExact);
    return new Measures(s, r);
  }

  /**
   * The merge of two cells: sums and record counts add measure by measure.
   *
   * @param other the other cell
   * @return the merged cell; neither input changes
   * @throws ArithmeticException if a record count overflows
   */
  public Measures plus(Measures other) {
    requireNonNull(other, "other");
    return sum(List.of(this, other));
  }

  /**
   * The merge of many cells at once (the constructor sorts once; merging them pairwise copied the
   * sorted maps at every step).
   *
   * @throws ArithmeticException if a record count overflows
   */
  static Measures sum(Collection<Measures> cells) {
    Map<Measure, BigDecimal> s = new HashMap<>();
    Map<Measure, Long> r = new HashMap<>();
    for (Measures c : cells) {
      c.sums.forEach((m, v) -> s.merge(m, v, BigDecimal::add));
      c.records.forEach((m, v) -> r.merge(m, v, Math::addExact));
    }
    return new Measures(s, r);
  }

  /**
   * The measure's sum: absent for a measure that is {@link Measure#absentWithoutRecords() absent
   * without records} and has none here, zero for other measures without records. {@link
   * Measure#REVENUE} is absent when the cell has won deals and none with an amount (their revenue
   * is unknown, not zero); with some amounts it is the sum of those, and {@link
   * Measure#WON_WITHOUT_AMOUNT} counts the others apart.
   *
   * @param measure the measure
   * @return its exact sum, or empty when it is absent
   */
  public Optional<BigDecimal> get(Measure measure) {
    requireNonNull(measure, "measure");
    BigDecimal sum = sums.get(measure);
    if (sum == null) {
      if (measure.equals(Measure.REVENUE) && records(Measure.WON_WITHOUT_AMOUNT) > 0) {
        return Optional.empty();
      }
      return measure.absentWithoutRecords() ? Optional.empty() : Optional.of(BigDecimal.ZERO);
    }
    return Optional.of(sum);
  }

  /**
   * The number of records of this measure (0 if none).
   *
   * @param measure the measure
   * @return how many records went into its sum
   */
  public long records(Measure measure) {
    return records.getOrDefault(requireNonNull(measure, "measure"), 0L);
  }

  /**
   * Whether no record of any measure is held.
   *
   * @return true if the cell holds no record
   */
  public boolean isEmpty() {
    return sums.isEmpty();
  }
}
