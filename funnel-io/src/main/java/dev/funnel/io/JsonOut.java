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

  /**
   * Starts an object.
   *
   * @return this output
   */
  JsonOut startObject();

  /**
   * Ends the current object.
   *
   * @return this output
   */
  JsonOut endObject();

  /**
   * Starts an array.
   *
   * @return this output
   */
  JsonOut startArray();

  /**
   * Ends the current array.
   *
   * @return this output
   */
  JsonOut endArray();

  /**
   * Writes the name of the next field of the current object.
   *
   * @param name the field name
   * @return this output
   */
  JsonOut name(String name);

  /**
   * Writes a string.
   *
   * @param value the string
   * @return this output
   */
  JsonOut value(String value);

  /**
   * Writes an integer.
   *
   * @param value the integer
   * @return this output
   */
  JsonOut value(long value);

  /**
   * Writes a number.
   *
   * @param value the number, finite
   * @return this output
   * @throws IllegalArgumentException if the value is NaN or infinite (JSON has no such numbers)
   */
  JsonOut value(double value);

  /**
   * Writes the number, or {@code null} when absent.
   *
   * @param value the number, if present
   * @return this output
   */
  JsonOut value(OptionalDouble value);

  /**
   * Writes an exact decimal as a plain JSON number ({@code 1250.00}, never {@code 1.25E+3}).
   *
   * @param value the decimal
   * @return this output
   */
  JsonOut value(BigDecimal value);

  /**
   * Writes a boolean.
   *
   * @param value the boolean
   * @return this output
   */
  JsonOut value(boolean value);

  /**
   * Writes {@code null}.
   *
   * @return this output
   */
  JsonOut nullValue();

  /**
   * Writes an instant as an ISO-8601 string, {@code "2026-03-01T09:15:00Z"}.
   *
   * @param value the instant
   * @return this output
   */
  JsonOut value(Instant value);

  /**
   * Writes a duration as an ISO-8601 string, {@code "PT26H30M"}; a negative one with its sign in
   * front, {@code "-PT2H30M"}, as {@link Duration#parse} reads it.
   *
   * @param value the duration
   * @return this output
   */
  JsonOut value(Duration value);

  /**
   * Writes {@code {"amount": 1250.00, "currency": "EUR"}}, the amount with the currency's number of
   * decimals.
   *
   * @param value the money
   * @return this output
   */
  JsonOut value(Money value);

  /**
   * Writes {@code {"successes", "trials", "rate", "low", "high"}}; figures null with 0 trials.
   *
   * @param value the proportion
   * @return this output
   */
  JsonOut value(Proportion value);

  /**
   * Writes {@code {"count", "p50", "p75", "p90", "mean"}} with durations as ISO-8601 strings,
   * figures null when the count is 0 or the percentile was not computed; other computed percentiles
   * follow p90 as {@code "p99"}, {@code "p99.5"}.
   *
   * @param value the distribution
   * @return this output
   */
  JsonOut value(Distribution value);

  /**
   * Writes the instant, or {@code null} when absent.
   *
   * @param value the instant, if present
   * @return this output
   */
  JsonOut instant(Optional<Instant> value);

  /**
   * Writes the duration, or {@code null} when absent.
   *
   * @param value the duration, if present
   * @return this output
   */
  JsonOut duration(Optional<Duration> value);

  /**
   * Writes the money, or {@code null} when absent.
   *
   * @param value the money, if present
   * @return this output
   */
  JsonOut money(Optional<Money> value);
}
