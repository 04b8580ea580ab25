package dev.funnel.model;

import static dev.funnel.model.Rejects.iae;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class StageChangeTest {
  static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  static Stream<Arguments> invalidChanges() {
    return Stream.of(
        iae("stage change: deal id is blank", () -> StageChange.of(" ", "new", T)),
        iae("stage change of deal \"D-1\": stage is blank", () -> StageChange.of("D-1", "", T)),
        iae(
            "stage change of deal \"D-1\": recorded_at 2026-03-02T08:59:59Z is before occurred_at"
                + " 2026-03-02T09:00:00Z",
            () -> StageChange.of("D-1", "new", T).recordedAt(T.minusSeconds(1))),
        iae(
            "stage change of deal \"D-1\": recorded_at 2026-03-02T08:59:59.999999999Z is before"
                + " occurred_at 2026-03-02T09:00:00Z",
            () -> new StageChange("D-1", "new", T, T.minusNanos(1), Optional.empty())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidChanges")
  void rejectsInvalidChange(String message, Executable action) {
    Rejects.assertRejected(message, action);
  }

  /** Both instants are held to the second: within one second their order does not matter. */
  @Test
  void recordedAtMayPrecedeOccurredAtWithinItsSecond() {
    Instant occurred = T.plusMillis(900);
    StageChange c = new StageChange("D-1", "new", occurred, T.plusMillis(100), Optional.empty());
    assertEquals(T.plusMillis(100), c.recordedAt());
    assertEquals(occurred, c.occurredAt());
  }

  @Test
  void recordedAtDefaultsToOccurredAt() {
    StageChange c = StageChange.of("D-1", "qualified", T);
    assertEquals(T, c.recordedAt());
    assertEquals(Optional.empty(), c.actor());
    StageChange later = c.recordedAt(T.plusSeconds(3600)).actor("ann");
    assertEquals(
        new StageChange("D-1", "qualified", T, T.plusSeconds(3600), Optional.of("ann")), later);
    // recorded exactly when it happened is allowed
    assertEquals(T, c.recordedAt(T).recordedAt());
  }
}
