package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.audit.Audit;
import dev.funnel.hygiene.Hygiene;
import dev.funnel.log.DealLog;
import dev.funnel.losses.HandOff;
import dev.funnel.losses.Losses;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import dev.funnel.model.Touch;
import dev.funnel.people.People;
import dev.funnel.sla.Sla;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FORMATS.md field names and value conventions of the process sections.
 *
 * <pre>
 * new -> qualified -> proposal | won | lost; T0 = 2026-03-02T09:00Z (a Monday).
 * A ann 100.00: proposal@+1h recorded 2 days later (retroactive skip), won@+2h
 * B bob 40.00 "price": lost@+1h
 * C bob: open, untouched
 * Lead LA (deal A) touched after 10 minutes; lead LB untouched.
 * </pre>
 */
final class ProcessJsonTest {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  static Instant h(int hours) {
    return T0.plusSeconds(3600L * hours);
  }

  static DealLog log() {
    Pipeline p =
        Pipeline.builder("b2b")
            .open("new")
            .open("qualified")
            .open("proposal")
            .won("won")
            .lost("lost")
            .build();
    return DealLog.builder(p)
        .deal(Deal.builder("A", T0).owner("ann").amount("100.00", "EUR").leadId("LA").build())
        .deal(Deal.builder("B", T0).owner("bob").amount("40.00", "EUR").lossReason("price").build())
        .deal(Deal.builder("C", T0).owner("bob").build())
        .change(StageChange.of("A", "proposal", h(1)).recordedAt(h(49)).actor("ann"))
        .change("A", "won", h(2))
        .change("B", "lost", h(1))
        .build();
  }

  static List<Lead> leads() {
    return List.of(Lead.of("LA", T0, "ads"), Lead.of("LB", T0, "seo"));
  }

  static List<Touch> touches() {
    return List.of(Touch.of("LA", T0.plusSeconds(600)));
  }

  static JsonNode parse(String json) {
    return MAPPER.readTree(json);
  }

  @Test
  void hygiene() throws Exception {
    StringWriter out = new StringWriter();
    ProcessJson.write(Hygiene.of(log()).report(), out);
    JsonNode j = parse(out.toString());
    assertEquals(1, j.get("retroactive").asInt());
    assertEquals(0, j.get("burstChanges").asInt());
    assertEquals(1, j.get("skips").asInt()); // new -> proposal
    assertEquals(1, j.get("skippedStages").asInt());
    assertEquals(0, j.get("backwardMoves").asInt());
    assertEquals("PT24H", j.get("retroactiveTolerance").asString());
    JsonNode share = j.get("retroactiveShare");
    assertEquals(1, share.get("successes").asInt());
    assertEquals(3, share.get("trials").asInt()); // A: proposal, won; B: lost
    JsonNode won = j.get("stages").get(3);
    assertEquals("won", won.get("stage").asString());
    assertTrue(won.get("usage").get("rate").isNull()); // closed stage: 0 trials, null figures
    JsonNode flag = j.get("flags").get(0);
    assertEquals("RETROACTIVE", flag.get("kind").asString());
    assertEquals("A", flag.get("dealId").asString());
    assertEquals("new", flag.get("fromStage").asString());
    assertEquals("2026-03-04T10:00:00Z", flag.get("recordedAt").asString());
    assertEquals(
        Optional.of(ProcessJson.toJson(Hygiene.of(log()).report())), Optional.of(out.toString()));
  }

  @Test
  void losses() {
    JsonNode j = parse(ProcessJson.lossesArray(Losses.of(log()).report()));
    assertEquals(1, j.size());
    JsonNode row = j.get(0);
    assertEquals("price", row.get("reason").asString());
    assertEquals(1, row.get("count").asInt());
    assertEquals(1.0, row.get("share").get("rate").asDouble());
    assertEquals("40.00", row.get("amount").get("amount").decimalValue().toPlainString());
    assertEquals("EUR", row.get("amount").get("currency").asString());
    JsonNode full = parse(ProcessJson.toJson(Losses.of(log()).report()));
    assertEquals(0, full.get("unspecifiedShare").get("successes").asInt());
    assertEquals("new", full.get("lostAt").get(0).get("stage").asString());
  }

