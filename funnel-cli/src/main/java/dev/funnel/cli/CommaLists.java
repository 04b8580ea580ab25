package dev.funnel.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The items of comma-separated option values ({@code --by owner,channel}, {@code --steps a,b}),
 * split here rather than by picocli: picocli drops a trailing empty item ({@code --by owner,} read
 * as {@code --by owner}), while a leading or inner one ({@code ,owner}, {@code a,,b}) reaches the
 * command and is refused. Every empty item now reaches the command.
 */
final class CommaLists {
  private CommaLists() {}

  /**
   * The items of every value, in order; an empty item is kept as {@code ""}.
   *
   * @param values the option's values as given (the option repeated, each comma separated)
   * @return the items
   */
  static List<String> items(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.addAll(List.of(v.split(",", -1)));
    }
    return out;
  }
}
