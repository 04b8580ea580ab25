package dev.funnel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.model.ActivitySample;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Stage;
import dev.funnel.model.Touch;
import dev.funnel.sequence.Event;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each realism feature of the default sample, counted from the records alone by the rules of
 * METRICS.md. Thresholds are well below the rates SampleData documents, so a count proves the
 * feature is present, not its exact rate.
 */
final class RealismTest {
  private static final SampleSpec SPEC = SampleSpec.defaults();
  private static RecordingSink sink;
  private static List<DealFacts> facts;
  private static Instant end;

  @BeforeAll
  static void generate() {
    sink = RecordingSink.of(SPEC);
    facts = DealFacts.of(sink);
    end = SPEC.end();
  }

  private static long count(Predicate<DealFacts> p) {
    return facts.stream().filter(p).count();
  }

  private static void atLeast(long expected, long actual, String what) {
    System.out.println(what + ": " + actual);
    assertTrue(actual >= expected, what + ": " + actual + " < " + expected);
  }

  @Test
  void ownersDifferInSkillAndTwoStrongOnesCarryMuchOfTheRevenue() {
    Map<String, long[]> closed = new HashMap<>(); // owner -> won, lost
    Map<String, BigDecimal> revenue = new HashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (DealFacts f : facts) {
      String owner = f.deal.owner().orElseThrow();
      long[] wl = closed.computeIfAbsent(owner, o -> new long[2]);
      if (f.won()) {
        wl[0]++;
        BigDecimal a = f.deal.amount().map(m -> m.amount()).orElse(BigDecimal.ZERO);
        revenue.merge(owner, a, BigDecimal::add);
        total = total.add(a);
      } else if (f.lost()) {
        wl[1]++;
      }
    }
    double best = 0;
    double worst = 1;
    for (long[] wl : closed.values()) {
      if (wl[0] + wl[1] >= 30) {
        double rate = wl[0] / (double) (wl[0] + wl[1]);
        best = Math.max(best, rate);
        worst = Math.min(worst, rate);
      }
    }
    System.out.println("win rates: best " + best + " worst " + worst);
    assertTrue(best >= 2.5 * worst, "best win rate " + best + " vs worst " + worst);
    List<BigDecimal> top =
        revenue.values().stream().sorted(Comparator.reverseOrder()).limit(2).toList();
    double share = top.get(0).add(top.get(1)).doubleValue() / total.doubleValue();
    System.out.println("top-2 revenue share " + share);
    assertTrue(share >= 0.35, "top-2 owners' share of won revenue " + share);
  }

  @Test
  void changesAreBackDatedBurstySkippingAndBackward() {
    atLeast(60, facts.stream().mapToLong(f -> f.retroactive).sum(), "back-dated changes");
    atLeast(40, count(f -> f.burst), "deals with a burst");
    atLeast(60, facts.stream().mapToLong(f -> f.skips).sum(), "skips");
    atLeast(20, facts.stream().mapToLong(f -> f.backwardMoves).sum(), "backward moves");
    atLeast(30, facts.stream().mapToLong(f -> f.noOps).sum(), "no-op changes");
    atLeast(60, count(f -> f.createdInLaterStage), "deals created in a later stage");
    atLeast(100, count(f -> f.implicitEntry), "implicit entries");
  }

  @Test
  void someLostDealsAreReopenedAndSomeOfThemWon() {
    atLeast(15, count(f -> f.reopened), "reopened deals");
    atLeast(2, count(f -> f.reopened && f.won()), "reopened deals then won");
  }

