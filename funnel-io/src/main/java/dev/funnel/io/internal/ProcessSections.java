package dev.funnel.io.internal;

import dev.funnel.audit.AuditItem;
import dev.funnel.audit.AuditReport;
import dev.funnel.hygiene.GroupHygiene;
import dev.funnel.hygiene.HygieneFlag;
import dev.funnel.hygiene.HygieneReport;
import dev.funnel.hygiene.StageHygiene;
import dev.funnel.losses.HandOffFigures;
import dev.funnel.losses.HandOffReport;
import dev.funnel.losses.LossGroup;
import dev.funnel.losses.LossReport;
import dev.funnel.losses.LossRow;
import dev.funnel.losses.ReasonCount;
import dev.funnel.model.Money;
import dev.funnel.people.Concentration;
import dev.funnel.people.OwnerComparison;
import dev.funnel.people.OwnerShare;
import dev.funnel.people.PeopleReport;
import dev.funnel.sla.Action;
import dev.funnel.sla.BucketFigures;
import dev.funnel.sla.LeadSla;
import dev.funnel.sla.RottingDeal;
import dev.funnel.sla.SlaGroup;
import dev.funnel.sla.SlaReport;
import dev.funnel.sla.StaleDeal;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.core.JsonGenerator;

/**
 * JSON sections of the process reports, written as values on a Jackson generator, for {@code
 * ProcessJson} and the report writer of {@code funnel report}. Field names follow FORMATS.md:
 * durations are ISO-8601 strings, money is {@code {amount, currency}}, a proportion is {@code
 * {successes, trials, rate, low, high}} (null figures with 0 trials), a distribution is {@code
 * {count, p50, p75, p90, mean}}. Each method writes one value; the caller writes its name.
 */
public final class ProcessSections {
  private ProcessSections() {}

  // ---- common values ----

  /** A duration as an ISO-8601 string, or null. */
  public static void duration(JsonGenerator g, Optional<Duration> d) {
    if (d.isPresent()) {
      g.writeString(iso(d.get()));
    } else {
      g.writeNull();
    }
  }

  /**
   * A duration as ISO-8601 with the sign in front, {@code "-PT2H30M"}, as ISO 8601's extension and
   * {@link Duration#parse} read it: {@link Duration#toString} signs each field instead ({@code
   * "PT-2H-30M"}), which no other reader takes.
   */
  public static String iso(Duration d) {
    return d.isNegative() && d.getSeconds() != Long.MIN_VALUE ? "-" + d.negated() : d.toString();
  }

  /** An instant as an ISO-8601 string, or null. */
  public static void instant(JsonGenerator g, Optional<Instant> t) {
    if (t.isPresent()) {
      g.writeString(t.get().toString());
    } else {
      g.writeNull();
    }
  }

  /** {@code {amount, currency}}, or null. */
  public static void money(JsonGenerator g, Optional<Money> m) {
    if (m.isEmpty()) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeNumberProperty("amount", m.get().amount());
    g.writeStringProperty("currency", m.get().currency().getCurrencyCode());
    g.writeEndObject();
  }

  /** A number, or null. */
  public static void number(JsonGenerator g, OptionalDouble v) {
    if (v.isPresent()) {
      g.writeNumber(v.getAsDouble());
    } else {
      g.writeNull();
    }
  }

  /** A string, or null. */
  public static void string(JsonGenerator g, Optional<String> s) {
    if (s.isPresent()) {
      g.writeString(s.get());
    } else {
      g.writeNull();
    }
  }

  /** {@code {successes, trials, rate, low, high}}; rate and bounds null with 0 trials. */
  public static void proportion(JsonGenerator g, Proportion p) {
    g.writeStartObject();
    g.writeNumberProperty("successes", p.successes());
    g.writeNumberProperty("trials", p.trials());
    g.writeName("rate");
    number(g, p.rate());
    g.writeName("low");
    number(g, p.low());
    g.writeName("high");
    number(g, p.high());
    g.writeEndObject();
  }

  /** {@code {count, p50, p75, p90, mean}}, durations as ISO-8601 strings or null. */
  public static void distribution(JsonGenerator g, Distribution d) {
    g.writeStartObject();
    g.writeNumberProperty("count", d.count());
    g.writeName("p50");
    duration(g, d.percentile(0.5));
    g.writeName("p75");
    duration(g, d.percentile(0.75));
    g.writeName("p90");
    duration(g, d.percentile(0.9));
    g.writeName("mean");
    duration(g, d.mean());
    g.writeEndObject();
  }

  // ---- hygiene ----

