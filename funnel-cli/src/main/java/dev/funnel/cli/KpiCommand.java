package dev.funnel.cli;

import dev.funnel.Dimension;
import dev.funnel.Period;
import dev.funnel.io.ActivityRecords;
import dev.funnel.io.JsonReports;
import dev.funnel.io.KpiJson;
import dev.funnel.io.LeadRecords;
import dev.funnel.io.ReadResult;
import dev.funnel.io.ReadSummary;
import dev.funnel.io.SpendRecords;
import dev.funnel.kpi.KpiReport;
import dev.funnel.kpi.Kpis;
import dev.funnel.log.DealLog;
import dev.funnel.log.Rejection;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import dev.funnel.model.Stage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code funnel kpi}: KPIs per period and channel with directed changes, activity-without-outcome
 * alerts, channel economics and the revenue driver tree, as a table or the JSON of FORMATS.md.
 */
@Command(
    name = "kpi",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Prints the KPIs of the data: the scorecard of the last complete period (outcome and activity KPIs with their change on the period before; the latest period when none is complete yet), the activity-without-outcome alerts, the economics of each channel (spend, leads, deals, revenue, CPL, CAC, ROAS, ROMI) and the revenue driver tree into that period."
    },
    footer = {
      "",
      "Attribution: leads count in the period of their creation, won deals and revenue in the period of their win, spend and activity in the period of their date; a lead's or deal's channel is the one recorded on it.",
      "Scopes: all and one per channel; --by owner,segment adds one per deal owner (owner=<name>) and per value of a deal attribute column (segment=<value>); --by attribute=NAME always means the column NAME, also one named like owner or a period (attribute=quarter). There a lead counts with the first deal naming it in lead_id, else under (unspecified); spend, sales cost and activity have no owner or attribute, so spend- and activity-based KPIs are absent (-) in those scopes.",
      "As-of: an ISO-8601 instant; without it, the latest event of the data. Periods are bucketed in UTC. With --known-at T the deals are those created by T with the stage changes recorded by T, and the KPIs are as of T: a win entered later and back-dated into a closed period is not counted, as the scorecard of T did not count it.",
      "Money: deals and spend must share one currency; mixed currencies are an error naming both.",
      "Activity metrics: a metric named like a built-in KPI (cpl, revenue, leads, ctr, ltv_cac, cost_per_<open stage>, ...; impressions and clicks are their own KPIs) is a rejected record of the activity file (file:line: metric: ...): it stops the command, and --lenient skips it.",
      "Exit status: 0 on success, 2 for unusable input or options, 1 for an internal error."
    })
final class KpiCommand implements Callable<Integer> {
  /** The output formats of {@code funnel kpi}. */
  enum KpiFormat {
    /** The scorecard, alerts, channel economics and driver tree as aligned tables. */
    TABLE,
    /** The JSON of FORMATS.md {@code funnel kpi --format json}. */
    JSON
  }

