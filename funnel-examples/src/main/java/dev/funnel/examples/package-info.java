/**
 * A deterministic, seeded sample of B2B CRM data in the layout of FORMATS.md: {@link
 * dev.funnel.examples.SampleSpec} says what to generate, {@link dev.funnel.examples.SampleData}
 * generates it into a {@link dev.funnel.examples.SampleSink} or straight into a {@code DealLog},
 * and {@link dev.funnel.examples.SampleFiles} writes the CSV and JSON files.
 */
@NullMarked
package dev.funnel.examples;

import org.jspecify.annotations.NullMarked;