  @Test
  void concentration() {
    JsonNode j = parse(ProcessJson.toJson(People.of(log()).report())).get("concentration");
    assertEquals(2, j.get("owners").asInt());
    assertEquals(1.0, j.get("top1Share").asDouble());
    assertEquals(1.0, j.get("top20PercentShare").asDouble());
    assertEquals(1.0, j.get("hhi").asDouble());
    assertEquals("100.00", j.get("wonRevenue").get("amount").decimalValue().toPlainString());
  }

  @Test
  void slaAndStaleDeals() {
    JsonNode j =
        parse(ProcessJson.toJson(Sla.of(leads(), touches()).deals(log()).asOf(h(24 * 8)).report()));
    JsonNode sla = j.get("sla");
    assertEquals(1, sla.get("met").asInt());
    assertEquals(1, sla.get("breached").asInt()); // LB untouched for 8 days
    assertEquals(0, sla.get("atRisk").asInt());
    assertEquals(0.5, sla.get("compliance").get("rate").asDouble());
    JsonNode rt = sla.get("responseTime");
    assertEquals(1, rt.get("count").asInt());
    assertEquals("PT10M", rt.get("p50").asString());
    assertEquals("PT10M", rt.get("mean").asString());
    JsonNode stale = j.get("staleDeals");
    assertEquals(1, stale.size()); // C, open and never touched for 8 days
    assertEquals("C", stale.get(0).get("dealId").asString());
    assertEquals("PT192H", stale.get(0).get("idle").asString());
    assertEquals("PT24H", stale.get(0).get("overdue").asString());
    assertTrue(stale.get(0).get("lastTouch").isNull());
    // LB's 15 minutes ran out 191h45m before as-of: the sign goes in front, as Duration.parse
    // reads it, not Duration.toString's "PT-191H-45M" (CLI review)
    JsonNode lb = null;
    for (JsonNode l : sla.get("leads")) {
      if (l.get("leadId").asString().equals("LB")) {
        lb = l;
      }
    }
    assertEquals("-PT191H45M", lb.get("timeLeft").asString(), sla.toString());
    assertEquals(
        Duration.ofMinutes(15).minusHours(192), Duration.parse(lb.get("timeLeft").asString()));
    boolean actNowLb = false;
    for (JsonNode a : sla.get("actNow")) {
      if (a.get("subjectId").asString().equals("LB")) {
        assertEquals("-PT191H45M", a.get("timeLeft").asString());
        actNowLb = true;
      }
    }
    assertTrue(actNowLb, sla.toString());
    assertEquals(
        1,
        parse(
                ProcessJson.staleDealsArray(
                    Sla.of(leads(), touches()).deals(log()).asOf(h(192)).report()))
            .size());
  }

  @Test
  void handOffAndAudit() {
    JsonNode h = parse(ProcessJson.toJson(HandOff.of(leads()).report()));
    assertEquals(2, h.get("all").get("leads").asInt());
    assertTrue(h.get("all").get("acceptance").get("rate").isNull());
    assertTrue(h.get("all").get("timeToAccept").get("p50").isNull());
    JsonNode a =
        parse(ProcessJson.toJson(Audit.of(log()).leads(leads()).touches(touches()).report()));
    assertEquals(8, a.get("items").size());
    JsonNode first = a.get("items").get(0);
    assertEquals("REAL_STAGES", first.get("mustHave").asString());
    assertTrue(
        first.has("grade")
            && first.has("figure")
            && first.has("evidence")
            && first.has("threshold"));
    assertTrue(a.get("summary").asString().contains("must-haves missing"));
    assertEquals(
        a.get("items").findValuesAsString("grade").stream().filter("FAIL"::equals).count(),
        a.get("missing").asLong());
  }
}
