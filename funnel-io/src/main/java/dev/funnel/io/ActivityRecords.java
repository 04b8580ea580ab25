package dev.funnel.io;

import static java.util.Objects.requireNonNull;

import dev.funnel.io.internal.CsvReaders;
import dev.funnel.io.internal.StrictUtf8Reader;
import dev.funnel.kpi.KpiCatalog;
import dev.funnel.log.Origin;
import dev.funnel.log.Rejection;
import dev.funnel.model.ActivitySample;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * The samples of an {@code activity.csv} together with where each accepted row came from (file and
 * line), so that a check made after reading can name the line, as {@link SpendRecords} does for
 * spend.
 *
 * <p>Reading follows {@link FunnelFiles#activity(java.nio.file.Path)} exactly (same columns, strict
 * or lenient, same rejections); only the origins are added.
 *
 * @param activity the samples read, in file order
 * @param origins the origin of each accepted row, same order and size as {@code activity.records()}
 */
public record ActivityRecords(ReadResult<ActivitySample> activity, List<Origin> origins) {

  /**
   * Validates the sizes.
   *
   * @throws IllegalArgumentException if there is not one origin per accepted row
   */
  public ActivityRecords {
    requireNonNull(activity, "activity");
    origins = List.copyOf(origins);
    if (origins.size() != activity.records().size()) {
      throw new IllegalArgumentException(
          origins.size() + " origins for " + activity.records().size() + " activity rows");
    }
  }

  /**
   * Reads activity samples from a UTF-8 byte stream (closed when done), named {@code source} in
   * messages, in the mode of these readers.
   *
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @param in the UTF-8 bytes of the CSV
   * @param source the name of the stream in messages, e.g. {@code activity.csv}
   * @return the activity samples read, with their origins
   * @throws dev.funnel.log.RejectedRecordException in strict mode, at the first bad row
   * @throws InputFileException if the file is unusable
   * @throws IOException if the stream cannot be read
   */
  public static ActivityRecords read(FunnelFiles files, InputStream in, String source)
      throws IOException {
    requireNonNull(files, "files");
    requireNonNull(in, "in");
    requireNonNull(source, "source");
    Located<ActivitySample> read =
        Located.read(
            files, new StrictUtf8Reader(in), source, CsvReaders.ACTIVITY, CsvReaders::activity);
    return new ActivityRecords(read.result(), read.origins());
  }

  /**
   * These rows without those dated outside {@code [first, last]}, each rejected on {@code date}
   * with the reason of the bound it crosses, in one pass: in strict mode the first such row of the
   * file throws, in lenient mode each moves to the rejections (accepted + rejected = read still
   * holds). For bounds a reader cannot know, such as the days a deal log can measure.
   *
   * @param first the earliest date a row may have
   * @param last the latest date a row may have
   * @param beforeReason why an earlier row is rejected
   * @param afterReason why a later row is rejected
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @return the rows kept, with their origins; this object when none is dropped
   * @throws dev.funnel.log.RejectedRecordException in strict mode, at the first such row
   */
  public ActivityRecords within(
      LocalDate first, LocalDate last, String beforeReason, String afterReason, FunnelFiles files) {
    requireNonNull(first, "first");
    requireNonNull(last, "last");
    requireNonNull(beforeReason, "beforeReason");
    requireNonNull(afterReason, "afterReason");
    requireNonNull(files, "files");
    Located<ActivitySample> kept =
        new Located<>(activity, origins)
            .keepDated(ActivitySample::date, first, last, beforeReason, afterReason, files);
    return kept.result() == activity ? this : new ActivityRecords(kept.result(), kept.origins());
  }

  /**
   * These rows without those whose metric has the id of a built-in KPI ({@link
   * KpiCatalog#builtInClash}: {@code cpl}, {@code revenue}, {@code leads}, {@code ctr}, {@code
   * cost_per_<open stage>}, ...), which {@link dev.funnel.kpi.Kpis#report()} refuses for the whole
   * report. Each is rejected on {@code metric}: {@code activity.csv:3: metric: "cpl": has the id of
   * the built-in KPI cpl (OUTCOME, MONEY, LOWER_IS_BETTER) = spend / leads: rename the metric}. In
   * strict mode the first one throws; in lenient mode each moves to the rejections (accepted +
   * rejected = read still holds).
   *
   * @param openStages the ids of the pipeline's open stages (empty when the pipeline is unknown:
   *     then {@code cost_per_<stage>} ids are not checked)
   * @param files the mode: {@link FunnelFiles#strict()} or {@link FunnelFiles#lenient()}
   * @return the rows kept, with their origins; this object when none is dropped
   * @throws dev.funnel.log.RejectedRecordException in strict mode, at the first such row
   */
  public ActivityRecords withoutBuiltInKpiIds(List<String> openStages, FunnelFiles files) {
    List<String> stages = List.copyOf(openStages);
    requireNonNull(files, "files");
    Located<ActivitySample> kept =
        new Located<>(activity, origins)
            .keep(
                (s, origin) ->
                    KpiCatalog.builtInClash(s.metric(), stages)
                        .map(
                            kpi ->
                                Rejection.of(
                                    origin,
                                    "metric",
                                    s.metric(),
                                    "has the id of the built-in KPI "
                                        + kpi
                                        + ": rename the metric"))
                        .orElse(null),
                files);
    return kept.result() == activity ? this : new ActivityRecords(kept.result(), kept.origins());
  }
}
