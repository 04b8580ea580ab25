package dev.funnel.internal.engine;

import dev.funnel.Dimension;
import dev.funnel.Period;
import dev.funnel.internal.columns.ColumnarDealLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the group id of every deal for one breakdown (one dimension, or several crossed). */
final class Groupings {
  private Groupings() {}

  static Grouping of(ColumnarDealLog log, List<Dimension> dimensions, ZoneId zone, int lo, int hi) {
    int[] codes = null;
    List<List<String>> keys = List.of(List.of());
    for (Dimension dim : dimensions) {
      int[] c;
      String[] names;
      switch (dim.kind()) {
        case OWNER:
          c = log.owner;
          names = log.ownerNames;
          break;
        case CHANNEL:
          c = log.channel;
          names = log.channelNames;
          break;
        case ATTRIBUTE:
          {
            int a = Arrays.asList(log.attributeNames).indexOf(dim.attribute().orElseThrow());
            if (a < 0) {
              throw new IllegalArgumentException(
                  "no deal has the attribute \""
                      + dim.attribute().orElseThrow()
                      + "\" (attributes: "
                      + String.join(", ", log.attributeNames)
                      + "; other dimensions: owner, channel, day, week, month, quarter, year)");
            }
            c = log.attributes[a];
            names = log.attributeValueNames[a];
            break;
          }
        case CREATED:
          {
            List<String> labels = new ArrayList<>();
            c = periods(log, dim.period().orElseThrow(), zone, lo, hi, labels);
            names = labels.toArray(new String[0]);
            break;
          }
        default:
          throw new AssertionError(dim);
      }
      if (codes == null) {
        codes = c;
        List<List<String>> k = new ArrayList<>(names.length);
        for (String n : names) {
          k.add(List.of(n));
        }
        keys = k;
      } else {
        // Cross: only combinations that occur get an id (in order of first occurrence), so sizes
        // stay small. A dense table finds the id of a pair when the product of sizes is small
        // (the usual case: owners x channels), a hash map otherwise.
        int[] crossed = new int[log.dealCount];
        List<List<String>> k = new ArrayList<>();
        long product = (long) keys.size() * names.length;
        if (product <= DENSE_CROSS) {
          int[] ids = new int[(int) product];
          Arrays.fill(ids, -1);
          for (int d = lo; d < hi; d++) {
            int pair = codes[d] * names.length + c[d];
            int id = ids[pair];
            if (id < 0) {
              id = k.size();
              ids[pair] = id;
              k.add(crossedKey(keys.get(codes[d]), names[c[d]]));
            }
            crossed[d] = id;
          }
        } else {
          Map<Long, Integer> ids = new HashMap<>();
          for (int d = lo; d < hi; d++) {
            long pair = ((long) codes[d] << 32) | c[d];
            Integer id = ids.get(pair);
            if (id == null) {
              id = k.size();
              ids.put(pair, id);
              k.add(crossedKey(keys.get(codes[d]), names[c[d]]));
            }
            crossed[d] = id;
          }
        }
        codes = crossed;
        keys = k;
      }
    }
    return new Grouping(codes, keys);
  }

  /** Crossings of at most this many possible pairs use a dense table of ids. */
  private static final long DENSE_CROSS = 1L << 20;

  private static List<String> crossedKey(List<String> outer, String inner) {
    List<String> key = new ArrayList<>(outer.size() + 1);
    key.addAll(outer);
    key.add(inner);
    return List.copyOf(key);
  }

  /** Per deal in [lo, hi): the index of its creation period; labels in period order. */
  private static int[] periods(
      ColumnarDealLog log, Period period, ZoneId zone, int lo, int hi, List<String> labels) {
    int[] out = new int[log.dealCount];
    if (lo >= hi) {
      return out;
    }
    // Deals are in createdAt order, so periods only move forward: one boundary check per deal.
    LocalDate start = period.start(LocalDate.ofInstant(log.instant(log.created[lo]), zone));
    long nextBoundary = boundary(log, period.next(start), zone);
    labels.add(period.label(start));
    int index = 0;
    for (int d = lo; d < hi; d++) {
      if (log.created[d] >= nextBoundary) {
        start = period.start(LocalDate.ofInstant(log.instant(log.created[d]), zone));
        nextBoundary = boundary(log, period.next(start), zone);
        labels.add(period.label(start));
        index++;
      }
      out[d] = index;
    }
    return out;
  }

  private static long boundary(ColumnarDealLog log, LocalDate date, ZoneId zone) {
    Instant t = date.atStartOfDay(zone).toInstant();
    return t.getEpochSecond() - log.base;
  }
}
