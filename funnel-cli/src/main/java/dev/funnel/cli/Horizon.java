package dev.funnel.cli;

import dev.funnel.io.ActivityRecords;
import dev.funnel.io.FunnelFiles;
import dev.funnel.io.LeadRecords;
import dev.funnel.io.ReadResult;
import dev.funnel.io.SpendRecords;
import dev.funnel.io.TouchRecords;
import dev.funnel.log.DealLog;
import dev.funnel.log.RejectedRecordException;
import dev.funnel.log.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The span of instants read with a deal log: from 2^31 - 1 seconds (68 years) before its first
 * instant to its last measurable instant, as many seconds after it (ages are int seconds from the
 * first instant). A record of the other files outside the span is a rejected record (strict: the
 * command fails naming it; lenient: it is skipped and listed): after it, it would make an as-of the
 * log cannot hold; before it, it would stretch the report over centuries of empty periods (a typo
 * such as 0001-01-01 made 24,301 monthly periods). Dated rows (spend, activity) are outside when
 * their UTC day is. A log without deals, or none at all, has no span: nothing is rejected.
 */
final class Horizon {
  private final Optional<Instant> first;
  private final Optional<Instant> last;
  private final FunnelFiles files;

  private Horizon(Optional<Instant> firstCreation, FunnelFiles files) {
    this.first = firstCreation.map(t -> t.minusSeconds(Integer.MAX_VALUE));
    this.last = firstCreation.map(t -> t.plusSeconds(Integer.MAX_VALUE));
    this.files = files;
  }

  /** The horizon of this log (none when it is null), rejecting in the mode of these readers. */
  static Horizon of(@Nullable DealLog log, FunnelFiles files) {
    return new Horizon(log == null ? Optional.empty() : log.earliestCreation(), files);
  }

  LeadRecords leads(LeadRecords r) {
    return first.isEmpty()
        ? r
        : r.within(first.get(), last.orElseThrow(), before(), after(), files);
  }

  TouchRecords touches(TouchRecords r) {
    return first.isEmpty()
        ? r
        : r.within(first.get(), last.orElseThrow(), before(), after(), files);
  }

  SpendRecords spend(SpendRecords r) {
    return first.isEmpty() ? r : r.within(day(first), day(last), beforeDay(), afterDay(), files);
  }

  /**
   * The activity rows within the span and without the id of a built-in KPI, both rules checked as
   * one pass would: strict mode names the first such row of the file whichever rule it breaks,
   * lenient mode lists them in line order.
   */
  ActivityRecords activity(ActivityRecords r, List<String> openStages) {
    FunnelFiles collect = FunnelFiles.lenient();
    ActivityRecords bounded =
        first.isEmpty() ? r : r.within(day(first), day(last), beforeDay(), afterDay(), collect);
    ActivityRecords kept = bounded.withoutBuiltInKpiIds(openStages, collect);
    List<Rejection> all = kept.activity().rejections();
    int before = r.activity().rejections().size();
    if (all.size() == before) {
      return r;
    }
    List<Rejection> added = new ArrayList<>(all.subList(before, all.size()));
    added.sort(Comparator.comparingLong(Rejection::line));
    if (!files.isLenient()) {
      throw new RejectedRecordException(added.get(0));
    }
    List<Rejection> inOrder = new ArrayList<>(all.subList(0, before));
    inOrder.addAll(added);
    return new ActivityRecords(
        new ReadResult<>(kept.activity().records(), inOrder, kept.activity().read()),
        kept.origins());
  }

  private String before() {
    return "before "
        + first.orElseThrow()
        + ", the earliest instant read with the deal log (68 years before its first)";
  }

  private String after() {
    return "after "
        + last.orElseThrow()
        + ", the last instant the deal log measures (68 years after its first)";
  }

  private String beforeDay() {
    return "before "
        + day(first)
        + ", the earliest day read with the deal log (68 years before its first instant)";
  }

  private String afterDay() {
    return "after "
        + day(last)
        + ", the last day the deal log measures (68 years after its first instant)";
  }

  private static LocalDate day(Optional<Instant> t) {
    return LocalDate.ofInstant(t.orElseThrow(), ZoneOffset.UTC);
  }
}
