/**
 * Speed and SLA (METRICS.md "Speed and SLA"): lead response times against a limit in business or
 * wall time, follow-up cadence of open deals, deals rotting in a stage, the list of what to act on
 * now, and what slowness costs. Entry point: {@link dev.funnel.sla.Sla#of(java.util.List,
 * java.util.List)}.
 */
@NullMarked
package dev.funnel.sla;

import org.jspecify.annotations.NullMarked;
