package dev.funnel.io;

/**
 * One top-level section of a JSON report, written by whoever computes it (hygiene, SLA, losses,
 * KPIs, forecasts): it writes exactly one JSON value, the section's, to the output given. Add it to
 * a document with {@link JsonReports.Document#section(String, JsonSection)}.
 *
 * {@snippet :
 * JsonReports.funnel(report, ReadSummary.of(log))
 *     .section("hygiene", out -> out.startObject()
 *         .name("retroactive").value(3)
 *         .name("skips").value(12)
 *         .endObject())
 *     .write(writer);
 * }
 */
@FunctionalInterface
public interface JsonSection {
  /**
   * Writes the section's value (an object, an array or a scalar) to {@code out}.
   *
   * @param out the output, positioned where the section's value goes
   */
  void write(JsonOut out);
}
