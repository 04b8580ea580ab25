package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.Breakdown;
import dev.funnel.Dimension;
import dev.funnel.FunnelFigures;
import dev.funnel.FunnelReport;
import dev.funnel.Group;
import dev.funnel.StageFigures;
import dev.funnel.audit.AuditReport;
import dev.funnel.hygiene.HygieneReport;
import dev.funnel.io.internal.GeneratorOut;
import dev.funnel.io.internal.ProcessSections;
import dev.funnel.log.Rejection;
import dev.funnel.losses.LossReport;
import dev.funnel.people.Concentration;
import dev.funnel.sequence.Mode;
import dev.funnel.sequence.SequenceReport;
import dev.funnel.sla.SlaReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Writes reports as the JSON of FORMATS.md "JSON report", with Jackson's streaming generator (no
 * annotations on the domain records).
 *
 * {@snippet :
 * FunnelReport report = Funnel.of(log).by("owner").report();
 * try (Writer w = Files.newBufferedWriter(Path.of("report.json"))) {
 *   JsonReports.write(report, ReadSummary.of(log), w);
 * }
 * }
 *
 * <p>A funnel report reads, in this order: {@code pipeline}, {@code asOf}, {@code cohort {from,
 * to}}, {@code zone}, {@code counting}, {@code records {read, accepted, rejected}}, {@code rejected
 * [{file, line, field, value, reason}]}, {@code deals {total, open, won, lost}}, {@code stages
 * [{stage, reached, entered, cumulative, conversionToNext, lostAt, timeInStage, ageInStage,
 * usage}]}, {@code winRate}, {@code cohortConversion}, {@code cycleTime {won, lost}}, {@code
 * averageWonDealSize}, {@code wonWithoutAmount}, {@code velocityPerDay}, then any sections added
 * with {@link Document#section}, then {@code breakdowns {<name>: [{key, values, deals, open, won,
 * lost, winRate, cohortConversion, cycleTime, averageWonDealSize, wonWithoutAmount, velocityPerDay,
 * stages}]}}. A breakdown's name is its dimensions joined with {@code " x "} ({@code owner x
 * channel}); a group's {@code key} is its values joined the same way and {@code values} maps each
 * dimension to its value. An attribute spelled like a built-in dimension that is also in the report
 * is named {@code attribute=NAME} there ({@code quarter x attribute=quarter}), so that no name
 * repeats.
 *
 * <p>A sequence report reads: {@code steps}, {@code window}, {@code modes}, {@code records}, {@code
 * rejected}, {@code entities}, {@code entitiesByLevel}, {@code levels [{step, entities,
 * fromPrevious, cumulative, timeFromPrevious}]}, {@code overall}, then added sections, then {@code
 * breakdown {<group>: {entities, entitiesByLevel, levels, overall}}}.
 *
 * <p>The process analyses add their FORMATS.md sections with the section writers of this class,
 * which write exactly what {@link ProcessJson} writes for the same report:
 *
 * {@snippet :
 * JsonReports.funnel(report, records)
 *     .section("hygiene", JsonReports.hygieneSection(Hygiene.of(log).report()))
 *     .section("losses", JsonReports.lossesSection(Losses.of(log).report()))
 *     .section("concentration", JsonReports.concentrationSection(
 *         People.of(log).report().concentration()))
 *     .write(writer);
 * }
 *
 * <p>Conventions ({@link JsonOut}): instants and durations are ISO-8601 strings, money is {@code
 * {amount, currency}}, every rate a proportion {@code {successes, trials, rate, low, high}}, every
 * duration distribution {@code {count, p50, p75, p90, mean}}, absent values {@code null}. In {@code
 * rejected}, {@code field} and {@code value} are null when the record as a whole is at fault.
 */
public final class JsonReports {
  private JsonReports() {}

