package dev.funnel.cli;

import dev.funnel.Counting;
import dev.funnel.FunnelReport;
import dev.funnel.calendar.BusinessCalendar;
import dev.funnel.examples.SampleFiles;
import dev.funnel.examples.SampleSpec;
import dev.funnel.forecast.Forecast;
import dev.funnel.forecast.ForecastReport;
import dev.funnel.forecast.Simulation;
import dev.funnel.io.ReadResult;
import dev.funnel.io.ReadSummary;
import dev.funnel.io.TouchRecords;
import dev.funnel.kpi.Alert;
import dev.funnel.kpi.ChannelEconomics;
import dev.funnel.kpi.KpiReport;
import dev.funnel.kpi.Kpis;
import dev.funnel.kpi.Scope;
import dev.funnel.log.DealLog;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import dev.funnel.sequence.SequenceReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code funnel demo}: writes the bundled sample as files, reads them back as {@code report},
 * {@code sequence} and {@code kpi} would, and prints the funnel by owner and channel, the sequence
 * funnel of its events, the process audit, the KPI scorecard with its alerts and a short forecast.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generates the bundled sample (a seeded B2B CRM: 2000 deals, 12 owners, 5 channels, 12 months), writes it as the files of FORMATS.md (with --dir into DIR, which must not hold files of the same names unless --force is given), and prints its funnel by owner and channel, the sequence funnel visit > signup > demo_request > demo > purchase, the process audit (hygiene, SLA, losses, concentration, audit grades), the KPI scorecard with its alerts and a 90-day forecast."
    })
final class DemoCommand implements Callable<Integer> {
  /** The steps and window of the demo's sequence funnel. */
  static final List<String> STEPS = List.of("visit", "signup", "demo_request", "demo", "purchase");

  static final String WINDOW = "P90D";

