/**
 * The engine of the process analyses (hygiene, SLA, losses, people, audit): one pass over the
 * columnar log and shared printing helpers. Not exported.
 */
@NullMarked
package dev.funnel.internal.process;

import org.jspecify.annotations.NullMarked;
