package dev.funnel.io.internal;

import static java.util.Objects.requireNonNull;

import dev.funnel.io.JsonOut;
import dev.funnel.model.Money;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;

/** A {@link JsonOut} over Jackson's streaming generator, pretty-printed with two-space indents. */
public final class GeneratorOut implements JsonOut {
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(StreamWriteFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          // A document that fails halfway stays unclosed, so no reader takes it for a whole one:
          // closing its open brackets would make a report short of its last sections parse.
          .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
          .build();

  /**
   * The pretty printer of every JSON report: two-space indents and {@code \n} line ends on every
   * platform (Jackson's default ends lines with the system's separator, {@code \r\n} on Windows).
   */
  public static PrettyPrinter prettyPrinter() {
    return new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
  }

  /** The percentiles every distribution names, present or not. */
  private static final Set<Double> STANDARD = Set.of(0.5, 0.75, 0.9);

  private final JsonGenerator g;

  private GeneratorOut(JsonGenerator g) {
    this.g = g;
  }

  /**
   * Writes one JSON document to {@code out} (flushed, not closed), followed by a line end.
   *
   * @throws IOException if the writer fails
   * @throws IllegalStateException if the body writes malformed JSON
   */
  public static void write(Writer out, Consumer<JsonOut> body) throws IOException {
    requireNonNull(out, "out");
    ObjectWriteContext pretty =
        new ObjectWriteContext.Base() {
          @Override
          public PrettyPrinter getPrettyPrinter() {
            return prettyPrinter();
          }

          @Override
          public boolean hasPrettyPrinter() {
            return true;
          }
        };
    try (JsonGenerator g = JSON.createGenerator(pretty, out)) {
      body.accept(new GeneratorOut(g));
      g.flush();
    } catch (JacksonIOException e) {
      throw e.getCause();
    } catch (JacksonException e) {
      throw new IllegalStateException("malformed JSON report: " + e.getOriginalMessage(), e);
    }
    out.write("\n");
    out.flush();
  }

  @Override
  public JsonOut startObject() {
    g.writeStartObject();
    return this;
  }

  @Override
  public JsonOut endObject() {
    g.writeEndObject();
    return this;
  }

  @Override
  public JsonOut startArray() {
    g.writeStartArray();
    return this;
  }

  @Override
  public JsonOut endArray() {
    g.writeEndArray();
    return this;
  }

  @Override
  public JsonOut name(String name) {
    g.writeName(requireNonNull(name, "name"));
    return this;
  }

  @Override
  public JsonOut value(String value) {
    g.writeString(requireNonNull(value, "value"));
    return this;
  }

  @Override
  public JsonOut value(long value) {
    g.writeNumber(value);
    return this;
  }

  @Override
  public JsonOut value(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(value + " is not a JSON number");
    }
    g.writeNumber(value);
    return this;
  }

  @Override
  public JsonOut value(OptionalDouble value) {
    return value.isPresent() ? value(value.getAsDouble()) : nullValue();
  }

  @Override
  public JsonOut value(BigDecimal value) {
    g.writeNumber(requireNonNull(value, "value"));
    return this;
  }

  @Override
  public JsonOut value(boolean value) {
    g.writeBoolean(value);
    return this;
  }

  @Override
  public JsonOut nullValue() {
    g.writeNull();
    return this;
  }

  @Override
  public JsonOut value(Instant value) {
    return value(value.toString());
  }

  @Override
  public JsonOut value(Duration value) {
    return value(ProcessSections.iso(value));
  }

  @Override
  public JsonOut value(Money value) {
    return startObject()
        .name("amount")
        .value(value.amount())
        .name("currency")
        .value(value.currency().getCurrencyCode())
        .endObject();
  }

  @Override
  public JsonOut value(Proportion value) {
    return startObject()
        .name("successes")
        .value(value.successes())
        .name("trials")
        .value(value.trials())
        .name("rate")
        .value(value.rate())
        .name("low")
        .value(value.low())
        .name("high")
        .value(value.high())
        .endObject();
  }

  @Override
  public JsonOut value(Distribution value) {
    startObject().name("count").value(value.count());
    name("p50").duration(value.p50());
    name("p75").duration(value.p75());
    name("p90").duration(value.p90());
    for (Map.Entry<Double, Duration> e : new TreeMap<>(value.percentiles()).entrySet()) {
      if (!STANDARD.contains(e.getKey())) {
        name(percentileName(e.getKey())).value(e.getValue());
      }
    }
    name("mean").duration(value.mean());
    return endObject();
  }

  /** {@code p99}, {@code p99.5}, {@code p0}: {@link Distribution#percentLabel}. */
  static String percentileName(double p) {
    return "p" + Distribution.percentLabel(p);
  }

  @Override
  public JsonOut instant(Optional<Instant> value) {
    return value.isPresent() ? value(value.get()) : nullValue();
  }

  @Override
  public JsonOut duration(Optional<Duration> value) {
    return value.isPresent() ? value(value.get()) : nullValue();
  }

  @Override
  public JsonOut money(Optional<Money> value) {
    return value.isPresent() ? value(value.get()) : nullValue();
  }
}
