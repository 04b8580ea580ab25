package dev.funnel.examples.internal;

import dev.funnel.examples.SampleCalendar;
import dev.funnel.examples.SampleSink;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import dev.funnel.model.Stage;
import dev.funnel.model.StageChange;
import dev.funnel.model.Touch;
import dev.funnel.sequence.Event;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a sample as the files of FORMATS.md: UTF-8, a header row, comma separated, RFC 4180
 * quoting where a value needs it, {@code \n} line ends. Deals and stage changes carry UTC instants
 * ({@code Z}); leads, touches and events carry the sales team's local offset, as a CRM export in
 * local time would. Rows are written as they arrive.
 */
public final class FileSink implements SampleSink, Closeable {
  /** The CSV files and their header columns, in FORMATS.md order. */
  public static final Map<String, List<String>> HEADERS =
      Map.of(
          "deals.csv",
          List.of(
              "deal_id",
              "created_at",
              "owner",
              "channel",
              "amount",
              "currency",
              "loss_reason",
              "lead_id",
              "segment"),
          "stage_changes.csv",
          List.of("deal_id", "to_stage", "occurred_at", "recorded_at", "actor"),
          "leads.csv",
          List.of(
              "lead_id",
              "created_at",
              "channel",
              "handed_over_at",
              "accepted_at",
              "rejected_at",
              "rejection_reason"),
          "touches.csv",
          List.of("subject_id", "at", "kind", "actor"),
          "spend.csv",
          List.of("date", "channel", "cost", "currency"),
          "activity.csv",
          List.of("date", "channel", "metric", "value"),
          "events.csv",
          List.of("entity_id", "at", "event"));

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final Path dir;
  private final List<Path> written = new ArrayList<>();
  private final Writer deals;
  private final Writer changes;
  private final Writer leads;
  private final Writer touches;
  private final Writer spend;
  private final Writer activity;
  private final Writer events;
  private final StringBuilder row = new StringBuilder(256);
  private ZoneId local = ZoneId.of("Europe/Berlin");

  /**
   * Opens the CSV files in this directory (created if needed) and writes their headers.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public FileSink(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      deals = open("deals.csv");
      changes = open("stage_changes.csv");
      leads = open("leads.csv");
      touches = open("touches.csv");
      spend = open("spend.csv");
      activity = open("activity.csv");
      events = open("events.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the sample to " + dir + ": " + e.getMessage(), e);
    }
  }

  private Writer open(String name) throws IOException {
    Path file = dir.resolve(name);
    written.add(file);
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    if (!(w instanceof BufferedWriter)) {
      w = new BufferedWriter(w);
    }
    w.write(String.join(",", HEADERS.get(name)));
    w.write('\n');
    return w;
  }

  /** The files written so far, in the order they were opened. */
  public List<Path> files() {
    return List.copyOf(written);
  }

  @Override
  public void pipeline(Pipeline pipeline) {
    writeFile("pipeline.json", pipelineJson(pipeline));
  }

  @Override
  public void calendar(SampleCalendar calendar) {
    local = calendar.zone();
    writeFile("calendar.json", calendar.toJson());
  }

  private void writeFile(String name, String text) {
    Path file = dir.resolve(name);
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    written.add(file);
  }

  /** The pipeline as {@code pipeline.json} text (FORMATS.md), ending with a newline. */
  public static String pipelineJson(Pipeline pipeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("{ \"id\": ").append(quoteJson(pipeline.id())).append(", \"stages\": [");
    List<Stage> stages = pipeline.stages();
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("  { \"id\": ").append(quoteJson(s.id()));
      if (!s.name().equals(s.id())) {
        sb.append(", \"name\": ").append(quoteJson(s.name()));
      }
      sb.append(", \"kind\": \"").append(s.kind().name()).append('"');
      if (s.declaredProbability().isPresent()) {
        sb.append(", \"probability\": ").append(s.declaredProbability().getAsDouble());
      }
      sb.append(" }");
    }
    return sb.append(" ] }\n").toString();
  }

  private static String quoteJson(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  @Override
  public void deal(Deal deal) {
    start()
        .cell(deal.id())
        .cell(utc(deal.createdAt()))
        .cell(deal.owner())
        .cell(deal.channel())
        .cell(deal.amount().map(m -> m.amount().toPlainString()))
        .cell(deal.amount().map(m -> m.currency().getCurrencyCode()))
        .cell(deal.lossReason())
        .cell(deal.leadId())
        .cell(deal.attributes().getOrDefault("segment", ""))
        .end(deals);
  }

  @Override
  public void change(StageChange change) {
    start()
        .cell(change.dealId())
        .cell(change.toStage())
        .cell(utc(change.occurredAt()))
        .cell(utc(change.recordedAt()))
        .cell(change.actor())
        .end(changes);
  }

  @Override
  public void lead(Lead lead) {
    start()
        .cell(lead.id())
        .cell(local(lead.createdAt()))
        .cell(lead.channel())
        .cell(lead.handedOverAt().map(this::local))
        .cell(lead.acceptedAt().map(this::local))
        .cell(lead.rejectedAt().map(this::local))
        .cell(lead.rejectionReason())
        .end(leads);
  }

  @Override
  public void touch(Touch touch) {
    start()
        .cell(touch.subjectId())
        .cell(local(touch.at()))
        .cell(touch.kind())
        .cell(touch.actor())
        .end(touches);
  }

  @Override
  public void spend(SpendSample sample) {
    Money cost = sample.cost();
    start()
        .cell(sample.date().toString())
        .cell(sample.channel())
        .cell(cost.amount().toPlainString())
        .cell(cost.currency().getCurrencyCode())
        .end(spend);
  }

  @Override
  public void activity(ActivitySample sample) {
    double v = sample.value();
    String value =
        v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    start()
        .cell(sample.date().toString())
        .cell(sample.channel())
        .cell(sample.metric())
        .cell(value)
        .end(activity);
  }

  @Override
  public void event(Event event) {
    start().cell(event.entityId()).cell(local(event.at())).cell(event.name()).end(events);
  }

  private static String utc(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  private String local(Instant t) {
    return LOCAL.format(t.atZone(local));
  }

  private boolean first;

  private FileSink start() {
    row.setLength(0);
    first = true;
    return this;
  }

  private FileSink cell(Optional<String> value) {
    return cell(value.orElse(""));
  }

  private FileSink cell(String value) {
    if (!first) {
      row.append(',');
    }
    first = false;
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      row.append(value);
      return this;
    }
    row.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        row.append('"');
      }
      row.append(c);
    }
    row.append('"');
    return this;
  }

  private void end(Writer w) {
    row.append('\n');
    try {
      w.append(row);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the sample to " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Flushes and closes every file.
   *
   * @throws IOException if a file cannot be closed
   */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (Writer w : List.of(deals, changes, leads, touches, spend, activity, events)) {
      try {
        w.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
