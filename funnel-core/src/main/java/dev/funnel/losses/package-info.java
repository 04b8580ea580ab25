/**
 * Marketing-to-sales hand-off and loss analytics (METRICS.md "Losses and people"): acceptance of
 * handed-over leads per channel, and lost deals by structured reason, stage, channel and owner.
 * Entry points: {@link dev.funnel.losses.Losses#of(dev.funnel.log.DealLog)} and {@link
 * dev.funnel.losses.HandOff#of(java.util.List)}.
 */
@NullMarked
package dev.funnel.losses;

import org.jspecify.annotations.NullMarked;
