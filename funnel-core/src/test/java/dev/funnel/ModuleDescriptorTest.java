package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module exports exactly its API packages: every package under {@code src/main/java/dev/funnel}
 * holding sources, except the {@code internal} ones (STYLE.md "A small public face").
 */
final class ModuleDescriptorTest {

  static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
    Path classes =
        Path.of(DealLog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  /** Every package directory under src/main/java/dev/funnel with a .java file, internal or not. */
  static Set<String> sourcePackages() throws IOException {
    Path root = Path.of("src/main/java");
    assertTrue(Files.isDirectory(root.resolve("dev/funnel")), "run from the module directory");
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
  void needsNoOtherModuleAtRunTime() throws Exception {
    // Embedders bring their own versions of Guava and Jackson: core requires only the JDK's base
    // module (JSpecify's annotations at compile time). It used to require Guava, which no class
    // used, and so forced a Guava version on every CRM.
    Set<String> atRunTime =
        descriptor().requires().stream()
            .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("java.base"), atRunTime);
  }

  @Test
  void exportsExactlyTheNonInternalPackages() throws Exception {
    ModuleDescriptor module = descriptor();
    assertEquals("dev.funnel.core", module.name());

    Set<String> expected =
        sourcePackages().stream()
            .filter(p -> !isInternal(p))
            .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(
        expected.containsAll(
            Set.of(
                "dev.funnel.model", "dev.funnel.log", "dev.funnel.stats", "dev.funnel.sequence")),
        "the foundation's API packages have sources: " + expected);

    Set<String> exported =
        module.exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, exported);
    for (ModuleDescriptor.Exports e : module.exports()) {
      assertTrue(!e.isQualified(), e + " is exported to everyone, not to chosen modules");
      assertTrue(!isInternal(e.source()), e.source() + " is internal and must not be exported");
    }
    assertTrue(module.opens().isEmpty(), "no package is opened for reflection: " + module.opens());
  }

  @Test
  void internalPackagesExistButStayHidden() throws Exception {
    ModuleDescriptor module = descriptor();
    Set<String> internal =
        sourcePackages().stream()
            .filter(ModuleDescriptorTest::isInternal)
            .collect(Collectors.toSet());
    assertTrue(internal.contains("dev.funnel.internal.columns"), internal.toString());
    for (String p : internal) {
      assertTrue(
          module.exports().stream().noneMatch(e -> e.source().equals(p)), p + " is exported");
    }
  }
}
