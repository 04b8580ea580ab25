package dev.funnel.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where a command writes its report and what it does with unusable records, shared by every command
 * that reads input and writes a report (a picocli mixin).
 */
final class OutputOptions {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "write the report to this file instead of standard output")
  @Nullable Path out;

  @Option(
      names = "--lenient",
      description =
          "skip unusable records and list them in the report (default: stop at the first)")
  boolean lenient;
}
