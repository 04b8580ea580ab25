package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

/** Scope names of a KPI report: the whole ({@code all}) and one per channel. */
public final class Scope {
  private Scope() {}

  /** The whole: every channel merged. */
  public static final String ALL = "all";

  /** The scope of one channel, {@code channel=<name>}. */
  public static String channel(String name) {
    return "channel=" + requireNonNull(name, "name");
  }
}
