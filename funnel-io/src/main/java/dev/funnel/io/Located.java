package dev.funnel.io;

import dev.funnel.io.internal.CsvReaders;
import dev.funnel.io.internal.CsvTable;
import dev.funnel.log.Origin;
import dev.funnel.log.RejectedRecordException;
import dev.funnel.log.Rejection;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Records read together with the origin (file and line) of each accepted one: the shared reading
 * and filtering of {@link TouchRecords} and {@link LeadRecords}.
 *
 * @param result the records read
 * @param origins the origin of each accepted record, same order and size as {@code
 *     result.records()}
 */
record Located<T>(ReadResult<T> result, List<Origin> origins) {

  /** Reads a CSV file with these required columns, keeping each accepted row's origin. */
  static <T> Located<T> read(
      FunnelFiles files,
      Reader in,
      String source,
      List<String> required,
      Function<CsvTable, CsvReaders.RowParser<T>> parsers)
      throws IOException {
    List<Origin> origins = new ArrayList<>();
    try (Reader r = in;
        CsvTable t = CsvTable.open(r, source, files.maxCellLength(), required)) {
      CsvReaders.RowParser<T> parser = parsers.apply(t);
      ReadResult<T> result =
          CsvReaders.all(
              t,
              files.isLenient(),
              row -> {
                T record = parser.parse(row);
                origins.add(new Origin(row.source(), row.line()));
                return record;
              });
      return new Located<>(result, origins);
    }
  }

  /**
   * These rows without those whose date lies outside {@code [first, last]}, each rejected on {@code
   * date} with the reason of the bound it crosses, in one pass (see {@link #keep}).
   */
  Located<T> keepDated(
      Function<T, LocalDate> dateOf,
      LocalDate first,
      LocalDate last,
      String beforeReason,
      String afterReason,
      FunnelFiles files) {
    return keep(
        (x, origin) ->
            outside(origin, "date", dateOf.apply(x), first, last, beforeReason, afterReason),
        files);
  }

  /**
   * The rejection of a {@code value} of {@code field} outside {@code [first, last]}, with the
   * reason of the bound it crosses; null when it lies within. The one rule of every {@code within}
   * of the readers: dates of spend and activity, instants of touches and leads.
   */
  static <C extends Comparable<? super C>> @Nullable Rejection outside(
      Origin origin,
      String field,
      C value,
      C first,
      C last,
      String beforeReason,
      String afterReason) {
    @Nullable String reason =
        value.compareTo(first) < 0 ? beforeReason : value.compareTo(last) > 0 ? afterReason : null;
    return reason == null ? null : Rejection.of(origin, field, value.toString(), reason);
  }

  /**
   * These records without those {@code reject} gives a rejection for (null: kept): in strict mode
   * the first such record throws, in lenient mode each moves from the records to the rejections,
   * listed in line order (accepted + rejected = read still holds). Returns this when none is.
   *
   * @throws RejectedRecordException in strict mode, at the first rejected record
   */
  Located<T> keep(BiFunction<T, Origin, @Nullable Rejection> reject, FunnelFiles files) {
    List<T> kept = new ArrayList<>();
    List<Origin> keptOrigins = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>(result.rejections());
    List<T> all = result.records();
    for (int i = 0; i < all.size(); i++) {
      Rejection r = reject.apply(all.get(i), origins.get(i));
      if (r == null) {
        kept.add(all.get(i));
        keptOrigins.add(origins.get(i));
      } else if (!files.isLenient()) {
        throw new RejectedRecordException(r);
      } else {
        rejections.add(r);
      }
    }
    if (kept.size() == all.size()) {
      return this;
    }
    rejections.sort(Comparator.comparingLong(Rejection::line));
    return new Located<>(new ReadResult<>(kept, rejections, result.read()), keptOrigins);
  }
}
