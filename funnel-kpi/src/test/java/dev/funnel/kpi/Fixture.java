package dev.funnel.kpi;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-planned quarter (all EUR, UTC), checked on paper in the tests.
 *
 * <pre>
 * channel ads (spend): Jan             Feb              Mar
 *   spend              600+400=1000    1000             1200
 *   leads              10 (L1-L10)     10 (L11-L20)     15 (L21-L35)
 *   deals created      A1 A2 A3        A4 A5 A6         A7 A8 A9 A10
 *   won (amount)       A1 A2 (1000)    A4 A5 (1000)     A7 A8 A9 (1100)
 *   lost               A3 (after qual) A6 (from new)    A10 (after proposal)
 *   impressions        10000           20000            24000
 *   clicks             200             300              360
 * channel seo (no spend):
 *   leads              N1 N2           N3 N4            N5 N6
 *   deals              S1 won 500      S2 open          -
 *   posts              4               8                8
 * </pre>
 *
 * February is planted vanity (ads activity up, outcomes flat; seo posts up, nothing else); March is
 * planted real growth (ads won deals and revenue up).
 */
final class Fixture {
  private Fixture() {}

  static final Instant AS_OF = Instant.parse("2026-03-31T23:59:59Z");

  static Pipeline pipeline() {
    return Pipeline.builder("b2b")
        .open("new")
        .open("qualified")
        .open("proposal")
        .won("won")
        .lost("lost")
        .build();
  }

  static Instant t(String date) {
    return Instant.parse(date + "T10:00:00Z");
  }

  static void deal(
      DealLogBuilder b,
      String id,
      String created,
      String channel,
      String lead,
      String amount,
      String... changes) {
    Deal.Builder d = Deal.builder(id, t(created)).channel(channel).owner("ann");
    if (lead != null) {
      d.leadId(lead);
    }
    if (amount != null) {
      d.amount(amount, "EUR");
    }
    b.deal(d.build());
    for (int i = 0; i < changes.length; i += 2) {
      b.change(id, changes[i], t(changes[i + 1]));
    }
  }

  static DealLog log() {
    DealLogBuilder b = DealLog.builder(pipeline());
    deal(
        b,
        "A1",
        "2026-01-05",
        "ads",
        "L1",
        "1000.00",
        "qualified",
        "2026-01-08",
        "won",
        "2026-01-20");
    deal(b, "A2", "2026-01-06", "ads", "L2", "1000.00", "won", "2026-01-25");
    deal(
        b,
        "A3",
        "2026-01-07",
        "ads",
        "L3",
        "900.00",
        "qualified",
        "2026-01-10",
        "lost",
        "2026-01-28");
    deal(b, "S1", "2026-01-10", "seo", null, "500.00", "won", "2026-01-30");
    deal(b, "A4", "2026-02-03", "ads", "L11", "1000.00", "won", "2026-02-20");
    deal(
        b,
        "A5",
        "2026-02-04",
        "ads",
        "L12",
        "1000.00",
        "proposal",
        "2026-02-10",
        "won",
        "2026-02-21");
    deal(b, "A6", "2026-02-05", "ads", "L13", null, "lost", "2026-02-25");
    deal(b, "S2", "2026-02-10", "seo", null, null, "qualified", "2026-02-12");
    deal(b, "A7", "2026-03-02", "ads", "L21", "1100.00", "won", "2026-03-10");
    deal(b, "A8", "2026-03-03", "ads", "L22", "1100.00", "won", "2026-03-11");
    deal(b, "A9", "2026-03-04", "ads", "L23", "1100.00", "won", "2026-03-12");
    deal(
        b,
        "A10",
        "2026-03-05",
        "ads",
        "L24",
        "1100.00",
        "qualified",
        "2026-03-06",
        "proposal",
        "2026-03-07",
        "lost",
        "2026-03-20");
    return b.build();
  }

  static List<Lead> leads() {
    List<Lead> out = new ArrayList<>();
    for (int i = 1; i <= 35; i++) {
      String date = i <= 10 ? "2026-01-02" : i <= 20 ? "2026-02-02" : "2026-03-01";
      out.add(Lead.of("L" + i, t(date), "ads"));
    }
    String[] seo = {
      "2026-01-03", "2026-01-04", "2026-02-03", "2026-02-04", "2026-03-03", "2026-03-04"
    };
    for (int i = 0; i < seo.length; i++) {
      out.add(Lead.of("N" + (i + 1), t(seo[i]), "seo"));
    }
    return out;
  }

  static SpendSample spend(String date, String channel, String amount, String currency) {
    return new SpendSample(LocalDate.parse(date), channel, Money.of(amount, currency));
  }

  static List<SpendSample> spend() {
    return List.of(
        spend("2026-01-02", "ads", "600.00", "EUR"),
        spend("2026-01-15", "ads", "400.00", "EUR"),
        spend("2026-02-01", "ads", "1000.00", "EUR"),
        spend("2026-03-01", "ads", "1200.00", "EUR"));
  }

  static ActivitySample activity(String date, String channel, String metric, double value) {
    return new ActivitySample(LocalDate.parse(date), channel, metric, value);
  }

  static List<ActivitySample> activity() {
    return List.of(
        activity("2026-01-10", "ads", "impressions", 6000),
        activity("2026-01-20", "ads", "impressions", 4000),
        activity("2026-01-10", "ads", "clicks", 200),
        activity("2026-02-10", "ads", "impressions", 20000),
        activity("2026-02-10", "ads", "clicks", 300),
        activity("2026-03-10", "ads", "impressions", 24000),
        activity("2026-03-10", "ads", "clicks", 360),
        activity("2026-01-05", "seo", "posts", 4),
        activity("2026-02-05", "seo", "posts", 8),
        activity("2026-03-05", "seo", "posts", 8));
  }

  static Kpis query() {
    return Kpis.of(log()).leads(leads()).spend(spend()).activity(activity()).asOf(AS_OF);
  }
}
