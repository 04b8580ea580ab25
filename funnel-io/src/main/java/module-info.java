/**
 * funnel I/O: streaming readers of the CSV and JSON files of FORMATS.md. Jackson stays inside this
 * module; the API speaks JDK and funnel types only.
 */
module dev.funnel.io {
  requires static org.jspecify;
  requires transitive dev.funnel.core;
  requires transitive dev.funnel.kpi;
  requires tools.jackson.core;
  requires tools.jackson.databind;
  requires tools.jackson.dataformat.csv;

  exports dev.funnel.io;
}
