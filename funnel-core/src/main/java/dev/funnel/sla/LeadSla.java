package dev.funnel.sla;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One lead against its response SLA at as-of (METRICS.md "Speed and SLA").
 *
 * @param leadId the lead
 * @param channel its channel, or {@code (unspecified)}
 * @param owner who owns the response (see {@link Sla}), or {@code (unspecified)}
 * @param clockStart the event that started its clock: its creation or hand-over, as recorded. With
 *     a business calendar the clock counts from the first working moment at or after it (METRICS.md
 *     "Speed and SLA": a lead created on Friday at 20:00 keeps that instant here, and its response
 *     time counts from Monday's opening); a touch before that moment responds in zero time
 * @param firstTouch its first touch at or after the clock start and at or before as-of
 * @param responseTime {@code firstTouch - clockStart}, in business time with a calendar
 * @param status met, breached or at risk
 * @param timeLeft for an untouched lead, limit minus the time elapsed at as-of (negative once
 *     breached); empty for a touched lead
 */
public record LeadSla(
    String leadId,
    String channel,
    String owner,
    Instant clockStart,
    Optional<Instant> firstTouch,
    Optional<Duration> responseTime,
    SlaStatus status,
    Optional<Duration> timeLeft) {

  /**
   * Validates the lead figures.
   *
   * @throws IllegalArgumentException if exactly one of firstTouch and responseTime is set, or
   *     timeLeft is set for a touched lead
   */
  public LeadSla {
    requireNonNull(leadId, "leadId");
    requireNonNull(channel, "channel");
    requireNonNull(owner, "owner");
    requireNonNull(clockStart, "clockStart");
    requireNonNull(firstTouch, "firstTouch");
    requireNonNull(responseTime, "responseTime");
    requireNonNull(status, "status");
    requireNonNull(timeLeft, "timeLeft");
    if (firstTouch.isPresent() != responseTime.isPresent()
        || firstTouch.isPresent() == timeLeft.isPresent()) {
      throw new IllegalArgumentException(
          "lead \""
              + leadId
              + "\": a touched lead has a response time, an untouched one time left");
    }
  }
}
