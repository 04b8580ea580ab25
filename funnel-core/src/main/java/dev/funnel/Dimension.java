package dev.funnel;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a report is broken down by: the deal's owner, its channel, one of its attributes, or the
 * period of its creation. A missing value forms its own group, {@code (unspecified)}.
 *
 * @param kind what the dimension reads
 * @param attribute the attribute name, for {@link Kind#ATTRIBUTE}
 * @param period the period, for {@link Kind#CREATED}
 */
public record Dimension(Kind kind, Optional<String> attribute, Optional<Period> period) {

  /** Breaks down by the deal's owner. */
  public static final Dimension OWNER =
      new Dimension(Kind.OWNER, Optional.empty(), Optional.empty());

  /** Breaks down by the deal's acquisition channel. */
  public static final Dimension CHANNEL =
      new Dimension(Kind.CHANNEL, Optional.empty(), Optional.empty());

  /** The kinds of dimension. */
  public enum Kind {
    /** The deal's owner. */
    OWNER,
    /** The deal's channel. */
    CHANNEL,
    /** A deal attribute. */
    ATTRIBUTE,
    /** The period of the deal's creation. */
    CREATED
  }

  /**
   * Validates the dimension.
   *
   * @throws IllegalArgumentException if the attribute or period does not fit the kind
   */
  public Dimension {
    requireNonNull(kind, "kind");
    requireNonNull(attribute, "attribute");
    requireNonNull(period, "period");
    if ((kind == Kind.ATTRIBUTE) != attribute.isPresent()) {
      throw new IllegalArgumentException("an ATTRIBUTE dimension, and only it, names an attribute");
    }
    if ((kind == Kind.CREATED) != period.isPresent()) {
      throw new IllegalArgumentException("a CREATED dimension, and only it, has a period");
    }
    if (attribute.isPresent() && attribute.get().isBlank()) {
      throw new IllegalArgumentException("attribute name is blank");
    }
  }

  /**
   * Breaks down by a deal attribute.
   *
   * @param name the attribute name, non-blank
   * @return the dimension
   */
  public static Dimension attribute(String name) {
    return new Dimension(Kind.ATTRIBUTE, Optional.of(name), Optional.empty());
  }

  /**
   * Breaks down by the period of creation, in the query's zone.
   *
   * @param period the period
   * @return the dimension
   */
  public static Dimension created(Period period) {
    return new Dimension(Kind.CREATED, Optional.empty(), Optional.of(period));
  }

  /**
   * The prefix of a name that always means a deal attribute in {@link #named(String)}: {@code
   * attribute=quarter} is the attribute {@code quarter}, where {@code quarter} alone is the
   * creation quarter.
   */
  public static final String ATTRIBUTE_PREFIX = "attribute=";

  /**
   * The dimension with this name, as the CLI's {@code --by} takes it (surrounding spaces are
   * ignored):
   *
   * <ul>
   *   <li>{@code owner} and {@code channel}: the deal's owner and channel;
   *   <li>a period name ({@code day}, {@code week}, {@code month}, {@code quarter}, {@code year}):
   *       the period of creation;
   *   <li>{@code attribute=NAME}: always the attribute {@code NAME}, also when it is spelled like
   *       one of the names above; this is how a {@code deals.csv} column named {@code quarter},
   *       {@code Owner} or {@code year} is reached ({@code attribute=quarter});
   *   <li>anything else: the attribute of that name.
   * </ul>
   *
   * The built-in names match case-insensitively ({@code Owner} is the owner); attribute names match
   * exactly. On the command line {@code ,} separates breakdowns and {@code :} crosses dimensions,
   * so neither can appear in a name given there.
   *
   * @param name {@code owner}, {@code channel}, a period name, {@code attribute=NAME} or an
   *     attribute name
   * @return the dimension
   * @throws IllegalArgumentException if {@code attribute=} names no attribute
   */
  public static Dimension named(String name) {
    String n = requireNonNull(name, "name").trim();
    if (n.regionMatches(true, 0, ATTRIBUTE_PREFIX, 0, ATTRIBUTE_PREFIX.length())) {
      String attribute = n.substring(ATTRIBUTE_PREFIX.length()).trim();
      if (attribute.isEmpty()) {
        throw new IllegalArgumentException(
            "\"" + name + "\" names no attribute: say attribute=NAME, such as attribute=quarter");
      }
      return attribute(attribute);
    }
    if (n.equalsIgnoreCase("owner")) {
      return OWNER;
    }
    if (n.equalsIgnoreCase("channel")) {
      return CHANNEL;
    }
    for (Period p : Period.values()) {
      if (p.name().equalsIgnoreCase(n)) {
        return created(p);
      }
    }
    return attribute(n);
  }

  /**
   * The dimension's name: {@code owner}, {@code channel}, the attribute, or the period.
   *
   * @return the name
   */
  public String label() {
    switch (kind) {
      case OWNER:
        return "owner";
      case CHANNEL:
        return "channel";
      case ATTRIBUTE:
        return attribute.orElseThrow();
      case CREATED:
        return period.orElseThrow().name().toLowerCase(java.util.Locale.ROOT);
    }
    throw new AssertionError(kind);
  }

  @Override
  public String toString() {
    return label();
  }
}
