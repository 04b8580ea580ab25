package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ModuleDescriptorTest {
  @Test
  void exportsOnlyTheApiPackage() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      ModuleDescriptor d = ModuleDescriptor.read(in);
      assertEquals("dev.funnel.io", d.name());
      assertEquals(
          Set.of("dev.funnel.io"),
          d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    }
  }
}
