package dev.funnel.cli;

/** The output formats of {@code --format}. */
enum Format {
  /** Aligned plain-text tables. */
  TABLE,
  /** The JSON of FORMATS.md "JSON report". */
  JSON,
  /** A self-contained HTML page with the tables. */
  HTML
}
