package dev.funnel.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Touch;
import dev.funnel.sla.Sla;
import dev.funnel.sla.SlaReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Audit grading on planted data.
 *
 * <pre>
 * new -> qualified -> proposal | won | lost. Every deal enters qualified at +1h and proposal at +2h
 * (usage 100%, no retroactive change). L1..L4 (ann, leads A1..A4) lost at +3h with a reason; L5
 * (bob, lead B1) lost without one (4/5 = 80% reasons); W1 won; O1, O2 open, never touched.
 * Leads A1..A4 touched after 1 minute by ann, B1 after 2 hours by bob: compliance 4/5 = 80%;
 * owners' medians 1m and 2h: spread 119m = 7.93 x 15m. No lead was handed over. As-of T0 + 10 days:
 * both open deals are stale.
 * </pre>
 */
final class AuditTest {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant AS_OF = T0.plusSeconds(10 * 86_400L);
  static final Pipeline PIPELINE =
      Pipeline.builder("b2b")
          .open("new")
          .open("qualified")
          .open("proposal")
          .won("won")
          .lost("lost")
          .build();

  static Instant h(int hours) {
    return T0.plusSeconds(3600L * hours);
  }

  static DealLog log() {
    DealLogBuilder b = DealLog.builder(PIPELINE);
    List<String> ids = List.of("L1", "L2", "L3", "L4", "L5", "W1", "O1", "O2");
    for (String id : ids) {
      Deal.Builder d = Deal.builder(id, T0);
      switch (id) {
        case "L1", "L2", "L3", "L4" ->
            d.owner("ann").leadId("A" + id.charAt(1)).lossReason("price");
        case "L5" -> d.owner("bob").leadId("B1");
        default -> d.owner("cid");
      }
      b.deal(d.build());
      b.change(id, "qualified", h(1));
      b.change(id, "proposal", h(2));
      if (id.startsWith("L")) {
        b.change(id, "lost", h(3));
      } else if (id.startsWith("W")) {
        b.change(id, "won", h(3));
      }
    }
    return b.build();
  }

  static List<Lead> leads() {
    return List.of(
        Lead.of("A1", T0, "ads"),
        Lead.of("A2", T0, "ads"),
        Lead.of("A3", T0, "ads"),
        Lead.of("A4", T0, "ads"),
        Lead.of("B1", T0, "ads"));
  }

  static List<Touch> touches() {
    List<Touch> t = new ArrayList<>();
    for (String a : List.of("A1", "A2", "A3", "A4")) {
      t.add(new Touch(a, T0.plusSeconds(60), Optional.empty(), Optional.of("ann")));
    }
    t.add(new Touch("B1", h(2), Optional.empty(), Optional.of("bob")));
    return t;
  }

  static AuditReport report() {
    return Audit.of(log()).leads(leads()).touches(touches()).asOf(AS_OF).report();
  }

  @Test
  void gradesPlantedData() {
    AuditReport r = report();
    assertEquals(
        List.of(
            Grade.PASS, // real stages
            Grade.PASS, // working funnel
            Grade.WARN, // SLA 80%
            Grade.FAIL, // first touch spread 7.93x
            Grade.PASS, // transitions on time
            Grade.WARN, // 80% reasons
            Grade.FAIL, // 2/2 stale
            Grade.FAIL), // no hand-over
        r.items().stream().map(AuditItem::grade).toList());
    assertEquals(1.0, r.item(MustHave.REAL_STAGES).figure().getAsDouble());
    assertEquals(0.8, r.item(MustHave.INBOUND_SLA).figure().getAsDouble(), 1e-12);
    assertEquals(119.0 / 15, r.item(MustHave.FIRST_TOUCH_PROCESS).figure().getAsDouble(), 1e-9);
    assertEquals(0.8, r.item(MustHave.STRUCTURED_LOSSES).figure().getAsDouble(), 1e-12);
    assertEquals(1.0, r.item(MustHave.FOLLOW_UPS).figure().getAsDouble());
    assertEquals(0.0, r.item(MustHave.HAND_OFF_RULE).figure().getAsDouble());
    assertEquals("PASS >= 90.0%, WARN >= 70.0%", r.item(MustHave.INBOUND_SLA).threshold());
    assertEquals("80.0% (4/5 leads met the 15m limit)", r.item(MustHave.INBOUND_SLA).evidence());
    assertEquals("PASS <= 1.00x, WARN <= 4.00x", r.item(MustHave.FIRST_TOUCH_PROCESS).threshold());
    assertEquals(3, r.missing());
    assertEquals(
        "3 of 8 must-haves missing (2 warnings): marketing money is being lost whatever the"
            + " campaigns do",
        r.summary());
    assertTrue(r.toString().contains("one hand-off rule"), r.toString());
  }

