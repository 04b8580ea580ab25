package dev.funnel.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process with captured output, and writes small input files. */
final class Cli {
  private Cli() {}

  /** The outcome of one run. */
  record Run(int status, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\n", -1)).subList(0, errCount());
    }

    private int errCount() {
      String[] parts = err.split("\n", -1);
      return parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length;
    }
  }

  /**
   * Runs the command twice, with its {@code --pipeline} file and with a copy of it that has an
   * extra top-level {@code color} key: the second run notes the key on standard error in one line
   * and prints the same output.
   */
  static void assertExtraPipelineKeyNoted(String[] args, Path dir) throws IOException {
    int at = List.of(args).indexOf("--pipeline") + 1;
    Path crm =
        write(
            dir,
            "pipeline_crm.json",
            Files.readString(Path.of(args[at])).replaceFirst("\\{", "{ \"color\": 1,"));
    Run plain = run(args);
    String[] withKey = args.clone();
    withKey[at] = crm.toString();
    Run r = run(withKey);
    org.junit.jupiter.api.Assertions.assertEquals(0, r.status(), r.err());
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(
            "funnel: "
                + crm
                + ": skipped 1 key the file format does not define: color; funnel validate lists where"
                + " each is"),
        r.errLines());
    org.junit.jupiter.api.Assertions.assertEquals(plain.out(), r.out());
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = FunnelCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(
        status, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
  }

  /**
   * The {@code rejected} array of a JSON report as the lines strict mode would print: {@code
   * file:line: field: "value": reason}.
   */
  static List<String> rejectedLines(tools.jackson.databind.JsonNode report) {
    List<String> lines = new ArrayList<>();
    report
        .get("rejected")
        .forEach(
            x ->
                lines.add(
                    x.get("file").asString()
                        + ":"
                        + x.get("line").asInt()
                        + ": "
                        + x.get("field").asString()
                        + ": \""
                        + x.get("value").asString()
                        + "\": "
                        + x.get("reason").asString()));
    return lines;
  }

  static Path write(Path dir, String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", UTF_8);
    return file;
  }

  static final String PIPELINE =
      "{ \"id\": \"b2b\", \"stages\": [ {\"id\": \"new\", \"kind\": \"OPEN\"},"
          + " {\"id\": \"qualified\", \"kind\": \"OPEN\"}, {\"id\": \"won\", \"kind\": \"WON\"},"
          + " {\"id\": \"lost\", \"kind\": \"LOST\"} ] }";

  /**
   * Four deals, by hand. D1 (ann, web, 1000.00 EUR): qualified on day 1, won on day 3. D2 (bob,
   * ads, 500.00 EUR): lost from new on day 2. D3 (ann, ads): created day 1, qualified day 2, open.
   * D4 (no owner, web): created day 1, open in new. Day 0 is 2026-03-01; as-of is day 3.
   */
  static final String[] DEALS = {
    "deal_id,created_at,owner,channel,amount,currency",
    "D1,2026-03-01T00:00:00Z,ann,web,1000.00,EUR",
    "D2,2026-03-01T00:00:00Z,bob,ads,500.00,EUR",
    "D3,2026-03-02T00:00:00Z,ann,ads,,",
    "D4,2026-03-02T00:00:00Z,,web,,"
  };

  static final String[] CHANGES = {
    "deal_id,to_stage,occurred_at",
    "D1,qualified,2026-03-02T00:00:00Z",
    "D1,won,2026-03-04T00:00:00Z",
    "D2,lost,2026-03-03T00:00:00Z",
    "D3,qualified,2026-03-03T00:00:00Z"
  };

  /** The rejection of an activity row whose metric is called cpl, like the built-in KPI. */
  static String cplClash(Path activity, int line) {
    return activity
        + ":"
        + line
        + ": metric: \"cpl\": has the id of the built-in KPI cpl (OUTCOME, MONEY,"
        + " LOWER_IS_BETTER) = spend / leads: rename the metric";
  }

  /** The pipeline, deals and changes files of the four deals in {@code dir}. */
  static List<Path> fourDeals(Path dir) throws IOException {
    return List.of(
        write(dir, "pipeline.json", PIPELINE),
        write(dir, "deals.csv", DEALS),
        write(dir, "stage_changes.csv", CHANGES));
  }

  /**
   * The four deals with a {@code quarter} column instead of the channel and amount: D1 FY26-Q4, the
   * others FY27-Q1.
   */
  static List<Path> fourDealsWithQuarter(Path dir) throws IOException {
    List<Path> files = new ArrayList<>(fourDeals(dir));
    files.set(
        1,
        write(
            dir,
            "deals_attr.csv",
            "deal_id,created_at,owner,quarter",
            "D1,2026-03-01T00:00:00Z,ann,FY26-Q4",
            "D2,2026-03-01T00:00:00Z,bob,FY27-Q1",
            "D3,2026-03-02T00:00:00Z,ann,FY27-Q1",
            "D4,2026-03-02T00:00:00Z,,FY27-Q1"));
    return files;
  }

  /** {@code --pipeline P --deals D --changes C} of these files. */
  static String[] inputs(List<Path> files) {
    return new String[] {
      "--pipeline", files.get(0).toString(),
      "--deals", files.get(1).toString(),
      "--changes", files.get(2).toString()
    };
  }

  static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
