package dev.funnel.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The owner table finds each owner's share by owner (a map built once; it searched every share per
 * row before, quadratic in owners), whatever the order of the shares.
 */
final class PeopleReportScaleTest {

  @Test
  void eachOwnerRowShowsItsOwnShareWhateverTheOrderOfShares() {
    int owners = 1_000;
    List<OwnerShare> shares = new ArrayList<>();
    List<OwnerComparison> comparisons = new ArrayList<>();
    for (int i = 0; i < owners; i++) {
      String owner = "o" + i;
      // shares in the reverse order of the comparisons; owner i has a share of i / 1000
      shares.add(
          0, new OwnerShare(owner, Optional.empty(), 0, OptionalDouble.of(i / (double) owners)));
      comparisons.add(
          new OwnerComparison(
              owner,
              1,
              Proportion.empty(),
              Proportion.empty(),
              OptionalDouble.empty(),
              false,
              Distribution.empty(),
              Distribution.empty(),
              OptionalDouble.empty(),
              false));
    }
    PeopleReport report =
        new PeopleReport(
            Instant.parse("2026-03-02T00:00:00Z"),
            new Concentration(
                owners,
                (owners + 4) / 5,
                Optional.empty(),
                0,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                shares),
            comparisons);
    int rows = 0;
    for (String line : report.printAll().lines().toList()) {
      if (!line.matches("o\\d+ .*")) {
        continue;
      }
      int i = Integer.parseInt(line.substring(1, line.indexOf(' ')));
      String share = String.format(Locale.ROOT, "%.1f%%", i * 100.0 / owners);
      assertTrue(line.contains(" " + share + " "), line + " should show " + share);
      rows++;
    }
    assertEquals(owners, rows);
  }
}