  @Test
  void amountsAndLossReasonsAreSometimesMissingButMostlyStructured() {
    atLeast(60, count(f -> f.deal.amount().isEmpty()), "deals without an amount");
    long lost = count(DealFacts::lost);
    long withReason = count(f -> f.lost() && f.deal.lossReason().isPresent());
    atLeast(20, lost - withReason, "lost deals without a reason");
    assertTrue(withReason >= 0.8 * lost, withReason + " of " + lost + " lost deals name a reason");
    Set<String> reasons =
        facts.stream()
            .flatMap(f -> f.deal.lossReason().stream())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("competitor", "no_budget", "no_response", "price", "timing"), reasons);
    assertEquals(
        0, count(f -> !f.lost() && f.deal.lossReason().isPresent()), "reasons on non-lost");
  }

  @Test
  void someDealsAreStillOpenAndSomeOpenDealsAreStale() {
    long open = count(DealFacts::open);
    atLeast(120, open, "open deals at the end");
    Map<String, Instant> lastTouch = new HashMap<>();
    for (Touch t : sink.touches) {
      lastTouch.merge(t.subjectId(), t.at(), (a, b) -> a.isAfter(b) ? a : b);
    }
    long stale =
        count(
            f -> {
              Instant last = lastTouch.getOrDefault(f.deal.id(), f.deal.createdAt());
              return f.open() && Duration.between(last, end).compareTo(Duration.ofDays(14)) > 0;
            });
    atLeast(40, stale, "stale open deals (no touch for 14 days)");
    assertTrue(stale < open / 2, "most open deals are followed up: " + stale + " of " + open);
  }

  @Test
  void declaredProbabilitiesAreOptimistic() {
    List<Stage> open = sink.pipelines.get(0).openStages();
    String failures = "";
    for (int k = 1; k <= open.size(); k++) {
      int rank = k;
      long reached = count(f -> !f.open() && f.maxRankReached >= rank);
      long won = count(f -> f.won() && f.maxRankReached >= rank);
      double actual = won / (double) reached;
      double declared = open.get(k - 1).declaredProbability().orElseThrow();
      System.out.println(open.get(k - 1).id() + ": declared " + declared + " actual " + actual);
      failures += actual < declared ? "" : open.get(k - 1).id() + ": " + actual + " vs " + declared;
    }
    assertEquals("", failures);
  }

  @Test
  void leadsArriveAfterHoursAndAreAnsweredInMinutesToDaysOrNever() {
    SampleCalendar calendar = sink.calendars.get(0);
    ZoneId zone = calendar.zone();
    long afterHours = 0;
    long weekend = 0;
    for (Lead lead : sink.leads) {
      ZonedDateTime local = lead.createdAt().atZone(zone);
      DayOfWeek dow = local.getDayOfWeek();
      LocalTime time = local.toLocalTime();
      boolean working =
          dow.getValue() <= 4
              ? !time.isBefore(LocalTime.of(9, 0)) && time.isBefore(LocalTime.of(18, 0))
              : dow == DayOfWeek.FRIDAY
                  && !time.isBefore(LocalTime.of(9, 0))
                  && time.isBefore(LocalTime.of(17, 0))
                  && !(time.getHour() == 13);
      if (!working || calendar.holidays().contains(local.toLocalDate())) {
        afterHours++;
      }
      if (dow.getValue() >= 6) {
        weekend++;
      }
    }
    long leads = sink.leads.size();
    atLeast(leads / 6, afterHours, "leads arriving outside working hours");
    atLeast(leads / 20, weekend, "leads arriving on weekends");
    Map<String, Instant> first = new HashMap<>();
    for (Touch t : sink.touches) {
      first.merge(t.subjectId(), t.at(), (a, b) -> a.isBefore(b) ? a : b);
    }
    long untouched = 0;
    long withinHour = 0;
    long overDay = 0;
    for (Lead lead : sink.leads) {
      Instant f = first.get(lead.id());
      if (f == null) {
        untouched++;
        continue;
      }
      assertTrue(!f.isBefore(lead.createdAt()), lead.id() + " touched before it arrived");
      Duration response = Duration.between(lead.createdAt(), f);
      if (response.compareTo(Duration.ofHours(1)) <= 0) {
        withinHour++;
      }
      if (response.compareTo(Duration.ofDays(1)) > 0) {
        overDay++;
      }
    }
    atLeast(leads / 30, untouched, "leads never touched");
    atLeast(leads / 8, withinHour, "leads answered within an hour");
    atLeast(leads / 20, overDay, "leads answered after more than a day");
  }

  @Test
  void dealsComeFromLeadsThatArrivedBefore() {
    Map<String, Lead> leads = new HashMap<>();
    for (Lead lead : sink.leads) {
      assertTrue(leads.put(lead.id(), lead) == null, "lead id " + lead.id() + " repeats");
    }
    long fromLeads = 0;
    for (Deal d : sink.deals) {
      if (d.leadId().isPresent()) {
        fromLeads++;
        Lead lead = leads.get(d.leadId().get());
        assertTrue(lead != null, d.id() + " names unknown lead " + d.leadId().get());
        assertTrue(lead.createdAt().isBefore(d.createdAt()), d.id() + " before its lead");
        assertEquals(d.channel(), lead.channel(), d.id() + " channel");
      }
    }
    atLeast(sink.deals.size() / 3, fromLeads, "deals from leads");
    assertTrue(fromLeads < sink.deals.size() * 0.8, "some deals come without a lead");
  }

  @Test
  void eventsTellEachLeadsJourneyWithGaps() {
    Set<String> leadIds = sink.leads.stream().map(Lead::id).collect(Collectors.toSet());
    Map<String, Long> byName = new TreeMap<>();
    Map<String, Map<String, Instant>> firstOf = new HashMap<>();
    for (Event e : sink.events) {
      assertTrue(leadIds.contains(e.entityId()), "event of unknown lead " + e.entityId());
      byName.merge(e.name(), 1L, Long::sum);
      firstOf
          .computeIfAbsent(e.entityId(), k -> new HashMap<>())
          .merge(e.name(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
    }
    System.out.println("events: " + byName);
    assertEquals(Set.of("visit", "signup", "demo_request", "demo", "purchase"), byName.keySet());
    atLeast(20, byName.get("purchase"), "purchases");
    long visitLongBefore =
        firstOf.values().stream()
            .filter(m -> m.containsKey("visit") && m.containsKey("signup"))
            .filter(m -> Duration.between(m.get("visit"), m.get("signup")).toHours() >= 24)
            .count();
    atLeast(100, visitLongBefore, "leads whose first visit was a day or more before signup");
  }

  @Test
  void theVanityChannelSoarsInReachWhileItsOutcomesStayFlat() {
    RecordingSink big = RecordingSink.of(SPEC.withDeals(20_000));
    String vanity = SPEC.vanityChannel();
    assertEquals("social", vanity);
    Instant start = SPEC.start();
    Instant m3 = monthsAfter(start, 3);
    Instant m6 = monthsAfter(start, 6);
    Instant m9 = monthsAfter(start, 9);
    double firstClicks = activity(big, vanity, "clicks", start, start.plus(30, ChronoUnit.DAYS));
    double lastClicks = activity(big, vanity, "clicks", end.minus(30, ChronoUnit.DAYS), end);
    System.out.println("social clicks first/last 30 days: " + firstClicks + " / " + lastClicks);
    assertTrue(lastClicks >= 1.5 * firstClicks, "clicks " + firstClicks + " -> " + lastClicks);
    long leadsFirst =
        big.leads.stream()
            .filter(l -> in(l.createdAt(), start, m3) && is(l.channel().orElse(""), vanity))
            .count();
    long leadsLast =
        big.leads.stream()
            .filter(l -> in(l.createdAt(), m9, end) && is(l.channel().orElse(""), vanity))
            .count();
    System.out.println("social leads first/last quarter: " + leadsFirst + " / " + leadsLast);
    assertTrue(leadsLast <= 1.05 * leadsFirst, "leads " + leadsFirst + " -> " + leadsLast);
    List<DealFacts> bigFacts = DealFacts.of(big);
    long wonMid =
        bigFacts.stream()
            .filter(
                f -> f.won() && is(f.deal.channel().orElse(""), vanity) && in(f.closedAt, m3, m6))
            .count();
    long wonLast =
        bigFacts.stream()
            .filter(
                f -> f.won() && is(f.deal.channel().orElse(""), vanity) && in(f.closedAt, m9, end))
            .count();
    long otherMid =
        bigFacts.stream()
            .filter(
                f -> f.won() && !is(f.deal.channel().orElse(""), vanity) && in(f.closedAt, m3, m6))
            .count();
    long otherLast =
        bigFacts.stream()
            .filter(
                f -> f.won() && !is(f.deal.channel().orElse(""), vanity) && in(f.closedAt, m9, end))
            .count();
    System.out.println(
        "social won Q2/Q4: "
            + wonMid
            + " / "
            + wonLast
            + " others "
            + otherMid
            + " / "
            + otherLast);
    assertTrue(wonLast <= wonMid, "won " + wonMid + " -> " + wonLast);
  }

  private static boolean is(String a, String b) {
    return a.equals(b);
  }

  private static boolean in(Instant t, Instant from, Instant to) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  private static Instant monthsAfter(Instant start, int months) {
    return start.atZone(java.time.ZoneOffset.UTC).plusMonths(months).toInstant();
  }

  private static double activity(
      RecordingSink s, String channel, String metric, Instant from, Instant to) {
    double sum = 0;
    for (ActivitySample a : s.activity) {
      Instant day = a.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      if (a.channel().equals(channel) && a.metric().equals(metric) && in(day, from, to)) {
        sum += a.value();
      }
    }
    return sum;
  }
}
