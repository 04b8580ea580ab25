/**
 * The validated, immutable, columnar {@link dev.funnel.log.DealLog} that every analysis scans, its
 * builder, and the accounting of rejected input records.
 */
@NullMarked
package dev.funnel.log;

import org.jspecify.annotations.NullMarked;
