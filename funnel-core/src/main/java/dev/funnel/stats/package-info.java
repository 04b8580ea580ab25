/**
 * Statistical values of reports: {@link dev.funnel.stats.Proportion} (a rate with its Wilson
 * interval) and {@link dev.funnel.stats.Distribution} (exact percentiles of durations).
 */
@NullMarked
package dev.funnel.stats;

import org.jspecify.annotations.NullMarked;
