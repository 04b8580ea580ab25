package dev.funnel.cli;

import dev.funnel.Dimension;
import dev.funnel.log.DealLog;
import dev.funnel.log.Rejection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The dimension names of {@code --by}. A name of a built-in dimension ({@code owner}, {@code
 * channel}, {@code day} ... {@code year}) means that dimension, even when {@code deals.csv} has an
 * attribute column of that name; {@code attribute=NAME} always means the column (see {@link
 * Dimension#named(String)}). So that such a column is not silently replaced by the built-in, each
 * command notes it on standard error.
 */
final class ByNames {
  /** The help of {@code --by} on how to reach a column named like a built-in dimension. */
  static final String ATTRIBUTE_HELP =
      "attribute=NAME always means the deals.csv column NAME, also one named like a built-in"
          + " dimension (attribute=quarter)";

  private ByNames() {}

  /**
   * Prints one line per name of {@code by} (each a {@code --by} value, dimensions crossed with
   * {@code :} when {@code crossed}) that means a built-in dimension while the deals also have an
   * attribute column of that name (case-insensitively).
   */
  static void noteShadowedColumns(
      PrintWriter err, String command, List<String> by, boolean crossed, DealLog log, Path deals) {
    Set<String> names = new LinkedHashSet<>();
    for (String b : by) {
      names.addAll(crossed ? List.of(b.split(":", -1)) : List.of(b));
    }
    note(err, command, "--by", "", names, log, deals);
  }

  /**
   * The same line for the dimension of each {@code --where DIM=VALUE} condition: {@code --where
   * Owner=X} means the deal owner even when deals.csv has a column {@code Owner}.
   */
  static void noteShadowedWhere(
      PrintWriter err, String command, List<String> where, DealLog log, Path deals) {
    Set<String> names = new LinkedHashSet<>();
    for (String w : where) {
      int eq = w.indexOf('=');
      if (eq > 0) {
        names.add(w.substring(0, eq));
      }
    }
    note(err, command, "--where", "=VALUE", names, log, deals);
  }

  private static void note(
      PrintWriter err,
      String command,
      String option,
      String valueHint,
      Set<String> names,
      DealLog log,
      Path deals) {
    Set<String> noted = new LinkedHashSet<>();
    for (String name : names) {
      String n = name.strip();
      Dimension d;
      try {
        d = Dimension.named(n);
      } catch (IllegalArgumentException e) {
        continue; // the command reports it
      }
      if (d.kind() == Dimension.Kind.ATTRIBUTE) {
        continue;
      }
      for (String column : log.attributeNames()) {
        if (column.equalsIgnoreCase(n) && noted.add(column)) {
          FunnelCli.note(
              err,
              "funnel "
                  + command
                  + ": note: "
                  + option
                  + " "
                  + n
                  + " means "
                  + builtIn(d)
                  + "; "
                  + deals
                  + " also has a column \""
                  + Rejection.visible(column)
                  + "\": for that column say "
                  + option
                  + " "
                  + Dimension.ATTRIBUTE_PREFIX
                  + Rejection.visible(column)
                  + valueHint);
        }
      }
    }
  }

  private static String builtIn(Dimension d) {
    switch (d.kind()) {
      case OWNER:
        return "the deal owner";
      case CHANNEL:
        return "the deal channel";
      case CREATED:
        return "the " + d.period().orElseThrow().name().toLowerCase(Locale.ROOT) + " of creation";
      case ATTRIBUTE:
        break;
    }
    throw new AssertionError(d);
  }
}
