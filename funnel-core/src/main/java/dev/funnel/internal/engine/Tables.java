package dev.funnel.internal.engine;

import dev.funnel.Breakdown;
import dev.funnel.FunnelFigures;
import dev.funnel.FunnelReport;
import dev.funnel.Group;
import dev.funnel.StageFigures;
import dev.funnel.internal.text.Columns;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Durations;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Aligned plain-text tables of reports, for JShell and the CLI. */
public final class Tables {
  /** Rows shown per table unless asked for more. */
  public static final int DEFAULT_ROWS = 20;

  private Tables() {}

  /** The report: header, stage table, totals and each breakdown capped at maxRows. */
  public static String report(FunnelReport r, int maxRows) {
    requireRows(maxRows);
    StringBuilder sb = new StringBuilder();
    FunnelFigures a = r.all();
    sb.append("Funnel ")
        .append(r.pipeline())
        .append(" as of ")
        .append(r.asOf())
        .append(
            r.cohortFrom().isPresent() || r.cohortTo().isPresent()
                ? ", created in ["
                    + r.cohortFrom().map(Object::toString).orElse("-inf")
                    + ", "
                    + r.cohortTo().map(Object::toString).orElse("+inf")
                    + ")"
                : "")
        .append(r.counting() == dev.funnel.Counting.ENTERED ? ", entered counting" : "")
        .append('\n');
    sb.append(totals(a)).append('\n').append('\n');
    sb.append(stages(a.stages(), r.percentiles()));
    if (r.counting() == dev.funnel.Counting.ENTERED && !a.stages().isEmpty()) {
      // reached and the rates' numerators differ here: say why next to the table
      String first = a.stages().get(0).stage();
      sb.append("(entered counting: only explicit entries count, not a deal's creation in ")
          .append(first)
          .append("; to next = entered both / entered the stage; cumulative = entered ")
          .append(first)
          .append(" and the stage / entered ")
          .append(first)
          .append(")\n");
    }
    for (Breakdown b : r.breakdowns()) {
      sb.append('\n').append(breakdown(b, r.nameOf(b), main(r.percentiles()), maxRows));
    }
    return sb.toString();
  }

  static String totals(FunnelFigures a) {
    return a.deals().total()
        + " deals: "
        + a.deals().open()
        + " open, "
        + a.deals().won()
        + " won, "
        + a.deals().lost()
        + " lost\n"
        + "win rate "
        + a.winRate()
        + " | cohort conversion "
        + a.cohortConversion()
        + "\nwon cycle "
        + a.wonCycleTime()
        + " | lost cycle "
        + a.lostCycleTime()
        + "\naverage won deal "
        + a.averageWonDealSize().map(Object::toString).orElse("-")
        + (a.wonWithoutAmount() > 0 ? " (" + a.wonWithoutAmount() + " won without amount)" : "")
        + " | velocity "
        + a.velocityPerDay().map(m -> m + "/day").orElse("-");
  }

  static String stages(List<StageFigures> stages, List<Double> asked) {
    double[] ps = shown(asked);
    double main = main(asked);
    List<String> header =
        new ArrayList<>(List.of("stage", "reached", "entered", "cumulative", "to next", "lost at"));
    for (int i = 0; i < ps.length; i++) {
      header.add((i == 0 ? "time in stage p" : "p") + Distribution.percentLabel(ps[i]));
    }
    header.add("open");
    header.add("age p" + Distribution.percentLabel(main));
    List<String[]> rows = new ArrayList<>();
    rows.add(header.toArray(new String[0]));
    for (StageFigures s : stages) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  s.stage(),
                  Long.toString(s.reached()),
                  Long.toString(s.entered()),
                  s.cumulative().toString(),
                  s.conversionToNext().toString(),
                  Long.toString(s.lostAt())));
      for (double p : ps) {
        row.add(human(s.timeInStage(), p));
      }
      row.add(Long.toString(s.ageInStage().count()));
      row.add(human(s.ageInStage(), main));
      rows.add(row.toArray(new String[0]));
    }
    return align(rows, 1);
  }

  /**
   * A breakdown as one row per group. Outside its report the percentiles asked for are known only
   * from a group's won cycle time with data (p50 when none has any).
   */
  public static String breakdown(Breakdown b, int maxRows) {
    requireRows(maxRows);
    List<Double> asked = List.of(0.5);
    for (Group g : b.groups()) {
      Distribution d = g.figures().wonCycleTime();
      if (d.count() > 0) {
        asked = new ArrayList<>(new java.util.TreeSet<>(d.percentiles().keySet()));
        break;
      }
    }
    return breakdown(b, b.name(), main(asked), maxRows);
  }

  /**
   * A breakdown as one row per group, headed by {@code name}, its won cycle time at percentile
   * {@code main}.
   */
  static String breakdown(Breakdown b, String name, double main, int maxRows) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          name,
          "deals",
          "open",
          "won",
          "lost",
          "win rate",
          "cohort conv.",
          "won cycle p" + Distribution.percentLabel(main),
          "avg won deal"
        });
    int shown = 0;
    for (Group g : b.groups()) {
      if (shown++ == maxRows) {
        break;
      }
      FunnelFigures f = g.figures();
      rows.add(
          new String[] {
            g.label(),
            Long.toString(f.deals().total()),
            Long.toString(f.deals().open()),
            Long.toString(f.deals().won()),
            Long.toString(f.deals().lost()),
            rate(f.winRate()),
            rate(f.cohortConversion()),
            human(f.wonCycleTime(), main),
            f.averageWonDealSize().map(Object::toString).orElse("-")
          });
    }
    String table = align(rows, 1);
    int hidden = b.groups().size() - Math.min(maxRows, b.groups().size());
    return hidden > 0
        ? table + "... " + hidden + " more groups (printAll() shows every group)\n"
        : table;
  }

  /**
   * Refuses a negative row cap.
   *
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public static void requireRows(int maxRows) {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows " + maxRows + " is negative");
    }
  }

  private static String rate(Proportion p) {
    if (p.isUndefined()) {
      return "-";
    }
    return p.percent()
        + " ["
        + String.format(java.util.Locale.ROOT, "%.1f", p.low().getAsDouble() * 100)
        + "-"
        + String.format(java.util.Locale.ROOT, "%.1f", p.high().getAsDouble() * 100)
        + "]";
  }

  static String human(Optional<Duration> d) {
    return d.map(Durations::human).orElse("-");
  }

  static String human(Distribution d, double p) {
    return d.count() == 0 ? "-" : human(d.percentile(p));
  }

  /**
   * The percentiles of time in stage the tables show, of those asked for (ascending): p50 and p90
   * when asked (the defaults), otherwise the smallest and the largest (one column when one was
   * asked), so that a column never shows "-" (no data) for a percentile that was simply not
   * computed.
   */
  static double[] shown(List<Double> asked) {
    if (asked.contains(0.5) && asked.contains(0.9)) {
      return new double[] {0.5, 0.9};
    }
    return asked.size() == 1
        ? new double[] {asked.get(0)}
        : new double[] {asked.get(0), asked.get(asked.size() - 1)};
  }

  /** The percentile of the one-column figures (age, won cycle): p50 if asked, else the smallest. */
  static double main(List<Double> asked) {
    return asked.contains(0.5) ? 0.5 : asked.get(0);
  }

  /**
   * Columns left-aligned for the first {@code textColumns}, right-aligned after; cells shown as one
   * visible line and measured in terminal columns ({@link Columns}).
   */
  public static String align(List<String[]> rows, int textColumns) {
    return Columns.align(rows, textColumns);
  }
}
