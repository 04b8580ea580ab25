package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every {@code {@snippet : ...}} example in the javadoc of the published modules compiles against
 * their current API, so that an example cannot rot (STYLE.md: examples in javadoc come from
 * compiled code). Each snippet becomes the body of a method whose parameters are the variables it
 * uses without declaring ({@code log}, {@code leads}, ...; see {@link #FREE}), in a class with the
 * imports of the file it comes from. Snippets only use exported packages.
 */
final class JavadocSnippetsTest {
  private static final List<String> MODULES =
      List.of("funnel-core", "funnel-io", "funnel-kpi", "funnel-examples");

  /** The variables a snippet may use without declaring them, with their types. */
  private static final Map<String, String> FREE = new LinkedHashMap<>();

  static {
    FREE.put("log", "dev.funnel.log.DealLog");
    FREE.put("pipeline", "dev.funnel.model.Pipeline");
    FREE.put("leads", "java.util.List<dev.funnel.model.Lead>");
    FREE.put("touches", "java.util.List<dev.funnel.model.Touch>");
    FREE.put("spend", "java.util.List<dev.funnel.model.SpendSample>");
    FREE.put("activity", "java.util.List<dev.funnel.model.ActivitySample>");
    FREE.put("calendar", "dev.funnel.calendar.BusinessCalendar");
    FREE.put("dir", "java.nio.file.Path");
    FREE.put("report", "dev.funnel.FunnelReport");
    FREE.put("records", "dev.funnel.io.ReadSummary");
    FREE.put("writer", "java.io.Writer");
    FREE.put("asOf", "java.time.Instant");
    FREE.put("half", "int");
  }

  /** Files whose examples give a free variable another type. */
  private static final Map<String, Map<String, String>> OVERRIDES =
      Map.of("SequenceFunnel.java", Map.of("log", "dev.funnel.sequence.EventLog"));

  private static final Pattern IMPORT = Pattern.compile("(?m)^import [\\w.*]+;");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

  record Snippet(Path file, int line, String code) {}

  @Test
  void everyJavadocSnippetCompiles() throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    Path root = Path.of("..").toAbsolutePath().normalize();
    for (String module : MODULES) {
      try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          snippets.addAll(snippets(f));
        }
      }
    }
    // The scan itself must work: the modules hold a few dozen examples.
    assertTrue(snippets.size() >= 20, "found only " + snippets.size() + " snippets");

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      Snippet s = snippets.get(i);
      assertFalse(
          s.code().contains(".internal."), s.file() + ":" + s.line() + " uses an internal package");
      units.add(source("Snippet" + i, unit("Snippet" + i, s)));
    }
    Path out = Files.createTempDirectory("snippets");
    String classPath =
        Stream.of(System.getProperty("java.class.path"), System.getProperty("jdk.module.path"))
            .filter(p -> p != null && !p.isEmpty())
            .collect(Collectors.joining(java.io.File.pathSeparator));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    javac
        .getTask(
            log,
            null,
            diagnostics,
            List.of("-proc:none", "-d", out.toString(), "-classpath", classPath),
            null,
            units)
        .call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        String name = d.getSource().getName().replaceAll(".*Snippet(\\d+)\\.java", "$1");
        Snippet s = snippets.get(Integer.parseInt(name));
        errors.add(s.file().getFileName() + ":" + s.line() + ": " + d.getMessage(null));
      }
    }
    assertEquals(List.of(), errors, log.toString());
  }

  /** The examples of one source file, each with the line of its {@code @snippet} tag. */
  static List<Snippet> snippets(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Snippet> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).contains("{@snippet :")) {
        continue;
      }
      // The snippet ends at the brace that closes the tag: braces of the code balance.
      StringBuilder code = new StringBuilder();
      int depth = 0;
      int j = i + 1;
      for (; j < lines.size(); j++) {
        String text = lines.get(j).replaceFirst("^\\s*\\* ?", "");
        int end = -1;
        for (int c = 0; c < text.length() && end < 0; c++) {
          char ch = text.charAt(c);
          if (ch == '{') {
            depth++;
          } else if (ch == '}' && depth-- == 0) {
            end = c;
          }
        }
        code.append(end < 0 ? text : text.substring(0, end)).append('\n');
        if (end >= 0) {
          break;
        }
      }
      assertTrue(j < lines.size(), file + ":" + (i + 1) + ": snippet never closed");
      out.add(new Snippet(file, i + 1, code.toString()));
      i = j;
    }
    return out;
  }

  /** A compilation unit holding the snippet as a method body. */
  static String unit(String name, Snippet s) throws IOException {
    String source = Files.readString(s.file(), StandardCharsets.UTF_8);
    StringBuilder u = new StringBuilder();
    Matcher pkg = PACKAGE.matcher(source);
    if (pkg.find()) {
      u.append("import ").append(pkg.group(1)).append(".*;\n");
    }
    Matcher imports = IMPORT.matcher(source);
    while (imports.find()) {
      u.append(imports.group()).append('\n');
    }
    for (String p :
        List.of(
            "dev.funnel",
            "dev.funnel.model",
            "dev.funnel.log",
            "dev.funnel.io",
            "dev.funnel.hygiene",
            "dev.funnel.losses",
            "dev.funnel.people",
            "java.io",
            "java.nio.file",
            "java.time",
            "java.util")) {
      u.append("import ").append(p).append(".*;\n");
    }
    Map<String, String> types = new LinkedHashMap<>(FREE);
    types.putAll(OVERRIDES.getOrDefault(s.file().getFileName().toString(), Map.of()));
    List<String> params = new ArrayList<>();
    for (Map.Entry<String, String> v : types.entrySet()) {
      String var = Pattern.quote(v.getKey());
      boolean used = Pattern.compile("\\b" + var + "\\b").matcher(s.code()).find();
      boolean declared =
          Pattern.compile("[\\w>]\\s+" + var + "\\s*=").matcher(s.code()).find()
              || Pattern.compile("\\(\\s*\\w[\\w.<>]*\\s+" + var + "\\s*=")
                  .matcher(s.code())
                  .find();
      if (used && !declared) {
        params.add(v.getValue() + " " + v.getKey());
      }
    }
    u.append("class ")
        .append(name)
        .append(" {\n  static void run(")
        .append(String.join(", ", params))
        .append(") throws Exception {\n")
        .append(s.code())
        .append("  }\n}\n");
    return u.toString();
  }

  private static JavaFileObject source(String name, String code) {
    return new SimpleJavaFileObject(
        URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }
}
