package dev.funnel.internal.process;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.engine.Selection;
import dev.funnel.log.Origin;
import dev.funnel.model.Lead;
import dev.funnel.model.Touch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The default as-of of an analysis over a deal log, leads and touches: the latest event of them
 * all, with the record it comes from, so that an as-of the log cannot measure names its source.
 *
 * @param at the latest instant ({@link Instant#EPOCH} without any record)
 * @param source the record it comes from ("the deal log's latest event", "lead \"L1\" created_at",
 *     "touch touches.csv:7"), empty without any record
 */
public record LatestRecord(Instant at, String source) {

  /**
   * The latest event of the log (if any), the leads' created, handed-over, accepted and rejected
   * instants and the touches; ties keep the first seen.
   */
  public static LatestRecord of(
      Optional<ColumnarDealLog> log,
      List<Lead> leads,
      List<Touch> touches,
      IntFunction<Origin> touchOrigin) {
    Instant max = null;
    String source = "";
    Optional<Instant> logLatest = log.flatMap(ColumnarDealLog::latestEventTime);
    if (logLatest.isPresent()) {
      max = logLatest.get();
      source = "the deal log's latest event";
    }
    String[] fields = {"created_at", "handed_over_at", "accepted_at", "rejected_at"};
    for (Lead l : leads) {
      List<Optional<Instant>> times =
          List.of(Optional.of(l.createdAt()), l.handedOverAt(), l.acceptedAt(), l.rejectedAt());
      for (int f = 0; f < fields.length; f++) {
        Optional<Instant> t = times.get(f);
        if (t.isPresent() && (max == null || t.get().isAfter(max))) {
          max = t.get();
          source = "lead \"" + l.id() + "\" " + fields[f];
        }
      }
    }
    for (int i = 0; i < touches.size(); i++) {
      Instant t = touches.get(i).at();
      if (max == null || t.isAfter(max)) {
        max = t;
        source = "touch " + touchOrigin.apply(i);
      }
    }
    return new LatestRecord(max == null ? Instant.EPOCH : max, source);
  }

  /**
   * Fails when this instant, as the default as-of, lies 2^31 seconds (68 years) or more after the
   * first instant of a non-empty log, where the log cannot measure ages: the message names the
   * record that set it, so that a mistyped year can be found.
   *
   * @throws IllegalArgumentException in that case
   */
  public LatestRecord requireMeasurableBy(ColumnarDealLog log) {
    if (!Selection.isMeasurable(log, at)) {
      throw new IllegalArgumentException(
          "as-of defaults to the latest record, "
              + source
              + " at "
              + at
              + ", which is 2^31 seconds (68 years) or more after the deal log's first instant "
              + Instant.ofEpochSecond(log.base)
              + ": correct that record or give an explicit as-of");
    }
    return this;
  }
}
