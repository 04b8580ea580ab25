package dev.funnel.cli;

import dev.funnel.sequence.Mode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters with messages that say what was expected. */
final class Converters {
  private Converters() {}

  /**
   * An ISO-8601 instant with an offset or {@code Z}, or (for cohort bounds) a date alone, meaning
   * the start of that day in UTC.
   */
  static final class Bound implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return instant(value);
      } catch (DateTimeParseException e) {
        try {
          return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
          throw new TypeConversionException(
              "\""
                  + value
                  + "\" is neither an ISO-8601 instant such as 2026-03-01T09:15:00Z"
                  + " nor a date such as 2026-03-01 (the start of that day, UTC)");
        }
      }
    }
  }

  /** An ISO-8601 instant with an offset or {@code Z}; a date alone is ambiguous and refused. */
  static final class AsOf implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return instant(value);
      } catch (DateTimeParseException e) {
        try {
          LocalDate d = LocalDate.parse(value.strip());
          throw new TypeConversionException(
              "\""
                  + value
                  + "\" is a date, not an instant: say "
                  + d.atStartOfDay(ZoneOffset.UTC).toInstant()
                  + " for the start of that day or "
                  + d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                  + " for its end (UTC)");
        } catch (DateTimeParseException notADate) {
          throw new TypeConversionException(
              "\"" + value + "\" is not an ISO-8601 instant such as 2026-03-01T09:15:00Z");
        }
      }
    }
  }

  static Instant instant(String value) {
    return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /**
   * An ISO-8601 duration such as {@code P7D}, {@code PT30M} or {@code P2W} (a week is 7 days),
   * positive. Months and years ({@code P3M}, {@code P1Y}) are refused with a message saying why:
   * their length varies, so a fixed duration is given in days ({@code P90D}).
   */
  static final class Window implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.strip();
      Duration d;
      try {
        d = Duration.parse(v);
      } catch (DateTimeParseException e) {
        java.time.Period p;
        try {
          // weeks, months and years: the date-based form of ISO-8601 durations
          p = java.time.Period.parse(v);
        } catch (DateTimeParseException notAPeriod) {
          throw new TypeConversionException(
              "\"" + value + "\" is not an ISO-8601 duration such as P7D, P2W, PT12H or P1DT6H");
        }
        if (p.getYears() != 0 || p.getMonths() != 0) {
          throw new TypeConversionException(
              "\""
                  + value
                  + "\": months and years are not fixed lengths (a month has 28 to 31 days);"
                  + " give the duration in days or weeks, such as P90D or P13W");
        }
        d = Duration.ofDays(p.getDays());
      }
      if (d.isNegative() || d.isZero()) {
        throw new TypeConversionException("\"" + value + "\" is not a positive duration");
      }
      return d;
    }
  }

  /** A row cap: a positive whole number, or {@code all} (every row). */
  static final class Rows implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      String v = value.strip();
      if (v.equalsIgnoreCase("all")) {
        return Integer.MAX_VALUE;
      }
      if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) == 0) {
        throw new TypeConversionException(
            "\"" + value + "\" is not a row count: give a positive whole number, or all");
      }
      return Integer.parseInt(v);
    }
  }

  /** A ClickHouse {@code windowFunnel} mode name such as {@code strict_order}. */
  static final class ModeName implements ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      try {
        return Mode.ofClickHouseName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