  /**
   * Writes a funnel report and the accounting of its records.
   *
   * @param report the funnel report
   * @param records the accounting of the records behind it
   * @param out the writer, flushed, not closed
   * @throws IOException if the writer fails
   */
  public static void write(FunnelReport report, ReadSummary records, Writer out)
      throws IOException {
    funnel(report, records).write(out);
  }

  /**
   * A funnel report and the accounting of its records as a JSON string.
   *
   * @param report the funnel report
   * @param records the accounting of the records behind it
   * @return the JSON document
   */
  public static String toJson(FunnelReport report, ReadSummary records) {
    return funnel(report, records).toJson();
  }

  /**
   * Writes a sequence report and the accounting of its records.
   *
   * @param report the sequence report
   * @param records the accounting of the records behind it
   * @param out the writer, flushed, not closed
   * @throws IOException if the writer fails
   */
  public static void write(SequenceReport report, ReadSummary records, Writer out)
      throws IOException {
    sequence(report, records).write(out);
  }

  /**
   * A sequence report and the accounting of its records as a JSON string.
   *
   * @param report the sequence report
   * @param records the accounting of the records behind it
   * @return the JSON document
   */
  public static String toJson(SequenceReport report, ReadSummary records) {
    return sequence(report, records).toJson();
  }

  /**
   * The JSON document of a funnel report, to which further sections may be added.
   *
   * @param report the funnel report
   * @param records the accounting of the records behind it
   * @return the document
   */
  public static Document funnel(FunnelReport report, ReadSummary records) {
    requireNonNull(report, "report");
    requireNonNull(records, "records");
    Map<String, JsonSection> head = new LinkedHashMap<>();
    head.put("pipeline", out -> out.value(report.pipeline()));
    head.put("asOf", out -> out.value(report.asOf()));
    head.put(
        "cohort",
        out ->
            out.startObject()
                .name("from")
                .instant(report.cohortFrom())
                .name("to")
                .instant(report.cohortTo())
                .endObject());
    head.put("zone", out -> out.value(report.zone().getId()));
    head.put("counting", out -> out.value(report.counting().name().toLowerCase(Locale.ROOT)));
    accounting(head, records);
    FunnelFigures all = report.all();
    head.put(
        "deals",
        out ->
            out.startObject()
                .name("total")
                .value(all.deals().total())
                .name("open")
                .value(all.deals().open())
                .name("won")
                .value(all.deals().won())
                .name("lost")
                .value(all.deals().lost())
                .endObject());
    head.put("stages", out -> stages(out, all.stages()));
    head.put("winRate", out -> out.value(all.winRate()));
    head.put("cohortConversion", out -> out.value(all.cohortConversion()));
    head.put("cycleTime", out -> cycleTime(out, all));
    head.put("averageWonDealSize", out -> out.money(all.averageWonDealSize()));
    head.put("wonWithoutAmount", out -> out.value(all.wonWithoutAmount()));
    head.put("velocityPerDay", out -> out.money(all.velocityPerDay()));
    Map<String, JsonSection> tail = new LinkedHashMap<>();
    tail.put("breakdowns", out -> breakdowns(out, report));
    return new Document(head, tail);
  }

  /**
   * The JSON document of a sequence report, to which further sections may be added.
   *
   * @param report the sequence report
   * @param records the accounting of the records behind it
   * @return the document
   */
  public static Document sequence(SequenceReport report, ReadSummary records) {
    requireNonNull(report, "report");
    requireNonNull(records, "records");
    Map<String, JsonSection> head = new LinkedHashMap<>();
    head.put(
        "steps",
        out -> {
          out.startArray();
          report.steps().forEach(out::value);
          out.endArray();
        });
    head.put("window", out -> out.value(report.window()));
    head.put("modes", out -> modes(out, report.modes()));
    accounting(head, records);
    head.put("entities", out -> out.value(report.entities()));
    sequenceFigures(head, report);
    Map<String, JsonSection> tail = new LinkedHashMap<>();
    tail.put(
        "breakdown",
        out -> {
          out.startObject();
          report
              .breakdown()
              .forEach(
                  (group, r) -> {
                    out.name(group).startObject().name("entities").value(r.entities());
                    Map<String, JsonSection> fields = new LinkedHashMap<>();
                    sequenceFigures(fields, r);
                    fields.forEach((name, section) -> section.write(out.name(name)));
                    out.endObject();
                  });
          out.endObject();
        });
    return new Document(head, tail);
  }

