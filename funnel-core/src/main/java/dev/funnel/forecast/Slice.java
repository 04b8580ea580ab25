package dev.funnel.forecast;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;

/**
 * The open pipeline of one owner or channel: open deals, those without an amount (counted apart,
 * never as zero) and the weighted pipeline of the rest.
 *
 * @param key the owner or channel, {@code (unspecified)} when missing
 * @param openDeals the open deals
 * @param withoutAmount open deals without an amount
 * @param weightedPipeline sum of amount x win probability of the current stage
 */
public record Slice(String key, int openDeals, int withoutAmount, Money weightedPipeline) {
  /** Validates the record. */
  public Slice {
    requireNonNull(key, "key");
    requireNonNull(weightedPipeline, "weightedPipeline");
  }
}
