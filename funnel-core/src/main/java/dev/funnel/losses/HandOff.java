package dev.funnel.losses;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.process.Seen;
import dev.funnel.internal.stats.Select;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.stats.Distribution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The marketing-to-sales hand-off query: per channel, acceptance rate (accepted / handed over),
 * time to accept and rejection reasons.
 *
 * {@snippet :
 * HandOffReport handOff = HandOff.of(leads).asOf(Instant.parse("2026-06-30T00:00:00Z")).report();
 * }
 *
 * <p>Definitions (METRICS.md is silent on the details; these are the library's):
 *
 * <ul>
 *   <li>Every instant is compared with as-of in whole seconds, as the deal log sees deals: one in
 *       the second of as-of counts as at or before it, whatever its fraction.
 *   <li>A lead counts when created at or before as-of (default: the latest instant of any lead
 *       field, before 1970 too; the epoch when there are no leads).
 *   <li>Its <b>hand-over</b> instant is {@code handed_over_at}, and it counts as handed over when
 *       that instant is at or before as-of. A lead accepted or rejected without one went straight
 *       to sales and is taken as handed over at creation, once that acceptance or rejection is at
 *       or before as-of (before it, nothing told of a hand-over).
 *   <li><b>Accepted</b> / <b>rejected</b>: {@code accepted_at} / {@code rejected_at} at or before
 *       as-of; <b>pending</b>: handed over and neither.
 *   <li><b>Time to accept</b>: {@code accepted_at - hand-over}, wall time, sub-second parts kept.
 *   <li>A missing channel or rejection reason is its own group, {@code (unspecified)}.
 * </ul>
 */
public final class HandOff {
  /** The channel key of the figures over all leads. */
  public static final String ALL = "all";

  private final List<Lead> leads;
  private Optional<Instant> asOf = Optional.empty();

  private HandOff(List<Lead> leads) {
    this.leads = Lead.copyOfDistinct(leads);
  }

  /**
   * Starts a hand-off query over these leads.
   *
   * @param leads the leads; copied
   * @return a new query over the leads
   * @throws IllegalArgumentException if a lead id appears twice (it would count twice)
   */
  public static HandOff of(List<Lead> leads) {
    return new HandOff(requireNonNull(leads, "leads"));
  }

  /**
   * Sees the leads as they were at this instant.
   *
   * @param instant the as-of instant
   * @return this query
   * @throws IllegalStateException if as-of was already set
   */
  public HandOff asOf(Instant instant) {
    requireNonNull(instant, "instant");
    if (asOf.isPresent()) {
      throw new IllegalStateException("asOf was already set to " + asOf.get());
    }
    asOf = Optional.of(instant);
    return this;
  }

  /**
   * The latest instant of any field of these leads (it may lie before 1970); the epoch when there
   * are none.
   */
  static Instant latest(List<Lead> leads) {
    Optional<Instant> max = Optional.empty();
    for (Lead l : leads) {
      for (Optional<Instant> t :
          List.of(Optional.of(l.createdAt()), l.handedOverAt(), l.acceptedAt(), l.rejectedAt())) {
        if (t.isPresent() && (max.isEmpty() || t.get().isAfter(max.get()))) {
          max = t;
        }
      }
    }
    return max.orElse(Instant.EPOCH);
  }

  /**
   * Computes the report.
   *
   * @return the report, over all leads and per channel
   */
  public HandOffReport report() {
    Instant at = asOf.orElseGet(() -> latest(leads));
    Map<String, List<Lead>> byChannel = new LinkedHashMap<>();
    List<Lead> visible = new ArrayList<>();
    for (Lead l : leads) {
      if (Seen.asOf(l.createdAt(), at)) {
        visible.add(l);
        byChannel
            .computeIfAbsent(l.channel().orElse(Deal.UNSPECIFIED), k -> new ArrayList<>())
            .add(l);
      }
    }
    List<HandOffFigures> channels = new ArrayList<>();
    byChannel.forEach((k, v) -> channels.add(figures(k, v, at)));
    channels.sort(
        Comparator.comparingLong(HandOffFigures::leads)
            .reversed()
            .thenComparing(HandOffFigures::channel));
    return new HandOffReport(at, figures(ALL, visible, at), channels);
  }

  private static HandOffFigures figures(String channel, List<Lead> leads, Instant asOf) {
    long handed = 0;
    long accepted = 0;
    long rejected = 0;
    List<Duration> waits = new ArrayList<>();
    Map<String, Long> reasons = new LinkedHashMap<>();
    for (Lead l : leads) {
      Optional<Instant> h = Seen.handOver(l, asOf);
      if (h.isEmpty()) {
        continue;
      }
      handed++;
      if (Seen.asOf(l.acceptedAt(), asOf)) {
        accepted++;
        // leads keep their sub-second parts: so do the times to accept
        waits.add(Duration.between(h.get(), l.acceptedAt().get()));
      } else if (Seen.asOf(l.rejectedAt(), asOf)) {
        rejected++;
        reasons.merge(l.rejectionReason().orElse(Deal.UNSPECIFIED), 1L, Long::sum);
      }
    }
    List<ReasonCount> rc = new ArrayList<>();
    reasons.forEach((r, c) -> rc.add(new ReasonCount(r, c)));
    rc.sort(
        Comparator.comparingLong(ReasonCount::count).reversed().thenComparing(ReasonCount::reason));
    Distribution wait = Select.durations(waits, Select.defaultPercentiles());
    return new HandOffFigures(
        channel, leads.size(), handed, accepted, rejected, handed - accepted - rejected, wait, rc);
  }

  /** The options set so far. */
  @Override
  public String toString() {
    return "HandOff.of(" + leads.size() + " leads)" + asOf.map(t -> ".asOf(" + t + ")").orElse("");
  }
}
