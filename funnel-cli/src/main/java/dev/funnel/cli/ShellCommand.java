package dev.funnel.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Tool;
import picocli.CommandLine.Command;

/**
 * {@code funnel shell}: the JDK's JShell with funnel on the class path, its packages imported and
 * the bundled sample loaded as {@code sample} (with {@code sampleEvents}, {@code sampleLeads},
 * {@code sampleTouches}, {@code sampleSpend}, {@code sampleActivity} and {@code sampleCalendar}).
 * When standard input is not a terminal the snippets are read from it without prompts, so {@code
 * echo 'println(Funnel.of(sample).report())' | funnel shell} prints the report.
 */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "Starts JShell with funnel loaded: the packages of funnel and java.time are imported, `sample` is the bundled sample's DealLog, `sampleEvents` its EventLog, `sampleLeads`, `sampleTouches`, `sampleSpend` and `sampleActivity` its other records and `sampleCalendar` its business calendar.",
      "Try: println(Funnel.of(sample).by(\"owner\").report())",
      "     println(Sla.of(sampleLeads, sampleTouches).deals(sample).",
      "         calendar(sampleCalendar).report())",
      "     println(Kpis.of(sample).leads(sampleLeads).spend(sampleSpend).",
      "         activity(sampleActivity).report())",
      "(a line ending in a dot continues on the next, so each pastes as is; println shows a whole"
          + " report, where JShell's echo of a value cuts it short)",
      "Reads snippets from standard input without prompts when it is not a terminal."
    })
final class ShellCommand implements Callable<Integer> {

  /** The imports and variables every session starts with. */
  static final String STARTUP =
      Stream.of(
                  "dev.funnel.*",
                  "dev.funnel.model.*",
                  "dev.funnel.log.*",
                  "dev.funnel.stats.*",
                  "dev.funnel.sequence.*",
                  "dev.funnel.calendar.*",
                  "dev.funnel.hygiene.*",
                  "dev.funnel.sla.*",
                  "dev.funnel.losses.*",
                  "dev.funnel.people.*",
                  "dev.funnel.audit.*",
                  "dev.funnel.forecast.*",
                  "dev.funnel.kpi.*",
                  "dev.funnel.io.*",
                  "dev.funnel.examples.*",
                  "java.time.*",
                  // dev.funnel.Period over java.time.Period: breakdowns by creation period
                  "dev.funnel.Period")
              .map(i -> "import " + i + ";\n")
              .collect(Collectors.joining())
          + "DealLog sample = SampleData.dealLog(SampleSpec.defaults());\n"
          + "EventLog sampleEvents;\n"
          + "List<Lead> sampleLeads;\n"
          + "List<Touch> sampleTouches;\n"
          + "List<SpendSample> sampleSpend;\n"
          + "List<ActivitySample> sampleActivity;\n"
          + "BusinessCalendar sampleCalendar;\n"
          + "{\n"
          + "  EventLogBuilder events = EventLog.builder();\n"
          + "  List<Lead> leads = new ArrayList<>();\n"
          + "  List<Touch> touches = new ArrayList<>();\n"
          + "  List<SpendSample> spend = new ArrayList<>();\n"
          + "  List<ActivitySample> activity = new ArrayList<>();\n"
          + "  SampleData.generate(SampleSpec.defaults(), new SampleSink() {\n"
          + "    @Override public void event(dev.funnel.sequence.Event e) { events.add(e); }\n"
          + "    @Override public void lead(Lead l) { leads.add(l); }\n"
          + "    @Override public void touch(Touch t) { touches.add(t); }\n"
          + "    @Override public void spend(SpendSample s) { spend.add(s); }\n"
          + "    @Override public void activity(ActivitySample a) { activity.add(a); }\n"
          + "  });\n"
          + "  sampleEvents = events.build();\n"
          + "  sampleLeads = List.copyOf(leads);\n"
          + "  sampleTouches = List.copyOf(touches);\n"
          + "  sampleSpend = List.copyOf(spend);\n"
          + "  sampleActivity = List.copyOf(activity);\n"
          + "  sampleCalendar = FunnelFiles.strict().calendar(new ByteArrayInputStream(\n"
          + "      SampleData.calendar(SampleSpec.defaults()).toJson()"
          + ".getBytes(java.nio.charset.StandardCharsets.UTF_8)), \"calendar.json\");\n"
          + "}\n";

  static final String GREETING =
      "System.out.println(\"funnel shell: `sample` holds \" + sample.dealCount()"
          + " + \" deals. Try: println(Funnel.of(sample).by(\\\"owner\\\").report())   (/exit to"
          + " leave)\");\n";

  @Override
  public Integer call() throws IOException {
    Optional<Tool> jshell =
        ServiceLoader.load(Tool.class, ClassLoader.getSystemClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .filter(t -> t.name().equals("jshell"))
            .findFirst();
    if (jshell.isEmpty()) {
      throw new InputException(
          "funnel shell: the Java runtime at "
              + System.getProperty("java.home")
              + " has no jshell (module jdk.jshell); run funnel with a full JDK 17 or later");
    }
    boolean interactive = System.console() != null;
    Path script = Files.createTempFile("funnel-shell", ".jsh");
    try {
      Files.writeString(script, STARTUP + (interactive ? GREETING : ""), UTF_8);
      List<String> args = new ArrayList<>(arguments(classPath(), script));
      if (!interactive) {
        args.add("-");
      }
      return jshell.get().run(System.in, System.out, System.err, args.toArray(new String[0]));
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** The jshell arguments: funnel's class path, the default and printing startups, then ours. */
  static List<String> arguments(String classPath, Path script) {
    return List.of(
        "--class-path",
        classPath,
        "--startup",
        "DEFAULT",
        "--startup",
        "PRINTING",
        "--startup",
        script.toString());
  }

  /**
   * This JVM's class path, absolute, without entries that do not exist: the fat jar when run with
   * {@code java -jar}.
   */
  static String classPath() {
    return Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator))
        .filter(s -> !s.isEmpty())
        .map(s -> Path.of(s).toAbsolutePath())
        .filter(Files::exists) // jshell refuses a missing entry; java ignores it
        .map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator));
  }
}
