package dev.funnel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class GenerateSampleTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return GenerateSample.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void writesTheSampleIntoTheDirectory(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("sample");
    assertEquals(0, run(target.toString(), "--seed", "3", "--deals", "120"));
    assertEquals(9, out.toString(StandardCharsets.UTF_8).lines().count());
    try (Stream<String> lines = Files.lines(target.resolve("deals.csv"))) {
      assertEquals(121, lines.count());
    }
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> badArguments() {
    return Stream.of(
        Arguments.of(
            new String[] {},
            "usage: GenerateSample DIR [--seed N] [--deals N] [--owners N] [--channels N]"
                + " [--months N]"),
        Arguments.of(
            new String[] {"out", "--deals"}, "GenerateSample: --deals: a value is missing"),
        Arguments.of(
            new String[] {"out", "--deals", "many"},
            "GenerateSample: --deals: \"many\" is not a whole number"),
        Arguments.of(
            new String[] {"out", "--owners", "0"},
            "GenerateSample: sample spec: owners 0 is not in [1, 10000]"),
        Arguments.of(
            new String[] {"out", "--size", "3"},
            "GenerateSample: \"--size\" is not an option (known: --seed, --deals, --owners,"
                + " --channels, --months)"));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void badArgumentsExitWith2AndOneLine(String[] args, String message) {
    assertEquals(2, run(args));
    assertEquals(message + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).isEmpty());
  }
}
