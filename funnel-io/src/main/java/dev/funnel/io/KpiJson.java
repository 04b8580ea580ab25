package dev.funnel.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.funnel.io.internal.GeneratorOut;
import dev.funnel.kpi.Alert;
import dev.funnel.kpi.ChannelEconomics;
import dev.funnel.kpi.DriverTree;
import dev.funnel.kpi.KpiReport;
import dev.funnel.kpi.KpiRow;
import dev.funnel.kpi.KpiValue;
import dev.funnel.kpi.Measure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a {@link KpiReport} as the JSON of {@code funnel kpi --format json} (FORMATS.md), with a
 * streaming generator:
 *
 * <pre>
 * { asOf, records: { read, accepted, rejected }, rejected: [ { file, line, field, value, reason } ],
 *   periodSize, zone, currency, margin, alertThreshold,
 *   periods: [ { period, scope, wonWithoutAmount?, kpis: [ { id, kind, unit, value, target?, attainment?,
 *     directedChange? } ] } ],
 *   alerts: [ { type, period, scope, activity: [ids], outcome: [ids] } ],
 *   channelEconomics: [ { scope, spend, leads, deals, wonDeals, wonWithoutAmount, revenue, cpl, cac,
 *     roas, romi } ],
 *   driverTree: { scope, from, to, revenueBefore, revenueAfter, revenueChange, undecomposed?,
 *                 levels: [ { name, before, after } ], factors: [ { name, before, after, contribution } ] } }
 * </pre>
 *
 * {@code records} and {@code rejected} are written when the records behind the report are given, as
 * in {@code funnel report} ({@code field} and {@code value} are null when the record as a whole is
 * at fault). An absent KPI value is {@code null}; absent optional fields ({@code target}, {@code
 * attainment}, {@code directedChange}, {@code undecomposed}) are left out; {@code wonWithoutAmount}
 * (won deals of the row without an amount, which revenue, ROAS and ROMI leave out) is written when
 * it is not 0. Money is {@code { "amount", "currency" }}; {@code driverTree} is the tree of scope
 * {@code all} into the last complete period from the one before ({@link KpiReport#driverTree()}),
 * {@code null} when that period is the first or the revenue of either is unknown (won deals, none
 * with an amount). JSON has no infinity: a non-finite number is written {@code null}. {@link
 * #document} gives the document to add further sections to.
 */
public final class KpiJson {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_CONTENT).build();

  private KpiJson() {}

  private static final class Pretty extends ObjectWriteContext.Base {
    @Override
    public PrettyPrinter getPrettyPrinter() {
      return GeneratorOut.prettyPrinter();
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  }

  /**
   * Writes the report, pretty-printed, to this writer (which is flushed, not closed).
   *
   * @param report the KPI report
   * @param out the writer
   * @throws IOException if the writer fails
   */
  public static void write(KpiReport report, Writer out) throws IOException {
    write(report, Optional.empty(), out);
  }

  /**
   * Writes the report with the accounting of the records behind it ({@code records} and {@code
   * rejected} after {@code asOf}), pretty-printed, to this writer (which is flushed, not closed).
   *
   * @param report the KPI report
   * @param records the accounting of the records behind it
   * @param out the writer
   * @throws IOException if the writer fails
   */
  public static void write(KpiReport report, ReadSummary records, Writer out) throws IOException {
    write(report, Optional.of(requireNonNull(records, "records")), out);
  }

  /**
   * The document that {@link #write(KpiReport, ReadSummary, Writer)} writes (without the records
   * when they are empty), to which further top-level sections can be added, written after the
   * report's own, as to a funnel report's: {@code funnel kpi --known-at} adds the {@code knownAt}
   * instant of its view. Its {@link JsonReports.Document#write write} ends the document with a line
   * end.
   *
   * @param report the KPI report
   * @param records the accounting of the records behind it, if any
   * @return the document
   */
  public static JsonReports.Document document(KpiReport report, Optional<ReadSummary> records) {
    requireNonNull(report, "report");
    requireNonNull(records, "records");
    return JsonReports.objectDocument(g -> report(g, report, records));
  }

  private static void write(KpiReport report, Optional<ReadSummary> records, Writer out)
      throws IOException {
    requireNonNull(report, "report");
    requireNonNull(out, "out");
    try (JsonGenerator g = JSON.createGenerator(new Pretty(), new NonClosing(out))) {
      report(g, report, records);
    } catch (JacksonIOException e) {
      throw e.getCause();
    }
    out.flush();
  }

  /**
   * Writes the report as UTF-8 to this stream (which is flushed, not closed).
   *
   * @param report the KPI report
   * @param out the stream
   * @throws IOException if the stream fails
   */
  public static void write(KpiReport report, OutputStream out) throws IOException {
    requireNonNull(out, "out");
    Writer w = new OutputStreamWriter(out, UTF_8);
    write(report, w);
  }

  /**
   * The report as a JSON string.
   *
   * @param report the KPI report
   * @return the JSON document, pretty-printed
   */
  public static String toJson(KpiReport report) {
    StringWriter w = new StringWriter();
    try {
      write(report, w);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return w.toString();
  }

  private static void report(JsonGenerator g, KpiReport r, Optional<ReadSummary> records)
      throws JacksonException {
    Optional<String> currency = r.currency().map(Currency::getCurrencyCode);
    g.writeStartObject();
    g.writeStringProperty("asOf", r.asOf().toString());
    if (records.isPresent()) {
      ForecastJson.writeRecords(g, records.get());
    }
    g.writeStringProperty("periodSize", r.period().name().toLowerCase(Locale.ROOT));
    g.writeStringProperty("zone", r.zone().getId());
    g.writeName("currency");
    string(g, currency);
    g.writeNumberProperty("margin", r.parameters().margin());
    g.writeNumberProperty("alertThreshold", r.alertThreshold());

    g.writeArrayPropertyStart("periods");
    for (KpiRow row : r.rows()) {
      g.writeStartObject();
      g.writeStringProperty("period", row.period());
      g.writeStringProperty("scope", row.scope());
      long unpriced = row.measures().records(Measure.WON_WITHOUT_AMOUNT);
      if (unpriced > 0) {
        g.writeNumberProperty("wonWithoutAmount", unpriced);
      }
      g.writeArrayPropertyStart("kpis");
      for (KpiValue v : row.kpis()) {
        g.writeStartObject();
        g.writeStringProperty("id", v.id());
        g.writeStringProperty("kind", v.kind().name());
        g.writeStringProperty("unit", v.unit().name());
        g.writeName("value");
        number(g, v.value());
        optional(g, "target", v.target());
        optional(g, "attainment", v.attainment());
        optional(g, "directedChange", v.directedChange());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeArrayPropertyStart("alerts");
    for (Alert a : r.alerts()) {
      g.writeStartObject();
      g.writeStringProperty("type", a.type().name());
      g.writeStringProperty("period", a.period());
      g.writeStringProperty("scope", a.scope());
      strings(g, "activity", a.activity());
      strings(g, "outcome", a.outcome());
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeArrayPropertyStart("channelEconomics");
    for (ChannelEconomics c : r.channelEconomics()) {
      g.writeStartObject();
      g.writeStringProperty("scope", c.scope());
      g.writeName("spend");
      if (c.spend().isPresent()) {
        money(g, c.spend().get(), currency);
      } else {
        g.writeNull();
      }
      if (c.leads().isPresent()) {
        g.writeNumberProperty("leads", c.leads().getAsLong());
      } else {
        g.writeNullProperty("leads");
      }
      g.writeNumberProperty("deals", c.deals());
      g.writeNumberProperty("wonDeals", c.wonDeals());
      g.writeNumberProperty("wonWithoutAmount", c.wonWithoutAmount());
      g.writeName("revenue");
      if (c.revenue().isPresent()) {
        money(g, c.revenue().get(), currency);
      } else {
        g.writeNull();
      }
      g.writeName("cpl");
      number(g, c.cpl());
      g.writeName("cac");
      number(g, c.cac());
      g.writeName("roas");
      number(g, c.roas());
      g.writeName("romi");
      number(g, c.romi());
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeName("driverTree");
    Optional<DriverTree> tree = r.driverTree();
    if (tree.isPresent()) {
      driverTree(g, tree.get());
    } else {
      g.writeNull();
    }
    g.writeEndObject();
  }

  private static void driverTree(JsonGenerator g, DriverTree t) {
    g.writeStartObject();
    g.writeStringProperty("scope", t.scope());
    g.writeStringProperty("from", t.from());
    g.writeStringProperty("to", t.to());
    g.writeNumberProperty("revenueBefore", t.revenueBefore());
    g.writeNumberProperty("revenueAfter", t.revenueAfter());
    g.writeNumberProperty("revenueChange", t.revenueChange());
    if (t.undecomposed().isPresent()) {
      g.writeStringProperty("undecomposed", t.undecomposed().get());
    }
    g.writeArrayPropertyStart("levels");
    for (DriverTree.Level l : t.levels()) {
      g.writeStartObject();
      g.writeStringProperty("name", l.name());
      g.writeName("before");
      number(g, l.before());
      g.writeName("after");
      number(g, l.after());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayPropertyStart("factors");
    for (DriverTree.Factor f : t.factors()) {
      g.writeStartObject();
      g.writeStringProperty("name", f.name());
      g.writeName("before");
      number(g, f.before());
      g.writeName("after");
      number(g, f.after());
      g.writeName("contribution");
      number(g, f.contribution());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void money(JsonGenerator g, BigDecimal amount, Optional<String> currency) {
    g.writeStartObject();
    g.writeNumberProperty("amount", amount);
    g.writeName("currency");
    string(g, currency);
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, Optional<String> s) {
    if (s.isPresent()) {
      g.writeString(s.get());
    } else {
      g.writeNull();
    }
  }

  /** A number, or null when absent or not finite (JSON has no infinity; Jackson would quote it). */
  private static void number(JsonGenerator g, OptionalDouble v) {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      g.writeNumber(v.getAsDouble());
    } else {
      g.writeNull();
    }
  }

  private static void optional(JsonGenerator g, String name, OptionalDouble v) {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      g.writeNumberProperty(name, v.getAsDouble());
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) {
    g.writeArrayPropertyStart(name);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
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
