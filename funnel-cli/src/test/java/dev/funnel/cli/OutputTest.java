package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** How a report reaches standard output or its --out file. */
final class OutputTest {
  @TempDir Path dir;

  private static final Output.Body FAILS_HALFWAY =
      w -> {
        w.write("{ \"deals\": 4, \"breakdowns\": {");
        throw new IllegalStateException("a writer failed halfway");
      };

  /** A report that fails halfway leaves no file behind, neither a new one nor the old one cut. */
  @Test
  void aFailureWhileWritingLeavesNoFile() throws IOException {
    CommandSpec spec = CommandSpec.create();
    new CommandLine(spec);
    Path file = dir.resolve("report.json");
    assertThrows(IllegalStateException.class, () -> Output.write(spec, file, FAILS_HALFWAY));
    assertFalse(Files.exists(file));
    Files.writeString(file, "last week's report\n");
    assertThrows(IllegalStateException.class, () -> Output.write(spec, file, FAILS_HALFWAY));
    assertFalse(Files.exists(file));
    Output.write(spec, file, w -> w.write("whole\n"));
    assertEquals("whole\n", Files.readString(file));
  }

  /**
   * Every control character but the line break reaches the output as its escape, whether written a
   * character, a string or an array at a time; the rest passes unchanged.
   */
  @Test
  void controlCharactersAreShownEscaped() throws IOException {
    StringWriter out = new StringWriter();
    CommandSpec spec = CommandSpec.create();
    new CommandLine(spec).setOut(new PrintWriter(out));
    Output.write(
        spec,
        null,
        w -> {
          w.write("a\tb\r\nc\u001b[31m\n");
          w.write('\u0007');
          w.write("x\u0085y\n".toCharArray(), 0, 4);
          w.write("..é日\n", 1, 3);
        });
    assertEquals("a\\tb\\r\nc\\u001b[31m\n\\u0007x\\u0085y\n.é日", out.toString());
  }
}
