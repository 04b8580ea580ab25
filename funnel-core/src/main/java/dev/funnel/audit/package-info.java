/**
 * The process audit: one call grading the eight must-haves of a sales process that does not lose
 * marketing money (real stages, a working funnel, an inbound SLA that is met, one first-touch
 * process, transition analytics, structured losses, mandatory follow-ups, one hand-off rule), each
 * PASS, WARN or FAIL with its evidence and threshold. Entry point: {@link
 * dev.funnel.audit.Audit#of(dev.funnel.log.DealLog)}.
 */
@NullMarked
package dev.funnel.audit;

import org.jspecify.annotations.NullMarked;
