package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.forecast.Backtest;
import dev.funnel.forecast.BudgetScenario;
import dev.funnel.forecast.CalibrationBucket;
import dev.funnel.forecast.ForecastReport;
import dev.funnel.forecast.MethodResult;
import dev.funnel.forecast.NewDeals;
import dev.funnel.forecast.Simulation;
import dev.funnel.forecast.Slice;
import dev.funnel.forecast.StageProbability;
import dev.funnel.log.Rejection;
import dev.funnel.model.Money;
import dev.funnel.stats.Proportion;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a forecast as the JSON of FORMATS.md ({@code funnel forecast --format json}): {@code
 * stageWinProbability: { stage: p }}, {@code weightedPipeline} (money), {@code simulation: { runs,
 * seed, p10, p50, p90, mean }} and, with a backtest, {@code backtest: { at, horizon, predicted,
 * actual, absoluteError, brier }} (the figures of the time-aware method, every method under {@code
 * methods}). Further detail follows: {@code stages}, deal counts, {@code expectedWithinHorizon},
 * the histogram, {@code newDeals: { model (DEAL_RATE or LEAD_FLOW), expectedRevenue, lookback,
 * deals, dealsPerDay, meanAmount, winWithinHorizon, dealRateRevenue, leadFlow: { leads,
 * leadsPerDay, expectedLeads, conversion, winProbability, wonFromLeads, meanLeadToDealDays,
 * meanDealToWonDays, meanWonAmount, wonWithinHorizon, expectedRevenue, notes } or null }}, {@code
 * byOwner}, {@code byChannel}, {@code target} and {@code coverage}. With a budget scenario, {@code
 * budget: { change, naive, scenario, ... }} (see {@link #write(ForecastReport, Optional, Optional,
 * Optional, Writer)}).
 *
 * <p>Conventions: money is {@code { "amount": 1250.00, "currency": "EUR" }}, durations and instants
 * are ISO-8601 strings, a proportion is {@code { successes, trials, rate, low, high }} (null
 * figures with 0 trials), and an absent number is {@code null}.
 */
public final class ForecastJson {
  private ForecastJson() {}

  /**
   * Writes the forecast (and the backtest, if given) to the writer, which is flushed, not closed.
   *
   * @param report the forecast
   * @param backtest the backtest, if any
   * @param out the writer
   * @throws IOException if the writer fails
   */
  public static void write(ForecastReport report, Optional<Backtest> backtest, Writer out)
      throws IOException {
    write(report, backtest, Optional.empty(), Optional.empty(), out);
  }

  /**
   * Writes the forecast, the backtest and the budget scenario (each if given) to the writer,
   * pretty-printed and followed by a line end, as every JSON report of this module; the writer is
   * flushed, not closed. With the records behind it, the document starts with {@code records: {
   * read, accepted, rejected }} and {@code rejected: [ { file, line, field, value, reason } ]} as
   * {@code funnel report} does. The budget section: {@code budget: { change, asOf, firstMonth,
   * lastMonth, baselineMonths, baselineRevenue, naiveRevenue, scenarioRevenue (money per month),
   * naiveChange, scenarioChange, extraSpend, extraLeads, extraDeals, workedExtraDeals,
   * baselineDeals, winRate, winRateAtNewLoad, leadToDeal (proportions), averageWonDealSize,
   * channels: [ { channel, months, a, b, fitted, clamped, baselineSpend, baselineLeads,
   * scenarioLeads } ], capacity: { dealsPerMonth, usualDealsPerMonth, baselineDeals, slack, owners:
   * [ { owner, months, usual, capacity } ] }, load: { points, fitted, clamped, slope, baselineLoad,
   * newLoad, lighter, usual, heavier } }}.
   *
   * @param report the forecast
   * @param backtest the backtest, if any
   * @param budget the budget scenario, if any
   * @param records the accounting of the records behind it, if any
   * @param out the writer
   * @throws IOException if the writer fails
   */
  public static void write(
      ForecastReport report,
      Optional<Backtest> backtest,
      Optional<BudgetScenario> budget,
      Optional<ReadSummary> records,
      Writer out)
      throws IOException {
    requireNonNull(out, "out");
    document(report, backtest, budget, records).write(out);
  }

