package dev.funnel.forecast;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import java.time.Duration;

/**
 * The expected revenue, within the horizon, of deals not created yet. Model: the lead flow goes on
 * as in the lookback window before as-of, so new deals arrive at the rate at which deals were
 * created in it ({@code dealsPerDay}; this rate already carries the leads' conversion into deals);
 * a new deal is won within {@code t} of its creation with the cumulative incidence F(t) of WON from
 * creation (Aalen-Johansen over the deals created in the lookback, LOST competing, open deals
 * censored: the cycle time); it brings the mean amount of the deals created in the lookback.
 * Expected revenue = dealsPerDay x meanAmount x integral of F over [0, H], arrivals spread evenly
 * over the horizon.
 *
 * @param lookback the window before as-of the rates come from
 * @param deals deals created in the lookback
 * @param dealsPerDay their arrival rate
 * @param meanAmount the mean amount of those with an amount
 * @param winWithinHorizon the probability that a deal created at as-of is won within the horizon
 * @param expectedRevenue the expected revenue won within the horizon from deals not created yet
 */
public record NewDeals(
    Duration lookback,
    int deals,
    double dealsPerDay,
    Money meanAmount,
    double winWithinHorizon,
    Money expectedRevenue) {
  /** Validates the record. */
  public NewDeals {
    requireNonNull(lookback, "lookback");
    requireNonNull(meanAmount, "meanAmount");
    requireNonNull(expectedRevenue, "expectedRevenue");
  }
}
