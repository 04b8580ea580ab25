package dev.funnel.cli;

import dev.funnel.Breakdown;
import dev.funnel.FunnelFigures;
import dev.funnel.FunnelReport;
import dev.funnel.Group;
import dev.funnel.StageFigures;
import dev.funnel.io.ReadSummary;
import dev.funnel.log.Rejection;
import dev.funnel.model.Money;
import dev.funnel.stats.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A funnel report as one self-contained HTML page: the tables of the text report, no scripts. */
final class HtmlReport {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
          + "table{border-collapse:collapse;margin:0 0 1.5em}"
          + "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}"
          + "th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
          + "caption{text-align:left;font-weight:bold;padding:.3em 0}"
          + ".muted{color:#777}";

  private HtmlReport() {}

  /**
   * The page with further sections after the funnel's tables, each a title and its plain-text
   * tables (shown preformatted, as the text report prints them); a {@code --where} segment's
   * conditions and a {@code --known-at} view's instant go under the title.
   */
  static String page(
      FunnelReport r,
      ReadSummary records,
      List<String[]> sections,
      List<String> where,
      @Nullable Instant knownAt) {
    StringBuilder h = new StringBuilder();
    String title = "Funnel " + r.pipeline() + " as of " + r.asOf();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(title))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(esc(title))
        .append("</h1>\n");
    if (!where.isEmpty()) {
      h.append("<p>").append(esc(Where.describe(where))).append("</p>\n");
    }
    if (knownAt != null) {
      h.append("<p>").append(esc(KnownAt.describe(knownAt))).append("</p>\n");
    }
    h.append("<p class=\"muted\">created in ")
        .append(esc(ReportCommand.cohortText(r)))
        .append(", ")
        .append(esc(r.counting().name().toLowerCase(java.util.Locale.ROOT)))
        .append(" counting; records: ")
        .append(esc(records.toString()))
        .append("</p>\n");
    FunnelFigures a = r.all();
    h.append("<table>\n<caption>Deals</caption>\n");
    row(h, "th", "deals", "open", "won", "lost", "win rate", "cohort conversion");
    row(
        h,
        "td",
        Long.toString(a.deals().total()),
        Long.toString(a.deals().open()),
        Long.toString(a.deals().won()),
        Long.toString(a.deals().lost()),
        a.winRate().toString(),
        a.cohortConversion().toString());
    h.append("</table>\n<table>\n<caption>Cycle time, size, velocity</caption>\n");
    row(h, "th", "won cycle", "lost cycle", "average won deal", "won without amount", "velocity");
    row(
        h,
        "td",
        a.wonCycleTime().toString(),
        a.lostCycleTime().toString(),
        money(a.averageWonDealSize()),
        Long.toString(a.wonWithoutAmount()),
        a.velocityPerDay().map(m -> m + "/day").orElse("-"));
    h.append("</table>\n");
    stages(h, "Stages", a.stages());
    for (Breakdown b : r.breakdowns()) {
      h.append("<table>\n<caption>By ").append(esc(r.nameOf(b))).append("</caption>\n");
      row(
          h,
          "th",
          r.nameOf(b),
          "deals",
          "open",
          "won",
          "lost",
          "win rate",
          "cohort conversion",
          "won cycle p50",
          "average won deal",
          "velocity");
      for (Group g : b.groups()) {
        FunnelFigures f = g.figures();
        row(
            h,
            "td",
            g.label(),
            Long.toString(f.deals().total()),
            Long.toString(f.deals().open()),
            Long.toString(f.deals().won()),
            Long.toString(f.deals().lost()),
            f.winRate().toString(),
            f.cohortConversion().toString(),
            human(f.wonCycleTime().p50()),
            money(f.averageWonDealSize()),
            f.velocityPerDay().map(m -> m + "/day").orElse("-"));
      }
      h.append("</table>\n");
    }
    for (String[] s : sections) {
      h.append("<h2>")
          .append(esc(s[0]))
          .append("</h2>\n<pre>")
          .append(esc(s[1]))
          .append("</pre>\n");
    }
    if (!records.rejections().isEmpty()) {
      h.append("<table>\n<caption>Rejected records</caption>\n");
      row(h, "th", "file", "line", "field", "value", "reason");
      for (Rejection x : records.rejections()) {
        row(h, "td", x.source(), Long.toString(x.line()), x.field(), x.value(), x.reason());
      }
      h.append("</table>\n");
    }
    return h.append("</body>\n</html>\n").toString();
  }

  private static void stages(StringBuilder h, String caption, List<StageFigures> stages) {
    h.append("<table>\n<caption>").append(esc(caption)).append("</caption>\n");
    row(
        h,
        "th",
        "stage",
        "reached",
        "entered",
        "cumulative",
        "to next",
        "lost at",
        "time in stage p50",
        "p90",
        "open",
        "age p50",
        "usage");
    for (StageFigures s : stages) {
      row(
          h,
          "td",
          s.stage(),
          Long.toString(s.reached()),
          Long.toString(s.entered()),
          s.cumulative().toString(),
          s.conversionToNext().toString(),
          Long.toString(s.lostAt()),
          human(s.timeInStage().p50()),
          human(s.timeInStage().p90()),
          Long.toString(s.ageInStage().count()),
          human(s.ageInStage().p50()),
          s.usage().percent());
    }
    h.append("</table>\n");
  }

  private static String human(Optional<Duration> d) {
    return d.map(Durations::human).orElse("-");
  }

  private static String money(Optional<Money> m) {
    return m.map(Money::toString).orElse("-");
  }

  private static void row(StringBuilder h, String cell, String... values) {
    h.append("<tr>");
    for (String v : values) {
      h.append('<').append(cell).append('>').append(esc(v)).append("</").append(cell).append('>');
    }
    h.append("</tr>\n");
  }

  /**
   * Escapes text for HTML element content and attribute values. Control characters are left to
   * {@link Output}, which writes every one but the line break as its visible escape, in a page as
   * in a table (most are not allowed in HTML).
   */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }
}
