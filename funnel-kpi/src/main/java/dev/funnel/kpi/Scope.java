package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import dev.funnel.Dimension;

/**
 * Scope names of a KPI report: the whole ({@code all}), one per channel ({@code channel=<name>}),
 * and, when asked for with {@link Kpis#scopes}, one per deal owner ({@code owner=<name>}) or deal
 * attribute value ({@code <attribute>=<value>}, e.g. {@code segment=smb}).
 *
 * <p>Owner and attribute scopes are <em>deal scopes</em>: only deals and the leads they name are
 * attributed to them. Spend, sales cost and activity have no owner or attribute, so every KPI that
 * reads them is absent in a deal scope, never zero.
 */
public final class Scope {
  private Scope() {}

  /** The whole: every channel merged. */
  public static final String ALL = "all";

  private static final String CHANNEL_PREFIX = "channel=";

  /**
   * The scope of one channel, {@code channel=<name>}.
   *
   * @param name the channel name
   * @return the scope name
   */
  public static String channel(String name) {
    return CHANNEL_PREFIX + requireNonNull(name, "name");
  }

  /**
   * The scope of one deal owner, {@code owner=<name>}.
   *
   * @param name the owner's name
   * @return the scope name
   */
  public static String owner(String name) {
    return of(Dimension.OWNER, name);
  }

  /**
   * The scope of one value of a dimension: {@code <dimension label>=<value>}, e.g. {@code
   * owner=ann}, {@code segment=smb}, {@code channel=ads}.
   *
   * @param dimension the dimension
   * @param value its value
   * @return the scope name
   */
  public static String of(Dimension dimension, String value) {
    return requireNonNull(dimension, "dimension").label() + "=" + requireNonNull(value, "value");
  }

  /**
   * Whether the scope is a deal scope (an owner or attribute scope): neither {@code all} nor a
   * channel scope. Spend- and activity-based KPIs are absent in deal scopes.
   *
   * @param scope a scope name
   * @return true for a deal scope, false for {@code all} and channel scopes
   */
  public static boolean isDealScope(String scope) {
    requireNonNull(scope, "scope");
    return !scope.equals(ALL) && !scope.startsWith(CHANNEL_PREFIX);
  }
}
