package dev.funnel.cli;

import dev.funnel.io.ActivityRecords;
import dev.funnel.io.FunnelFiles;
import dev.funnel.io.LeadRecords;
import dev.funnel.io.SpendRecords;
import dev.funnel.io.TouchRecords;
import dev.funnel.log.DealLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
  private final String beforeReason;
  private final String afterReason;
  private final FunnelFiles files;

  private Horizon(Optional<Instant> firstCreation, FunnelFiles files) {
    this.first = firstCreation.map(t -> t.minusSeconds(Integer.MAX_VALUE));
    this.last = firstCreation.map(t -> t.plusSeconds(Integer.MAX_VALUE));
    this.beforeReason =
        first
            .map(
                t ->
                    "before "
                        + t
                        + ", the earliest instant read with the deal log (68 years before its"
                        + " first)")
            .orElse("");
    this.afterReason =
        last.map(
                t ->
                    "after "
                        + t
                        + ", the last instant the deal log measures (68 years after its first)")
            .orElse("");
    this.files = files;
  }

  /** The horizon of this log (none when it is null), rejecting in the mode of these readers. */
  static Horizon of(@Nullable DealLog log, FunnelFiles files) {
    return new Horizon(log == null ? Optional.empty() : log.earliestCreation(), files);
  }

  LeadRecords leads(LeadRecords r) {
    return last.isEmpty()
        ? r
        : r.notAfter(last.get(), afterReason, files)
            .notBefore(first.orElseThrow(), beforeReason, files);
  }

  TouchRecords touches(TouchRecords r) {
    return last.isEmpty()
        ? r
        : r.notAfter(last.get(), afterReason, files)
            .notBefore(first.orElseThrow(), beforeReason, files);
  }

  SpendRecords spend(SpendRecords r) {
    return last.isEmpty()
        ? r
        : r.notAfter(day(last), afterReason, files).notBefore(day(first), beforeReason, files);
  }

  ActivityRecords activity(ActivityRecords r) {
    return last.isEmpty()
        ? r
        : r.notAfter(day(last), afterReason, files).notBefore(day(first), beforeReason, files);
  }

  private static LocalDate day(Optional<Instant> t) {
    return LocalDate.ofInstant(t.orElseThrow(), ZoneOffset.UTC);
  }
}