  /**
   * The {@code hygiene} section: {@code {retroactive, burstChanges, skips, skippedStages,
   * backwardMoves, ...}} with the settings, shares, per stage, owner and actor figures and the
   * listed flags (as {@link ProcessJson#toJson(HygieneReport)}).
   *
   * @param report the hygiene report
   * @return the section writer
   */
  public static JsonSection hygieneSection(HygieneReport report) {
    return replayed(report, ProcessSections::hygiene);
  }

  /**
   * The {@code losses} section: {@code [ { reason, count, share, amount, withoutAmount } ]}.
   *
   * @param report the loss report
   * @return the section writer
   */
  public static JsonSection lossesSection(LossReport report) {
    return replayed(report, ProcessSections::losses);
  }

  /**
   * The {@code concentration} section: {@code {owners, top1Share, top20PercentShare, hhi,
   * topOwners, wonRevenue, wonWithoutAmount, shares: [{owner, wonRevenue, wonWithoutAmount,
   * share}]}}.
   *
   * @param concentration the concentration of won revenue
   * @return the section writer
   */
  public static JsonSection concentrationSection(Concentration concentration) {
    return replayed(concentration, ProcessSections::concentration);
  }

  /**
   * The {@code sla} section: {@code {met, breached, atRisk, compliance, responseTime, ...}} with
   * the settings, per owner and channel groups, the cost of slowness, the act-now list and every
   * measured lead.
   *
   * @param report the SLA report
   * @return the section writer
   */
  public static JsonSection slaSection(SlaReport report) {
    return replayed(report, ProcessSections::sla);
  }

  /**
   * The {@code staleDeals} section: {@code [ { dealId, owner, stage, lastTouch, clockStart, idle,
   * overdue } ]}, most overdue first.
   *
   * @param report the SLA report
   * @return the section writer
   */
  public static JsonSection staleDealsSection(SlaReport report) {
    return replayed(report, ProcessSections::staleDeals);
  }

  /**
   * The {@code audit} section: {@code {asOf, missing, summary, items: [ {mustHave, label, grade,
   * figure, evidence, threshold} ]}}.
   *
   * @param report the audit
   * @return the section writer
   */
  public static JsonSection auditSection(AuditReport report) {
    return replayed(report, ProcessSections::audit);
  }

  /**
   * A section written by a generator-level writer: its tokens are buffered once and replayed onto
   * whatever {@link JsonOut} the document writes to, exact decimals kept exact.
   */
  private static <T> JsonSection replayed(
      T report, BiConsumer<tools.jackson.core.JsonGenerator, T> writer) {
    requireNonNull(report, "report");
    TokenBuffer tokens = TokenBuffer.forGeneration();
    writer.accept(tokens, report);
    tokens.close();
    return replayed(tokens);
  }