  /**
   * The document that {@link #write(ForecastReport, Optional, Optional, Optional, Writer)} writes,
   * to which further top-level sections can be added (written after the forecast's own), as to a
   * funnel report's: {@code funnel forecast --where} adds the {@code where} array of its
   * conditions.
   *
   * @param report the forecast
   * @param backtest the backtest, if any
   * @param budget the budget scenario, if any
   * @param records the accounting of the records behind it, if any
   * @return the document, not yet written
   */
  public static JsonReports.Document document(
      ForecastReport report,
      Optional<Backtest> backtest,
      Optional<BudgetScenario> budget,
      Optional<ReadSummary> records) {
    requireNonNull(report, "report");
    requireNonNull(backtest, "backtest");
    requireNonNull(budget, "budget");
    requireNonNull(records, "records");
    return JsonReports.objectDocument(
        g -> {
          g.writeStartObject();
          if (records.isPresent()) {
            writeRecords(g, records.get());
          }
          writeReport(g, report);
          if (backtest.isPresent()) {
            g.writeName("backtest");
            writeBacktest(g, backtest.get());
          }
          if (budget.isPresent()) {
            g.writeName("budget");
            writeBudget(g, budget.get());
          }
          g.writeEndObject();
        });
  }

  /**
   * The forecast (and the backtest, if given) as a JSON string.
   *
   * @param report the forecast
   * @param backtest the backtest, if any
   * @return the JSON document
   */
  public static String toJson(ForecastReport report, Optional<Backtest> backtest) {
    return toJson(report, backtest, Optional.empty());
  }

