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
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
      split = ",",
      paramLabel = "STEP",
      description = "the ordered event names, comma separated")
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
    SequenceReport report = run(loaded.log, steps, window, modes);
    Output.write(
        output.out, spec.commandLine().getOut(), w -> write(format, report, loaded.records, w));
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
