package dev.funnel.model;

/** What a pipeline stage means for the deal that is in it. */
public enum StageKind {
  /** A stage of the open pipeline; open stages are ranked in pipeline order. */
  OPEN,
  /** A terminal stage meaning the deal was won. */
  WON,
  /** A terminal stage meaning the deal was lost. */
  LOST
}
