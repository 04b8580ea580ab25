package dev.funnel.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input fails with the exception type and a message naming the value and the rule. */
final class ForecastErrorsTest {
  static final DealLog LOG = ForecastHandComputedTest.log();

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of(
            // review finding: a step in the wrong unit ended in an OutOfMemoryError
            (Consumer<Forecast>)
                f ->
                    f.horizon(Duration.ofDays(1))
                        .rollingBacktest(
                            Instant.parse("2026-01-01T00:00:00Z"),
                            Instant.parse("2026-03-01T00:00:00Z"),
                            Duration.ofNanos(1)),
            IllegalArgumentException.class,
            "rolling backtest: a step of PT0.000000001S from 2026-01-01T00:00:00Z to"
                + " 2026-03-01T00:00:00Z makes 5097600000000001 backtests, more than 10000: choose a"
                + " longer step"),
        Arguments.of(
            (Consumer<Forecast>)
                f ->
                    f.horizon(Duration.ofDays(1))
                        .rollingBacktest(Instant.MIN, Instant.MAX, Duration.ofNanos(1)),
            IllegalArgumentException.class,
            "rolling backtest: a step of PT0.000000001S from -1000000000-01-01T00:00:00Z to"
                + " +1000000000-12-31T23:59:59.999999999Z makes too many backtests, more than 10000:"
                + " choose a longer step"),
        Arguments.of(
            (Consumer<Forecast>) f -> f.horizon(Duration.ofDays(-1)),
            IllegalArgumentException.class,
            "horizon PT-24H is negative: a forecast looks forward, give a positive duration such as P90D"),
        Arguments.of(
            (Consumer<Forecast>) f -> f.horizon(Duration.ZERO),
            IllegalArgumentException.class,
            "horizon PT0S is zero: a forecast looks forward, give a positive duration such as P90D"),
        Arguments.of(
            (Consumer<Forecast>) f -> f.simulations(0),
            IllegalArgumentException.class,
            "simulations 0: need at least 1 run"),
        Arguments.of(
            (Consumer<Forecast>) f -> f.simulations(10_000_001),
            IllegalArgumentException.class,
            "simulations 10000001: at most 10000000 runs (each takes 16 bytes of heap)"),
        Arguments.of(
            (Consumer<Forecast>) f -> f.simulations(Integer.MAX_VALUE),
            IllegalArgumentException.class,
            "simulations 2147483647: at most 10000000 runs (each takes 16 bytes of heap)"),
        Arguments.of(
            (Consumer<Forecast>) f -> f.seed(1).seed(2),
            IllegalStateException.class,
            "seed was already set to 1"),
        Arguments.of(
            (Consumer<Forecast>) f -> f.target(Money.of("0.00", "EUR")),
            IllegalArgumentException.class,
            "target 0.00 EUR is not positive: coverage divides by it"),
        Arguments.of(
            (Consumer<Forecast>)
                f -> f.horizon(Duration.ofDays(1)).backtest(Instant.parse("2026-01-01T00:00:00Z")),
            IllegalArgumentException.class,
            "backtest at 2026-01-01T00:00:00Z is before the first deal of the log (created"
                + " 2026-03-02T00:00:00Z): there is no pipeline to rebuild"),
        Arguments.of(
            (Consumer<Forecast>) f -> f.backtest(Instant.parse("2026-03-03T00:00:00Z")),
            IllegalStateException.class,
            "a backtest compares what was won in [T, T+H): set horizon(...) first, e.g."
                + " horizon(Duration.ofDays(90))"),
        Arguments.of(
            (Consumer<Forecast>)
                f -> f.horizon(Duration.ofDays(30)).backtest(Instant.parse("2026-03-03T00:00:00Z")),
            IllegalArgumentException.class,
            "backtest window [2026-03-03T00:00:00Z, 2026-04-02T00:00:00Z) ends after as-of"
                + " 2026-03-07T00:00:00Z: what was won is not known yet; choose an earlier instant"
                + " or a shorter horizon"),
        Arguments.of(
            (Consumer<Forecast>) f -> f.target(Money.of("10.00", "USD")).report(),
            IllegalArgumentException.class,
            "cannot add EUR to USD: one report never mixes currencies"));
  }

  @ParameterizedTest
  @MethodSource("bad")
  void badInputFailsWithAPreciseMessage(
      Consumer<Forecast> call, Class<? extends RuntimeException> type, String message) {
    RuntimeException e = assertThrows(type, () -> call.accept(Forecast.of(LOG)));
    assertEquals(message, e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void theMaximumNumberOfSimulationsIsAccepted() {
    Forecast f = Forecast.of(LOG).simulations(10_000_000);
    assertEquals(10_000_000, f.runs());
    assertEquals(10_000_000, Forecast.MAX_SIMULATIONS);
  }

  @org.junit.jupiter.api.Test
  void aLogWithoutAmountsCannotForecastRevenue() {
    DealLog log =
        DealLog.builder(ForecastHandComputedTest.PIPELINE)
            .deal(Deal.builder("A", Instant.parse("2026-01-01T00:00:00Z")).build())
            .build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Forecast.of(log).report());
    assertEquals(
        "no deal in the log has an amount: a revenue forecast needs amounts (and their currency)",
        e.getMessage());
  }
}
