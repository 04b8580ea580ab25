package dev.funnel.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A marketing lead: when it arrived, from which channel, and its hand-off to sales (handed over,
 * then accepted or rejected with a reason). A channel or rejection reason that is blank or {@value
 * Deal#UNSPECIFIED} is missing, as on a {@link Deal}.
 *
 * @param id the lead id, non-blank
 * @param createdAt when the lead arrived
 * @param channel the acquisition channel
 * @param handedOverAt when marketing handed it to sales
 * @param acceptedAt when sales accepted it
 * @param rejectedAt when sales rejected it
 * @param rejectionReason why sales rejected it
 */
public record Lead(
    String id,
    Instant createdAt,
    Optional<String> channel,
    Optional<Instant> handedOverAt,
    Optional<Instant> acceptedAt,
    Optional<Instant> rejectedAt,
    Optional<String> rejectionReason) {

  /**
   * Validates the lead.
   *
   * @throws IllegalArgumentException if the id is blank, a hand-off instant precedes creation,
   *     acceptance or rejection precedes hand-over, or the lead is both accepted and rejected
   */
  public Lead {
    requireNonNull(id, "id");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(channel, "channel");
    requireNonNull(handedOverAt, "handedOverAt");
    requireNonNull(acceptedAt, "acceptedAt");
    requireNonNull(rejectedAt, "rejectedAt");
    requireNonNull(rejectionReason, "rejectionReason");
    channel = channel.filter(Deal::given);
    rejectionReason = rejectionReason.filter(Deal::given);
    if (id.isBlank()) {
      throw new IllegalArgumentException("lead id is blank");
    }
    requireNotBefore(id, "handed_over_at", handedOverAt, "created_at", createdAt);
    Instant start = handedOverAt.orElse(createdAt);
    String startName = handedOverAt.isPresent() ? "handed_over_at" : "created_at";
    requireNotBefore(id, "accepted_at", acceptedAt, startName, start);
    requireNotBefore(id, "rejected_at", rejectedAt, startName, start);
    if (acceptedAt.isPresent() && rejectedAt.isPresent()) {
      throw new IllegalArgumentException(
          "lead \"" + id + "\": both accepted_at and rejected_at are set");
    }
  }

  private static void requireNotBefore(
      String id, String field, Optional<Instant> value, String otherField, Instant other) {
    if (value.isPresent() && value.get().isBefore(other)) {
      throw new IllegalArgumentException(
          "lead \""
              + id
              + "\": "
              + field
              + " "
              + value.get()
              + " is before "
              + otherField
              + " "
              + other);
    }
  }

  /**
   * A lead with only its id, arrival and channel.
   *
   * @param id the lead id, non-blank
   * @param createdAt when the lead arrived
   * @param channel the acquisition channel
   * @return the lead, not handed over
   */
  public static Lead of(String id, Instant createdAt, String channel) {
    return new Lead(
        id,
        createdAt,
        Optional.of(channel),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * An immutable copy of these leads, checked to name each lead once: a lead listed twice would
   * count twice in every lead figure.
   *
   * @param leads the leads
   * @return the copy, in the collection's iteration order
   * @throws IllegalArgumentException naming the first id that appears twice
   * @throws NullPointerException if the collection or one of its leads is null
   */
  public static List<Lead> copyOfDistinct(Collection<Lead> leads) {
    requireNonNull(leads, "leads");
    int i = 0;
    for (Lead l : leads) {
      requireNonNull(l, "leads[" + i++ + "]");
    }
    List<Lead> copy = List.copyOf(leads);
    Set<String> ids = new HashSet<>();
    for (Lead l : copy) {
      if (!ids.add(l.id())) {
        throw new IllegalArgumentException(
            "lead \"" + l.id() + "\" appears twice in the leads: each lead arrives once");
      }
    }
    return copy;
  }
}
