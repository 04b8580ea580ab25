package dev.funnel.cli;

import dev.funnel.io.JsonReports;
import dev.funnel.io.ReadResult;
import dev.funnel.io.ReadSummary;
import dev.funnel.log.Origin;
import dev.funnel.log.Rejection;
import dev.funnel.sequence.Event;
import dev.funnel.sequence.EventLog;
import dev.funnel.sequence.EventLogBuilder;
import dev.funnel.sequence.Mode;
import dev.funnel.sequence.SequenceFunnel;
import dev.funnel.sequence.SequenceReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code funnel sequence}: an event-sequence funnel (ClickHouse {@code windowFunnel}). */
@Command(
    name = "sequence",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Prints how many entities of events.csv reached each of the ordered steps within the window (ClickHouse windowFunnel semantics), with conversions and their 95%% intervals."
    },
    footer = {
      "",
      "Example: funnel sequence --events events.csv --steps visit,signup,demo,purchase --window P14D",
      "Exit status: 0 on success, 2 for unusable input or options, 1 for an internal error."
    })
final class SequenceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--events", required = true, paramLabel = "FILE", description = "events.csv")
  Path events;

  @Option(
      names = "--steps",
      required = true,
      paramLabel = "STEP[,STEP...]",
      description =
          "the ordered event names, comma separated (surrounding spaces are ignored; a name that"
              + " never occurs in the file is warned about)")
  List<String> steps;

  @Option(
      names = "--window",
      required = true,
      paramLabel = "DURATION",
      converter = Converters.Window.class,
      description = "ISO-8601 duration from the first step to the last, e.g. P7D or PT12H")
  Duration window;

  @Option(
      names = "--mode",
      split = ",",
      paramLabel = "MODE",
      converter = Converters.ModeName.class,
      description = "strict_order, strict_deduplication, strict_increase (comma separated)")
  List<Mode> modes = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table (default) or json")
  Format format;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (format == Format.HTML) {
      throw new InputException(
          "funnel sequence: --format: html is not available for sequence funnels (use table or"
              + " json)");
    }
    Inputs inputs = new Inputs(output.lenient);
    ReadResult<Event> read = Inputs.read(events, inputs.files()::events);
    Loaded loaded = load(read, events.toString(), output.lenient);
    List<String> names = CommaLists.items(steps).stream().map(String::strip).toList();
    SequenceReport report = run(loaded.log, names, window, modes);
    warnAboutMissingSteps(spec.commandLine().getErr(), names, loaded.log, events.toString());
    Output.write(spec, output.out, w -> write(format, report, loaded.records, w));
    ReportCommand.noteRejections(spec.commandLine().getErr(), loaded.records);
    return FunnelCli.OK;
  }

  /** An event log and the accounting of its file. */
  static final class Loaded {
    final EventLog log;
    final ReadSummary records;

    Loaded(EventLog log, ReadSummary records) {
      this.log = log;
      this.records = records;
    }
  }

  static Loaded load(ReadResult<Event> read, String source, boolean lenient) {
    EventLogBuilder b = EventLog.builder();
    if (lenient) {
      b.lenient();
    }
    // the reader keeps no line numbers for accepted rows: the file names the rare late rejection
    Origin origin = new Origin(source, 0);
    for (Event e : read.records()) {
      b.add(e, origin);
    }
    EventLog log = b.build();
    List<Rejection> rejections = new ArrayList<>(read.rejections());
    rejections.addAll(log.rejections());
    return new Loaded(log, new ReadSummary(read.read(), rejections));
  }

  /** How many of the file's event names the warning about a missing step lists. */
  static final int LISTED_NAMES = 10;

  /**
   * One line on standard error when a step names an event that never occurs in the file (a typo
   * such as {@code signup} for {@code sign_up} would otherwise show as a silent 0%), listing the
   * event names that do occur, in order of first appearance.
   */
  static void warnAboutMissingSteps(
      PrintWriter err, List<String> steps, EventLog log, String source) {
    List<String> occurring = log.eventNames();
    Set<String> known = new HashSet<>(occurring);
    List<String> missing = steps.stream().filter(s -> !known.contains(s)).toList();
    if (missing.isEmpty()) {
      return;
    }
    String listed =
        occurring.isEmpty()
            ? "none (no event was accepted)"
            : Rejection.visible(
                    String.join(
                        ", ", occurring.subList(0, Math.min(LISTED_NAMES, occurring.size()))))
                + (occurring.size() > LISTED_NAMES
                    ? ", ... (" + occurring.size() + " names in all)"
                    : "");
    // step names from the command line and event names from the file show invisible characters
    FunnelCli.note(
        err,
        "funnel sequence: warning: "
            + (missing.size() == 1 ? "step " : "steps ")
            + missing.stream()
                .map(m -> "\"" + Rejection.visible(m) + "\"")
                .collect(Collectors.joining(", "))
            + (missing.size() == 1
                ? " names an event that never occurs"
                : " name events that never occur")
            + " in "
            + source
            + "; its events are: "
            + listed);
  }

  static SequenceReport run(EventLog log, List<String> steps, Duration window, List<Mode> modes) {
    try {
      return SequenceFunnel.of(log)
          .steps(steps)
          .window(window)
          .mode(modes.toArray(new Mode[0]))
          .report();
    } catch (IllegalArgumentException e) {
      throw new InputException("funnel sequence: " + e.getMessage());
    }
  }

  static void write(Format format, SequenceReport report, ReadSummary records, Writer w)
      throws IOException {
    if (format == Format.JSON) {
      JsonReports.write(report, records, w);
    } else {
      w.write(report.toString());
      w.write("\n");
      w.write(ReportCommand.recordsTable(records));
    }
  }
}