  /**
   * A document of the top-level properties of the one JSON object that {@code writer} writes, in
   * its order, so that generator-written reports (the forecast) take added sections as the funnel
   * report does.
   */
  static Document objectDocument(Consumer<tools.jackson.core.JsonGenerator> writer) {
    TokenBuffer tokens = TokenBuffer.forGeneration();
    writer.accept(tokens);
    tokens.close();
    Map<String, JsonSection> fields = new LinkedHashMap<>();
    try (JsonParser p = tokens.asParser(ObjectReadContext.empty())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("a report writer wrote no JSON object");
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        TokenBuffer value = TokenBuffer.forGeneration();
        value.copyCurrentStructure(p);
        value.close();
        fields.put(name, replayed(value));
      }
    }
    return new Document(fields, Map.of());
  }

  private static JsonSection replayed(TokenBuffer tokens) {
    return out -> {
      try (JsonParser p = tokens.asParser(ObjectReadContext.empty())) {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          replay(p, t, out);
        }
      }
    };
  }

  private static void replay(JsonParser p, JsonToken t, JsonOut out) {
    switch (t) {
      case START_OBJECT -> out.startObject();
      case END_OBJECT -> out.endObject();
      case START_ARRAY -> out.startArray();
      case END_ARRAY -> out.endArray();
      case PROPERTY_NAME -> out.name(p.currentName());
      case VALUE_STRING -> out.value(p.getString());
      case VALUE_NUMBER_INT -> {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          out.value(new java.math.BigDecimal(p.getBigIntegerValue()));
        } else {
          out.value(p.getLongValue());
        }
      }
      case VALUE_NUMBER_FLOAT -> {
        if (p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL) {
          out.value(p.getDecimalValue());
        } else {
          out.value(p.getDoubleValue());
        }
      }
      case VALUE_TRUE -> out.value(true);
      case VALUE_FALSE -> out.value(false);
      case VALUE_NULL -> out.nullValue();
      default -> throw new IllegalStateException("a process section wrote a " + t + " token");
    }
  }

  /**
   * A JSON report being assembled: the report's own sections, those added by other writers (after
   * the report's figures, before its breakdowns), written as one object.
   */
  public static final class Document {
    private final Map<String, JsonSection> head;
    private final Map<String, JsonSection> added = new LinkedHashMap<>();
    private final Map<String, JsonSection> tail;

    private Document(Map<String, JsonSection> head, Map<String, JsonSection> tail) {
      this.head = head;
      this.tail = tail;
    }

    /**
     * Adds a top-level section, e.g. {@code hygiene}, written after those added before it.
     *
     * @param name the section's name, non-blank
     * @param section the writer of its value
     * @return this document
     * @throws IllegalArgumentException if the name is blank or already taken by a section
     */
    public Document section(String name, JsonSection section) {
      requireNonNull(name, "name");
      requireNonNull(section, "section");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a section name is blank");
      }
      if (head.containsKey(name) || added.containsKey(name) || tail.containsKey(name)) {
        throw new IllegalArgumentException(
            "section \""
                + name
                + "\" is already in the report (sections: "
                + String.join(", ", names())
                + ")");
      }
      added.put(name, section);
      return this;
    }

    /**
     * The names of the top-level sections, in output order.
     *
     * @return the names
     */
    public List<String> names() {
      List<String> names = new ArrayList<>(head.keySet());
      names.addAll(added.keySet());
      names.addAll(tail.keySet());
      return List.copyOf(names);
    }

    /**
     * Writes the document, pretty-printed and followed by a line end, to {@code out} (flushed, not
     * closed).
     *
     * @param out the writer
     * @throws IOException if the writer fails
     * @throws IllegalStateException if an added section writes malformed JSON
     */
    public void write(Writer out) throws IOException {
      GeneratorOut.write(out, body());
    }

    /**
     * The document as a string.
     *
     * @return the document as pretty-printed JSON, followed by a line end
     */
    public String toJson() {
      StringWriter w = new StringWriter();
      try {
        write(w);
      } catch (IOException e) {
        throw new UncheckedIOException("a StringWriter failed", e);
      }
      return w.toString();
    }

    private Consumer<JsonOut> body() {
      return out -> {
        out.startObject();
        for (Map<String, JsonSection> part : List.of(head, added, tail)) {
          part.forEach((name, section) -> section.write(out.name(name)));
        }
        out.endObject();
      };
    }
  }

  // ---- the parts ----

  private static void accounting(Map<String, JsonSection> fields, ReadSummary records) {
    fields.put(
        "records",
        out ->
            out.startObject()
                .name("read")
                .value(records.read())
                .name("accepted")
                .value(records.accepted())
                .name("rejected")
                .value(records.rejected())
                .endObject());
    fields.put(
        "rejected",
        out -> {
          out.startArray();
          for (Rejection r : records.rejections()) {
            out.startObject().name("file").value(r.source()).name("line").value(r.line());
            out.name("field");
            orNull(out, r.field());
            out.name("value");
            orNull(out, r.value());
            out.name("reason").value(r.reason()).endObject();
          }
          out.endArray();
        });
  }

  private static void orNull(JsonOut out, String s) {
    if (s.isEmpty()) {
      out.nullValue();
    } else {
      out.value(s);
    }
  }

  private static void stages(JsonOut out, List<StageFigures> stages) {
    out.startArray();
    for (StageFigures s : stages) {
      out.startObject()
          .name("stage")
          .value(s.stage())
          .name("reached")
          .value(s.reached())
          .name("entered")
          .value(s.entered())
          .name("cumulative")
          .value(s.cumulative())
          .name("conversionToNext")
          .value(s.conversionToNext())
          .name("lostAt")
          .value(s.lostAt())
          .name("timeInStage")
          .value(s.timeInStage())
          .name("ageInStage")
          .value(s.ageInStage())
          .name("usage")
          .value(s.usage())
          .endObject();
    }
    out.endArray();
  }

  private static void cycleTime(JsonOut out, FunnelFigures f) {
    out.startObject()
        .name("won")
        .value(f.wonCycleTime())
        .name("lost")
        .value(f.lostCycleTime())
        .endObject();
  }

  private static void breakdowns(JsonOut out, FunnelReport report) {
    out.startObject();
    for (Breakdown b : report.breakdowns()) {
      List<Dimension> dims = b.dimensions();
      out.name(report.nameOf(b)).startArray();
      for (Group g : b.groups()) {
        FunnelFigures f = g.figures();
        out.startObject().name("key").value(g.label()).name("values").startObject();
        for (int i = 0; i < dims.size(); i++) {
          out.name(report.nameOf(dims.get(i))).value(g.key().get(i));
        }
        out.endObject()
            .name("deals")
            .value(f.deals().total())
            .name("open")
            .value(f.deals().open())
            .name("won")
            .value(f.deals().won())
            .name("lost")
            .value(f.deals().lost())
            .name("winRate")
            .value(f.winRate())
            .name("cohortConversion")
            .value(f.cohortConversion())
            .name("cycleTime");
        cycleTime(out, f);
        out.name("averageWonDealSize")
            .money(f.averageWonDealSize())
            .name("wonWithoutAmount")
            .value(f.wonWithoutAmount())
            .name("velocityPerDay")
            .money(f.velocityPerDay())
            .name("stages");
        stages(out, f.stages());
        out.endObject();
      }
      out.endArray();
    }
    out.endObject();
  }

  private static void modes(JsonOut out, Set<Mode> modes) {
    out.startArray();
    for (Mode m : Mode.values()) {
      if (modes.contains(m)) {
        out.value(m.clickHouseName());
      }
    }
    out.endArray();
  }

  private static void sequenceFigures(Map<String, JsonSection> fields, SequenceReport r) {
    fields.put(
        "entitiesByLevel",
        out -> {
          out.startArray();
          r.entitiesByLevel().forEach(out::value);
          out.endArray();
        });
    fields.put(
        "levels",
        out -> {
          out.startArray();
          for (SequenceReport.Level l : r.levels()) {
            out.startObject()
                .name("step")
                .value(l.step())
                .name("entities")
                .value(l.entities())
                .name("fromPrevious")
                .value(l.fromPrevious())
                .name("cumulative")
                .value(l.cumulative())
                .name("timeFromPrevious")
                .value(l.timeFromPrevious())
                .endObject();
          }
          out.endArray();
        });
    fields.put("overall", out -> out.value(r.overall()));
  }
}
