/**
 * funnel examples: a deterministic, seeded generator of a realistic B2B CRM sample (deals, stage
 * changes, leads, touches, spend, activity, events and a business calendar) for demos, JShell,
 * tests and benchmarks. Exports {@code dev.funnel.examples} only.
 */
module dev.funnel.examples {
  requires transitive dev.funnel.core;
  requires static org.jspecify;

  exports dev.funnel.examples;
}
