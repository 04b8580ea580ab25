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

/** A report is written whole or not at all. */
final class OutputTest {
  @TempDir Path dir;

  private static final Output.Body FAILS_HALFWAY =
      w -> {
        w.write("{ \"deals\": 4, \"breakdowns\": {");
        throw new IllegalStateException("a writer failed halfway");
      };

  @Test
  void aFailureWhileRenderingPrintsNothing() {
    StringWriter out = new StringWriter();
    CommandSpec spec = CommandSpec.create();
    new CommandLine(spec).setOut(new PrintWriter(out));
    assertThrows(IllegalStateException.class, () -> Output.write(spec, null, FAILS_HALFWAY));
    assertEquals("", out.toString());
    Output.write(spec, null, w -> w.write("whole\n"));
    assertEquals("whole\n", out.toString());
  }

  @Test
  void aFailureWhileRenderingWritesNoFile() throws IOException {
    CommandSpec spec = CommandSpec.create();
    new CommandLine(spec);
    Path file = dir.resolve("report.json");
    assertThrows(IllegalStateException.class, () -> Output.write(spec, file, FAILS_HALFWAY));
    assertFalse(Files.exists(file));
    Output.write(spec, file, w -> w.write("whole\n"));
    assertEquals("whole\n", Files.readString(file));
  }
}
