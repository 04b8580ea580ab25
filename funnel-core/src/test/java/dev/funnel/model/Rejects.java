package dev.funnel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.provider.Arguments;

/** A bad-input case: what is done, and the exact exception type and message it must fail with. */
final class Rejects {
  private Rejects() {}

  static Arguments iae(String message, Executable action) {
    return Arguments.of(message, action);
  }

  /**
   * Asserts that the action throws exactly an {@link IllegalArgumentException} with this message.
   */
  static void assertRejected(String message, Executable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
    assertEquals(IllegalArgumentException.class, e.getClass(), "exception type");
    assertEquals(message, e.getMessage());
  }
}
