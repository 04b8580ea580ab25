package dev.funnel.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cells order measures as their ids compare, although the comparator never builds an id. */
final class MeasureOrderTest {

  @Test
  void comparatorAgreesWithTheIdsInSign() {
    Random r = new Random(3);
    // Arguments that make ids prefixes of each other, and characters below and above ':'.
    String[] parts = {"", "a", "b", "9", ";", "-", "clicks", "click", "é", "A"};
    List<Measure> measures = new ArrayList<>();
    for (Measure.Source source : Measure.Source.values()) {
      add(measures, source, Optional.empty());
      for (int i = 0; i < 12; i++) {
        String arg = parts[1 + r.nextInt(parts.length - 1)] + parts[r.nextInt(parts.length)];
        add(measures, source, Optional.of(arg));
      }
    }
    // both forms occur: sources with an argument and sources without
    assertEquals(true, measures.stream().anyMatch(m -> m.argument().isPresent()));
    assertEquals(true, measures.stream().anyMatch(m -> m.argument().isEmpty()));
    for (Measure x : measures) {
      for (Measure y : measures) {
        assertEquals(
            Integer.signum(x.id().compareTo(y.id())),
            Integer.signum(Measures.compareIds(x, y)),
            x.id() + " vs " + y.id());
      }
    }
  }

  /** Adds the measure if the source takes that form (some take an argument, others none). */
  private static void add(List<Measure> to, Measure.Source source, Optional<String> argument) {
    try {
      to.add(new Measure(source, argument));
    } catch (IllegalArgumentException e) {
      // this source does not take this form
    }
  }
}
