package dev.funnel.audit;

/** The grade of one must-have. */
public enum Grade {
  /** The evidence meets the pass threshold. */
  PASS,
  /** The evidence misses the pass threshold but meets the warn threshold. */
  WARN,
  /** The evidence misses the warn threshold, or cannot be measured: the must-have is missing. */
  FAIL
}
