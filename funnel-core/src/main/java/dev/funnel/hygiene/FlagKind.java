package dev.funnel.hygiene;

/** What a {@link HygieneFlag} says about a transition (METRICS.md "Process reality"). */
public enum FlagKind {
  /** Recorded more than the tolerance after it occurred ({@code recordedAt - occurredAt}). */
  RETROACTIVE,
  /** One of three or more transitions of one deal recorded within the burst window. */
  BURST,
  /** Moved from open rank i to open rank j &gt; i+1, or to WON from a rank below n. */
  SKIP,
  /** Moved from open rank i to open rank j &lt; i. */
  BACKWARD
}
