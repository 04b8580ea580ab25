/** The sample generator's engine: simulation, working-time clock and file writers. Not API. */
@NullMarked
package dev.funnel.examples.internal;

import org.jspecify.annotations.NullMarked;
