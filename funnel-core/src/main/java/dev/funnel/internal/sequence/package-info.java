/**
 * The engine of event-sequence funnels: the columnar event log, the per-entity ClickHouse {@code
 * windowFunnel} scan and its mergeable partial aggregates. Not exported.
 */
@NullMarked
package dev.funnel.internal.sequence;

import org.jspecify.annotations.NullMarked;
