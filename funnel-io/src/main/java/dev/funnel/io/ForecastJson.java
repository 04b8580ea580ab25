package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.forecast.Backtest;
import dev.funnel.forecast.CalibrationBucket;
import dev.funnel.forecast.ForecastReport;
import dev.funnel.forecast.MethodResult;
import dev.funnel.forecast.NewDeals;
import dev.funnel.forecast.Simulation;
import dev.funnel.forecast.Slice;
import dev.funnel.forecast.StageProbability;
import dev.funnel.model.Money;
import dev.funnel.stats.Proportion;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a forecast as the JSON of FORMATS.md ({@code funnel forecast --format json}): {@code
 * stageWinProbability: { stage: p }}, {@code weightedPipeline} (money), {@code simulation: { runs,
 * seed, p10, p50, p90, mean }} and, with a backtest, {@code backtest: { at, horizon, predicted,
 * actual, absoluteError, brier }} (the figures of the time-aware method, every method under {@code
 * methods}). Further detail follows: {@code stages}, deal counts, {@code expectedWithinHorizon},
 * the histogram, {@code newDeals}, {@code byOwner}, {@code byChannel}, {@code target} and {@code
 * coverage}.
 *
 * <p>Conventions: money is {@code { "amount": 1250.00, "currency": "EUR" }}, durations and instants
 * are ISO-8601 strings, a proportion is {@code { successes, trials, rate, low, high }} (null
 * figures with 0 trials), and an absent number is {@code null}.
 */
public final class ForecastJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ForecastJson() {}

  /**
   * Writes the forecast (and the backtest, if given) to the writer, which is flushed, not closed.
   *
   * @throws IOException if the writer fails
   */
  public static void write(ForecastReport report, Optional<Backtest> backtest, Writer out)
      throws IOException {
    requireNonNull(report, "report");
    requireNonNull(backtest, "backtest");
    requireNonNull(out, "out");
    try (JsonGenerator g =
        FACTORY.createGenerator(ObjectWriteContext.empty(), new NonClosing(out))) {
      g.writeStartObject();
      writeReport(g, report);
      if (backtest.isPresent()) {
        g.writeName("backtest");
        writeBacktest(g, backtest.get());
      }
      g.writeEndObject();
    } catch (JacksonException e) {
      if (e.getCause() instanceof IOException) {
        throw (IOException) e.getCause();
      }
      throw e;
    }
    out.flush();
  }

  /** The forecast (and the backtest, if given) as a JSON string. */
  public static String toJson(ForecastReport report, Optional<Backtest> backtest) {
    StringWriter out = new StringWriter();
    try {
      write(report, backtest, out);
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
      g.writeStringProperty("lookback", n.lookback().toString());
      g.writeNumberProperty("deals", n.deals());
      g.writeNumberProperty("dealsPerDay", n.dealsPerDay());
      money(g, "meanAmount", n.meanAmount());
      g.writeNumberProperty("winWithinHorizon", n.winWithinHorizon());
      money(g, "expectedRevenue", n.expectedRevenue());
      g.writeEndObject();
    }
    slices(g, "byOwner", r.byOwner());
    slices(g, "byChannel", r.byChannel());
    if (r.target().isPresent()) {
      money(g, "target", r.target().get());
    }
    number(g, "coverage", r.coverage());
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
        g.writeNumberProperty("meanPredicted", c.meanPredicted());
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

  /** Keeps the generator from closing the caller's writer. */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
