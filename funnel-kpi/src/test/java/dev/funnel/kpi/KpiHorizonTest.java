package dev.funnel.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.log.DealLog;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Lead;
import dev.funnel.model.SpendSample;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records far before the deal log are refused as as-of far after it is. The log of {@link Fixture}
 * starts at 2026-01-05T10:00:00Z (deal A1); 2^31 - 1 = 2,147,483,647 seconds before that is
 * 1957-12-18T06:45:53Z, so the earliest day read with it is 1957-12-18.
 */
final class KpiHorizonTest {
  private static final DealLog LOG = Fixture.log();
  private static final Instant EARLIEST = Instant.parse("1957-12-18T06:45:53Z");

  private static final String TAIL =
      " is more than 68 years (2^31 - 1 seconds) before the deal log's first instant"
          + " 2026-01-05T10:00:00Z: the earliest ";
  private static final String END =
      " is read with the log; a report reaching back further would span more than 68 years of"
          + " periods";

  @Test
  void theEarliestInstantIsTwoToTheThirtyOneMinusOneSecondsBeforeTheFirst() {
    assertEquals(
        Integer.MAX_VALUE,
        LOG.earliestCreation().orElseThrow().getEpochSecond() - EARLIEST.getEpochSecond());
  }

  static Stream<Arguments> tooEarly() {
    return Stream.of(
        Arguments.of(
            (Function<Kpis, Kpis>)
                q -> q.spend(List.of(Fixture.spend("0001-01-01", "ads", "5", "EUR"))),
            "spend[0]: 0001-01-01 (ads)" + TAIL + "day 1957-12-18 (UTC)" + END),
        Arguments.of(
            (Function<Kpis, Kpis>)
                q ->
                    q.spend(
                        List.of(
                            Fixture.spend("2026-01-02", "ads", "5", "EUR"),
                            Fixture.spend("1957-12-17", "seo", "5", "EUR"))),
            "spend[1]: 1957-12-17 (seo)" + TAIL + "day 1957-12-18 (UTC)" + END),
        Arguments.of(
            (Function<Kpis, Kpis>)
                q -> q.salesCost(List.of(Fixture.spend("1957-12-17", "ads", "5", "EUR"))),
            "salesCost[0]: 1957-12-17 (ads)" + TAIL + "day 1957-12-18 (UTC)" + END),
        Arguments.of(
            (Function<Kpis, Kpis>)
                q -> q.activity(List.of(Fixture.activity("0001-01-01", "ads", "clicks", 3))),
            "activity[0]: 0001-01-01 (ads, clicks)" + TAIL + "day 1957-12-18 (UTC)" + END),
        Arguments.of(
            (Function<Kpis, Kpis>)
                q ->
                    q.leads(
                        List.of(
                            Lead.of("L1", Instant.parse("2026-01-02T10:00:00Z"), "ads"),
                            Lead.of("L0", Instant.parse("0001-01-01T00:00:00Z"), "ads"))),
            "leads[1]: lead \"L0\" created at 0001-01-01T00:00:00Z"
                + TAIL
                + "instant 1957-12-18T06:45:53Z"
                + END),
        Arguments.of(
            (Function<Kpis, Kpis>)
                q -> q.leads(List.of(Lead.of("L0", EARLIEST.minusSeconds(1), "ads"))),
            "leads[0]: lead \"L0\" created at 1957-12-18T06:45:52Z"
                + TAIL
                + "instant 1957-12-18T06:45:53Z"
                + END));
  }

  @ParameterizedTest
  @MethodSource
  void tooEarly(Function<Kpis, Kpis> records, String message) {
    Kpis query = records.apply(Kpis.of(LOG));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, query::report);
    assertEquals(message, e.getMessage());
    // An explicit as-of does not help: the record is still before the log.
    Kpis withAsOf = records.apply(Kpis.of(LOG).asOf(Fixture.AS_OF));
    assertEquals(
        message, assertThrows(IllegalArgumentException.class, withAsOf::report).getMessage());
  }

  @Test
  void withoutAnAsOfARecordFarAfterTheLogIsNamed() {
    // review finding: the message named only the as-of the latest record made
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            Kpis.of(LOG)
                    .spend(
                        List.of(
                            Fixture.spend("2026-01-02", "ads", "5", "EUR"),
                            Fixture.spend("9999-01-01", "ads", "5", "EUR")))
                ::report);
    assertEquals(
        "spend[1]: 9999-01-01 (ads) is more than 68 years (2^31 - 1 seconds) after the deal log's"
            + " first instant 2026-01-05T10:00:00Z: without an as-of the latest record is the"
            + " as-of, and a log measures ages in int seconds; fix the record's date or give an"
            + " as-of before it",
        e.getMessage());
    // With an as-of the record is after it, so not seen.
    Kpis.of(LOG)
        .spend(List.of(Fixture.spend("9999-01-01", "ads", "5", "EUR")))
        .asOf(Fixture.AS_OF)
        .report();
  }

  @Test
  void recordsOnTheEarliestDayAreRead() {
    LocalDate day = LocalDate.parse("1957-12-18");
    KpiReport report =
        Kpis.of(LOG)
            .spend(List.of(new SpendSample(day, "ads", Fixture.spend().get(0).cost())))
            .salesCost(List.of(Fixture.spend("1957-12-18", "ads", "1.00", "EUR")))
            .activity(List.of(new ActivitySample(day, "ads", "clicks", 3)))
            .leads(List.of(Lead.of("L0", EARLIEST, "ads")))
            .asOf(Fixture.AS_OF)
            .report();
    // 1957-12 to 2026-03: 68 years and 4 months, in scopes all and channel=ads (and seo).
    assertEquals("1957-12", report.periods().get(0));
    assertEquals(68 * 12 + 4, report.periods().size());
    assertEquals(600.0, report.value("1957-12", "all", "cpl").getAsDouble(), 1e-9);
    assertEquals(3.0, report.value("1957-12", "channel=ads", "clicks").getAsDouble(), 1e-9);
  }

  @Test
  void withoutDealsNothingIsBounded() {
    // As before: an empty log has no first instant, so a spend of year 1 is read, and the periods
    // run from it to as-of.
    DealLog empty = DealLog.builder(Fixture.pipeline()).build();
    KpiReport report =
        Kpis.of(empty)
            .spend(List.of(Fixture.spend("0001-01-01", "ads", "5.00", "EUR")))
            .asOf(Instant.parse("0002-12-31T00:00:00Z"))
            .period(dev.funnel.Period.QUARTER)
            .report();
    assertEquals(
        List.of(
            "0001-Q1", "0001-Q2", "0001-Q3", "0001-Q4", "0002-Q1", "0002-Q2", "0002-Q3", "0002-Q4"),
        report.periods());
  }
}
