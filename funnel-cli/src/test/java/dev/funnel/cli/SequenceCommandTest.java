package dev.funnel.cli;

import static dev.funnel.cli.Cli.run;
import static dev.funnel.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class SequenceCommandTest {
  @TempDir Path dir;
  private Path events;

  /** u1: a, b, c within a day; u2: a, then b 8 days later (outside P7D); u3: b only. */
  @BeforeEach
  void files() throws IOException {
    events =
        write(
            dir,
            "events.csv",
            "entity_id,at,event",
            "u1,2026-03-01T00:00:00Z,a",
            "u1,2026-03-01T12:00:00Z,b",
            "u1,2026-03-02T00:00:00+01:00,c",
            "u2,2026-03-01T00:00:00Z,a",
            "u2,2026-03-09T00:00:00Z,b",
            "u3,2026-03-02T00:00:00Z,b");
  }

  @Test
  void jsonLevelsByHand() {
    Cli.Run r =
        run(
            "sequence",
            "--events",
            events.toString(),
            "--steps",
            "a,b,c",
            "--window",
            "P7D",
            "--format",
            "json");
    assertEquals(0, r.status(), r.err());
    JsonNode json = new JsonMapper().readTree(r.out());
    assertEquals("PT168H", json.get("window").asString());
    JsonNode levels = json.get("levels");
    assertEquals(3, levels.size());
    assertEquals("a", levels.get(0).get("step").asString());
    assertEquals(2, levels.get(0).get("entities").asLong());
    assertEquals(1, levels.get(1).get("entities").asLong());
    assertEquals(1, levels.get(2).get("entities").asLong());
    // u1's c is at 2026-03-01T23:00Z, 11 hours after its b
    assertEquals("PT11H", levels.get(2).get("timeFromPrevious").get("p50").asString());
    assertEquals(2, json.get("levels").get(0).get("fromPrevious").get("successes").asLong());
    assertEquals(3, json.get("levels").get(0).get("fromPrevious").get("trials").asLong());
    assertEquals(6, json.get("records").get("read").asLong());
  }

  @Test
  void strictOrderAndTable() {
    Cli.Run r =
        run(
            "sequence",
            "--events",
            events.toString(),
            "--steps",
            "a,b,c",
            "--window",
            "P30D",
            "--mode",
            "strict_order");
    assertEquals(0, r.status(), r.err());
    assertTrue(
        r.out().startsWith("sequence funnel: 3 steps, window 30d, mode strict_order, 3 entities"),
        r.out());
    // b: u1 after 12h, u2 after 8 days -> median 4d 6h; c: u1 only
    assertTrue(
        r.out().matches("(?s).*\nb\\s+2\\s+100\\.0% \\S+ \\S+ 2/2\\s+100\\.0%\\s+4d 6h\n.*"),
        r.out());
  }

  @Test
  void aStepThatNeverOccursIsWarnedAboutWithTheEventNamesThatDo() throws IOException {
    // review finding 10: "signup" (the file has sign_up) gave a silent 0%
    Path ev =
        write(
            dir,
            "events_signup.csv",
            "entity_id,at,event",
            "U1,2026-03-01T09:00:00Z,visit",
            "U1,2026-03-01T10:00:00Z,sign_up",
            "U2,2026-03-01T09:00:00Z,visit");
    Cli.Run r =
        run("sequence", "--events", ev.toString(), "--steps", " visit, signup", "--window", "P1D");
    assertEquals(0, r.status(), r.err());
    assertEquals(
        List.of(
            "funnel sequence: warning: step \"signup\" names an event that never occurs in "
                + ev
                + "; its events are: visit, sign_up"),
        r.errLines());
    assertTrue(r.out().contains("\nvisit "), r.out());
    assertTrue(r.out().contains("\nsignup "), r.out());
  }

  @Test
  void stepNamesAreStripped() {
    Cli.Run r =
        run(
            "sequence",
            "--events",
            events.toString(),
            "--steps",
            " a , b,c ",
            "--window",
            "P7D",
            "--format",
            "json");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    JsonNode levels = new JsonMapper().readTree(r.out()).get("levels");
    assertEquals("a", levels.get(0).get("step").asString());
    assertEquals(2, levels.get(0).get("entities").asLong());
    assertEquals("c", levels.get(2).get("step").asString());
    assertEquals(1, levels.get(2).get("entities").asLong());
  }

  @Test
  void theWarningListsTheFirstTenEventNames() throws IOException {
    List<String> lines = new java.util.ArrayList<>(List.of("entity_id,at,event"));
    for (int i = 1; i <= 12; i++) {
      lines.add("u1,2026-03-01T00:00:" + (10 + i) + "Z,e" + i);
    }
    Path ev = write(dir, "many.csv", lines.toArray(new String[0]));
    Cli.Run r = run("sequence", "--events", ev.toString(), "--steps", "e1,x,y", "--window", "P1D");
    assertEquals(0, r.status(), r.err());
    assertEquals(
        List.of(
            "funnel sequence: warning: steps \"x\", \"y\" name events that never occur in "
                + ev
                + "; its events are: e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, ... (12 names in"
                + " all)"),
        r.errLines());
  }

  @Test
  void badWindowAndModeExitTwo() {
    Cli.Run w =
        run("sequence", "--events", events.toString(), "--steps", "a,b", "--window", "7 days");
    assertEquals(2, w.status());
    assertEquals(
        "funnel sequence: Invalid value for option '--window': \"7 days\" is not an ISO-8601 duration"
            + " such as P7D, P2W, PT12H or P1DT6H",
        w.errLines().get(0));
    Cli.Run m =
        run(
            "sequence",
            "--events",
            events.toString(),
            "--steps",
            "a,b",
            "--window",
            "P7D",
            "--mode",
            "strict");
    assertEquals(2, m.status());
    assertEquals(
        "funnel sequence: Invalid value for option '--mode' (MODE): mode \"strict\" is not a"
            + " windowFunnel mode (known: strict_order, strict_deduplication, strict_increase)",
        m.errLines().get(0));
    Cli.Run s = run("sequence", "--events", events.toString(), "--steps", "a,a", "--window", "P7D");
    assertEquals(2, s.status());
    assertEquals(
        List.of(
            "funnel sequence: steps: \"a\" is step 1 and step 2; each step names a distinct event"),
        s.errLines());
    // a trailing comma is an empty step, as an inner one is (picocli used to drop it)
    Cli.Run trailing =
        run("sequence", "--events", events.toString(), "--steps", "a,b,", "--window", "P7D");
    assertEquals(2, trailing.status());
    assertEquals(List.of("funnel sequence: steps: step 3 is blank"), trailing.errLines());
  }
}