  @Test
  void thresholdsAreConfigurable() {
    AuditReport r =
        Audit.of(log())
            .leads(leads())
            .touches(touches())
            .asOf(AS_OF)
            .threshold(MustHave.INBOUND_SLA, 0.8, 0.5)
            .threshold(MustHave.FIRST_TOUCH_PROCESS, 8, 10)
            .threshold(MustHave.FOLLOW_UPS, 0.5, 1)
            .report();
    assertEquals(Grade.PASS, r.item(MustHave.INBOUND_SLA).grade()); // 0.8 >= 0.8
    assertEquals(Grade.PASS, r.item(MustHave.FIRST_TOUCH_PROCESS).grade()); // 7.93 <= 8
    assertEquals(Grade.WARN, r.item(MustHave.FOLLOW_UPS).grade()); // 1.0 <= 1
    assertEquals(1, r.missing());
    assertEquals("1 of 8 must-haves missing (2 warnings)", r.summary());
  }

  @Test
  void missingInputsAreNotMeasurable() {
    AuditReport r = Audit.of(log()).asOf(AS_OF).report();
    for (MustHave m :
        List.of(MustHave.INBOUND_SLA, MustHave.FIRST_TOUCH_PROCESS, MustHave.FOLLOW_UPS)) {
      assertEquals(Grade.FAIL, r.item(m).grade());
      assertTrue(r.item(m).figure().isEmpty());
    }
    assertEquals(
        "not measurable: no leads and no touches", r.item(MustHave.INBOUND_SLA).evidence());
    assertEquals("not measurable: no touches", r.item(MustHave.FOLLOW_UPS).evidence());
    assertEquals("not measurable: no leads", r.item(MustHave.HAND_OFF_RULE).evidence());
    assertEquals(4, r.missing());
  }

  /**
   * Every deal starts in s1, mostly by the implicit entry, so s1's usage is not judged: with one
   * open stage nothing is (it graded 0/1 deals "entered it explicitly" as a FAIL before).
   */
  @Test
  void oneOpenStageLeavesNoStageToJudge() {
    Pipeline one = Pipeline.builder("p").open("new").won("won").lost("lost").build();
    DealLogBuilder b = DealLog.builder(one);
    b.deal(Deal.builder("D1", T0).build());
    b.deal(Deal.builder("D2", T0).build());
    b.change("D2", "new", T0);
    b.change("D2", "won", h(5));
    AuditItem item = Audit.of(b.build()).asOf(AS_OF).report().item(MustHave.REAL_STAGES);
    assertEquals(Grade.FAIL, item.grade());
    assertTrue(item.figure().isEmpty());
    assertEquals(
        "not measurable: the pipeline has one open stage, where every deal starts; no later stage"
            + " to judge",
        item.evidence());
  }

  @Test
  void defaultAsOfIsTheLatestEventEvenBefore1970() {
    // an empty deal log and one lead created 1969-12-31 23:00, touched 10 min later
    Instant created = Instant.parse("1969-12-31T23:00:00Z");
    AuditReport r =
        Audit.of(DealLog.builder(PIPELINE).build())
            .leads(List.of(Lead.of("X1", created, "ads")))
            .touches(List.of(Touch.of("X1", created.plusSeconds(600))))
            .report();
    assertEquals(created.plusSeconds(600), r.asOf());
    assertEquals(Instant.EPOCH, Audit.of(DealLog.builder(PIPELINE).build()).report().asOf());
  }

