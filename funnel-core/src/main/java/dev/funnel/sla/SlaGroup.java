package dev.funnel.sla;

import static java.util.Objects.requireNonNull;

import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;

/**
 * SLA figures of one group of leads (an owner, a channel, or all).
 *
 * @param key the owner or channel, {@code (unspecified)} when missing, {@code all} for every lead
 * @param met leads that met the SLA
 * @param breached leads that breached it
 * @param atRisk leads at risk
 * @param responseTime response times of the touched leads, sub-second parts kept (see {@link
 *     LeadSla#responseTime()})
 */
public record SlaGroup(
    String key, long met, long breached, long atRisk, Distribution responseTime) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public SlaGroup {
    requireNonNull(key, "key");
    requireNonNull(responseTime, "responseTime");
    if (met < 0 || breached < 0 || atRisk < 0) {
      throw new IllegalArgumentException("SLA group \"" + key + "\": negative count");
    }
  }

  /**
   * Compliance: met / (met + breached), METRICS.md "Speed and SLA".
   *
   * @return {@code met / (met + breached)}
   */
  public Proportion compliance() {
    return Proportion.of(met, met + breached);
  }

  /**
   * Every measured lead: met + breached + at risk.
   *
   * @return the number of measured leads
   */
  public long leads() {
    return met + breached + atRisk;
  }
}
