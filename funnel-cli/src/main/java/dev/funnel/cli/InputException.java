package dev.funnel.cli;

import java.util.List;

/**
 * Input that cannot be used, or an option value found wrong while running: each line is printed to
 * standard error as one line ({@link FunnelCli#line}: escaped when an option value brought a
 * control character) and the command exits with status 2.
 */
final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an immutable list of strings; never serialized
  private final List<String> lines;

  InputException(String line) {
    this(List.of(line));
  }

  InputException(List<String> lines) {
    super(String.join("\n", lines));
    this.lines = List.copyOf(lines);
  }

  List<String> lines() {
    return lines;
  }
}
