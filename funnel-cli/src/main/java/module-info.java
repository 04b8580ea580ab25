/**
 * The {@code funnel} command: validate input files, print funnel reports with their process
 * sections (hygiene, losses, concentration, SLA, stale deals, audit), KPI and sequence reports as
 * tables, JSON or HTML, run the bundled demo and open a JShell with the library loaded. Exports
 * nothing; run it with {@code java -jar funnel.jar} or the {@code ./funnel} launcher.
 */
module dev.funnel.cli {
  requires static org.jspecify;
  requires dev.funnel.core;
  requires dev.funnel.io;
  requires dev.funnel.examples;
  requires info.picocli;
  requires java.compiler;

  // funnel shell runs the JDK's jshell, a javax.tools.Tool
  uses javax.tools.Tool;

  // picocli injects options into the command objects by reflection.
  opens dev.funnel.cli to
      info.picocli;
}
