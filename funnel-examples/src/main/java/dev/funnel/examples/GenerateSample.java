package dev.funnel.examples;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the sample files into a directory: {@code GenerateSample DIR [--seed N] [--deals N]
 * [--owners N] [--channels N] [--months N]}. Exit status 0 on success, 2 for unusable arguments.
 */
public final class GenerateSample {
  private GenerateSample() {}

  /**
   * Runs the command and exits with a non-zero status on failure.
   *
   * @param args the arguments: {@code DIR [--seed N] [--deals N] [--owners N] [--channels N]
   *     [--months N]}
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the command: parses the arguments, writes the files and prints one line per file.
   *
   * @param args the arguments: {@code DIR [--seed N] [--deals N] [--owners N] [--channels N]
   *     [--months N]}
   * @param out where the {@code wrote FILE} lines go
   * @param err where the usage and error messages go
   * @return 0 on success, 2 for unusable arguments, 1 when the files cannot be written
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].startsWith("--")) {
      err.println(
          "usage: GenerateSample DIR [--seed N] [--deals N] [--owners N] [--channels N]"
              + " [--months N]");
      return 2;
    }
    SampleSpec spec = SampleSpec.defaults();
    try {
      for (int i = 1; i < args.length; i += 2) {
        String option = args[i];
        if (i + 1 >= args.length) {
          err.println("GenerateSample: " + option + ": a value is missing");
          return 2;
        }
        String value = args[i + 1];
        switch (option) {
          case "--seed":
            spec = spec.withSeed(parseLong(option, value));
            break;
          case "--deals":
            spec = spec.withDeals(parseInt(option, value));
            break;
          case "--owners":
            spec = spec.withOwners(parseInt(option, value));
            break;
          case "--channels":
            spec = spec.withChannels(parseInt(option, value));
            break;
          case "--months":
            spec = spec.withMonths(parseInt(option, value));
            break;
          default:
            err.println(
                "GenerateSample: \""
                    + option
                    + "\" is not an option (known: --seed, --deals, --owners, --channels,"
                    + " --months)");
            return 2;
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("GenerateSample: " + e.getMessage());
      return 2;
    }
    List<Path> files;
    try {
      files = SampleFiles.write(spec, Path.of(args[0]));
    } catch (UncheckedIOException e) {
      err.println("GenerateSample: " + e.getMessage());
      return 1;
    }
    for (Path file : files) {
      out.println("wrote " + file);
    }
    return 0;
  }

  private static long parseLong(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": \"" + value + "\" is not a whole number", e);
    }
  }

  private static int parseInt(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": \"" + value + "\" is not a whole number", e);
    }
  }
}