  /**
   * {@code {retroactive, burstChanges, skips, skippedStages, backwardMoves, ...}} with the
   * settings, shares, per stage, owner and actor details and the listed flags.
   */
  public static void hygiene(JsonGenerator g, HygieneReport r) {
    g.writeStartObject();
    g.writeNumberProperty("retroactive", r.retroactive());
    g.writeNumberProperty("burstChanges", r.burstChanges());
    g.writeNumberProperty("skips", r.skips());
    g.writeNumberProperty("skippedStages", r.skippedStages());
    g.writeNumberProperty("backwardMoves", r.backwardMoves());
    g.writeStringProperty("asOf", r.asOf().toString());
    g.writeNumberProperty("deals", r.deals());
    g.writeNumberProperty("dealsWithTransitions", r.dealsWithTransitions());
    g.writeNumberProperty("transitions", r.transitions());
    g.writeStringProperty("retroactiveTolerance", iso(r.retroactiveTolerance()));
    g.writeNumberProperty("burstMinChanges", r.burstMinChanges());
    g.writeStringProperty("burstWindow", iso(r.burstWindow()));
    g.writeName("retroactiveShare");
    proportion(g, r.retroactiveShare());
    g.writeName("burstShare");
    proportion(g, r.burstShare());
    g.writeName("stages");
    g.writeStartArray();
    for (StageHygiene s : r.stages()) {
      g.writeStartObject();
      g.writeStringProperty("stage", s.stage());
      g.writeStringProperty("kind", s.kind().name());
      g.writeNumberProperty("transitionsInto", s.transitionsInto());
      g.writeNumberProperty("retroactive", s.retroactive());
      g.writeNumberProperty("burstChanges", s.burstChanges());
      g.writeNumberProperty("skippedOver", s.skippedOver());
      g.writeName("usage");
      proportion(g, s.usage());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeName("owners");
    hygieneGroups(g, "owner", r.owners());
    g.writeName("actors");
    hygieneGroups(g, "actor", r.actors());
    g.writeName("flags");
    g.writeStartArray();
    for (HygieneFlag f : r.flags()) {
      g.writeStartObject();
      g.writeStringProperty("kind", f.kind().name());
      g.writeStringProperty("dealId", f.dealId());
      g.writeStringProperty("owner", f.owner());
      g.writeName("fromStage");
      string(g, f.fromStage());
      g.writeStringProperty("toStage", f.toStage());
      g.writeStringProperty("occurredAt", f.occurredAt().toString());
      g.writeStringProperty("recordedAt", f.recordedAt().toString());
      g.writeName("actor");
      string(g, f.actor());
      g.writeNumberProperty("stagesSkipped", f.stagesSkipped());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberProperty("flagsOmitted", r.flagsOmitted());
    g.writeEndObject();
  }

  private static void hygieneGroups(JsonGenerator g, String key, List<GroupHygiene> groups) {
    g.writeStartArray();
    for (GroupHygiene x : groups) {
      g.writeStartObject();
      g.writeStringProperty(key, x.key());
      g.writeNumberProperty("transitions", x.transitions());
      g.writeNumberProperty("retroactive", x.retroactive());
      g.writeNumberProperty("burstChanges", x.burstChanges());
      g.writeNumberProperty("skips", x.skips());
      g.writeNumberProperty("backwardMoves", x.backwardMoves());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  // ---- losses and hand-off ----

  /**
   * The FORMATS.md {@code losses} array, {@code [ { reason, count, share, amount } ]}, each row
   * also with {@code withoutAmount} (lost deals counted apart for want of an amount).
   */
  public static void losses(JsonGenerator g, LossReport r) {
    lossRows(g, "reason", r.reasons());
  }

  private static void lossRows(JsonGenerator g, String key, List<LossRow> rows) {
    g.writeStartArray();
    for (LossRow x : rows) {
      g.writeStartObject();
      g.writeStringProperty(key, x.key());
      g.writeNumberProperty("count", x.count());
      g.writeName("share");
      proportion(g, x.share());
      g.writeName("amount");
      money(g, x.amount());
      g.writeNumberProperty("withoutAmount", x.withoutAmount());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** The whole loss report: totals, every grouping and the crossed groups. */
  public static void lossReport(JsonGenerator g, LossReport r) {
    g.writeStartObject();
    g.writeStringProperty("asOf", r.asOf().toString());
    g.writeNumberProperty("lost", r.lost());
    g.writeName("amount");
    money(g, r.amount());
    g.writeNumberProperty("withoutAmount", r.withoutAmount());
    g.writeName("unspecifiedShare");
    proportion(g, r.unspecifiedShare());
    g.writeName("losses");
    losses(g, r);
    g.writeName("lostAt");
    lossRows(g, "stage", r.lostAt());
    g.writeName("channels");
    lossRows(g, "channel", r.channels());
    g.writeName("owners");
    lossRows(g, "owner", r.owners());
    g.writeName("groups");
    g.writeStartArray();
    for (LossGroup x : r.groups()) {
      g.writeStartObject();
      g.writeStringProperty("reason", x.reason());
      g.writeStringProperty("lostAt", x.lostAt());
      g.writeStringProperty("channel", x.channel());
      g.writeStringProperty("owner", x.owner());
      g.writeNumberProperty("count", x.count());
      g.writeName("amount");
      money(g, x.amount());
      g.writeNumberProperty("withoutAmount", x.withoutAmount());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The hand-off report: {@code {asOf, all, channels: [...]}}. */
  public static void handOff(JsonGenerator g, HandOffReport r) {
    g.writeStartObject();
    g.writeStringProperty("asOf", r.asOf().toString());
    g.writeName("all");
    handOffFigures(g, r.all());
    g.writeName("channels");
    g.writeStartArray();
    for (HandOffFigures f : r.channels()) {
      handOffFigures(g, f);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void handOffFigures(JsonGenerator g, HandOffFigures f) {
    g.writeStartObject();
    g.writeStringProperty("channel", f.channel());
    g.writeNumberProperty("leads", f.leads());
    g.writeNumberProperty("handedOver", f.handedOver());
    g.writeNumberProperty("accepted", f.accepted());
    g.writeNumberProperty("rejected", f.rejected());
    g.writeNumberProperty("pending", f.pending());
    g.writeName("acceptance");
    proportion(g, f.acceptance());
    g.writeName("timeToAccept");
    distribution(g, f.timeToAccept());
    g.writeName("rejectionReasons");
    g.writeStartArray();
    for (ReasonCount c : f.rejectionReasons()) {
      g.writeStartObject();
      g.writeStringProperty("reason", c.reason());
      g.writeNumberProperty("count", c.count());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  // ---- people ----

  /**
   * {@code {owners, top1Share, top20PercentShare, hhi, topOwners, wonRevenue, wonWithoutAmount,
   * shares: [{owner, wonRevenue, wonWithoutAmount, share}]}}.
   */
  public static void concentration(JsonGenerator g, Concentration c) {
    g.writeStartObject();
    g.writeNumberProperty("owners", c.owners());
    g.writeName("top1Share");
    number(g, c.top1Share());
    g.writeName("top20PercentShare");
    number(g, c.top20PercentShare());
    g.writeName("hhi");
    number(g, c.hhi());
    g.writeNumberProperty("topOwners", c.topOwners());
    g.writeName("wonRevenue");
    money(g, c.wonRevenue());
    g.writeNumberProperty("wonWithoutAmount", c.wonWithoutAmount());
    g.writeName("shares");
    g.writeStartArray();
    for (OwnerShare s : c.shares()) {
      g.writeStartObject();
      g.writeStringProperty("owner", s.owner());
      g.writeName("wonRevenue");
      money(g, s.wonRevenue());
      g.writeNumberProperty("wonWithoutAmount", s.wonWithoutAmount());
      g.writeName("share");
      number(g, s.share());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** {@code {asOf, concentration, owners: [ owner against the rest ]}}. */
  public static void people(JsonGenerator g, PeopleReport r) {
    g.writeStartObject();
    g.writeStringProperty("asOf", r.asOf().toString());
    g.writeName("concentration");
    concentration(g, r.concentration());
    g.writeName("owners");
    g.writeStartArray();
    for (OwnerComparison o : r.owners()) {
      g.writeStartObject();
      g.writeStringProperty("owner", o.owner());
      g.writeNumberProperty("deals", o.deals());
      g.writeName("winRate");
      proportion(g, o.winRate());
      g.writeName("restWinRate");
      proportion(g, o.restWinRate());
      g.writeName("winRateZ");
      number(g, o.winRateZ());
      g.writeBooleanProperty("winRateDiffers", o.winRateDiffers());
      g.writeName("wonCycleTime");
      distribution(g, o.wonCycleTime());
      g.writeName("restWonCycleTime");
      distribution(g, o.restWonCycleTime());
      g.writeName("cycleTimeZ");
      number(g, o.cycleTimeZ());
      g.writeBooleanProperty("cycleTimeDiffers", o.cycleTimeDiffers());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  // ---- SLA ----

  /**
   * {@code {met, breached, atRisk, compliance, responseTime, ...}} with the settings, per owner and
   * channel groups, the cost of slowness, counts of stale and rotting deals, the act-now list and
   * every measured lead.
   */
  public static void sla(JsonGenerator g, SlaReport r) {
    g.writeStartObject();
    g.writeNumberProperty("met", r.met());
    g.writeNumberProperty("breached", r.breached());
    g.writeNumberProperty("atRisk", r.atRisk());
    g.writeName("compliance");
    proportion(g, r.compliance());
    g.writeName("responseTime");
    distribution(g, r.responseTime());
    g.writeStringProperty("asOf", r.asOf().toString());
    g.writeStringProperty("responseLimit", iso(r.responseLimit()));
    g.writeStringProperty("start", r.start().name());
    g.writeBooleanProperty("businessTime", r.businessTime());
    g.writeName("owners");
    slaGroups(g, "owner", r.owners());
    g.writeName("channels");
    slaGroups(g, "channel", r.channels());
    g.writeName("costOfSlowness");
    g.writeStartArray();
    for (BucketFigures b : r.costOfSlowness()) {
      g.writeStartObject();
      g.writeStringProperty("bucket", b.bucket().name());
      g.writeNumberProperty("leads", b.leads());
      g.writeName("leadToDeal");
      proportion(g, b.leadToDeal());
      g.writeName("winRate");
      proportion(g, b.winRate());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringProperty("followUpLimit", iso(r.followUpLimit()));
    g.writeNumberProperty("openDeals", r.openDeals());
    g.writeName("rottingDeals");
    g.writeStartArray();
    for (RottingDeal d : r.rottingDeals()) {
      g.writeStartObject();
      g.writeStringProperty("dealId", d.dealId());
      g.writeStringProperty("owner", d.owner());
      g.writeStringProperty("stage", d.stage());
      g.writeStringProperty("enteredAt", d.enteredAt().toString());
      g.writeStringProperty("age", iso(d.age()));
      g.writeStringProperty("limit", iso(d.limit()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeName("actNow");
    g.writeStartArray();
    for (Action a : r.actNow()) {
      g.writeStartObject();
      g.writeStringProperty("kind", a.kind().name());
      g.writeStringProperty("subjectId", a.subjectId());
      g.writeStringProperty("owner", a.owner());
      g.writeStringProperty("timeLeft", iso(a.timeLeft()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeName("leads");
    g.writeStartArray();
    for (LeadSla l : r.leads()) {
      g.writeStartObject();
      g.writeStringProperty("leadId", l.leadId());
      g.writeStringProperty("channel", l.channel());
      g.writeStringProperty("owner", l.owner());
      g.writeStringProperty("clockStart", l.clockStart().toString());
      g.writeName("firstTouch");
      instant(g, l.firstTouch());
      g.writeName("responseTime");
      duration(g, l.responseTime());
      g.writeStringProperty("status", l.status().name());
      g.writeName("timeLeft");
      duration(g, l.timeLeft());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void slaGroups(JsonGenerator g, String key, List<SlaGroup> groups) {
    g.writeStartArray();
    for (SlaGroup x : groups) {
      g.writeStartObject();
      g.writeStringProperty(key, x.key());
      g.writeNumberProperty("met", x.met());
      g.writeNumberProperty("breached", x.breached());
      g.writeNumberProperty("atRisk", x.atRisk());
      g.writeName("compliance");
      proportion(g, x.compliance());
      g.writeName("responseTime");
      distribution(g, x.responseTime());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** The FORMATS.md {@code staleDeals} array, most overdue first. */
  public static void staleDeals(JsonGenerator g, SlaReport r) {
    g.writeStartArray();
    for (StaleDeal d : r.staleDeals()) {
      g.writeStartObject();
      g.writeStringProperty("dealId", d.dealId());
      g.writeStringProperty("owner", d.owner());
      g.writeStringProperty("stage", d.stage());
      g.writeName("lastTouch");
      instant(g, d.lastTouch());
      g.writeStringProperty("clockStart", d.clockStart().toString());
      g.writeStringProperty("idle", iso(d.idle()));
      g.writeStringProperty("overdue", iso(d.overdue()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  // ---- audit ----

  /**
   * {@code {asOf, missing, summary, items: [ {mustHave, label, grade, figure, evidence, threshold}
   * ]}}.
   */
  public static void audit(JsonGenerator g, AuditReport r) {
    g.writeStartObject();
    g.writeStringProperty("asOf", r.asOf().toString());
    g.writeNumberProperty("missing", r.missing());
    g.writeStringProperty("summary", r.summary());
    g.writeName("items");
    g.writeStartArray();
    for (AuditItem i : r.items()) {
      g.writeStartObject();
      g.writeStringProperty("mustHave", i.mustHave().name());
      g.writeStringProperty("label", i.mustHave().label());
      g.writeStringProperty("grade", i.grade().name());
      g.writeName("figure");
      number(g, i.figure());
      g.writeStringProperty("evidence", i.evidence());
      g.writeStringProperty("threshold", i.threshold());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
