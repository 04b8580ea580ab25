/**
 * Process reality (METRICS.md "Process reality"): is the funnel real or declared? Retroactive
 * changes, bursts, skips, backward moves and stage usage, with the exact change behind each flag.
 * Entry point: {@link dev.funnel.hygiene.Hygiene#of(dev.funnel.log.DealLog)}.
 */
@NullMarked
package dev.funnel.hygiene;

import org.jspecify.annotations.NullMarked;
