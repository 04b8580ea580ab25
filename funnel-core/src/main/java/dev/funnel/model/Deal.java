package dev.funnel.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A deal (opportunity) as the CRM knows it: an id, when it was created, who owns it, where it came
 * from, what it is worth and free string attributes. Its stage history is kept apart as {@link
 * StageChange}s in the {@link dev.funnel.log.DealLog}. A missing owner, channel, loss reason or
 * attribute value is reported as its own group, {@value #UNSPECIFIED} (METRICS.md "Pipeline and
 * deals"); a value given as {@value #UNSPECIFIED} (as a report or an export writes the missing
 * value) is read as missing, so that one key never names two groups, and so is a blank value (empty
 * or only white space, as a CSV cell of spaces), which would otherwise be a group with an invisible
 * name and a loss "reason" that says nothing.
 *
 * {@snippet :
 * Deal deal = Deal.builder("D-1", Instant.parse("2026-03-02T09:00:00Z"))
 *     .owner("ann").channel("ads").amount("1250.00", "EUR")
 *     .attribute("segment", "smb")
 *     .build();
 * }
 *
 * @param id the deal id, non-blank
 * @param createdAt when the deal was created
 * @param owner the owning sales manager
 * @param channel the acquisition channel
 * @param amount the deal's value; never negative
 * @param lossReason the structured loss reason (meaningful for lost deals)
 * @param leadId the lead this deal came from
 * @param attributes further attributes usable as breakdown dimensions, in the order given
 */
