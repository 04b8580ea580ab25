package dev.funnel.cli;

import static java.util.Objects.requireNonNull;

import dev.funnel.forecast.Backtest;
import dev.funnel.forecast.BudgetScenario;
import dev.funnel.forecast.Forecast;
import dev.funnel.forecast.ForecastReport;
import dev.funnel.io.ForecastJson;
import dev.funnel.io.JsonReports;
import dev.funnel.io.ReadResult;
import dev.funnel.io.ReadSummary;
import dev.funnel.io.SpendRecords;
import dev.funnel.log.DealLog;
import dev.funnel.model.Lead;
import dev.funnel.model.SpendSample;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code funnel forecast}: the revenue forecast of the open pipeline (METRICS.md "Forecast"), with
 * an optional backtest and budget scenario.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Prints the empirical win probability of each open stage (with its 95%% interval, next to the declared one), the weighted pipeline and a Monte Carlo forecast of revenue won within the horizon (P10, P50, P90, mean); with --backtest-at, how the forecast made then compares with what was won; with --known-at, the forecast the log as recorded then supported; with --leads, the revenue of deals not created yet from the lead flow (otherwise from the deal creation rate); with --budget, what a budget change brings through the channels' response curves, the team's capacity and its win rate under load, next to the naive line."
    },
    footer = {
      "",
      "Example: funnel forecast --pipeline pipeline.json --deals deals.csv --changes stage_changes.csv --backtest-at 2026-03-01T00:00:00Z --budget +20%% --spend spend.csv --leads leads.csv",
      "Exit status: 0 on success, 2 for unusable input or options, 1 for an internal error."
    })
