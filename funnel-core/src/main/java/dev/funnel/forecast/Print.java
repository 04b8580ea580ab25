package dev.funnel.forecast;

import java.util.Locale;
import java.util.OptionalDouble;

/** Shared printing of the forecast reports. */
final class Print {
  private Print() {}

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  static String pct(OptionalDouble v) {
    return v.isPresent() ? pct(v.getAsDouble()) : "-";
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  static String row(String format, Object... args) {
    return String.format(Locale.ROOT, format, args) + "\n";
  }
}
