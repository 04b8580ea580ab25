package dev.funnel.io.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 timestamps with an offset. The common layout {@code
 * yyyy-MM-ddTHH:mm:ss[.f..](Z|±HH:MM)} is parsed by hand; anything else goes through {@link
 * OffsetDateTime#parse}. A date or a date-time without an offset is an error, never midnight or
 * UTC.
 */
public final class Timestamps {
  /** The reason given for a local date or local date-time. */
  public static final String NO_OFFSET = "not an ISO-8601 timestamp with an offset";

  /** The reason given for any other text. */
  public static final String NOT_A_TIMESTAMP = "not an ISO-8601 timestamp";

  private Timestamps() {}

  /**
   * The instant of this timestamp.
   *
   * @throws CellException naming the field and value if it is not a timestamp with an offset
   */
  public static Instant parse(String field, String text) throws CellException {
    Instant fast = fast(text);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new CellException(field, text, classify(text));
    }
  }

  private static String classify(String text) {
    try {
      LocalDate.parse(text);
      return NO_OFFSET;
    } catch (DateTimeParseException e) {
      // not a date either
    }
    try {
      LocalDateTime.parse(text);
      return NO_OFFSET;
    } catch (DateTimeParseException e) {
      return NOT_A_TIMESTAMP;
    }
  }

  /** The hand-parsed instant, or null when the text does not have the common layout. */
  static @org.jspecify.annotations.Nullable Instant fast(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || month < 1
        || month > 12
        || day < 1
        || day > monthLength(year, month)
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    if (i >= n) {
      return null;
    }
    int offset;
    char c = s.charAt(i);
    if (c == 'Z' && i + 1 == n) {
      offset = 0;
    } else if ((c == '+' || c == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || om < 0 || oh > 18 || om > 59 || (oh == 18 && om > 0)) {
        return null;
      }
      offset = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay = epochDay(year, month, day);
    long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offset;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int monthLength(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
