package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.calendar.BusinessCalendar;
import dev.funnel.log.DealLog;
import dev.funnel.log.Rejection;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import dev.funnel.model.Touch;
import dev.funnel.sequence.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of one directory, as named in FORMATS.md: the pipeline and deal log (required) and
 * whichever of leads, touches, spend, activity, events and calendar exist. Read with {@link
 * FunnelFiles#dataset(java.nio.file.Path)}.
 *
 * @param pipeline {@code pipeline.json}
 * @param deals {@code deals.csv} and {@code stage_changes.csv}
 * @param leads {@code leads.csv}, if present
 * @param touches {@code touches.csv}, if present
 * @param spend {@code spend.csv}, if present
 * @param activity {@code activity.csv}, if present
 * @param events {@code events.csv}, if present
 * @param calendar {@code calendar.json}, if present
 */
public record Dataset(
    Pipeline pipeline,
    DealLog deals,
    Optional<ReadResult<Lead>> leads,
    Optional<ReadResult<Touch>> touches,
    Optional<ReadResult<SpendSample>> spend,
    Optional<ReadResult<ActivitySample>> activity,
    Optional<ReadResult<Event>> events,
    Optional<BusinessCalendar> calendar) {

  /** Validates that every part is present (optional parts as {@link Optional}). */
  public Dataset {
    requireNonNull(pipeline, "pipeline");
    requireNonNull(deals, "deals");
    requireNonNull(leads, "leads");
    requireNonNull(touches, "touches");
    requireNonNull(spend, "spend");
    requireNonNull(activity, "activity");
    requireNonNull(events, "events");
    requireNonNull(calendar, "calendar");
  }

  private List<ReadResult<?>> csvResults() {
    List<ReadResult<?>> all = new ArrayList<>();
    leads.ifPresent(all::add);
    touches.ifPresent(all::add);
    spend.ifPresent(all::add);
    activity.ifPresent(all::add);
    events.ifPresent(all::add);
    return all;
  }

  /**
   * Every CSV record read: deals, stage changes and the rows of the optional files.
   *
   * @return the number of records read
   */
  public long recordsRead() {
    long read = deals.recordsRead();
    for (ReadResult<?> r : csvResults()) {
      read += r.read();
    }
    return read;
  }

  /**
   * Every rejected record, the deal log's first, then leads, touches, spend, activity, events.
   *
   * @return the rejected records
   */
  public List<Rejection> rejections() {
    List<Rejection> all = new ArrayList<>(deals.rejections());
    for (ReadResult<?> r : csvResults()) {
      all.addAll(r.rejections());
    }
    return List.copyOf(all);
  }

  /**
   * The number of rejected records.
   *
   * @return the number of rejected records
   */
  public long recordsRejected() {
    long rejected = deals.rejections().size();
    for (ReadResult<?> r : csvResults()) {
      rejected += r.rejections().size();
    }
    return rejected;
  }

  /**
   * The number of accepted records: read minus rejected.
   *
   * @return the number of accepted records
   */
  public long recordsAccepted() {
    return recordsRead() - recordsRejected();
  }
}