  /**
   * The forecast, the backtest and the budget scenario (each if given) as a JSON string.
   *
   * @param report the forecast
   * @param backtest the backtest, if any
   * @param budget the budget scenario, if any
   * @return the JSON document
   */
  public static String toJson(
      ForecastReport report, Optional<Backtest> backtest, Optional<BudgetScenario> budget) {
    StringWriter out = new StringWriter();
    try {
      write(report, backtest, budget, Optional.empty(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeReport(JsonGenerator g, ForecastReport r) {
    g.writeStringProperty("asOf", r.asOf().toString());
    g.writeName("horizon");
    if (r.horizon().isPresent()) {
      g.writeString(r.horizon().get().toString());
    } else {
      g.writeNull();
    }
    g.writeName("stageWinProbability");
    g.writeStartObject();
    for (StageProbability s : r.stages()) {
      number(g, s.stage(), s.empirical());
    }
    g.writeEndObject();
    g.writeName("stages");
    g.writeStartArray();
    for (StageProbability s : r.stages()) {
      g.writeStartObject();
      g.writeStringProperty("stage", s.stage());
      g.writeNumberProperty("rank", s.rank());
      g.writeNumberProperty("finishedVisits", s.finishedVisits());
      number(g, "empirical", s.empirical());
      number(g, "low", s.low());
      number(g, "high", s.high());
      number(g, "declared", s.declared());
      number(g, "gap", s.gap());
      g.writeName("direct");
      proportion(g, s.direct());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberProperty("openDeals", r.openDeals());
    g.writeNumberProperty("withoutAmount", r.withoutAmount());
    g.writeNumberProperty("withoutProbability", r.withoutProbability());
    money(g, "weightedPipeline", r.weightedPipeline());
    money(g, "expectedWithinHorizon", r.expectedWithinHorizon());
    g.writeName("simulation");
    simulation(g, r.simulation());
    if (r.newDeals().isPresent()) {
      NewDeals n = r.newDeals().get();
      g.writeName("newDeals");
      g.writeStartObject();
      g.writeStringProperty("model", n.model().name());
      money(g, "expectedRevenue", n.expectedRevenue());
      g.writeStringProperty("lookback", n.lookback().toString());
      g.writeNumberProperty("deals", n.deals());
      g.writeNumberProperty("dealsPerDay", n.dealsPerDay());
      money(g, "meanAmount", n.meanAmount());
      g.writeNumberProperty("winWithinHorizon", n.winWithinHorizon());
      money(g, "dealRateRevenue", n.dealRateRevenue());
      g.writeName("leadFlow");
      if (n.leadFlow().isPresent()) {
        leadFlow(g, n.leadFlow().get());
      } else {
        g.writeNull();
      }
      g.writeEndObject();
    }
    slices(g, "byOwner", r.byOwner());
    slices(g, "byChannel", r.byChannel());
    if (r.target().isPresent()) {
      money(g, "target", r.target().get());
    }
    number(g, "coverage", r.coverage());
  }

  private static void leadFlow(JsonGenerator g, NewDeals.LeadFlow f) {
    g.writeStartObject();
    g.writeNumberProperty("leads", f.leads());
    g.writeNumberProperty("leadsPerDay", f.leadsPerDay());
    g.writeNumberProperty("expectedLeads", f.expectedLeads());
    g.writeName("conversion");
    proportion(g, f.conversion());
    g.writeNumberProperty("winProbability", f.winProbability());
    g.writeNumberProperty("wonFromLeads", f.wonFromLeads());
    number(g, "meanLeadToDealDays", f.meanLeadToDealDays());
    number(g, "meanDealToWonDays", f.meanDealToWonDays());
    money(g, "meanWonAmount", f.meanWonAmount());
    g.writeNumberProperty("wonWithinHorizon", f.wonWithinHorizon());
    money(g, "expectedRevenue", f.expectedRevenue());
    g.writeName("notes");
    g.writeStartArray();
    f.notes().forEach(g::writeString);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void simulation(JsonGenerator g, Simulation s) {
    g.writeStartObject();
    g.writeNumberProperty("runs", s.runs());
    g.writeNumberProperty("seed", s.seed());
    money(g, "p10", s.p10());
    money(g, "p50", s.p50());
    money(g, "p90", s.p90());
    money(g, "mean", s.mean());
    g.writeName("histogram");
    g.writeStartArray();
    for (Simulation.Bin b : s.histogram()) {
      g.writeStartObject();
      money(g, "low", b.low());
      money(g, "high", b.high());
      g.writeNumberProperty("runs", b.runs());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void slices(JsonGenerator g, String name, List<Slice> slices) {
    g.writeName(name);
    g.writeStartArray();
    for (Slice s : slices) {
      g.writeStartObject();
      g.writeStringProperty("key", s.key());
      g.writeNumberProperty("openDeals", s.openDeals());
      g.writeNumberProperty("withoutAmount", s.withoutAmount());
      money(g, "weightedPipeline", s.weightedPipeline());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeBacktest(JsonGenerator g, Backtest b) {
    MethodResult main = b.methods().get(0);
    g.writeStartObject();
    g.writeStringProperty("at", b.at().toString());
    g.writeStringProperty("horizon", b.horizon().toString());
    g.writeStringProperty("method", main.method().name());
    g.writeNumberProperty("openDeals", b.openDeals());
    result(g, main);
    g.writeName("methods");
    g.writeStartArray();
    for (MethodResult r : b.methods()) {
      g.writeStartObject();
      g.writeStringProperty("method", r.method().name());
      g.writeNumberProperty("deals", r.deals());
      result(g, r);
      g.writeName("calibration");
      g.writeStartArray();
      for (CalibrationBucket c : r.calibration()) {
        g.writeStartObject();
        g.writeNumberProperty("from", c.from());
        g.writeNumberProperty("to", c.to());
        // a mean of no deals is absent (the table leaves the bucket out), not 0
        g.writeName("meanPredicted");
        if (c.observed().trials() == 0) {
          g.writeNull();
        } else {
          g.writeNumber(c.meanPredicted());
        }
        g.writeName("observed");
        proportion(g, c.observed());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * The {@code records: { read, accepted, rejected }} and {@code rejected: [ { file, line, field,
   * value, reason } ]} properties of a document; shared with {@link KpiJson}.
   */
  static void writeRecords(JsonGenerator g, ReadSummary records) {
    g.writeName("records");
    g.writeStartObject();
    g.writeNumberProperty("read", records.read());
    g.writeNumberProperty("accepted", records.accepted());
    g.writeNumberProperty("rejected", records.rejected());
    g.writeEndObject();
    g.writeName("rejected");
    g.writeStartArray();
    for (Rejection r : records.rejections()) {
      g.writeStartObject();
      g.writeStringProperty("file", r.source());
      g.writeNumberProperty("line", r.line());
      g.writeName("field");
      if (r.field().isEmpty()) {
        g.writeNull();
      } else {
        g.writeString(r.field());
      }
      g.writeName("value");
      if (r.value().isEmpty()) {
        g.writeNull();
      } else {
        g.writeString(r.value());
      }
      g.writeStringProperty("reason", r.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeBudget(JsonGenerator g, BudgetScenario b) {
    g.writeStartObject();
    g.writeNumberProperty("change", b.budgetChange());
    g.writeStringProperty("asOf", b.asOf().toString());
    g.writeStringProperty("firstMonth", b.firstMonth().toString());
    g.writeStringProperty("lastMonth", b.lastMonth().toString());
    g.writeName("baselineMonths");
    g.writeStartArray();
    b.baselineMonths().forEach(m -> g.writeString(m.toString()));
    g.writeEndArray();
    money(g, "baselineRevenue", b.baselineRevenue());
    money(g, "naiveRevenue", b.naiveRevenue());
    money(g, "scenarioRevenue", b.scenarioRevenue());
    g.writeNumberProperty("naiveChange", b.budgetChange());
    number(g, "scenarioChange", b.revenueChange());
    money(g, "extraSpend", b.extraSpend());
    g.writeNumberProperty("extraLeads", b.extraLeads());
    g.writeNumberProperty("extraDeals", b.extraDeals());
    g.writeNumberProperty("workedExtraDeals", b.workedExtraDeals());
    g.writeNumberProperty("baselineDeals", b.baselineDeals());
    g.writeName("winRate");
    proportion(g, b.winRate());
    g.writeNumberProperty("winRateAtNewLoad", b.winRateAtNewLoad());
    g.writeName("leadToDeal");
    proportion(g, b.leadToDeal());
    money(g, "averageWonDealSize", b.averageWonDealSize());
    g.writeName("channels");
    g.writeStartArray();
    for (BudgetScenario.Channel c : b.channels()) {
      g.writeStartObject();
      g.writeStringProperty("channel", c.channel());
      g.writeNumberProperty("months", c.months());
      number(g, "a", c.a());
      g.writeNumberProperty("b", c.b());
      g.writeBooleanProperty("fitted", c.fitted());
      g.writeBooleanProperty("clamped", c.clamped());
      money(g, "baselineSpend", c.baselineSpend());
      g.writeNumberProperty("baselineLeads", c.baselineLeads());
      g.writeNumberProperty("scenarioLeads", c.scenarioLeads());
      g.writeEndObject();
    }
    g.writeEndArray();
    BudgetScenario.Capacity cap = b.capacity();
    g.writeName("capacity");
    g.writeStartObject();
    g.writeNumberProperty("dealsPerMonth", cap.dealsPerMonth());
    g.writeNumberProperty("usualDealsPerMonth", cap.usualDealsPerMonth());
    g.writeNumberProperty("baselineDeals", cap.baselineDeals());
    g.writeNumberProperty("slack", cap.slack());
    g.writeName("owners");
    g.writeStartArray();
    for (BudgetScenario.Owner o : cap.owners()) {
      g.writeStartObject();
      g.writeStringProperty("owner", o.owner());
      g.writeNumberProperty("months", o.months());
      g.writeNumberProperty("usual", o.usual());
      g.writeNumberProperty("capacity", o.capacity());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    BudgetScenario.Load load = b.load();
    g.writeName("load");
    g.writeStartObject();
    g.writeNumberProperty("points", load.points());
    g.writeBooleanProperty("fitted", load.fitted());
    g.writeBooleanProperty("clamped", load.clamped());
    g.writeNumberProperty("slope", load.slope());
    g.writeNumberProperty("baselineLoad", load.baselineLoad());
    g.writeNumberProperty("newLoad", load.newLoad());
    g.writeName("lighter");
    proportion(g, load.lighter());
    g.writeName("usual");
    proportion(g, load.usual());
    g.writeName("heavier");
    proportion(g, load.heavier());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void result(JsonGenerator g, MethodResult r) {
    money(g, "predicted", r.predicted());
    money(g, "actual", r.actual());
    money(g, "absoluteError", r.absoluteError());
    number(g, "relativeError", r.relativeError());
    number(g, "brier", r.brier());
  }

  private static void money(JsonGenerator g, String name, Money m) {
    g.writeName(name);
    g.writeStartObject();
    g.writeName("amount");
    g.writeNumber(m.amount());
    g.writeStringProperty("currency", m.currency().getCurrencyCode());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, OptionalDouble v) {
    g.writeName(name);
    if (v.isPresent()) {
      g.writeNumber(v.getAsDouble());
    } else {
      g.writeNull();
    }
  }

  private static void proportion(JsonGenerator g, Proportion p) {
    g.writeStartObject();
    g.writeNumberProperty("successes", p.successes());
    g.writeNumberProperty("trials", p.trials());
    number(g, "rate", p.rate());
    number(g, "low", p.low());
    number(g, "high", p.high());
    g.writeEndObject();
  }
}
