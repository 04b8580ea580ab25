package dev.funnel.cli;

import dev.funnel.Counting;
import dev.funnel.FunnelReport;
import dev.funnel.examples.SampleFiles;
import dev.funnel.examples.SampleSpec;
import dev.funnel.io.ReadSummary;
import dev.funnel.log.DealLog;
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
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code funnel demo}: writes the bundled sample as files, reads them back as {@code report} and
 * {@code sequence} would, and prints the funnel by owner and channel and the sequence funnel of its
 * events.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generates the bundled sample (a seeded B2B CRM: 2000 deals, 12 owners, 5 channels, 12 months), writes it as the files of FORMATS.md, and prints its funnel by owner and channel and the sequence funnel visit > signup > demo_request > demo > purchase."
    })
final class DemoCommand implements Callable<Integer> {
  /** The steps and window of the demo's sequence funnel. */
  static final List<String> STEPS = List.of("visit", "signup", "demo_request", "demo", "purchase");

  static final String WINDOW = "P90D";

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "write the sample files here and keep them (default: a temporary directory)")
  @Nullable Path dir;

  @Option(names = "--seed", paramLabel = "N", description = "the sample's seed (default: 42)")
  long seed = SampleSpec.DEFAULT_SEED;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    SampleSpec sample = SampleSpec.defaults().withSeed(seed);
    Path target = dir == null ? Files.createTempDirectory("funnel-demo") : dir;
    try {
      SampleFiles.write(sample, target);
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
      out.println(
          dir == null
              ? "Keep the files with: funnel demo --dir DIR; explore in Java with: funnel shell"
              : "Explore in Java with: funnel shell");
      out.flush();
      return FunnelCli.OK;
    } finally {
      if (dir == null) {
        delete(target);
      }
    }
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
