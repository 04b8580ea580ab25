package dev.funnel.cli;

import dev.funnel.calendar.BusinessCalendar;
import dev.funnel.io.ActivityRecords;
import dev.funnel.io.FunnelFiles;
import dev.funnel.io.InputFileException;
import dev.funnel.io.LeadRecords;
import dev.funnel.io.ReadResult;
import dev.funnel.io.ReadSummary;
import dev.funnel.io.SpendRecords;
import dev.funnel.io.TouchRecords;
import dev.funnel.log.DealLog;
import dev.funnel.log.Rejection;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code funnel validate}: reads every file given, prints per-file counts and lists every problem.
 * It always reads to the end (as lenient reading does), so that all problems show at once.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reads the input files and lists every problem, one line each on standard error (file:line: field: \"value\": reason); prints records read, accepted and rejected per file on standard output."
    },
    footer = {
      "",
      "Keys of pipeline.json and calendar.json that the file format does not define are skipped, not problems (more fields may be added); each is listed on standard output after the counts (file:line:column: path: not a key of this file, skipped), so that a misspelled key is seen. report, kpi and forecast note them in one line on standard error.",
      "With --leads and --touches, a touch of a lead before the lead was created is a rejected record of the touches file (file:line: at: ...), as in a report: it stops a report, and --lenient skips it.",
      "With --spend, spend in another currency than the deal amounts (with --deals) or than the first spend row is a problem that makes the input unusable, --lenient or not, as in kpi and forecast --budget: one report never mixes currencies.",
      "An activity metric named like a built-in KPI (cpl, revenue, ctr, ...; with --pipeline also cost_per_<open stage>) is a rejected record of the activity file (file:line: metric: ...), as in kpi.",
      "Exit status: 0 if the files are usable as given: every record accepted, or with --lenient, every file readable (rejected records would be skipped by a --lenient report); 2 otherwise (an unusable file, or rejected records without --lenient); 1 for an internal error.",
      "--deals and --changes need --pipeline and each other."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--pipeline", paramLabel = "FILE", description = "pipeline.json")
  @Nullable Path pipeline;

  @Option(names = "--deals", paramLabel = "FILE", description = "deals.csv")
  @Nullable Path deals;

  @Option(names = "--changes", paramLabel = "FILE", description = "stage_changes.csv")
  @Nullable Path changes;

  @Option(names = "--leads", paramLabel = "FILE", description = "leads.csv")
  @Nullable Path leads;

  @Option(names = "--touches", paramLabel = "FILE", description = "touches.csv")
  @Nullable Path touches;

  @Option(names = "--spend", paramLabel = "FILE", description = "spend.csv")
  @Nullable Path spend;

  @Option(names = "--activity", paramLabel = "FILE", description = "activity.csv")
  @Nullable Path activity;

  @Option(names = "--events", paramLabel = "FILE", description = "events.csv")
  @Nullable Path events;

  @Option(names = "--calendar", paramLabel = "FILE", description = "calendar.json")
  @Nullable Path calendar;

  @Option(
      names = "--lenient",
      description = "rejected records are acceptable (a --lenient report would skip them)")
  boolean lenient;

  private final Map<String, String> lines = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** The keys of JSON files that FORMATS.md does not define, skipped: one message each. */
  private final List<String> skipped = new ArrayList<>();

  private boolean unusable;
  private long read;
  private long rejected;

  @Override
  public Integer call() {
    checkOptions();
    FunnelFiles files = FunnelFiles.lenient();
    FunnelFiles json = files.onSkippedKey(k -> skipped.add(k.message()));
    Pipeline p = null;
    if (pipeline != null) {
      Path file = pipeline;
      int before = skipped.size();
      p = file(file, () -> Inputs.read(file, json::pipeline));
      if (p == null) {
        // an unusable file's keys, heard before its fault, are not listed: its problem is
        skipped.subList(before, skipped.size()).clear();
      } else {
        lines.put(
            file.toString(),
            "pipeline \""
                + p.id()
                + "\", stages "
                + p.stages().stream().map(Stage::id).collect(Collectors.joining(", "))
                + skippedCount(skipped.size() - before));
      }
    }
    if (deals != null && changes != null) {
      dealLog(p, deals, changes);
    }
    // As in a report: records more than 68 years before or after the deal log's first instant
    // are rejected (see Horizon).
    Horizon horizon = Horizon.of(log, files);
    ReadResult<Lead> leadRecords = null;
    if (leads != null) {
      Path file = leads;
      LeadRecords l = file(file, () -> new Inputs(true).leadRecords(file));
      if (l != null) {
        l = horizon.leads(l);
        counted(file.toString(), ReadSummary.of(l.leads()));
        leadRecords = l.leads();
      }
    }
    if (touches != null) {
      Path file = touches;
      TouchRecords touchRecords = file(file, () -> new Inputs(true).touches(file));
      if (touchRecords != null) {
        touchRecords = horizon.touches(touchRecords);
        if (leadRecords != null) {
          touchRecords = touchRecords.afterTheirLeads(leadRecords.records(), files);
        }
        counted(file.toString(), ReadSummary.of(touchRecords.touches()));
      }
    }
    if (spend != null) {
      Path file = spend;
      SpendRecords r =
          file(file, () -> Inputs.read(file, (in, name) -> SpendRecords.read(files, in, name)));
      if (r != null) {
        SpendRecords kept = horizon.spend(r);
        counted(file.toString(), ReadSummary.of(kept.spend()));
        try {
          // as in kpi and forecast --budget: spend in another currency than the deals (or than
          // the first spend row) stops them, --lenient or not
          KpiCommand.checkCurrencies(log == null ? Optional.empty() : log.currency(), kept);
        } catch (InputException e) {
          // its rows were read, but no report reads the file: its line says so
          lines.merge(file.toString(), "; unusable: currencies mixed (below)", String::concat);
          problems.addAll(e.lines());
          unusable = true;
        }
      }
    }
    if (activity != null) {
      Path file = activity;
      ActivityRecords r =
          file(file, () -> Inputs.read(file, (in, name) -> ActivityRecords.read(files, in, name)));
      if (r != null) {
        // as in kpi: a metric named like a built-in KPI is a rejected record (cost_per_<stage>
        // ids only when the pipeline is known)
        ActivityRecords kept = horizon.activity(r, KpiCommand.openStages(p));
        counted(file.toString(), ReadSummary.of(kept.activity()));
      }
    }
    if (events != null) {
      Path file = events;
      SequenceCommand.Loaded loaded =
          file(
              file,
              () ->
                  SequenceCommand.load(
                      Inputs.read(file, files::events), file.toString(), /* lenient= */ true));
      if (loaded != null) {
        counted(file.toString(), loaded.records);
      }
    }
    if (calendar != null) {
      Path file = calendar;
      int before = skipped.size();
      BusinessCalendar c = file(file, () -> Inputs.read(file, json::calendar));
      if (c == null) {
        skipped.subList(before, skipped.size()).clear();
      } else {
        lines.put(
            file.toString(),
            "calendar in " + c.zone().getId() + skippedCount(skipped.size() - before));
      }
    }
    return finish();
  }

  private void checkOptions() {
    if ((deals == null) != (changes == null)) {
      throw new ParameterException(
          spec.commandLine(), "--deals and --changes are read together: give both");
    }
    if (deals != null && pipeline == null) {
      throw new ParameterException(
          spec.commandLine(), "--deals and --changes need --pipeline (stage ids are checked)");
    }
    if (pipeline == null
        && leads == null
        && touches == null
        && spend == null
        && activity == null
        && events == null
        && calendar == null) {
      throw new ParameterException(spec.commandLine(), "no file to validate");
    }
  }

  /** The deal log read, when its files are usable. */
  private @Nullable DealLog log;

  private void dealLog(@Nullable Pipeline p, Path dealsFile, Path changesFile) {
    if (p == null) {
      String why = "not checked: the pipeline is unusable";
      lines.put(dealsFile.toString(), why);
      lines.put(changesFile.toString(), why);
      return;
    }
    String dealsName = dealsFile.toString();
    String changesName = changesFile.toString();
    List<String> faulty = new ArrayList<>();
    for (Path f : List.of(dealsFile, changesFile)) {
      try {
        Inputs.check(f);
      } catch (InputException e) {
        faulty.add(f.toString());
        problems.addAll(e.lines());
      }
    }
    if (faulty.isEmpty()) {
      try {
        log = new Inputs(true).dealLog(p, dealsFile, changesFile);
      } catch (InputFileException e) {
        // the file at fault, not always deals.csv
        faulty.add(e.source().equals(changesName) ? changesName : dealsName);
        problems.add(e.getMessage());
      } catch (InputException e) {
        // the two files together break a rule of the log (or cannot be read)
        faulty.add(dealsName);
        faulty.add(changesName);
        problems.addAll(e.lines());
      }
    }
    if (log == null) {
      unusable = true;
      for (String name : List.of(dealsName, changesName)) {
        if (faulty.contains(name)) {
          lines.put(name, "unusable");
        } else {
          String other = name.equals(dealsName) ? changesName : dealsName;
          lines.put(name, "not checked: the deal log needs " + other + ", which is unusable");
        }
      }
      return;
    }
    long dealsRejected =
        log.rejections().stream().filter(r -> r.source().equals(dealsName)).count();
    long changesRejected =
        log.rejections().stream().filter(r -> r.source().equals(changesName)).count();
    ReadSummary all = ReadSummary.of(log);
    if (!dealsName.equals(changesName)
        && log.dealCount() + dealsRejected + log.changeCount() + changesRejected == all.read()) {
      lines.put(dealsName, counts(log.dealCount() + dealsRejected, dealsRejected));
      lines.put(changesName, counts(log.changeCount() + changesRejected, changesRejected));
      read += all.read();
      rejected += all.rejected();
      all.rejections().forEach(r -> problems.add(r.message()));
    } else {
      counted(dealsName + " + " + changesName, all);
    }
  }

  private void counted(String name, ReadSummary s) {
    lines.put(name, counts(s.read(), s.rejected()));
    read += s.read();
    rejected += s.rejected();
    for (Rejection r : s.rejections()) {
      problems.add(r.message());
    }
  }

  /** The tail of a JSON file's line when keys were skipped (listed under the table). */
  private static String skippedCount(int n) {
    return n == 0 ? "" : "; " + n + (n == 1 ? " key" : " keys") + " skipped (listed below)";
  }

  private static String counts(long read, long rejected) {
    return read + " read, " + (read - rejected) + " accepted, " + rejected + " rejected";
  }

  /** Runs one file's check; an unusable file is a problem, not the end of the validation. */
  private <T> @Nullable T file(Path file, Supplier<T> check) {
    try {
      return check.get();
    } catch (InputException e) {
      lines.put(file.toString(), "unusable");
      problems.addAll(e.lines());
    } catch (InputFileException e) {
      lines.put(file.toString(), "unusable");
      problems.add(e.getMessage());
    }
    unusable = true;
    return null;
  }

  private int finish() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
    lines.forEach(
        (name, what) -> out.println(name + ":" + " ".repeat(width - name.length() + 1) + what));
    // Not problems: FORMATS.md allows more fields. Listed so that a misspelled key is seen.
    skipped.forEach(out::println);
    out.flush();
    problems.forEach(err::println);
    int status;
    if (unusable) {
      err.println("funnel validate: the input is unusable");
      status = FunnelCli.BAD_INPUT;
    } else if (rejected > 0 && !lenient) {
      err.println(
          "funnel validate: "
              + rejected
              + " of "
              + read
              + " records rejected; a report stops at the first (--lenient skips them)");
      status = FunnelCli.BAD_INPUT;
    } else if (rejected > 0) {
      out.println(
          "usable with --lenient: " + rejected + " of " + read + " records would be skipped");
      status = FunnelCli.OK;
    } else {
      out.println("valid: " + read + " records, all accepted");
      status = FunnelCli.OK;
    }
    err.flush();
    // A CI script may keep the counts in a file: a full device or a closed pipe is not success.
    Output.flush(spec, "validation summary");
    return status;
  }
}
