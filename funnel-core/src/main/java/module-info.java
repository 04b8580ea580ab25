/**
 * funnel core: the domain model, the validated columnar {@code DealLog} and the analytics engine.
 * Exports API packages only; the engine lives in {@code dev.funnel.internal}.
 */
module dev.funnel.core {
  requires static org.jspecify;

  exports dev.funnel;
  exports dev.funnel.model;
  exports dev.funnel.log;
  exports dev.funnel.stats;
  exports dev.funnel.sequence;
  exports dev.funnel.calendar;
  exports dev.funnel.forecast;
  exports dev.funnel.hygiene;
  exports dev.funnel.losses;
  exports dev.funnel.people;
  exports dev.funnel.sla;
  exports dev.funnel.audit;
}
