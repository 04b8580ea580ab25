package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class PeriodTest {
  static Stream<Arguments> labels() {
    return Stream.of(
        Arguments.of(Period.DAY, "2026-04-13", "2026-04-13"),
        Arguments.of(Period.WEEK, "2026-04-13", "2026-W16"),
        Arguments.of(Period.MONTH, "2026-04-13", "2026-04"),
        Arguments.of(Period.QUARTER, "2026-04-13", "2026-Q2"),
        Arguments.of(Period.YEAR, "2026-04-13", "2026"),
        // review finding: a spend row dated 0001-01-01 made a period labelled "1-01"
        Arguments.of(Period.DAY, "0001-01-01", "0001-01-01"),
        Arguments.of(Period.WEEK, "0001-01-01", "0001-W01"),
        Arguments.of(Period.MONTH, "0001-01-01", "0001-01"),
        Arguments.of(Period.QUARTER, "0999-12-31", "0999-Q4"),
        Arguments.of(Period.YEAR, "0042-06-01", "0042"),
        // the ISO week-based year of 2027-01-01 (a Friday) is 2026
        Arguments.of(Period.WEEK, "2027-01-01", "2026-W53"),
        Arguments.of(Period.MONTH, "+10000-01-01", "+10000-01"),
        Arguments.of(Period.YEAR, "+10000-01-01", "+10000"),
        Arguments.of(Period.MONTH, "-0001-03-01", "-0001-03"),
        Arguments.of(Period.QUARTER, "-0001-03-01", "-0001-Q1"));
  }

  @ParameterizedTest
  @MethodSource("labels")
  void labelsWriteTheYearAsIso8601Does(Period period, String date, String label) {
    assertEquals(label, period.label(LocalDate.parse(date)));
  }
}