  /** {@code month}, {@code week} or {@code quarter}. */
  static final class PeriodName implements ITypeConverter<Period> {
    @Override
    public Period convert(String value) {
      switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "month":
          return Period.MONTH;
        case "week":
          return Period.WEEK;
        case "quarter":
          return Period.QUARTER;
        default:
          throw new TypeConversionException(
              "\"" + value + "\" is not a KPI period: use month, week or quarter");
      }
    }
  }

  @Spec CommandSpec spec;

  @Mixin DealFiles files;

  @Option(
      names = "--leads",
      paramLabel = "FILE",
      description = "leads.csv: leads, CPL and lead-to-deal")
  @Nullable Path leads;

  @Option(names = "--spend", required = true, paramLabel = "FILE", description = "spend.csv")
  Path spend;

  @Option(
      names = "--activity",
      paramLabel = "FILE",
      description = "activity.csv: impressions, clicks, CTR, CPC and one KPI per metric")
  @Nullable Path activity;

  @Option(
      names = "--period",
      defaultValue = "month",
      paramLabel = "SIZE",
      converter = PeriodName.class,
      description = "month (default), week or quarter")
  Period period;

  @Option(
      names = "--by",
      paramLabel = "DIM[,DIM...]",
      description =
          "more scopes, comma separated: owner (the team view) or a deal attribute column such as"
              + " segment; "
              + ByNames.ATTRIBUTE_HELP)
  List<String> by = new ArrayList<>();

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      converter = Converters.AsOf.class,
      description =
          "as of this instant: what occurred after it is not seen, what occurred by then is,"
              + " back-dated changes included (default: the latest event of the data)")
  @Nullable Instant asOf;

  @Option(
      names = "--known-at",
      paramLabel = "INSTANT",
      converter = Converters.AsOf.class,
      description = KnownAt.KPI_HELP)
  @Nullable Instant knownAt;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table (default) or json")
  KpiFormat format;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    by = CommaLists.items(by);
    Inputs inputs = new Inputs(output.lenient, spec.commandLine().getErr());
    DealLog read = files.read(inputs);
    ByNames.noteShadowedColumns(
        spec.commandLine().getErr(), "kpi", by, /* crossed= */ false, read, files.deals);
    ReadSummary records = ReadSummary.of(read);
    Instant at = knownAt != null ? KnownAt.asOf(knownAt, asOf, "kpi") : asOf;
    DealLog log = KnownAt.select(read, knownAt);
    KnownAt.checkAsOf(log, at, KnownAt.asOfLabel(asOf), "kpi");
    Kpis kpis = Kpis.of(log).period(period);
    if (!by.isEmpty()) {
      for (String name : by) {
        Dimension d;
        try {
          d = Dimension.named(name);
        } catch (IllegalArgumentException e) {
          continue; // Kpis.by says what is wrong with it
        }
        if (d.kind() == Dimension.Kind.CREATED) {
          throw new InputException(
              "funnel kpi: --by "
                  + name
                  + ": a creation period, not a scope; --period sets the rows' period (month,"
                  + " week or quarter), --by attribute="
                  + name
                  + " names a column called "
                  + name);
        }
      }
      try {
        kpis.by(by.toArray(new String[0]));
      } catch (IllegalArgumentException e) {
        throw new InputException("funnel kpi: --by: " + e.getMessage());
      }
    }
    Horizon horizon = Horizon.of(read, inputs.files());
    if (leads != null) {
      LeadRecords l = horizon.leads(inputs.leadRecords(leads));
      records = records.plus(ReadSummary.of(l.leads()));
      kpis.leads(l.leads().records());
      ReportCommand.noteUnmatchedLeadIds(spec.commandLine().getErr(), "kpi", l.leads(), read);
    }
    SpendRecords spendRecords = horizon.spend(inputs.spendRecords(spend));
    ReadResult<SpendSample> s = spendRecords.spend();
    records = records.plus(ReadSummary.of(s));
    checkCurrencies(log.currency(), spendRecords);
    kpis.spend(s.records());
    if (activity != null) {
      ActivityRecords a =
          horizon.activity(
              Inputs.read(activity, (in, name) -> ActivityRecords.read(inputs.files(), in, name)),
              openStages(log.pipeline()));
      records = records.plus(ReadSummary.of(a.activity()));
      kpis.activity(a.activity().records());
    }
    if (at != null) {
      kpis.asOf(at);
    }
    KpiReport report = report(kpis);
    ReadSummary all = records;
    Output.write(spec, output.out, w -> write(format, report, all, knownAt, w));
    ReportCommand.noteRejections(spec.commandLine().getErr(), all);
    return FunnelCli.OK;
  }

  /**
   * FORMATS.md: one report never adds two currencies. The first spend row in another currency than
   * the deals (or, without deal amounts, than the first spend row) ends the command with its file
   * and line: {@code spend.csv:3: currency: "USD": spend is in USD but deals are in EUR: ...}. It
   * ends the command with {@code --lenient} too: the rows are each fine, their sum is not. {@code
   * kpi}, {@code forecast --budget} and {@code validate} all make this check.
   *
   * @param deals the currency of the deal amounts ({@link DealLog#currency()}); empty without
   *     amounts, or without a usable deal log
   * @param spend the spend rows read, with their origins
   * @throws InputException naming the first row in another currency
   */
  static void checkCurrencies(Optional<Currency> deals, SpendRecords spend) {
    Optional<Currency> reference = deals;
    String where = "deals are";
    List<SpendSample> rows = spend.spend().records();
    for (int i = 0; i < rows.size(); i++) {
      Currency c = rows.get(i).cost().currency();
      if (reference.isEmpty()) {
        reference = Optional.of(c);
        where = "the spend of " + spend.origins().get(i) + " is";
      } else if (!reference.get().equals(c)) {
        throw new InputException(
            Rejection.of(
                    spend.origins().get(i),
                    "currency",
                    c.getCurrencyCode(),
                    "spend is in "
                        + c.getCurrencyCode()
                        + " but "
                        + where
                        + " in "
                        + reference.get().getCurrencyCode()
                        + ": one report never mixes currencies without a conversion table")
                .message());
      }
    }
  }

  /**
   * The ids of the open stages of this pipeline (none when it is null), whose {@code
   * cost_per_<stage>} KPIs an activity metric must not be named like.
   */
  static List<String> openStages(@Nullable Pipeline pipeline) {
    return pipeline == null ? List.of() : pipeline.openStages().stream().map(Stage::id).toList();
  }

  /** Computes the report; the library's input faults (mixed currencies) exit with 2. */
  static KpiReport report(Kpis kpis) {
    try {
      return kpis.report();
    } catch (IllegalArgumentException e) {
      throw new InputException("funnel kpi: " + e.getMessage());
    }
  }

  static void write(
      KpiFormat format, KpiReport report, ReadSummary records, @Nullable Instant knownAt, Writer w)
      throws IOException {
    switch (format) {
      case JSON:
        JsonReports.Document doc = KpiJson.document(report, Optional.of(records));
        KnownAt.addTo(doc, knownAt);
        doc.write(w);
        return;
      case TABLE:
        KnownAt.writeLine(w, knownAt);
        w.write(report.toString());
        w.write("\n");
        w.write(ReportCommand.recordsTable(records));
        return;
    }
    throw new AssertionError(format);
  }
}
