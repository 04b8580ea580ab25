package dev.funnel.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module exports exactly its non-internal source packages (STYLE.md "A small public face"). */
final class ModuleDescriptorTest {

  static Set<String> sourcePackages() throws IOException {
    Path root = Path.of("src/main/java");
    assertTrue(Files.isDirectory(root.resolve("dev/funnel/kpi")), "run from the module directory");
    try (Stream<Path> files = Files.walk(root.resolve("dev/funnel"))) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .map(
              f ->
                  root.relativize(f.getParent())
                      .toString()
                      .replace(f.getFileSystem().getSeparator(), "."))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  static boolean isInternal(String pkg) {
    return Arrays.asList(pkg.split("\\.")).contains("internal");
  }

  @Test
  void exportsExactlyTheNonInternalPackages() throws Exception {
    Path classes = Path.of(Kpis.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    assertEquals("dev.funnel.kpi", module.name());
    Set<String> sources = sourcePackages();
    assertTrue(sources.contains("dev.funnel.kpi.internal"), sources.toString());
    Set<String> expected =
        sources.stream().filter(p -> !isInternal(p)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("dev.funnel.kpi"), expected);
    assertEquals(
        expected,
        module.exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toCollection(TreeSet::new)));
    assertTrue(module.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
    assertTrue(module.opens().isEmpty());
    assertTrue(
        module.requires().stream()
            .anyMatch(
                r ->
                    r.name().equals("dev.funnel.core")
                        && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)));
  }
}
