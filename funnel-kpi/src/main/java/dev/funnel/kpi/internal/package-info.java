/** The KPI engine: one pass over deals, leads, spend and activity into per-cell base measures. */
@NullMarked
package dev.funnel.kpi.internal;

import org.jspecify.annotations.NullMarked;
