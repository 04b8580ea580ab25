package dev.funnel.cli;

import dev.funnel.Dimension;
import dev.funnel.io.JsonReports;
import dev.funnel.log.DealLog;
import dev.funnel.log.Rejection;
import dev.funnel.model.Deal;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The deal selection of {@code --where DIM=VALUE[,VALUE...]}: a deal is kept when its value of the
 * dimension is one of the values; several {@code --where} options must all hold. A dimension is
 * {@code owner}, {@code channel} or a {@code deals.csv} attribute column ({@code attribute=NAME}
 * always the column, as in {@code --by}); a missing value is {@value Deal#UNSPECIFIED}. A value
 * that no deal of the log has is an error (a misspelt channel would otherwise give an empty
 * report), as is a creation period, which {@code --from} and {@code --to} select.
 */
final class Where {
  /** The help of {@code --where}. */
  static final String HELP =
      "keep only the deals whose owner, channel or column of deals.csv has one of the values"
          + " (a value cannot hold a comma); repeat to require several (missing value: "
          + Deal.UNSPECIFIED
          + ")";

  /** How many characters of a condition an error message repeats. */
  private static final int SHOWN_CHARS = 200;

  /** How many of a dimension's values an error message lists. */
  private static final int LISTED = 20;

  private Where() {}

  /**
   * The segment of the log these conditions select, or the log itself without any.
   *
   * @throws InputException naming the option value that is malformed, names no dimension of the log
   *     or a value no deal has
   */
  static DealLog select(DealLog log, List<String> conditions, String command) {
    if (conditions.isEmpty()) {
      return log;
    }
    Predicate<Deal> all = d -> true;
    for (String condition : conditions) {
      all = all.and(condition(log, condition, command));
    }
    return log.where(all);
  }

  /**
   * A condition as a message names it: whole up to 200 characters, else its start and its length (a
   * condition of thousands of values made 100 KB lines: scale review).
   */
  static String shown(String condition) {
    return condition.length() <= SHOWN_CHARS
        ? condition
        : condition.substring(0, SHOWN_CHARS) + "... (" + condition.length() + " characters)";
  }

  /** How a report names the segment: {@code deals where channel=ads and owner=ann}. */
  static String describe(List<String> conditions) {
    return "deals where " + String.join(" and ", conditions.stream().map(String::strip).toList());
  }

  /**
   * Writes the first line of a table report of a segment, {@link #describe}; none for every deal.
   */
  static void writeLine(Writer w, List<String> conditions) throws IOException {
    if (!conditions.isEmpty()) {
      w.write(describe(conditions));
      w.write("\n");
    }
  }

  /**
   * Adds the {@code where} array of the conditions, as given, to a JSON report of a segment; a
   * report of every deal gets none.
   */
  static void addTo(JsonReports.Document doc, List<String> conditions) {
    if (conditions.isEmpty()) {
      return;
    }
    doc.section(
        "where",
        out -> {
          out.startArray();
          conditions.forEach(c -> out.value(c.strip()));
          out.endArray();
        });
  }

  private static Predicate<Deal> condition(DealLog log, String condition, String command) {
    String prefix = "funnel " + command + ": --where " + shown(condition) + ": ";
    String text = condition.strip();
    int from =
        text.regionMatches(
                true, 0, Dimension.ATTRIBUTE_PREFIX, 0, Dimension.ATTRIBUTE_PREFIX.length())
            ? Dimension.ATTRIBUTE_PREFIX.length()
            : 0;
    int eq = text.indexOf('=', from);
    if (eq < 0) {
      throw new InputException(prefix + "say DIM=VALUE[,VALUE...], such as channel=ads,seo");
    }
    Dimension dim;
    try {
      dim = Dimension.named(text.substring(0, eq));
    } catch (IllegalArgumentException e) {
      throw new InputException(prefix + e.getMessage());
    }
    if (dim.kind() == Dimension.Kind.CREATED) {
      throw new InputException(
          prefix
              + "deals are selected by creation time with --from and --to, not --where"
              + " (--where attribute="
              + text.strip()
              + " names a column called "
              + text.substring(0, eq).strip()
              + ")");
    }
    if (dim.kind() == Dimension.Kind.ATTRIBUTE
        && !log.attributeNames().contains(dim.attribute().orElseThrow())) {
      throw new InputException(
          prefix
              + "no deal has the column \""
              + dim.attribute().orElseThrow()
              + "\" (columns: "
              + (log.attributeNames().isEmpty()
                  ? "none"
                  : Rejection.visible(String.join(", ", log.attributeNames())))
              + "; or owner, channel)");
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String v : text.substring(eq + 1).split(",", -1)) {
      String value = v.strip();
      if (value.isEmpty()) {
        throw new InputException(
            prefix + "an empty value (a missing value is " + Deal.UNSPECIFIED + ")");
      }
      wanted.add(value);
    }
    Set<String> present = new TreeSet<>();
    for (int i = 0; i < log.dealCount(); i++) {
      present.add(label(dim, log.deal(i)));
    }
    List<String> unknown = new ArrayList<>(wanted);
    unknown.removeAll(present);
    if (!unknown.isEmpty()) {
      List<String> some = new ArrayList<>(present).subList(0, Math.min(LISTED, present.size()));
      throw new InputException(
          prefix
              + "no deal has "
              + dim.label()
              + " \""
              + Rejection.visible(
                  String.join("\", \"", unknown.subList(0, Math.min(LISTED, unknown.size()))))
              + "\""
              + (unknown.size() > LISTED ? " nor " + (unknown.size() - LISTED) + " more" : "")
              + " ("
              + (present.isEmpty()
                  ? "the log has no deals"
                  : "values: " + Rejection.visible(String.join(", ", some)))
              + (present.size() > LISTED ? ", ... " + (present.size() - LISTED) + " more" : "")
              + ")");
    }
    return d -> wanted.contains(label(dim, d));
  }

  /** The deal's value of the dimension as a breakdown labels it. */
  private static String label(Dimension dim, Deal d) {
    Optional<String> value;
    switch (dim.kind()) {
      case OWNER:
        value = d.owner();
        break;
      case CHANNEL:
        value = d.channel();
        break;
      default:
        value = Optional.ofNullable(d.attributes().get(dim.attribute().orElseThrow()));
    }
    return value.orElse(Deal.UNSPECIFIED);
  }
}
