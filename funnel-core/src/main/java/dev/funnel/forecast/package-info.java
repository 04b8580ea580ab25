/**
 * Revenue forecasts you can check: {@link dev.funnel.forecast.Forecast#of(dev.funnel.log.DealLog)}
 * is the entry point; {@link dev.funnel.forecast.ForecastReport}, {@link
 * dev.funnel.forecast.Backtest}, {@link dev.funnel.forecast.RollingBacktest} and {@link
 * dev.funnel.forecast.BudgetScenario} the immutable results (METRICS.md "Forecast").
 */
@NullMarked
package dev.funnel.forecast;

import org.jspecify.annotations.NullMarked;
