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

final class LeadTest {
  static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant HANDED = Instant.parse("2026-03-02T10:00:00Z");
  static final Optional<Instant> NONE = Optional.empty();

  static Lead lead(
      Optional<Instant> handedOver, Optional<Instant> accepted, Optional<Instant> rejected) {
    return new Lead(
        "L-1", CREATED, Optional.of("ads"), handedOver, accepted, rejected, Optional.empty());
  }

  static Stream<Arguments> invalidLeads() {
    Optional<Instant> beforeCreation = Optional.of(CREATED.minusSeconds(60));
    Optional<Instant> betweenCreationAndHandOver = Optional.of(CREATED.plusSeconds(60));
    Optional<Instant> later = Optional.of(HANDED.plusSeconds(60));
    return Stream.of(
        iae("lead id is blank", () -> Lead.of(" ", CREATED, "ads")),
        iae(
            "lead \"L-1\": handed_over_at 2026-03-02T08:59:00Z is before created_at"
                + " 2026-03-02T09:00:00Z",
            () -> lead(beforeCreation, NONE, NONE)),
        iae(
            "lead \"L-1\": accepted_at 2026-03-02T08:59:00Z is before created_at"
                + " 2026-03-02T09:00:00Z",
            () -> lead(NONE, beforeCreation, NONE)),
        iae(
            "lead \"L-1\": rejected_at 2026-03-02T08:59:00Z is before created_at"
                + " 2026-03-02T09:00:00Z",
            () -> lead(NONE, NONE, beforeCreation)),
        iae(
            "lead \"L-1\": accepted_at 2026-03-02T09:01:00Z is before handed_over_at"
                + " 2026-03-02T10:00:00Z",
            () -> lead(Optional.of(HANDED), betweenCreationAndHandOver, NONE)),
        iae(
            "lead \"L-1\": rejected_at 2026-03-02T09:01:00Z is before handed_over_at"
                + " 2026-03-02T10:00:00Z",
            () -> lead(Optional.of(HANDED), NONE, betweenCreationAndHandOver)),
        iae(
            "lead \"L-1\": both accepted_at and rejected_at are set",
            () -> lead(Optional.of(HANDED), later, later)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidLeads")
  void rejectsInvalidLead(String message, Executable action) {
    Rejects.assertRejected(message, action);
  }

  @Test
  void blankOrUnspecifiedChannelAndReasonAreMissing() {
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    Lead blank =
        new Lead(
            "L1",
            t,
            Optional.of("  "),
            Optional.of(t),
            Optional.empty(),
            Optional.of(t),
            Optional.of(" "));
    assertEquals(Optional.empty(), blank.channel());
    assertEquals(Optional.empty(), blank.rejectionReason());
    assertEquals(Optional.empty(), Lead.of("L2", t, "(unspecified)").channel());
    assertEquals(Optional.of("ads"), Lead.of("L3", t, "ads").channel());
  }

  @Test
  void acceptsAHandOffInOrder() {
    Lead l = lead(Optional.of(HANDED), Optional.of(HANDED), NONE);
    assertEquals(Optional.of(HANDED), l.acceptedAt());
    // without a hand-over, acceptance is measured from creation
    assertEquals(Optional.of(CREATED), lead(NONE, Optional.of(CREATED), NONE).acceptedAt());
    Lead simple = Lead.of("L-2", CREATED, "seo");
    assertEquals(Optional.of("seo"), simple.channel());
    assertEquals(NONE, simple.handedOverAt());
    assertEquals(Optional.empty(), simple.rejectionReason());
  }
}