public record Deal(
    String id,
    Instant createdAt,
    Optional<String> owner,
    Optional<String> channel,
    Optional<Money> amount,
    Optional<String> lossReason,
    Optional<String> leadId,
    Map<String, String> attributes) {

  /** The group name of a missing owner, channel, loss reason or attribute value. */
  public static final String UNSPECIFIED = "(unspecified)";

  /**
   * Validates the deal.
   *
   * @throws IllegalArgumentException if the id or a present lead id is blank, the amount is
   *     negative, or an attribute name is blank
   */
  public Deal {
    requireNonNull(id, "id");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(owner, "owner");
    requireNonNull(channel, "channel");
    requireNonNull(amount, "amount");
    requireNonNull(lossReason, "lossReason");
    requireNonNull(leadId, "leadId");
    requireNonNull(attributes, "attributes");
    // Map.copyOf would iterate in an unspecified, per-JVM order; attribute names must keep the
    // order they were given in, so that the log lists them in order of first appearance.
    owner = owner.filter(Deal::given);
    channel = channel.filter(Deal::given);
    lossReason = lossReason.filter(Deal::given);
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.forEach(
        (name, value) -> {
          requireNonNull(name, "name");
          if (given(requireNonNull(value, "value"))) {
            copy.put(name, value);
          }
        });
    // Most deals have none: the shared empty map saves two objects per deal and, where logs of
    // millions of deals are built, a cache miss per deal to find that out.
    attributes = copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
    if (id.isBlank()) {
      throw new IllegalArgumentException("deal id is blank");
    }
    if (leadId.isPresent() && leadId.get().isBlank()) {
      throw new IllegalArgumentException(
          "deal \"" + id + "\": lead id is blank (leave it absent instead)");
    }
    if (amount.isPresent() && amount.get().isNegative()) {
      throw new IllegalArgumentException(
          "deal \"" + id + "\": amount " + amount.get() + " is negative");
    }
    for (String name : attributes.keySet()) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("deal \"" + id + "\": an attribute name is blank");
      }
    }
  }

  /** False for {@value #UNSPECIFIED}, the name of the missing value, and for blank values. */
  static boolean given(String value) {
    return !value.isBlank() && !value.equals(UNSPECIFIED);
  }

  /**
   * Starts a deal with its two required fields.
   *
   * @param id the deal id, non-blank
   * @param createdAt when the deal was created
   * @return a new builder
   */
  public static Builder builder(String id, Instant createdAt) {
    return new Builder(id, createdAt);
  }

  /** Builds a {@link Deal}; unset optional fields are absent. */
  public static final class Builder {
    private final String id;
    private final Instant createdAt;
    private Optional<String> owner = Optional.empty();
    private Optional<String> channel = Optional.empty();
    private Optional<Money> amount = Optional.empty();
    private Optional<String> lossReason = Optional.empty();
    private Optional<String> leadId = Optional.empty();
    private final Map<String, String> attributes = new LinkedHashMap<>();

    private Builder(String id, Instant createdAt) {
      this.id = requireNonNull(id, "id");
      this.createdAt = requireNonNull(createdAt, "createdAt");
    }

    /**
     * Sets the owner.
     *
     * @param value the owning sales manager; blank or {@value Deal#UNSPECIFIED} is read as no owner
     *     ({@link Deal})
     * @return this builder
     * @throws IllegalStateException if the owner was already set
     */
    public Builder owner(String value) {
      owner = once(owner, "owner", value);
      return this;
    }

    /**
     * Sets the acquisition channel.
     *
     * @param value the acquisition channel; blank or {@value Deal#UNSPECIFIED} is read as no
     *     channel ({@link Deal})
     * @return this builder
     * @throws IllegalStateException if the channel was already set
     */
    public Builder channel(String value) {
      channel = once(channel, "channel", value);
      return this;
    }

    /**
     * Sets the amount.
     *
     * @param value the deal's value; never negative
     * @return this builder
     * @throws IllegalStateException if the amount was already set
     */
    public Builder amount(Money value) {
      amount = once(amount, "amount", value);
      return this;
    }

    /**
     * Sets the amount from a plain decimal and an ISO 4217 code.
     *
     * @param value the amount as a plain decimal, e.g. {@code "1250.00"}
     * @param currencyCode the ISO 4217 currency code, e.g. {@code "EUR"}
     * @return this builder
     * @throws IllegalArgumentException as {@link Money#of(String, String)}
     * @throws IllegalStateException if the amount was already set
     */
    public Builder amount(String value, String currencyCode) {
      requireNonNull(value, "value");
      requireNonNull(currencyCode, "currencyCode");
      return amount(Money.of(value, currencyCode));
    }

    /**
     * Sets the structured loss reason.
     *
     * @param value the loss reason; blank or {@value Deal#UNSPECIFIED} is read as no reason ({@link
     *     Deal})
     * @return this builder
     * @throws IllegalStateException if the loss reason was already set
     */
    public Builder lossReason(String value) {
      lossReason = once(lossReason, "lossReason", value);
      return this;
    }

    /**
     * Sets the id of the lead the deal came from.
     *
     * @param value the lead id, non-blank
     * @return this builder
     * @throws IllegalStateException if the lead id was already set
     */
    public Builder leadId(String value) {
      leadId = once(leadId, "leadId", value);
      return this;
    }

    /**
     * Sets a free attribute.
     *
     * @param name the attribute name, non-blank
     * @param value the attribute value; blank or {@value Deal#UNSPECIFIED} is read as no value
     *     ({@link Deal})
     * @return this builder
     * @throws IllegalStateException if this attribute was already set
     */
    public Builder attribute(String name, String value) {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
      String before = attributes.putIfAbsent(name, value);
      if (before != null) {
        throw new IllegalStateException(
            "attribute \"" + name + "\" was already set to \"" + before + "\"");
      }
      return this;
    }

    /** Each option is set once: a second value is more likely a mistake than a correction. */
    private static <T> Optional<T> once(Optional<T> current, String what, T value) {
      requireNonNull(value, what);
      if (current.isPresent()) {
        Object before = current.get();
        throw new IllegalStateException(
            what
                + " was already set to "
                + (before instanceof String ? "\"" + before + "\"" : before));
      }
      return Optional.of(value);
    }

    /**
     * Builds the deal.
     *
     * @return the deal
     * @throws IllegalArgumentException as {@link Deal#Deal}
     */
    public Deal build() {
      return new Deal(id, createdAt, owner, channel, amount, lossReason, leadId, attributes);
    }
  }
}
