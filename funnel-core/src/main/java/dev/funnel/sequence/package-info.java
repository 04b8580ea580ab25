/** Event-sequence funnels: ordered steps over the events of one entity within a window. */
@NullMarked
package dev.funnel.sequence;

import org.jspecify.annotations.NullMarked;
