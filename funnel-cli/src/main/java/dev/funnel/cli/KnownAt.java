package dev.funnel.cli;

import dev.funnel.Funnel;
import dev.funnel.io.JsonReports;
import dev.funnel.log.DealLog;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The view of {@code --known-at T} in {@code funnel report}, {@code kpi} and {@code forecast}: the
 * deal log as the CRM held it at T ({@link DealLog#knownAt}), deals created by T with the stage
 * changes recorded by T. A change entered after T is not seen, even when it is back-dated to before
 * T, so the report shows the stages the CRM showed at T. Deal fields (amount, owner, channel,
 * columns) are as {@code deals.csv} has them now. Leads and touches carry no recording time and are
 * read as of the report's as-of, as without the option. Without {@code --as-of} the report is as of
 * T; an as-of in a later second is refused (what happened after T was not known then).
 */
final class KnownAt {
  /** The help of {@code --known-at}. */
  static final String HELP =
      "see the log as the CRM held it at this instant: stage changes recorded later are not"
          + " seen, back-dated ones included (the report is as of this instant unless --as-of"
          + " says an earlier one)";

  /** The help of {@code kpi --known-at}. */
  static final String KPI_HELP =
      "see the deals as the CRM held them at this instant: stage changes recorded later are not"
          + " seen, back-dated wins included (the KPIs are as of this instant unless --as-of says"
          + " an earlier one)";

  private KnownAt() {}

  /**
   * The as-of of a report of the view: {@code --as-of} when given, else T.
   *
   * @throws InputException if {@code --as-of} is after T
   */
  static Instant asOf(Instant knownAt, @Nullable Instant asOf, String command) {
    if (asOf == null) {
      return knownAt;
    }
    // Whole seconds, as the log compares them: .7 s is not after .5 s of the same second.
    if (asOf.getEpochSecond() > knownAt.getEpochSecond()) {
      throw new InputException(
          "funnel "
              + command
              + ": --as-of "
              + asOf
              + " is after --known-at "
              + knownAt
              + ": what happened after "
              + knownAt
              + " was not known then; give an as-of at or before it, or drop --known-at");
    }
    return asOf;
  }

  /**
   * Checks that the log can be seen as of this instant (an as-of 2^31 seconds or more after its
   * first instant cannot), so that the refusal names the option that gave it.
   *
   * @param at the as-of, if any
   * @param label the option it came from: {@code --as-of}, or {@code --known-at} without one
   * @throws InputException naming the command and the option
   */
  static void checkAsOf(DealLog log, @Nullable Instant at, String label, String command) {
    if (at == null) {
      return;
    }
    try {
      // resolves the selection only (no breakdown, no scan): the as-of checks of the engine
      Funnel.of(log).asOf(at).query();
    } catch (IllegalArgumentException e) {
      throw new InputException("funnel " + command + ": " + label + ": " + e.getMessage());
    }
  }

  /** The option an as-of came from: {@code --as-of} when given, else {@code --known-at}. */
  static String asOfLabel(@Nullable Instant asOf) {
    return asOf != null ? "--as-of" : "--known-at";
  }

  /** The view of the log at T, or the log itself without {@code --known-at}. */
  static DealLog select(DealLog log, @Nullable Instant knownAt) {
    return knownAt == null ? log : log.knownAt(knownAt);
  }

  /** How a report names the view: {@code as recorded by 2026-03-02T09:00:00Z (...)}. */
  static String describe(Instant knownAt) {
    return "as recorded by "
        + knownAt
        + " (stage changes entered later, back-dated ones included, are not seen)";
  }

  /** Writes the line of a table report of the view, {@link #describe}; none without one. */
  static void writeLine(Writer w, @Nullable Instant knownAt) throws IOException {
    if (knownAt != null) {
      w.write(describe(knownAt));
      w.write("\n");
    }
  }

  /** Adds the {@code knownAt} instant to a JSON report of the view; none without one. */
  static void addTo(JsonReports.Document doc, @Nullable Instant knownAt) {
    if (knownAt != null) {
      doc.section("knownAt", out -> out.value(knownAt.toString()));
    }
  }
}
