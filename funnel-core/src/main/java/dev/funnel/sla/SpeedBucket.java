package dev.funnel.sla;

/**
 * Response-time buckets of the cost of slowness. Bounds apply to the response time as measured
 * (business time with a calendar, wall time otherwise); "one business day" is 8 hours of business
 * time with a calendar and 24 hours without.
 */
public enum SpeedBucket {
  /** Response time below 5 minutes. */
  UNDER_5_MINUTES,
  /** At least 5 minutes, below 1 hour. */
  UNDER_1_HOUR,
  /** At least 1 hour, below one business day. */
  UNDER_1_BUSINESS_DAY,
  /** One business day or more. */
  LATER,
  /** No touch by as-of. */
  NEVER_TOUCHED
}
