/**
 * The funnel query and its reports: {@link dev.funnel.Funnel#of(dev.funnel.log.DealLog)} is the
 * entry point; {@link dev.funnel.FunnelReport} the immutable result.
 */
@NullMarked
package dev.funnel;

import org.jspecify.annotations.NullMarked;