  /** The files the sample writes, which {@code --dir} must not hold already. */
  static final List<String> SAMPLE_FILES = SampleFiles.NAMES;

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "write the sample files here and keep them (default: a temporary directory)")
  @Nullable Path dir;

  @Option(
      names = "--force",
      description =
          "with --dir: overwrite sample files of the same names already there (default: refuse)")
  boolean force;

  @Option(names = "--seed", paramLabel = "N", description = "the sample's seed (default: 42)")
  long seed = SampleSpec.DEFAULT_SEED;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    SampleSpec sample = SampleSpec.defaults().withSeed(seed);
    if (force && dir == null) {
      throw new InputException(
          "funnel demo: --force only applies with --dir (without it the files go to a fresh"
              + " temporary directory)");
    }
    if (dir != null) {
      prepare(dir, force);
    }
    Path target = dir == null ? Files.createTempDirectory("funnel-demo") : dir;
    try {
      try {
        SampleFiles.write(sample, target);
      } catch (UncheckedIOException e) {
        if (dir == null) {
          throw e;
        }
        throw new InputException(
            "funnel demo: --dir "
                + dir
                + ": cannot be written: "
                + IoReasons.whyNotWritten(e.getCause(), dir.resolve(SAMPLE_FILES.get(0))));
      }
      Path pipelineFile = target.resolve("pipeline.json");
      Path dealsFile = target.resolve("deals.csv");
      Path changesFile = target.resolve("stage_changes.csv");
      Path eventsFile = target.resolve("events.csv");
      out.println(
          "The bundled sample: seed "
              + sample.seed()
              + ", "
              + sample.deals()
              + " deals, "
              + sample.owners()
              + " owners, "
              + sample.channels()
              + " channels, "
              + sample.months()
              + " months from "
              + sample.start()
              + (dir == null ? "" : ", files in " + dir));
      out.println();
      out.println(
          "$ funnel report --pipeline pipeline.json --deals deals.csv --changes"
              + " stage_changes.csv --by owner,channel");
      Inputs inputs = new Inputs(false);
      Pipeline pipeline = inputs.pipeline(pipelineFile);
      DealLog log = inputs.dealLog(pipeline, dealsFile, changesFile);
      FunnelReport report =
          ReportCommand.report(
              log, null, null, null, List.of("owner", "channel"), Counting.PROGRESSED);
      ReportCommand.write(Format.TABLE, report, ReadSummary.of(log), out);
      out.println();
      out.println(
          "$ funnel sequence --events events.csv --steps "
              + String.join(",", STEPS)
              + " --window "
              + WINDOW);
      SequenceCommand.Loaded events =
          SequenceCommand.load(
              Inputs.read(eventsFile, inputs.files()::events), eventsFile.toString(), false);
      SequenceReport sequence =
          SequenceCommand.run(events.log, STEPS, Duration.parse(WINDOW), List.of());
      SequenceCommand.write(Format.TABLE, sequence, events.records, out);
      out.println();
      process(out, inputs, log, target);
      out.println();
      kpis(out, inputs, log, target);
      out.println();
      forecast(out, log);
      out.println();
      out.println(
          dir == null
              ? "Keep the files with: funnel demo --dir DIR; explore in Java with: funnel shell"
              : "Explore in Java with: funnel shell");
      Output.flush(spec, "demo");
      return FunnelCli.OK;
    } finally {
      if (dir == null) {
        delete(target);
      }
    }
  }

  /**
   * Checks that the sample can go into {@code dir}: a directory (created if missing) that holds
   * none of the sample's files, unless {@code force}. Each fault is one line and exit status 2.
   */
  static void prepare(Path dir, boolean force) {
    String at = "funnel demo: --dir " + dir + ": ";
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InputException(at + "is not a directory");
    }
    if (!force) {
      List<String> existing =
          SAMPLE_FILES.stream().filter(name -> Files.exists(dir.resolve(name))).toList();
      if (!existing.isEmpty()) {
        throw new InputException(
            at
                + String.join(", ", existing)
                + (existing.size() == 1 ? " exists" : " exist")
                + " already; the sample would overwrite "
                + (existing.size() == 1 ? "it" : "them")
                + " (give --force to allow that, or another directory)");
      }
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InputException(at + "cannot be created: " + IoReasons.whyNotWritten(e, dir));
    }
    if (!Files.isWritable(dir)) {
      throw new InputException(at + "cannot be written: permission denied");
    }
  }

  /** The process audit: summaries of the sections {@code funnel report} prints in full. */
  static void process(PrintWriter out, Inputs inputs, DealLog log, Path dir) {
    out.println(
        "$ funnel report ... --leads leads.csv --touches touches.csv --calendar calendar.json"
            + "   (process sections, summarized)");
    ReadResult<Lead> leads = inputs.leads(dir.resolve("leads.csv"));
    TouchRecords touches = inputs.touches(dir.resolve("touches.csv"));
    BusinessCalendar calendar = inputs.calendar(dir.resolve("calendar.json"));
    Optional<List<Lead>> leadList = Optional.of(leads.records());
    ProcessReports r =
        ProcessReports.of(
            log,
            new ProcessReports.Options(
                Optional.empty(),
                ProcessReports.latest(log, leadList, Optional.of(touches)),
                leadList,
                Optional.of(touches),
                Optional.of(calendar),
                Optional.empty(),
                Optional.empty()));
    out.print(paragraphs(r.hygiene().toString(), 1));
    out.println();
    out.print(paragraphs(r.sla().orElseThrow().toString(), 1));
    out.println();
    out.print(paragraphs(r.losses().toString(), 2));
    out.println();
    out.print(paragraphs(r.people().toString(), 1));
    out.println();
    out.print(r.audit());
  }

  /** The KPI scorecard of the last complete period, the alerts and the vanity-channel check. */
  static void kpis(PrintWriter out, Inputs inputs, DealLog log, Path dir) {
    out.println(
        "$ funnel kpi --pipeline pipeline.json --deals deals.csv --changes stage_changes.csv"
            + " --leads leads.csv --spend spend.csv --activity activity.csv");
    KpiReport k =
        KpiCommand.report(
            Kpis.of(log)
                .leads(inputs.leads(dir.resolve("leads.csv")).records())
                .spend(Inputs.read(dir.resolve("spend.csv"), inputs.files()::spend).records())
                .activity(
                    Inputs.read(dir.resolve("activity.csv"), inputs.files()::activity).records()));
    List<String> periods = k.periods();
    if (periods.isEmpty()) {
      out.println("(no KPI data)");
      return;
    }
    // the latest period holds as-of and is still running
    String period = k.lastCompletePeriod().orElse(periods.get(periods.size() - 1));
    out.println(
        "KPIs as of " + k.asOf() + "; the scorecard of " + period + ", the last complete period:");
    out.print(k.scorecard(period, Scope.ALL));
    out.println();
    out.println(
        "Activity-without-outcome alerts, complete periods (an activity KPI better by "
            + Math.round(k.alertThreshold() * 100)
            + "% or more while no outcome KPI improves): "
            + (k.alerts().isEmpty() ? "none" : k.alerts().size()));
    for (Alert a : k.alerts()) {
      out.println(
          "  " + a.period() + " " + a.scope() + ": improved " + String.join(", ", a.activity()));
    }
    String social = Scope.channel("social");
    List<String> fired =
        k.alerts().stream().filter(a -> a.scope().equals(social)).map(Alert::period).toList();
    out.println(
        fired.isEmpty()
            ? "The vanity channel \"social\": the alert does not fire."
            : "The vanity channel \"social\": the alert fires in "
                + String.join(", ", fired)
                + ": its activity KPIs improve while none of its outcome KPIs (leads, won deals,"
                + " revenue, CPL, CAC, ...) does.");
    for (ChannelEconomics c : k.channelEconomics()) {
      if (c.scope().equals(social) || c.scope().equals(Scope.ALL)) {
        out.println(
            "  "
                + c.scope()
                + ": "
                + c.leads().getAsLong()
                + " leads, "
                + c.wonDeals()
                + " won, CAC "
                + number(c.cac(), "%.2f", 1)
                + ", ROAS "
                + number(c.roas(), "%.0f%%", 100));
      }
    }
  }

  /** The weighted pipeline and the 90-day Monte Carlo forecast. */
  static void forecast(PrintWriter out, DealLog log) {
    out.println("Forecast, 90 days ahead (Forecast.of(log).horizon(P90D); Monte Carlo, seed 42)");
    ForecastReport f = Forecast.of(log).horizon(Duration.ofDays(90)).report();
    Simulation s = f.simulation();
    out.println(
        "weighted pipeline "
            + f.weightedPipeline()
            + " over "
            + f.openDeals()
            + " open deals (amount x empirical win probability of the current stage)");
    out.println(
        "won within 90 days: P10 "
            + s.p10()
            + " | P50 "
            + s.p50()
            + " | P90 "
            + s.p90()
            + " | mean "
            + s.mean());
  }

  private static String number(OptionalDouble v, String format, double scale) {
    return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble() * scale) : "-";
  }

  /** The first {@code n} blocks (separated by blank lines) of a printed report. */
  static String paragraphs(String text, int n) {
    String[] blocks = text.split("\n\n", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(n, blocks.length); i++) {
      sb.append(i == 0 ? "" : "\n").append(blocks[i].stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private static void delete(Path tree) throws IOException {
    try (Stream<Path> all = Files.walk(tree)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
