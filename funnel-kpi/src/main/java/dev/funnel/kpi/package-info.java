/**
 * KPIs that pay for outcomes, not activity (METRICS.md "KPIs"): definitions with a kind, unit,
 * direction and targets, the built-in catalog, the per-period and per-scope report with directed
 * changes, scorecards, activity-without-outcome alerts, channel economics and the revenue driver
 * tree. Start with {@link dev.funnel.kpi.Kpis#of(dev.funnel.log.DealLog)}.
 */
@NullMarked
package dev.funnel.kpi;

import org.jspecify.annotations.NullMarked;
