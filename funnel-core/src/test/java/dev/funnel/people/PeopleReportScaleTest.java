package dev.funnel.people;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The owner table looks each owner's share up once, not by a search of every share. */
final class PeopleReportScaleTest {

  /** 100,000 owners: searching the shares per owner was 5 billion comparisons; now linear. */
  @Test
  void tableOfManyOwnersPrintsInLinearTime() {
    int owners = 100_000;
    List<OwnerShare> shares = new ArrayList<>();
    List<OwnerComparison> comparisons = new ArrayList<>();
    for (int i = 0; i < owners; i++) {
      String owner = "o" + i;
      shares.add(new OwnerShare(owner, Optional.empty(), 0, OptionalDouble.empty()));
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
    String all = assertTimeoutPreemptively(Duration.ofSeconds(20), report::printAll);
    assertTrue(all.contains("o99999"));
  }
}
