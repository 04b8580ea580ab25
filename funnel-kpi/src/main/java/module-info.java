/**
 * funnel KPIs: outcome and activity KPIs per period and scope, computed from additive base measures
 * so that every ratio is recomputed from merged parts. Exports the API package only; the engine
 * lives in {@code dev.funnel.kpi.internal}.
 */
module dev.funnel.kpi {
  requires static org.jspecify;
  requires transitive dev.funnel.core;

  exports dev.funnel.kpi;
}
