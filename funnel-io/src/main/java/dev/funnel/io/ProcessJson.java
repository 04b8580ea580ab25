package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.audit.AuditReport;
import dev.funnel.hygiene.HygieneReport;
import dev.funnel.io.internal.ProcessSections;
import dev.funnel.losses.HandOffReport;
import dev.funnel.losses.LossReport;
import dev.funnel.people.PeopleReport;
import dev.funnel.sla.SlaReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.BiConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON of the process reports (hygiene, SLA, losses, hand-off, people, audit) with the field names
 * of FORMATS.md: {@code hygiene: { retroactive, burstChanges, skips, skippedStages, backwardMoves,
 * ... }}, {@code losses: [ { reason, count, share, amount } ]}, {@code concentration: { owners,
 * top1Share, top20PercentShare, hhi }}, {@code sla: { met, breached, atRisk, compliance,
 * responseTime }}, {@code staleDeals}, {@code audit}. Durations are ISO-8601 strings, money is
 * {@code {amount, currency}}, a proportion is {@code {successes, trials, rate, low, high}} (null
 * figures with 0 trials), a distribution is {@code {count, p50, p75, p90, mean}}.
 *
 * {@snippet :
 * String json = ProcessJson.toJson(Hygiene.of(log).report());
 * }
 *
 * <p>Each report is written as one JSON object. The report writer of {@code funnel report} embeds
 * the same sections through this module's internal section writers, so the two never differ.
 */
public final class ProcessJson {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_CONTENT).build();

  private ProcessJson() {}

  private static <T> void write(T report, Writer out, BiConsumer<JsonGenerator, T> section)
      throws IOException {
    requireNonNull(report, "report");
    requireNonNull(out, "out");
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      section.accept(g, report);
    } catch (JacksonException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  private static <T> String json(T report, BiConsumer<JsonGenerator, T> section) {
    StringWriter out = new StringWriter();
    try {
      write(report, out, section);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes the hygiene report as one object; the writer is not closed.
   *
   * @param report the hygiene report
   * @param out the writer
   * @throws IOException if the writer fails
   */
  public static void write(HygieneReport report, Writer out) throws IOException {
    write(report, new NonClosing(out), ProcessSections::hygiene);
  }

  /**
   * The hygiene report as one JSON object.
   *
   * @param report the hygiene report
   * @return the JSON object
   */
  public static String toJson(HygieneReport report) {
    return json(report, ProcessSections::hygiene);
  }

  /**
   * Writes the loss report as one object ({@code losses} holds the FORMATS.md array); the writer is
   * not closed.
   *
   * @param report the loss report
   * @param out the writer
   * @throws IOException if the writer fails
   */
  public static void write(LossReport report, Writer out) throws IOException {
    write(report, new NonClosing(out), ProcessSections::lossReport);
  }

  /**
   * The loss report as one JSON object.
   *
   * @param report the loss report
   * @return the JSON object
   */
  public static String toJson(LossReport report) {
    return json(report, ProcessSections::lossReport);
  }

  /**
   * The FORMATS.md {@code losses} array alone: {@code [ { reason, count, share, amount } ]}.
   *
   * @param report the loss report
   * @return the JSON array
   */
  public static String lossesArray(LossReport report) {
    return json(report, ProcessSections::losses);
  }

  /**
   * Writes the hand-off report as one object; the writer is not closed.
   *
   * @param report the hand-off report
   * @param out the writer
   * @throws IOException if the writer fails
   */
  public static void write(HandOffReport report, Writer out) throws IOException {
    write(report, new NonClosing(out), ProcessSections::handOff);
  }

  /**
   * The hand-off report as one JSON object.
   *
   * @param report the hand-off report
   * @return the JSON object
   */
  public static String toJson(HandOffReport report) {
    return json(report, ProcessSections::handOff);
  }

  /**
   * Writes the people report as one object; the writer is not closed.
   *
   * @param report the people report
   * @param out the writer
   * @throws IOException if the writer fails
   */
  public static void write(PeopleReport report, Writer out) throws IOException {
    write(report, new NonClosing(out), ProcessSections::people);
  }

  /**
   * The people report as one JSON object ({@code concentration} and owner comparisons).
   *
   * @param report the people report
   * @return the JSON object
   */
  public static String toJson(PeopleReport report) {
    return json(report, ProcessSections::people);
  }

  /**
   * Writes the SLA report as one object, with its {@code staleDeals} array inside; the writer is
   * not closed.
   *
   * @param report the SLA report
   * @param out the writer
   * @throws IOException if the writer fails
   */
  public static void write(SlaReport report, Writer out) throws IOException {
    write(report, new NonClosing(out), ProcessJson::slaWithStale);
  }

  /**
   * The SLA report as one JSON object, with its {@code staleDeals} array inside.
   *
   * @param report the SLA report
   * @return the JSON object
   */
  public static String toJson(SlaReport report) {
    return json(report, ProcessJson::slaWithStale);
  }

  /**
   * The FORMATS.md {@code staleDeals} array alone.
   *
   * @param report the SLA report
   * @return the JSON array
   */
  public static String staleDealsArray(SlaReport report) {
    return json(report, ProcessSections::staleDeals);
  }

  private static void slaWithStale(JsonGenerator g, SlaReport r) {
    g.writeStartObject();
    g.writeName("sla");
    ProcessSections.sla(g, r);
    g.writeName("staleDeals");
    ProcessSections.staleDeals(g, r);
    g.writeEndObject();
  }

  /**
   * Writes the audit as one object; the writer is not closed.
   *
   * @param report the audit
   * @param out the writer
   * @throws IOException if the writer fails
   */
  public static void write(AuditReport report, Writer out) throws IOException {
    write(report, new NonClosing(out), ProcessSections::audit);
  }

  /**
   * The audit as one JSON object.
   *
   * @param report the audit
   * @return the JSON object
   */
  public static String toJson(AuditReport report) {
    return json(report, ProcessSections::audit);
  }

  /** Keeps the caller's writer open when the generator closes. */
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
