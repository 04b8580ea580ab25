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
 * The last instant a deal log measures (ages are int seconds from its first instant, so 2^31 - 1
 * seconds after it) and the records of the other files that lie after it: such a record would make
 * an as-of the log cannot hold, so it is a rejected record (strict: the command fails naming it;
 * lenient: it is skipped and listed). Dated rows (spend, activity) are after it when their UTC day
 * is. A log without deals, or none at all, measures no limit: nothing is rejected.
 */
final class Horizon {
  private final Optional<Instant> last;
  private final String reason;
  private final FunnelFiles files;

  private Horizon(Optional<Instant> last, FunnelFiles files) {
    this.last = last;
    this.reason =
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
    return new Horizon(
        log == null
            ? Optional.empty()
            : log.earliestCreation().map(t -> t.plusSeconds(Integer.MAX_VALUE)),
        files);
  }

  LeadRecords leads(LeadRecords r) {
    return last.isEmpty() ? r : r.notAfter(last.get(), reason, files);
  }

  TouchRecords touches(TouchRecords r) {
    return last.isEmpty() ? r : r.notAfter(last.get(), reason, files);
  }

  SpendRecords spend(SpendRecords r) {
    return last.isEmpty() ? r : r.notAfter(lastDay(), reason, files);
  }

  ActivityRecords activity(ActivityRecords r) {
    return last.isEmpty() ? r : r.notAfter(lastDay(), reason, files);
  }

  private LocalDate lastDay() {
    return LocalDate.ofInstant(last.orElseThrow(), ZoneOffset.UTC);
  }
}
