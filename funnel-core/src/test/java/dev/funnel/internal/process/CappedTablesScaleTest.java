package dev.funnel.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.hygiene.GroupHygiene;
import dev.funnel.hygiene.HygieneReport;
import dev.funnel.losses.LossGroup;
import dev.funnel.losses.LossReport;
import dev.funnel.losses.LossRow;
import dev.funnel.model.Money;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A table capped at 20 rows formats 20 rows: the process reports made (and formatted, three
 * String.format calls per rate) a row for every owner, reason or group before keeping 20.
 */
final class CappedTablesScaleTest {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  static final int ROWS = 10_000;

  @Test
  void cappedTableOfItemsMatchesTheTableOfEveryRow() {
    List<Integer> items = List.of(3, 1, 2);
    String[] header = {"key", "n"};
    List<String[]> rows = new ArrayList<>();
    rows.add(header);
    items.forEach(i -> rows.add(new String[] {"k" + i, Integer.toString(i)}));
    for (int max : new int[] {0, 1, 2, 3, 4}) {
      List<Integer> made = new ArrayList<>();
      assertEquals(
          everyRowThenCapped(rows, 1, max),
          Text.capped(
              header,
              items,
              i -> {
                made.add(i);
                return new String[] {"k" + i, Integer.toString(i)};
              },
              1,
              max));
      // only the rows shown are made: the first max items, once each
      assertEquals(items.subList(0, Math.min(max, items.size())), made);
    }
  }

  @Test
  void hygieneTablesOfManyOwnersShowTwentyRows() {
    List<GroupHygiene> groups = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      groups.add(new GroupHygiene("o" + i, 10, 1, 2, 0, 0));
    }
    HygieneReport r =
        new HygieneReport(
            T0,
            Duration.ofDays(1),
            3,
            Duration.ofMinutes(10),
            ROWS,
            ROWS,
            10L * ROWS,
            ROWS,
            2L * ROWS,
            0,
            0,
            0,
            List.of(),
            groups,
            groups,
            List.of(),
            0);
    String text = r.toString();
    assertTrue(text.contains("... " + (ROWS - 20) + " more rows"));
  }

  @Test
  void lossTablesOfManyRowsShowTwentyRows() {
    List<LossRow> rows = new ArrayList<>();
    List<LossGroup> groups = new ArrayList<>();
    Optional<Money> amount = Optional.of(Money.of("12.50", "EUR"));
    for (int i = 0; i < ROWS; i++) {
      rows.add(new LossRow("r" + i, 1, Proportion.of(1, ROWS), amount, 0));
      groups.add(new LossGroup("r" + i, "new", "ads", "o" + i, 1, amount, 0));
    }
    LossReport r = new LossReport(T0, ROWS, Optional.empty(), 0, rows, rows, rows, rows, groups);
    String text = r.toString();
    assertTrue(text.contains("... " + (ROWS - 20) + " more rows"));
  }

  /** The tables as they were made before: every row formatted, then the first max kept. */
  private static String everyRowThenCapped(List<String[]> rows, int textColumns, int maxRows) {
    int data = rows.size() - 1;
    if (data <= maxRows) {
      return Text.align(rows, textColumns);
    }
    return Text.align(rows.subList(0, maxRows + 1), textColumns)
        + "... "
        + (data - maxRows)
        + " more rows\n";
  }
}
