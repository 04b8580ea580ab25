package dev.funnel.io;

import dev.funnel.model.Money;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A streaming JSON output with the conventions of FORMATS.md "JSON report": durations as ISO-8601
 * strings, money as {@code {"amount", "currency"}}, rates as proportions {@code {"successes",
 * "trials", "rate", "low", "high"}}, distributions as {@code {"count", "p50", "p75", "p90",
 * "mean"}}, absent values as {@code null}. Section writers ({@link JsonSection}) use it so that
 * every section of a report speaks the same conventions.
 *
 * <p>Every method returns this output for chaining. Calls out of JSON order (a value where a name
 * is due, an unbalanced end) throw {@link IllegalStateException}.
 */
public interface JsonOut {

  /** Starts an object. */
  JsonOut startObject();

  /** Ends the current object. */
  JsonOut endObject();

  /** Starts an array. */
  JsonOut startArray();

  /** Ends the current array. */
  JsonOut endArray();

  /** Writes the name of the next field of the current object. */
  JsonOut name(String name);

  /** Writes a string. */
  JsonOut value(String value);

  /** Writes an integer. */
  JsonOut value(long value);

  /**
   * Writes a number.
   *
   * @throws IllegalArgumentException if the value is NaN or infinite (JSON has no such numbers)
   */
  JsonOut value(double value);

  /** Writes the number, or {@code null} when absent. */
  JsonOut value(OptionalDouble value);

  /** Writes an exact decimal as a plain JSON number ({@code 1250.00}, never {@code 1.25E+3}). */
  JsonOut value(BigDecimal value);

  /** Writes a boolean. */
  JsonOut value(boolean value);

  /** Writes {@code null}. */
  JsonOut nullValue();

  /** Writes an instant as an ISO-8601 string, {@code "2026-03-01T09:15:00Z"}. */
  JsonOut value(Instant value);

  /** Writes a duration as an ISO-8601 string, {@code "PT26H30M"}. */
  JsonOut value(Duration value);

  /**
   * Writes {@code {"amount": 1250.00, "currency": "EUR"}}, the amount with the currency's number of
   * decimals.
   */
  JsonOut value(Money value);

  /** Writes {@code {"successes", "trials", "rate", "low", "high"}}; figures null with 0 trials. */
  JsonOut value(Proportion value);

  /**
   * Writes {@code {"count", "p50", "p75", "p90", "mean"}} with durations as ISO-8601 strings,
   * figures null when the count is 0 or the percentile was not computed; other computed percentiles
   * follow p90 as {@code "p99"}, {@code "p99.5"}.
   */
  JsonOut value(Distribution value);

  /** Writes the instant, or {@code null} when absent. */
  JsonOut instant(Optional<Instant> value);

  /** Writes the duration, or {@code null} when absent. */
  JsonOut duration(Optional<Duration> value);

  /** Writes the money, or {@code null} when absent. */
  JsonOut money(Optional<Money> value);
}
