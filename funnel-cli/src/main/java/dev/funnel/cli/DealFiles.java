package dev.funnel.cli;

import dev.funnel.log.DealLog;
import dev.funnel.model.Pipeline;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The three files of a deal log, shared by every command that reads one (a picocli mixin). */
final class DealFiles {
  @Option(names = "--pipeline", required = true, paramLabel = "FILE", description = "pipeline.json")
  Path pipeline;

  @Option(names = "--deals", required = true, paramLabel = "FILE", description = "deals.csv")
  Path deals;

  @Option(
      names = "--changes",
      required = true,
      paramLabel = "FILE",
      description = "stage_changes.csv")
  Path changes;

  /** Reads the pipeline, then the deal log. */
  DealLog read(Inputs inputs) {
    Pipeline p = inputs.pipeline(pipeline);
    return inputs.dealLog(p, deals, changes);
  }
}
