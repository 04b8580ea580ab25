/**
 * The forecast engine: the history of stage visits as of an instant, the absorbing Markov chain,
 * the time-aware win probabilities, the Monte Carlo kernel and the budget scenario. Not exported.
 */
@NullMarked
package dev.funnel.internal.forecast;

import org.jspecify.annotations.NullMarked;