  static Stream<Arguments> badThresholds() {
    return Stream.of(
        Arguments.of(
            (Consumer<Audit>) a -> a.threshold(MustHave.INBOUND_SLA, 1.5, 0.5),
            IllegalArgumentException.class,
            "INBOUND_SLA threshold 1.5 is not a share in [0, 1]"),
        Arguments.of(
            (Consumer<Audit>) a -> a.threshold(MustHave.FIRST_TOUCH_PROCESS, -1, 2),
            IllegalArgumentException.class,
            "FIRST_TOUCH_PROCESS threshold -1.0 is not a finite ratio >= 0"),
        Arguments.of(
            (Consumer<Audit>) a -> a.threshold(MustHave.INBOUND_SLA, 0.5, 0.8),
            IllegalArgumentException.class,
            "INBOUND_SLA: warn threshold 0.8 is stricter than pass threshold 0.5 (need warn <= pass)"),
        Arguments.of(
            (Consumer<Audit>) a -> a.threshold(MustHave.FOLLOW_UPS, 0.3, 0.1),
            IllegalArgumentException.class,
            "FOLLOW_UPS: warn threshold 0.1 is stricter than pass threshold 0.3 (need warn >= pass)"),
        Arguments.of(
            (Consumer<Audit>)
                a ->
                    a.threshold(MustHave.FOLLOW_UPS, 0.1, 0.3)
                        .threshold(MustHave.FOLLOW_UPS, 0.1, 0.3),
            IllegalStateException.class,
            "FOLLOW_UPS thresholds were already set"),
        Arguments.of(
            (Consumer<Audit>) a -> a.responseLimit(java.time.Duration.ofSeconds(-1)),
            IllegalArgumentException.class,
            "response limit PT-1S is negative: it must be >= PT0S"));
  }

  /**
   * An SLA report given is graded as the audit's own would be (funnel report passes its SLA so that
   * touches are read once: scale review); one of another as-of or limit is refused.
   */
  @Test
  void anSlaReportGivenIsGradedAsItsOwn() {
    SlaReport sla = Sla.of(leads(), touches()).deals(log()).asOf(AS_OF).report();
    assertEquals(
        report(), Audit.of(log()).leads(leads()).touches(touches()).asOf(AS_OF).sla(sla).report());
    // touches alone: the follow-ups come from the SLA of no leads
    SlaReport followUps = Sla.of(List.of(), touches()).deals(log()).asOf(AS_OF).report();
    assertEquals(
        Audit.of(log()).touches(touches()).asOf(AS_OF).report(),
        Audit.of(log()).touches(touches()).asOf(AS_OF).sla(followUps).report());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Audit.of(log())
                    .leads(leads())
                    .touches(touches())
                    .asOf(AS_OF)
                    .responseLimit(java.time.Duration.ofMinutes(30))
                    .sla(sla)
                    .report());
    assertTrue(e.getMessage().startsWith("the SLA report given is as of " + AS_OF), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Audit.of(log()).sla(sla).sla(sla));
    // an SLA whose clock starts at hand-over is not the audit's (final review)
    SlaReport handOver =
        Sla.of(leads(), touches()).deals(log()).startAtHandOver().asOf(AS_OF).report();
    assertThrows(
        IllegalArgumentException.class,
        () -> Audit.of(log()).leads(leads()).touches(touches()).asOf(AS_OF).sla(handOver).report());
    // The report given is what is graded (its records cannot be checked): an SLA of no touches
    // grades no lead as answered, where the audit's own touches answered four of five.
    SlaReport untouched = Sla.of(leads(), List.of()).deals(log()).asOf(AS_OF).report();
    AuditReport graded =
        Audit.of(log()).leads(leads()).touches(touches()).asOf(AS_OF).sla(untouched).report();
    assertEquals(
        "0.0% (0/5 leads met the 15m limit)", graded.item(MustHave.INBOUND_SLA).evidence());
  }

  /**
   * A zero response limit is taken, as the SLA takes it (API review: the audit refused what it
   * passes on to the SLA): no lead answered after some time meets it, and the first-touch spread,
   * measured in the limit, is not measurable.
   */
  @Test
  void aZeroResponseLimitIsTakenAsTheSlaTakesIt() {
    AuditReport r =
        Audit.of(log())
            .leads(leads())
            .touches(touches())
            .responseLimit(java.time.Duration.ZERO)
            .asOf(AS_OF)
            .report();
    assertEquals("0.0% (0/5 leads met the 0s limit)", r.item(MustHave.INBOUND_SLA).evidence());
    assertEquals(
        "not measurable: the response limit is zero",
        r.item(MustHave.FIRST_TOUCH_PROCESS).evidence());
  }

  @ParameterizedTest
  @MethodSource("badThresholds")
  void badOptionsFailPrecisely(
      Consumer<Audit> call, Class<? extends RuntimeException> type, String message) {
    RuntimeException e = assertThrows(type, () -> call.accept(Audit.of(log())));
    assertEquals(message, e.getMessage());
  }
}
