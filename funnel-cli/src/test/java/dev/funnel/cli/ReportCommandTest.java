package dev.funnel.cli;

import static dev.funnel.cli.Cli.concat;
import static dev.funnel.cli.Cli.fourDeals;
import static dev.funnel.cli.Cli.inputs;
import static dev.funnel.cli.Cli.run;
import static dev.funnel.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.Breakdown;
import dev.funnel.Funnel;
import dev.funnel.FunnelReport;
import dev.funnel.Group;
import dev.funnel.StageFigures;
import dev.funnel.io.FunnelFiles;
import dev.funnel.log.DealLog;
import dev.funnel.model.Pipeline;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class ReportCommandTest {
  private static final JsonMapper MAPPER = new JsonMapper();

  @TempDir Path dir;

  private JsonNode json(String... extra) throws IOException {
    Cli.Run r = run(concat(concat(new String[] {"report"}, inputs(fourDeals(dir))), extra));
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    return MAPPER.readTree(r.out());
  }

  @Test
  void tableHasTheStageRowsTotalsAndRecords() throws IOException {
    Cli.Run r = run(concat(new String[] {"report"}, inputs(fourDeals(dir))));
    assertEquals(0, r.status(), r.err());
    List<String> lines = List.of(r.out().split("\n"));
    assertTrue(lines.contains("4 deals: 2 open, 1 won, 1 lost"), r.out());
    // stage, reached, entered: new 4 reached, 0 explicit entries; qualified 2 and 2
    assertTrue(lines.stream().anyMatch(l -> l.matches("new\\s+4\\s+0\\s+100\\.0%.*")), r.out());
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("qualified\\s+2\\s+2\\s+50\\.0%.*")), r.out());
    assertTrue(lines.contains("records: 8 read, 8 accepted, 0 rejected"), r.out());
  }

  @Test
  void skippedJsonKeysAreNotedInOneLinePerFileAndChangeNothing() throws IOException {
    List<Path> files = new ArrayList<>(fourDeals(dir));
    // A calendar needs leads and touches (headers only here: the SLA has nothing to measure).
    String[] sla = {
      "--leads",
      write(dir, "leads.csv", "lead_id,created_at").toString(),
      "--touches",
      write(dir, "touches.csv", "subject_id,at").toString()
    };
    String plain =
        run(concat(concat(new String[] {"report", "--format", "json"}, sla), inputs(files))).out();
    files.set(
        0,
        write(
            dir,
            "pipeline_crm.json",
            Cli.PIPELINE
                .replace("\"kind\": \"OPEN\"}", "\"kind\": \"OPEN\", \"order\": 1}")
                .replace("\"stages\"", "\"winprob\": 0.2, \"stages\"")));
    Path calendar =
        write(
            dir,
            "calendar.json",
            "{ \"zone\": \"UTC\", \"note\": \"office\",",
            " \"hours\": { \"MONDAY\": [[\"09:00\", \"18:00\"]] } }");
    Cli.Run r =
        run(
            concat(
                concat(
                    new String[] {"report", "--format", "json", "--calendar", calendar.toString()},
                    sla),
                inputs(files)));
    assertEquals(0, r.status(), r.err());
    assertEquals(
        List.of(
            "funnel: "
                + files.get(0)
                + ": skipped 3 keys the file format does not define: winprob, order (x2); funnel"
                + " validate lists where each is",
            "funnel: "
                + calendar
                + ": skipped 1 key the file format does not define: note; funnel validate lists where"
                + " each is"),
        r.errLines());
    // The report is the same; the calendar only makes the SLA's times business time, none here.
    assertTrue(plain.contains("\"businessTime\" : false"), plain);
    assertEquals(plain.replace("\"businessTime\" : false", "\"businessTime\" : true"), r.out());
  }

  @Test
  void jsonFiguresAreTheHandComputedOnes() throws IOException {
    JsonNode r = json("--format", "json");
    assertEquals("2026-03-04T00:00:00Z", r.get("asOf").asString());
    JsonNode deals = r.get("deals");
    assertEquals(4, deals.get("total").asLong());
    assertEquals(2, deals.get("open").asLong());
    assertEquals(1, deals.get("won").asLong());
    assertEquals(1, deals.get("lost").asLong());
    assertEquals(1, r.get("winRate").get("successes").asLong());
    assertEquals(2, r.get("winRate").get("trials").asLong());
    assertEquals(0.5, r.get("winRate").get("rate").asDouble());
    assertEquals("PT72H", r.get("cycleTime").get("won").get("p50").asString());
    assertEquals("PT48H", r.get("cycleTime").get("lost").get("p50").asString());
    assertEquals(
        0,
        r.get("averageWonDealSize")
            .get("amount")
            .decimalValue()
            .compareTo(new java.math.BigDecimal("1000.00")));
    assertEquals("EUR", r.get("averageWonDealSize").get("currency").asString());
    JsonNode neu = r.get("stages").get(0);
    assertEquals(2, neu.get("conversionToNext").get("successes").asLong());
    assertEquals(4, neu.get("conversionToNext").get("trials").asLong());
    assertEquals(1, neu.get("lostAt").asLong());
    // finished visits of new: 24h, 48h, 24h
    assertEquals("PT32H", neu.get("timeInStage").get("mean").asString());
  }

  @Test
  void jsonEqualsTheLibrarysReportOfTheSameFiles() throws IOException {
    JsonNode json = json("--format", "json", "--by", "owner,channel");
    Pipeline p = FunnelFiles.strict().pipeline(dir.resolve("pipeline.json"));
    DealLog log =
        FunnelFiles.strict().dealLog(p, dir.resolve("deals.csv"), dir.resolve("stage_changes.csv"));
    FunnelReport lib = Funnel.of(log).by("owner").by("channel").report();

    assertEquals(lib.asOf().toString(), json.get("asOf").asString());
    assertEquals(lib.deals().total(), json.get("deals").get("total").asLong());
    assertEquals(lib.deals().open(), json.get("deals").get("open").asLong());
    assertProportion(lib.winRate(), json.get("winRate"));
    assertProportion(lib.cohortConversion(), json.get("cohortConversion"));
    assertDistribution(lib.wonCycleTime(), json.get("cycleTime").get("won"));
    assertDistribution(lib.lostCycleTime(), json.get("cycleTime").get("lost"));
    assertEquals(
        lib.velocityPerDay().orElseThrow().amount().toPlainString(),
        json.get("velocityPerDay").get("amount").asString());
    assertStages(lib.stages(), json.get("stages"));
    for (Breakdown b : lib.breakdowns()) {
      JsonNode groups = json.get("breakdowns").get(b.name());
      assertEquals(b.groups().size(), groups.size(), b.name());
      for (int i = 0; i < b.groups().size(); i++) {
        Group g = b.groups().get(i);
        JsonNode jg = groups.get(i);
        assertEquals(g.label(), jg.get("key").asString());
        assertEquals(g.figures().deals().total(), jg.get("deals").asLong());
        assertEquals(g.figures().deals().won(), jg.get("won").asLong());
        assertProportion(g.figures().winRate(), jg.get("winRate"));
        assertDistribution(g.figures().wonCycleTime(), jg.get("cycleTime").get("won"));
        assertStages(g.figures().stages(), jg.get("stages"));
      }
    }
  }

  @Test
  void moneyKeepsTheCurrencysDecimals() throws IOException {
    Cli.Run r =
        run(concat(concat(new String[] {"report"}, inputs(fourDeals(dir))), "--format", "json"));
    assertTrue(
        r.out()
            .matches(
                "(?s).*\"averageWonDealSize\" : \\{\\s*\"amount\" : 1000\\.00,\\s*\"currency\" : \"EUR\".*"),
        r.out());
  }

  @Test
  void jsonHasTheFieldsOfFormatsMd() throws IOException {
    JsonNode r = json("--format", "json", "--by", "owner");
    for (String f :
        List.of(
            "asOf",
            "records",
            "rejected",
            "deals",
            "stages",
            "winRate",
            "cohortConversion",
            "cycleTime",
            "averageWonDealSize",
            "velocityPerDay",
            "breakdowns")) {
      assertTrue(r.has(f), f);
    }
    assertEquals(List.of("read", "accepted", "rejected"), names(r.get("records")));
    assertEquals(List.of("total", "open", "won", "lost"), names(r.get("deals")));
    assertEquals(
        List.of(
            "stage",
            "reached",
            "entered",
            "cumulative",
            "conversionToNext",
            "lostAt",
            "timeInStage",
            "ageInStage",
            "usage"),
        names(r.get("stages").get(0)));
    assertEquals(List.of("successes", "trials", "rate", "low", "high"), names(r.get("winRate")));
    assertEquals(
        List.of("count", "p50", "p75", "p90", "mean"), names(r.get("cycleTime").get("won")));
    assertEquals(List.of("amount", "currency"), names(r.get("averageWonDealSize")));
    JsonNode group = r.get("breakdowns").get("owner").get(0);
    for (String f :
        List.of(
            "key",
            "deals",
            "open",
            "won",
            "lost",
            "winRate",
            "cohortConversion",
            "cycleTime",
            "averageWonDealSize",
            "velocityPerDay",
            "stages")) {
      assertTrue(group.has(f), f);
    }
  }

  @Test
  void crossedBreakdownWithColon() throws IOException {
    JsonNode r = json("--format", "json", "--by", "owner:channel");
    JsonNode crossed = r.get("breakdowns").get("owner x channel");
    // ann has D1 (web) and D3 (ads); bob D2 (ads); D4 (unspecified, web): four pairs
    assertEquals(4, crossed.size());
    assertEquals(1, r.get("breakdowns").size());
  }

  /** deals_attr.csv of review finding 4: a fiscal-quarter column named like a built-in. */
  private String[] attrInputs() throws IOException {
    return concat(new String[] {"report"}, inputs(Cli.fourDealsWithQuarter(dir)));
  }

  private static List<String> keys(JsonNode groups) {
    List<String> keys = new ArrayList<>();
    groups.forEach(g -> keys.add(g.get("key").asString()));
    return keys;
  }

  @Test
  void byAttributeEqualsReachesAColumnNamedLikeABuiltInDimension() throws IOException {
    Cli.Run r =
        run(
            concat(
                attrInputs(),
                "--by",
                "attribute=quarter,attribute=quarter:owner",
                "--format",
                "json"));
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    JsonNode b = MAPPER.readTree(r.out()).get("breakdowns");
    assertEquals(List.of("FY27-Q1", "FY26-Q4"), keys(b.get("quarter")));
    assertEquals("FY26-Q4", b.get("quarter").get(1).get("values").get("quarter").asString());
    assertEquals(4, b.get("quarter x owner").size());
  }

  @Test
  void byABuiltInNameThatIsAlsoAColumnNotesHowToGetTheColumn() throws IOException {
    Cli.Run r = run(concat(attrInputs(), "--by", "quarter", "--format", "json"));
    assertEquals(0, r.status(), r.err());
    String deals = dir.resolve("deals_attr.csv").toString();
    assertEquals(
        List.of(
            "funnel report: note: --by quarter means the quarter of creation; "
                + deals
                + " also has a column \"quarter\": for that column say --by attribute=quarter"),
        r.errLines());
    assertEquals(
        List.of("2026-Q1"), keys(MAPPER.readTree(r.out()).get("breakdowns").get("quarter")));
  }

  @Test
  void byTheBuiltInAndTheColumnOfOneNameGivesTwoBreakdownsInJson() throws IOException {
    // this was an internal error: the JSON had "quarter" twice
    Cli.Run r =
        run(concat(attrInputs(), "--by", "quarter,attribute=quarter:owner", "--format", "json"));
    assertEquals(0, r.status(), r.err());
    JsonNode b = MAPPER.readTree(r.out()).get("breakdowns");
    assertEquals(List.of("2026-Q1"), keys(b.get("quarter")));
    assertEquals(4, b.get("attribute=quarter x owner").size());
  }

  @Test
  void byHelpExplainsAttributeEquals() {
    for (String command : List.of("report", "kpi")) {
      Cli.Run r = run(command, "--help");
      assertEquals(0, r.status(), r.err());
      assertTrue(
          r.out()
              .replaceAll("\\s+", " ")
              .contains("attribute=NAME always means the deals.csv column NAME"),
          command + ": " + r.out());
    }
  }

  @Test
  void aNegativeAmountIsRejectedWithItsFieldAndCellInJson() throws IOException {
    // review finding 13: field and value were null, the reason "deal \"D-1\": amount ..."
    List<Path> files = new ArrayList<>(fourDeals(dir));
    files.set(
        1,
        write(
            dir,
            "deals_neg.csv",
            "deal_id,created_at,owner,amount,currency",
            "D1,2026-03-01T00:00:00Z,ann,-1250.00,EUR",
            "D2,2026-03-01T00:00:00Z,bob,500.00,EUR",
            "D3,2026-03-02T00:00:00Z,ann,,",
            "D4,2026-03-02T00:00:00Z,,,"));
    String[] args = concat(new String[] {"report"}, inputs(files));
    Cli.Run strict = run(args);
    assertEquals(2, strict.status());
    assertEquals(
        List.of(files.get(1) + ":2: amount: \"-1250.00\": negative: an amount is zero or more"),
        strict.errLines());
    Cli.Run r = run(concat(args, "--lenient", "--format", "json"));
    assertEquals(0, r.status(), r.err());
    JsonNode neg = MAPPER.readTree(r.out()).get("rejected").get(0);
    assertEquals(2, neg.get("line").asInt());
    assertEquals("amount", neg.get("field").asString());
    assertEquals("-1250.00", neg.get("value").asString());
    assertEquals("negative: an amount is zero or more", neg.get("reason").asString());
  }

  @Test
  void anAsOfTheLogCannotHoldIsLabelledAsOf() throws IOException {
    // review finding 16: the error was labelled --by, although no --by was given
    Cli.Run r =
        run(
            concat(
                concat(new String[] {"report"}, inputs(fourDeals(dir))),
                "--as-of",
                "2100-01-01T00:00:00Z",
                "--by",
                "owner"));
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "funnel report: --as-of: as-of 2100-01-01T00:00:00Z is 2^31 seconds (68 years) or"
                + " more after the log's first instant 2026-03-01T00:00:00Z; a log measures ages"
                + " in int seconds"),
        r.errLines());
    // a lead dated 2206 (a typo) would make an as-of the log cannot hold: it is a rejected record
    Path leads =
        write(
            dir,
            "leads.csv",
            "lead_id,created_at",
            "L-1,2026-03-02T09:00:00Z",
            "L-2,2206-03-02T10:00:00Z");
    String[] withLeads =
        concat(
            concat(new String[] {"report"}, inputs(fourDeals(dir))), "--leads", leads.toString());
    Cli.Run lead = run(withLeads);
    assertEquals(2, lead.status());
    // 2026-03-01T00:00:00Z + 2^31 - 1 s = 2094-03-19T03:14:07Z
    String reason =
        "after 2094-03-19T03:14:07Z, the last instant the deal log measures (68 years after its"
            + " first)";
    assertEquals(
        List.of(leads + ":3: created_at: \"2206-03-02T10:00:00Z\": " + reason), lead.errLines());
    Cli.Run lenient = run(concat(withLeads, "--lenient", "--format", "json"));
    assertEquals(0, lenient.status(), lenient.err());
    JsonNode root = MAPPER.readTree(lenient.out());
    JsonNode rejected = root.get("rejected").get(0);
    assertEquals(3, rejected.get("line").asInt());
    assertEquals("created_at", rejected.get("field").asString());
    assertEquals(reason, rejected.get("reason").asString());
    assertEquals("2026-03-04T00:00:00Z", root.get("asOf").asString());
    Cli.Run by =
        run(concat(concat(new String[] {"report"}, inputs(fourDeals(dir))), "--by", "region"));
    assertEquals(2, by.status());
    assertTrue(by.errLines().get(0).startsWith("funnel report: --by: "), by.err());
  }

  @Test
  void outIntoADirectoryThatDoesNotExistSaysSo() throws IOException {
    // review finding 21: "cannot be written: <the path again>"
    Path out = dir.resolve("nodir").resolve("r.txt");
    Cli.Run r =
        run(
            concat(
                concat(new String[] {"report"}, inputs(fourDeals(dir))), "--out", out.toString()));
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "funnel report: --out "
                + out
                + ": cannot be written: the directory "
                + dir.resolve("nodir")
                + " does not exist"),
        r.errLines());
    Cli.Run relative =
        run(
            concat(
                concat(new String[] {"report"}, inputs(fourDeals(dir))),
                "--out",
                "nodir-xyz/r.txt"));
    assertEquals(
        List.of(
            "funnel report: --out nodir-xyz/r.txt: cannot be written: the directory nodir-xyz does not exist"),
        relative.errLines());
    Cli.Run intoDir =
        run(
            concat(
                concat(new String[] {"report"}, inputs(fourDeals(dir))), "--out", dir.toString()));
    assertEquals(2, intoDir.status());
    assertEquals(1, intoDir.errLines().size(), intoDir.err());
    assertTrue(
        intoDir
            .errLines()
            .get(0)
            .startsWith("funnel report: --out " + dir + ": cannot be written: "),
        intoDir.err());
  }

  @Test
  void outNeverOverwritesAnInput() throws IOException {
    // review finding: --out deals.csv replaced the deals with the report, exit 0
    List<Path> files = fourDeals(dir);
    String before = Files.readString(files.get(1));
    Cli.Run r =
        run(
            concat(
                concat(new String[] {"report"}, inputs(files)), "--out", files.get(1).toString()));
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "funnel report: --out "
                + files.get(1)
                + ": is the file of --deals; writing the report there would destroy an input"),
        r.errLines());
    assertEquals(before, Files.readString(files.get(1)));
    // The same file by another name, and the other commands.
    Path other = dir.resolve(".").resolve("stage_changes.csv");
    for (String command : new String[] {"report", "forecast", "kpi"}) {
      String[] args = concat(new String[] {command}, inputs(files));
      if (command.equals("kpi")) {
        args =
            concat(
                args, "--spend", write(dir, "spend.csv", "date,channel,cost,currency").toString());
      }
      Cli.Run again = run(concat(args, "--out", other.toString()));
      assertEquals(2, again.status(), command + ": " + again.err());
      assertTrue(again.err().contains("is the file of --changes"), again.err());
    }
    assertEquals(String.join("\n", Cli.CHANGES) + "\n", Files.readString(files.get(2)));
  }

  @Test
  void theCommandWritingToAFullDeviceExitsTwo() throws IOException, InterruptedException {
    // review finding: through System.out (a PrintStream, which swallows errors) the check above
    // never saw the failure, and "funnel report > /dev/full" still exited 0
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full here");
    String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(launcher, "-cp", ShellCommand.classPath(), Main.class.getName(), "report"));
    command.addAll(List.of(inputs(fourDeals(dir))));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.redirectOutput(full.toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    int status = pb.start().waitFor();
    assertEquals(2, status);
    assertEquals(
        "funnel report: standard output: cannot be written (a full device or a closed pipe); the"
            + " report is lost\n",
        Files.readString(dir.resolve("err.txt")).replace("\r\n", "\n"));
  }

  /**
   * With Windows' line separator every report still ends its lines with \n alone and its JSON
   * parses: the control net escaped the \r of Jackson's system line ends (diff review).
   */
  @Test
  void reportsEndLinesWithLineFeedsOnAWindowsSeparator() throws Exception {
    String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String format : List.of("json", "table")) {
      for (String command : List.of("report", "kpi", "forecast")) {
        List<String> args =
            new java.util.ArrayList<>(
                List.of(
                    launcher,
                    "-Dline.separator=\r\n",
                    "-cp",
                    ShellCommand.classPath(),
                    Main.class.getName(),
                    command,
                    "--format",
                    format));
        args.addAll(List.of(inputs(fourDeals(dir))));
        if (command.equals("kpi")) {
          args.addAll(
              List.of(
                  "--spend",
                  write(dir, "spend.csv", "date,channel,cost,currency", "2026-03-01,web,30.00,EUR")
                      .toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(args);
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Path out = dir.resolve(command + "." + format);
        pb.redirectOutput(out.toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        assertEquals(0, pb.start().waitFor(), Files.readString(dir.resolve("err.txt")));
        String text = Files.readString(out);
        assertFalse(text.contains("\\r"), command + " " + format + ": " + text);
        assertFalse(text.contains("\r"), command + " " + format);
        if (format.equals("json")) {
          MAPPER.readTree(text);
        }
      }
    }
  }

  @Test
  void aReportStandardOutputCannotTakeIsAnErrorNotExitZero() throws IOException {
    // review finding: "funnel report > /dev/full" exited 0 with the report lost
    StringWriter err = new StringWriter();
    int status =
        FunnelCli.run(
            new PrintWriter(fullDevice()),
            new PrintWriter(err),
            concat(new String[] {"report"}, inputs(fourDeals(dir))));
    assertEquals(2, status);
    assertEquals(
        "funnel report: standard output: cannot be written (a full device or a closed pipe); the"
            + " report is lost",
        err.toString().strip());
  }

  @Test
  void validateAndDemoStandardOutputCannotTakeAreErrorsNotExitZero() throws IOException {
    // review finding: "funnel validate > /dev/full" and "funnel demo > /dev/full" exited 0
    for (String[] args :
        List.of(concat(new String[] {"validate"}, inputs(fourDeals(dir))), new String[] {"demo"})) {
      StringWriter err = new StringWriter();
      int status = FunnelCli.run(new PrintWriter(fullDevice()), new PrintWriter(err), args);
      assertEquals(2, status, args[0]);
      String what = args[0].equals("demo") ? "demo" : "validation summary";
      assertEquals(
          "funnel "
              + args[0]
              + ": standard output: cannot be written (a full device or a closed pipe); the "
              + what
              + " is lost",
          err.toString().strip(),
          args[0]);
    }
  }

  /** A writer that fails like a full device. */
  private static java.io.Writer fullDevice() {
    return new java.io.Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void datesBoundTheCohortAtStartOfDayUtc() throws IOException {
    JsonNode r = json("--format", "json", "--from", "2026-03-02");
    assertEquals(2, r.get("deals").get("total").asLong()); // D3, D4
    assertEquals("2026-03-02T00:00:00Z", r.get("cohort").get("from").asString());
    assertTrue(r.get("cohort").get("to").isNull(), r.toString());
    JsonNode early = json("--format", "json", "--to", "2026-03-02T00:00:00+00:00");
    assertEquals(2, early.get("deals").get("total").asLong()); // D1, D2
    // --to alone leaves the start open, as --from alone leaves the end (CLI review: the earliest
    // creation was made up as its start)
    assertTrue(early.get("cohort").get("from").isNull(), early.toString());
    assertEquals("2026-03-02T00:00:00Z", early.get("cohort").get("to").asString());
    Cli.Run empty =
        run(
            concat(
                concat(new String[] {"report"}, inputs(fourDeals(dir))),
                "--format",
                "json",
                "--to",
                "2026-02-01"));
    assertEquals(0, empty.status(), empty.err());
    assertTrue(empty.err().contains("in the cohort [-inf, 2026-02-01T00:00:00Z)"), empty.err());
    JsonNode none = MAPPER.readTree(empty.out());
    assertEquals(0, none.get("deals").get("total").asLong());
    assertTrue(none.get("cohort").get("from").isNull(), none.toString());
  }

  /**
   * Deals read but none in the report: a note says which rules left them out, the report still
   * exits 0 (an as-of before every deal, a cohort after them, contradictory conditions).
   */
  @Test
  void anEmptySelectionIsNoted() throws IOException {
    String[] files = inputs(fourDeals(dir));
    Cli.Run before =
        run(concat(concat(new String[] {"report"}, files), "--as-of", "2026-02-01T00:00:00Z"));
    assertEquals(0, before.status(), before.err());
    assertEquals(
        List.of(
            "funnel report: note: none of the 4 deals read is created by the as-of"
                + " 2026-02-01T00:00:00Z, so every figure of the funnel is empty"),
        before.errLines());
    Cli.Run both =
        run(
            concat(
                concat(new String[] {"report"}, files),
                "--from",
                "2026-04-01",
                "--where",
                "channel=ads",
                "--where",
                "channel=web"));
    assertEquals(0, both.status(), both.err());
    assertEquals(
        List.of(
            "funnel report: note: none of the 4 deals read is created by the as-of"
                + " 2026-03-04T00:00:00Z, in the cohort [2026-04-01T00:00:00Z, +inf), matching"
                + " channel=ads and channel=web, so every figure of the funnel is empty"),
        both.errLines());
    assertEquals(List.of(), run(concat(new String[] {"report"}, files)).errLines());
  }

  @Test
  void asOfHidesLaterEvents() throws IOException {
    JsonNode r = json("--format", "json", "--as-of", "2026-03-03T12:00:00+00:00");
    assertEquals(0, r.get("deals").get("won").asLong());
    assertEquals(1, r.get("deals").get("lost").asLong());
  }

  @Test
  void enteredCounting() throws IOException {
    JsonNode r = json("--format", "json", "--counting", "entered");
    assertEquals("entered", r.get("counting").asString());
    assertEquals(0, r.get("stages").get(0).get("reached").asLong());
  }

  @Test
  void htmlIsOnePageWithTheTables() throws IOException {
    Path out = dir.resolve("report.html");
    Cli.Run r =
        run(
            concat(
                concat(new String[] {"report"}, inputs(fourDeals(dir))),
                "--format",
                "html",
                "--by",
                "owner",
                "--out",
                out.toString()));
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.out());
    String html = Files.readString(out);
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.contains("<td>qualified</td><td>2</td><td>2</td>"), html);
    assertTrue(html.contains("<caption>By owner</caption>"), html);
    assertTrue(html.endsWith("</html>\n"));
  }

  // ---- bad input ----

  @Test
  void strictStopsAtTheFirstBadRecordWithOneLine() throws IOException {
    List<Path> files = new ArrayList<>(fourDeals(dir));
    files.set(
        1,
        write(
            dir,
            "bad_deals.csv",
            "deal_id,created_at,owner",
            "D1,2026-03-01T00:00:00Z,ann",
            "D2,2026-13-01,bob",
            "D3,2026-03-01,bob"));
    Cli.Run r = run(concat(new String[] {"report"}, inputs(files)));
    assertEquals(2, r.status());
    assertEquals("", r.out());
    assertEquals(
        List.of(files.get(1) + ":3: created_at: \"2026-13-01\": not an ISO-8601 timestamp"),
        r.errLines());
  }

  @Test
  void lenientListsEveryBrokenRowAndCountsAddUp() throws IOException {
    List<Path> files = new ArrayList<>(fourDeals(dir));
    files.set(
        1,
        write(
            dir,
            "bad_deals.csv",
            "deal_id,created_at,owner,channel,amount,currency",
            "D1,2026-03-01T00:00:00Z,ann,web,1000.00,EUR",
            "D2,2026-13-01,bob,ads,500.00,EUR",
            "D3,2026-03-02T00:00:00Z,ann,ads,,",
            "D4,2026-03-02,,web,,"));
    files.set(
        2,
        write(
            dir,
            "bad_changes.csv",
            "deal_id,to_stage,occurred_at",
            "D1,qualified,2026-03-02T00:00:00Z",
            "D1,won,2026-03-04T00:00:00Z",
            "D3,demo,2026-03-03T00:00:00Z",
            "D3,qualified,2026-03-03T00:00:00Z"));
    Cli.Run r =
        run(
            concat(
                concat(new String[] {"report"}, inputs(files)), "--lenient", "--format", "json"));
    assertEquals(0, r.status(), r.err());
    assertEquals(
        List.of("funnel: 3 of 8 records were rejected and skipped (listed in the report)"),
        r.errLines());
    JsonNode json = MAPPER.readTree(r.out());
    JsonNode records = json.get("records");
    assertEquals(8, records.get("read").asLong());
    assertEquals(3, records.get("rejected").asLong());
    assertEquals(
        records.get("read").asLong(),
        records.get("accepted").asLong() + records.get("rejected").asLong());
    JsonNode rejected = json.get("rejected");
    assertEquals(3, rejected.size());
    List<String> where = new ArrayList<>();
    rejected.forEach(
        n ->
            where.add(
                n.get("file").asString()
                    + ":"
                    + n.get("line").asLong()
                    + ":"
                    + n.get("field").asString()));
    assertEquals(
        List.of(
            files.get(1) + ":3:created_at",
            files.get(1) + ":5:created_at",
            files.get(2) + ":4:to_stage"),
        where);
    assertEquals("2026-03-02", rejected.get(1).get("value").asString());
    assertEquals(2, json.get("deals").get("total").asLong());

    Cli.Run table = run(concat(concat(new String[] {"report"}, inputs(files)), "--lenient"));
    assertEquals(0, table.status());
    assertTrue(
        table
            .out()
            .contains(
                "records: 8 read, 5 accepted, 3 rejected\nrejected:\n  "
                    + files.get(1)
                    + ":3: created_at: \"2026-13-01\": not an ISO-8601 timestamp\n"),
        table.out());
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        Arguments.of(
            List.of("--format", "xml"),
            "funnel report: Invalid value for option '--format': expected one of [TABLE, JSON, HTML]"
                + " (case-insensitive) but was 'xml'"),
        Arguments.of(
            List.of("--as-of", "2026-03-02"),
            "funnel report: Invalid value for option '--as-of': \"2026-03-02\" is a date, not an"
                + " instant: say 2026-03-02T00:00:00Z for the start of that day or"
                + " 2026-03-03T00:00:00Z for its end (UTC)"),
        Arguments.of(
            List.of("--from", "March"),
            "funnel report: Invalid value for option '--from': \"March\" is neither an ISO-8601 instant"
                + " such as 2026-03-01T09:15:00Z nor a date such as 2026-03-01 (the start of that"
                + " day, UTC)"),
        Arguments.of(List.of("--bogus"), "funnel report: Unknown option: '--bogus'"));
  }

  @ParameterizedTest
  @MethodSource("badOptions")
  void badOptionsExitTwoWithOneLineAndAHint(List<String> extra, String message) throws IOException {
    Cli.Run r =
        run(
            concat(
                concat(new String[] {"report"}, inputs(fourDeals(dir))),
                extra.toArray(new String[0])));
    assertEquals(2, r.status());
    assertEquals(
        List.of(message, "Try 'funnel report --help' for more information."), r.errLines());
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(
            List.of("--by", "region"),
            "funnel report: --by: no deal has the attribute \"region\" (attributes: ; other"
                + " dimensions: owner, channel, day, week, month, quarter, year)"),
        Arguments.of(
            List.of("--by", "owner:"),
            "funnel report: --by: \"owner:\" has an empty dimension name"),
        // a trailing comma is an empty breakdown, as a leading one is (picocli used to drop it)
        Arguments.of(
            List.of("--by", "owner,"), "funnel report: --by: \"\" has an empty dimension name"),
        Arguments.of(
            List.of("--from", "2026-03-02", "--to", "2026-03-01"),
            "funnel report: --from, --to: cohort [2026-03-02T00:00:00Z, 2026-03-01T00:00:00Z) is"
                + " empty: 'to' must be after 'from'"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void badValuesExitTwoWithOneLine(List<String> extra, String message) throws IOException {
    Cli.Run r =
        run(
            concat(
                concat(new String[] {"report"}, inputs(fourDeals(dir))),
                extra.toArray(new String[0])));
    assertEquals(2, r.status());
    assertEquals(List.of(message), r.errLines());
  }

  @Test
  void missingRequiredOptionsAndFiles() throws IOException {
    Cli.Run r = run("report", "--pipeline", "p.json");
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "funnel report: Missing required options: '--deals=FILE', '--changes=FILE'",
            "Try 'funnel report --help' for more information."),
        r.errLines());
    List<Path> files = new ArrayList<>(fourDeals(dir));
    files.set(1, dir.resolve("nope.csv"));
    Cli.Run missing = run(concat(new String[] {"report"}, inputs(files)));
    assertEquals(2, missing.status());
    assertEquals(List.of(dir.resolve("nope.csv") + ": no such file"), missing.errLines());
    files.set(1, Path.of(""));
    Cli.Run empty = run(concat(new String[] {"report"}, inputs(files)));
    assertEquals(2, empty.status());
    assertEquals(List.of("\"\": the file name is empty"), empty.errLines());
    Cli.Run emptyOut =
        run(concat(concat(new String[] {"report"}, inputs(fourDeals(dir))), "--out", ""));
    assertEquals(2, emptyOut.status());
    assertEquals(List.of("funnel report: --out \"\": the file name is empty"), emptyOut.errLines());
  }

  @Test
  void malformedPipelineNamesLineAndColumn() throws IOException {
    List<Path> files = new ArrayList<>(fourDeals(dir));
    files.set(
        0, write(dir, "broken.json", "{ \"id\": \"b2b\",", "  \"stages\": [ { \"id\": 7 } ] }"));
    Cli.Run r = run(concat(new String[] {"report"}, inputs(files)));
    assertEquals(2, r.status());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith(files.get(0) + ":2:"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void noCommandPrintsUsageAndExitsTwo() {
    Cli.Run r = run();
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("funnel: a command is needed\nUsage: funnel"), r.err());
  }

  private static void assertStages(List<StageFigures> lib, JsonNode json) {
    assertEquals(lib.size(), json.size());
    for (int i = 0; i < lib.size(); i++) {
      StageFigures s = lib.get(i);
      JsonNode j = json.get(i);
      assertEquals(s.stage(), j.get("stage").asString());
      assertEquals(s.reached(), j.get("reached").asLong());
      assertEquals(s.entered(), j.get("entered").asLong());
      assertEquals(s.lostAt(), j.get("lostAt").asLong());
      assertProportion(s.cumulative(), j.get("cumulative"));
      assertProportion(s.conversionToNext(), j.get("conversionToNext"));
      assertProportion(s.usage(), j.get("usage"));
      assertDistribution(s.timeInStage(), j.get("timeInStage"));
      assertDistribution(s.ageInStage(), j.get("ageInStage"));
    }
  }

  private static void assertProportion(Proportion p, JsonNode j) {
    assertEquals(p.successes(), j.get("successes").asLong());
    assertEquals(p.trials(), j.get("trials").asLong());
    if (p.isUndefined()) {
      assertTrue(j.get("rate").isNull());
    } else {
      assertEquals(p.rate().getAsDouble(), j.get("rate").asDouble());
      assertEquals(p.low().getAsDouble(), j.get("low").asDouble());
      assertEquals(p.high().getAsDouble(), j.get("high").asDouble());
    }
  }

  private static void assertDistribution(Distribution d, JsonNode j) {
    assertEquals(d.count(), j.get("count").asLong());
    assertEquals(d.p50().map(Duration::toString).orElse(null), text(j.get("p50")));
    assertEquals(d.p90().map(Duration::toString).orElse(null), text(j.get("p90")));
    assertEquals(d.mean().map(Duration::toString).orElse(null), text(j.get("mean")));
  }

  private static String text(JsonNode n) {
    return n.isNull() ? null : n.asString();
  }

  /**
   * A column named like the crossed breakdown beside it: both breakdowns are in the JSON, under
   * different names (a duplicate key ended the writer with an internal error, exit 1).
   */
  @Test
  void aColumnNamedLikeACrossedBreakdownKeepsItsOwnName() throws IOException {
    Path deals =
        write(
            dir,
            "deals.csv",
            "deal_id,created_at,owner,channel,owner x channel",
            "D1,2026-03-01T00:00:00Z,ann,web,both",
            "D2,2026-03-01T00:00:00Z,bob,ads,both");
    Path changes = write(dir, "stage_changes.csv", "deal_id,to_stage,occurred_at");
    Path pipeline = write(dir, "pipeline.json", Cli.PIPELINE);
    Cli.Run r =
        run(
            "report",
            "--pipeline",
            pipeline.toString(),
            "--deals",
            deals.toString(),
            "--changes",
            changes.toString(),
            "--by",
            "owner:channel,owner x channel",
            "--format",
            "json");
    assertEquals(0, r.status(), r.err());
    JsonNode breakdowns = MAPPER.readTree(r.out()).get("breakdowns");
    assertEquals(List.of("owner x channel", "attribute=owner x channel"), names(breakdowns));
    assertEquals(2, breakdowns.get("owner x channel").size());
    JsonNode both = breakdowns.get("attribute=owner x channel").get(0);
    assertEquals(2, both.get("deals").asLong());
    assertEquals("both", both.get("values").get("attribute=owner x channel").asString());
  }

  /**
   * Names with a line break, a tab and a terminal escape (CSV cells may hold them): no output
   * format passes a control character other than its own line breaks through (CLI review: the
   * tables and the page did), and the table shows each as its escape.
   */
  @Test
  void controlCharactersFromTheDataNeverReachTheTerminal() throws IOException {
    Path deals =
        write(
            dir,
            "deals.csv",
            "deal_id,created_at,owner,channel,amount,currency,loss_reason",
            "\"C\u001b[31mRED\",2026-03-01T00:00:00Z,\"multi\nline\",tab\there,100.00,EUR,why\tnot",
            "D2,2026-03-01T00:00:00Z,ann,web,,,");
    Path changes =
        write(
            dir,
            "stage_changes.csv",
            "deal_id,to_stage,occurred_at,recorded_at",
            "\"C\u001b[31mRED\",lost,2026-03-02T00:00:00Z,2026-04-02T00:00:00Z");
    Path pipeline = write(dir, "pipeline.json", Cli.PIPELINE);
    for (String format : List.of("table", "html", "json")) {
      Cli.Run r =
          run(
              "report",
              "--pipeline",
              pipeline.toString(),
              "--deals",
              deals.toString(),
              "--changes",
              changes.toString(),
              "--by",
              "owner,channel",
              "--format",
              format);
      assertEquals(0, r.status(), r.err());
      assertFalse(
          r.out().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'),
          format + ": " + r.out());
      if (format.equals("table")) {
        assertTrue(r.out().contains("\nmulti\\nline "), r.out());
        assertTrue(r.out().contains("\ntab\\there "), r.out());
        assertTrue(r.out().contains("C\\u001b[31mRED"), r.out());
      }
    }
  }

  private static List<String> names(JsonNode object) {
    return List.copyOf(object.propertyNames());
  }
}