final class ForecastCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DealFiles files;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      converter = Converters.AsOf.class,
      description =
          "forecast as of this instant: what occurred after it is not seen, what occurred by then"
              + " is, back-dated changes included (default: the latest event of the log; see"
              + " --known-at for the log as recorded then)")
  @Nullable Instant asOf;

  @Option(
      names = "--known-at",
      paramLabel = "INSTANT",
      converter = Converters.AsOf.class,
      description =
          "forecast from the log as the CRM held it at this instant: stage changes recorded later"
              + " are not seen, back-dated ones included (the forecast is as of this instant"
              + " unless --as-of says an earlier one)")
  @Nullable Instant knownAt;

  @Option(
      names = "--horizon",
      defaultValue = "P90D",
      paramLabel = "DURATION",
      converter = Converters.Window.class,
      description = "count revenue won within this ISO-8601 duration (default: P90D)")
  Duration horizon;

  @Option(
      names = "--simulations",
      defaultValue = "10000",
      paramLabel = "N",
      description =
          "Monte Carlo runs (default: 10000, at most "
              + Forecast.MAX_SIMULATIONS
              + ": each takes 16 bytes of heap)")
  int simulations;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "N",
      description = "the seed of the runs (default: 42)")
  long seed;

  @Option(
      names = "--backtest-at",
      paramLabel = "INSTANT",
      converter = Converters.AsOf.class,
      description =
          "also backtest: forecast [T, T+horizon) from the log as recorded by T (changes entered"
              + " later and back-dated are unseen) and compare with what was won")
  @Nullable Instant backtestAt;

  @Option(
      names = "--budget",
      paramLabel = "CHANGE",
      converter = Percent.class,
      description = "a budget change such as +20%% or -10%% (needs --spend and --leads)")
  @Nullable Double budget;

  @Option(
      names = "--spend",
      paramLabel = "FILE",
      description =
          "spend.csv: the spend history the budget scenario fits; read with --budget only")
  @Nullable Path spendFile;

  @Option(
      names = "--leads",
      paramLabel = "FILE",
      description =
          "leads.csv: the revenue of deals not created yet then comes from the lead flow (rate,"
              + " conversion, lead-to-won delay) instead of the deal creation rate; needed by"
              + " --budget")
  @Nullable Path leadsFile;

  @Option(names = "--where", paramLabel = "DIM=VALUE[,VALUE...]", description = Where.HELP)
  List<String> where = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table (default) or json")
  Format format;

  @Option(
      names = "--rows",
      defaultValue = "20",
      paramLabel = "N|all",
      converter = Converters.Rows.class,
      description =
          "the most rows of the open pipeline by owner and by channel in a table (default: 20; all"
              + " for every row; JSON always has every row)")
  int rows;

  @Mixin OutputOptions output;

  /** The forecast's as-of: {@code --as-of}, else {@code --known-at}, else the view's default. */
  private @Nullable Instant forecastAsOf;

  @Override
  public Integer call() {
    if (format == Format.HTML) {
      throw new InputException(
          "funnel forecast: --format: html is not available for forecasts (use table or json)");
    }
    checkBudgetOptions();
    if (!where.isEmpty() && leadsFile != null) {
      throw new InputException(
          "funnel forecast: --where selects deals, and the lead flow and budget scenario read the"
              + " leads of --leads, which it cannot select: run those without --where");
    }
    Inputs inputs = new Inputs(output.lenient, spec.commandLine().getErr());
    DealLog read = files.read(inputs);
    ByNames.noteShadowedWhere(spec.commandLine().getErr(), "forecast", where, read, files.deals);
    ReadSummary records = ReadSummary.of(read);
    forecastAsOf = knownAt != null ? KnownAt.asOf(knownAt, asOf, "forecast") : asOf;
    // The segment is seen as of the same instant as the whole; the view is taken of the segment.
    DealLog segment = Where.select(read, where, "forecast");
    DealLog log = KnownAt.select(segment, knownAt);
    // The forecast refuses an empty log as a fault of the files; when the files have deals, the
    // option that left none is the one to name (diff review).
    if (read.dealCount() > 0 && segment.dealCount() == 0) {
      throw new InputException(
          "funnel forecast: --where "
              + String.join(" --where ", where.stream().map(Where::shown).toList())
              + ": no deal meets every condition, so there is no pipeline to forecast");
    }
    if (segment.dealCount() > 0 && log.dealCount() == 0) {
      throw new InputException(
          "funnel forecast: --known-at "
              + knownAt
              + ": no deal "
              + (where.isEmpty() ? "" : "of the segment ")
              + "was created by then, so there is no pipeline to forecast");
    }
    KnownAt.checkAsOf(log, forecastAsOf, KnownAt.asOfLabel(asOf), "forecast");
    ReadResult<SpendSample> spend = null;
    ReadResult<Lead> leads = null;
    // As in report and kpi: rows more than 68 years from the deal log's first instant are
    // rejected records (see Horizon).
    Horizon horizon = Horizon.of(read, inputs.files());
    if (budget != null) {
      SpendRecords s = horizon.spend(inputs.spendRecords(requireNonNull(spendFile)));
      // as in kpi: a row in another currency is named by its file and line
      KpiCommand.checkCurrencies(log.currency(), s);
      spend = s.spend();
      records = records.plus(ReadSummary.of(spend));
    }
    if (leadsFile != null) {
      leads = horizon.leads(inputs.leadRecords(leadsFile)).leads();
      records = records.plus(ReadSummary.of(leads));
    }
    ForecastReport report = report(log, leads == null ? null : leads.records());
    Optional<Backtest> backtest = Optional.empty();
    if (backtestAt != null) {
      Instant at = backtestAt;
      backtest = Optional.of(attempt("--backtest-at", () -> query(log).backtest(at)));
    }
    Optional<BudgetScenario> scenario = Optional.empty();
    if (budget != null && spend != null && leads != null) {
      double change = budget;
      ReadResult<SpendSample> s = spend;
      ReadResult<Lead> l = leads;
      scenario =
          Optional.of(
              attempt("--budget", () -> query(log).budget(change, s.records(), l.records())));
    }
    ReadSummary summary = records;
    Optional<Backtest> bt = backtest;
    Optional<BudgetScenario> bs = scenario;
    Output.write(
        spec, output.out, w -> write(format, report, bt, bs, summary, where, knownAt, rows, w));
    ReportCommand.noteRejections(spec.commandLine().getErr(), records);
    return FunnelCli.OK;
  }

  /**
   * The budget scenario needs --budget, --spend and --leads together: every missing one is named in
   * one line, before any file is read.
   */
  private void checkBudgetOptions() {
    if (budget == null) {
      if (spendFile != null) {
        throw new InputException(
            "funnel forecast: --spend: only the budget scenario reads spend; add --budget CHANGE"
                + " (such as +20%) and --leads FILE, or leave --spend out");
      }
      return;
    }
    String missing =
        Stream.of(
                spendFile == null ? "--spend FILE (spend.csv)" : null,
                leadsFile == null ? "--leads FILE (leads.csv)" : null)
            .filter(o -> o != null)
            .collect(Collectors.joining(" and "));
    if (!missing.isEmpty()) {
      throw new InputException(
          "funnel forecast: --budget: needs "
              + missing
              + ": the scenario fits leads against spend");
    }
  }

  /**
   * The report of the options, with the lead flow if leads were read; a value the library refuses
   * exits with 2 naming its option.
   */
  ForecastReport report(DealLog log, @Nullable List<Lead> leads) {
    Forecast f = query(log);
    if (leads != null) {
      attempt("--leads", () -> f.leads(leads));
    }
    return attempt("--pipeline, --deals, --changes", f::report);
  }

  private Forecast query(DealLog log) {
    Forecast f = Forecast.of(log);
    if (forecastAsOf != null) {
      f.asOf(forecastAsOf);
    }
    attempt("--horizon", () -> f.horizon(horizon));
    attempt("--simulations", () -> f.simulations(simulations));
    return f.seed(seed);
  }

  private interface Step<T> {
    T run();
  }

  private static <T> T attempt(String option, Step<T> step) {
    try {
      return step.run();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InputException("funnel forecast: " + option + ": " + e.getMessage());
    }
  }

  static void write(
      Format format,
      ForecastReport report,
      Optional<Backtest> backtest,
      Optional<BudgetScenario> budget,
      ReadSummary records,
      List<String> where,
      @Nullable Instant knownAt,
      int rows,
      Writer w)
      throws IOException {
    if (format == Format.JSON) {
      JsonReports.Document doc =
          ForecastJson.document(report, backtest, budget, Optional.of(records));
      Where.addTo(doc, where);
      KnownAt.addTo(doc, knownAt);
      doc.write(w);
      return;
    }
    Where.writeLine(w, where);
    KnownAt.writeLine(w, knownAt);
    w.write(report.print(rows));
    if (backtest.isPresent()) {
      w.write("\n");
      w.write(backtest.get().toString());
    }
    if (budget.isPresent()) {
      w.write("\n");
      w.write(budget.get().toString());
    }
    w.write("\n");
    w.write(ReportCommand.recordsTable(records));
  }

  /** A relative change written as a percentage: {@code +20%}, {@code 20%}, {@code -12.5%}. */
  static final class Percent implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String v = value.strip();
      if (!v.matches("[+-]?[0-9]+(\\.[0-9]+)?%")) {
        throw new TypeConversionException(
            "\"" + value + "\" is not a percentage such as +20%, 20% or -12.5%");
      }
      double change = new BigDecimal(v.substring(0, v.length() - 1)).movePointLeft(2).doubleValue();
      if (change <= -1) {
        throw new TypeConversionException(
            "\""
                + value
                + "\" is not above -100%: a budget cannot shrink by all of itself or more");
      }
      return change;
    }
  }
}
