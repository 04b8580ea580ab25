/**
 * People (METRICS.md "Losses and people"): concentration of won revenue across owners, and each
 * owner's win rate and won cycle time against the rest of the team. Entry point: {@link
 * dev.funnel.people.People#of(dev.funnel.log.DealLog)}.
 */
@NullMarked
package dev.funnel.people;

import org.jspecify.annotations.NullMarked;
