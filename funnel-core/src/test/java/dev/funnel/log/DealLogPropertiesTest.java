package dev.funnel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;
import dev.funnel.model.StageChange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of {@link DealLogBuilder} against an independent model of its rules (METRICS.md "Pipeline
 * and deals"): which records are accepted, the exact rejections in order, the accounting, the order
 * of deals and changes (by the full instants) and the round trip of every field, to the second.
 */
final class DealLogPropertiesTest {
  static final Pipeline B2B = DealLogBuilderTest.B2B;
  static final Instant BASE = Instant.parse("2026-03-02T09:00:00Z");
  static final String KNOWN = DealLogBuilderTest.KNOWN;

  /** An input record: a deal or a stage change. */
  sealed interface Rec permits DealRec, ChangeRec {}

  record DealRec(Deal deal) implements Rec {}

  record ChangeRec(StageChange change) implements Rec {}

  // ---------------------------------------------------------------- generators

  /** Few distinct seconds and sub-second parts, so that ties (after truncation) are common. */
  static Arbitrary<Instant> instants(int fromSecond, int toSecond) {
    return Combinators.combine(
            Arbitraries.integers().between(fromSecond, toSecond),
            Arbitraries.of(0, 400_000_000, 999_999_999))
        .as((s, n) -> BASE.plusSeconds(s).plusNanos(n));
  }

  static Arbitrary<Optional<Money>> amounts(boolean twoCurrencies) {
    Arbitrary<Optional<Money>> eur =
        Arbitraries.longs().between(0, 1_000_000).map(c -> Optional.of(Money.ofMinor(c, EUR)));
    Arbitrary<Optional<Money>> usd =
        Arbitraries.longs().between(0, 1_000).map(c -> Optional.of(Money.ofMinor(c, USD)));
    return twoCurrencies
        ? Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(Optional.empty())), Tuple.of(4, eur), Tuple.of(1, usd))
        : Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(Optional.empty())), Tuple.of(1, eur));
  }

  static Arbitrary<Deal> deals(Arbitrary<String> ids, boolean twoCurrencies) {
    return Combinators.combine(
            ids,
            instants(0, 6),
            Arbitraries.of("ann", "bob").optional(),
            Arbitraries.of("ads", "seo").optional(),
            amounts(twoCurrencies),
            Arbitraries.of("price", "timing").optional(),
            Arbitraries.of("L1", "L2").optional(),
            Arbitraries.maps(Arbitraries.of("segment", "region", "tier"), Arbitraries.of("a", "b"))
                .ofMaxSize(3))
        .as(
            (id, created, owner, channel, amount, reason, lead, attributes) ->
                new Deal(id, created, owner, channel, amount, reason, lead, attributes));
  }

  static Arbitrary<StageChange> changes(Arbitrary<String> ids, Arbitrary<String> stages) {
    return Combinators.combine(
            ids,
            stages,
            instants(-2, 10),
            Arbitraries.of(0L, 0L, 500_000_000L, 3_600_000_000_000L),
            Arbitraries.of("ann", "bob").optional())
        .as(
            (id, stage, occurred, lagNanos, actor) ->
                new StageChange(id, stage, occurred, occurred.plusNanos(lagNanos), actor));
  }

  static final List<String> STAGE_IDS = B2B.stages().stream().map(Stage::id).toList();

  /** Any mix of good and bad records: duplicate ids, unknown deals and stages, early changes. */
  @Provide
  Arbitrary<List<Rec>> mixedRecords() {
    Arbitrary<String> ids = Arbitraries.of("D0", "D1", "D2", "D3", "D4");
    Arbitrary<String> stages =
        Arbitraries.frequencyOf(
            Tuple.of(12, Arbitraries.of(STAGE_IDS)), Tuple.of(1, Arbitraries.just("demo")));
    Arbitrary<Rec> deal = deals(ids, true).map(DealRec::new);
    Arbitrary<Rec> change = changes(ids, stages).map(ChangeRec::new);
    return Arbitraries.frequencyOf(Tuple.of(2, deal), Tuple.of(3, change)).list().ofMaxSize(25);
  }

  /**
   * Only good records: unique ids, one currency, known stages, each change at or after its deal's
   * creation; deals and changes interleaved in any order.
   */
  @Provide
  Arbitrary<List<Rec>> goodRecords() {
    return Arbitraries.integers()
        .between(0, 6)
        .flatMap(
            n -> {
              if (n == 0) {
                return Arbitraries.just(List.<Rec>of());
              }
              List<Arbitrary<Deal>> ds = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                ds.add(deals(Arbitraries.just("D" + i), false));
              }
              Arbitrary<List<Deal>> dealList = Combinators.combine(ds).as(List::copyOf);
              return dealList.flatMap(
                  list -> {
                    Arbitrary<StageChange> change =
                        Combinators.combine(
                                Arbitraries.integers().between(0, n - 1),
                                Arbitraries.of(STAGE_IDS),
                                Arbitraries.integers().between(0, 3),
                                Arbitraries.of(0, 300_000_000, 999_999_999),
                                Arbitraries.of(0L, 1_500_000_000L),
                                Arbitraries.of("ann", "bob").optional())
                            .as(
                                (d, stage, seconds, nanos, lag, actor) -> {
                                  Instant at =
                                      list.get(d).createdAt().plusSeconds(seconds).plusNanos(nanos);
                                  return new StageChange(
                                      "D" + d, stage, at, at.plusNanos(lag), actor);
                                });
                    Arbitrary<List<Rec>> changeList =
                        change.<Rec>map(ChangeRec::new).list().ofMaxSize(15);
                    return changeList.flatMap(
                        cs -> {
                          List<Rec> all = new ArrayList<>();
                          list.forEach(d -> all.add(new DealRec(d)));
                          all.addAll(cs);
                          // deals and changes in any order: a change may precede its deal
                          return Arbitraries.shuffle(all);
                        });
                  });
            });
  }

  // ---------------------------------------------------------------- the model

  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency USD = Currency.getInstance("USD");

  static Instant seconds(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * What the log must hold, computed independently of the builder: the rejections in input order
   * (by source as first added, then line), and the first problem strict mode meets (record-local
   * problems as records arrive, relations at build).
   */
  record Expected(
      List<Deal> deals,
      List<List<StageChange>> changes,
      List<Rejection> rejections,
      Optional<Rejection> firstProblem,
      Optional<Currency> currency) {}

  static Expected expect(List<Rec> records) {
    Map<String, Deal> accepted = new LinkedHashMap<>();
    Set<String> rejectedIds = new HashSet<>();
    Currency currency = null;
    int currencyLine = 0;
    List<Rejection> local = new ArrayList<>();
    List<Rejection> relations = new ArrayList<>();
    List<StageChange> pending = new ArrayList<>();
    List<Integer> pendingLines = new ArrayList<>();
    int dealLine = 0;
    int changeLine = 0;
    for (Rec r : records) {
      if (r instanceof DealRec dr) {
        Deal d = dr.deal();
        dealLine++;
        if (accepted.containsKey(d.id())) {
          local.add(new Rejection("deals", dealLine, "deal_id", d.id(), "deal id is used twice"));
          continue;
        }
        if (d.amount().isPresent()) {
          Currency c = d.amount().get().currency();
          if (currency == null) {
            currency = c;
            currencyLine = dealLine;
          } else if (!currency.equals(c)) {
            rejectedIds.add(d.id());
            String a = currency.getCurrencyCode();
            String b = c.getCurrencyCode();
            local.add(
                new Rejection(
                    "deals",
                    dealLine,
                    "currency",
                    b,
                    "the log's amounts are in "
                        + a
                        + " (since deals:"
                        + currencyLine
                        + "); one log never mixes "
                        + a
                        + " and "
                        + b));
            continue;
          }
        }
        rejectedIds.remove(d.id());
        accepted.put(d.id(), d);
      } else {
        StageChange c = ((ChangeRec) r).change();
        changeLine++;
        if (!STAGE_IDS.contains(c.toStage())) {
          local.add(
              new Rejection(
                  "stage changes",
                  changeLine,
                  "to_stage",
                  c.toStage(),
                  "stage \"" + c.toStage() + "\" is not in pipeline \"b2b\" " + KNOWN));
        } else {
          pending.add(c);
          pendingLines.add(changeLine);
        }
      }
    }
    List<StageChange> acceptedChanges = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      StageChange c = pending.get(i);
      int line = pendingLines.get(i);
      Deal d = accepted.get(c.dealId());
      if (d == null) {
        relations.add(
            new Rejection(
                "stage changes",
                line,
                "deal_id",
                c.dealId(),
                rejectedIds.contains(c.dealId())
                    ? "its deal was rejected"
                    : "no deal with this id (a change needs its deal)"));
      } else if (seconds(c.occurredAt()).isBefore(seconds(d.createdAt()))) {
        relations.add(
            new Rejection(
                "stage changes",
                line,
                "occurred_at",
                c.occurredAt().toString(),
                "before the deal's created_at " + d.createdAt()));
      } else {
        acceptedChanges.add(c);
      }
    }
    // Ordered by the full instants, then held to the second; deals created at the same instant by
    // id. List.sort is stable: changes at the same instant keep input order.
    List<Deal> deals = new ArrayList<>(accepted.values());
    deals.sort(Comparator.comparing(Deal::createdAt).thenComparing(Deal::id));
    List<List<StageChange>> changes = new ArrayList<>();
    for (Deal d : deals) {
      List<StageChange> own =
          acceptedChanges.stream()
              .filter(c -> c.dealId().equals(d.id()))
              .collect(Collectors.toCollection(ArrayList::new));
      own.sort(Comparator.comparing(StageChange::occurredAt));
      changes.add(
          own.stream()
              .map(
                  c ->
                      new StageChange(
                          c.dealId(),
                          c.toStage(),
                          seconds(c.occurredAt()),
                          seconds(c.recordedAt()),
                          c.actor()))
              .toList());
    }
    deals =
        deals.stream()
            .map(
                d ->
                    new Deal(
                        d.id(),
                        seconds(d.createdAt()),
                        d.owner(),
                        d.channel(),
                        d.amount(),
                        d.lossReason(),
                        d.leadId(),
                        d.attributes()))
            .toList();
    List<Rejection> rejections = new ArrayList<>(local);
    rejections.addAll(relations);
    Optional<Rejection> first = rejections.stream().findFirst();
    List<String> sources =
        records.stream()
            .map(r -> r instanceof DealRec ? "deals" : "stage changes")
            .distinct()
            .toList();
    rejections.sort(
        Comparator.comparingInt((Rejection r) -> sources.indexOf(r.source()))
            .thenComparingLong(Rejection::line));
    return new Expected(deals, changes, rejections, first, Optional.ofNullable(currency));
  }

  static DealLogBuilder feed(DealLogBuilder b, List<Rec> records) {
    for (Rec r : records) {
      if (r instanceof DealRec dr) {
        b.deal(dr.deal());
      } else {
        b.change(((ChangeRec) r).change());
      }
    }
    return b;
  }

  static void assertHolds(Expected expected, DealLog log, int records) {
    assertEquals(expected.rejections(), log.rejections());
    assertEquals(records, log.recordsRead());
    assertEquals(log.recordsRead(), log.dealCount() + log.changeCount() + log.rejections().size());
    assertEquals(expected.deals().size(), log.dealCount());
    assertEquals(expected.changes().stream().mapToInt(List::size).sum(), log.changeCount());
    Optional<Instant> latest = Optional.empty();
    for (int i = 0; i < log.dealCount(); i++) {
      Deal d = expected.deals().get(i);
      assertEquals(d, log.deal(i));
      assertEquals(expected.changes().get(i), log.changes(i));
      assertEquals(Optional.of(i), log.indexOf(d.id()));
      Instant last = d.createdAt();
      for (StageChange c : expected.changes().get(i)) {
        last = c.occurredAt().isAfter(last) ? c.occurredAt() : last;
      }
      latest = Optional.of(latest.isEmpty() || last.isAfter(latest.get()) ? last : latest.get());
    }
    assertEquals(latest, log.latestEventTime());
    assertEquals(
        expected.deals().stream().map(Deal::createdAt).min(Comparator.naturalOrder()),
        log.earliestCreation());
    assertEquals(expected.currency(), log.currency());
  }

  static boolean hasTies(Expected e) {
    Set<Instant> created = new HashSet<>();
    boolean tie = false;
    for (Deal d : e.deals()) {
      tie |= !created.add(d.createdAt());
    }
    for (List<StageChange> cs : e.changes()) {
      Set<Instant> at = new HashSet<>();
      for (StageChange c : cs) {
        tie |= !at.add(c.occurredAt());
      }
    }
    return tie;
  }

  // ---------------------------------------------------------------- properties

  @Property(tries = 500)
  void lenientLogAccountsForEveryRecord(@ForAll("mixedRecords") List<Rec> records) {
    Expected expected = expect(records);
    DealLog log = feed(DealLog.builder(B2B).lenient(), records).build();
    assertHolds(expected, log, records.size());

    // 19 to 41 of 500 tries in 16 runs, but a review run saw exactly 10 (2.0%, failing "> 2"):
    // the check shows the generator reaches empty logs, not how often.
    Statistics.label("empty log")
        .collect(log.dealCount() == 0)
        .coverage(c -> c.check(true).percentage(p -> p > 0.5));
    Statistics.label("rejected records")
        .collect(!log.rejections().isEmpty())
        .coverage(c -> c.check(true).percentage(p -> p > 30));
    Statistics.label("rejection reasons")
        .collect(
            log.rejections().stream()
                .map(r -> r.field() + (r.reason().startsWith("its") ? " (rejected deal)" : ""))
                .distinct()
                .count())
        .coverage(c -> c.check(4L).count(n -> n > 0));
    Statistics.label("ties").collect(hasTies(expected));
  }

  @Property(tries = 500)
  void strictModeFailsWithTheFirstRejectionOrBuildsTheSameLog(
      @ForAll("mixedRecords") List<Rec> records) {
    Expected expected = expect(records);
    DealLogBuilder strict = DealLog.builder(B2B);
    if (expected.rejections().isEmpty()) {
      DealLog log = feed(strict, records).build();
      assertHolds(expected, log, records.size());
    } else {
      RejectedRecordException e =
          assertThrows(RejectedRecordException.class, () -> feed(strict, records).build());
      assertEquals(expected.firstProblem().orElseThrow(), e.rejection());
      assertEquals(expected.firstProblem().orElseThrow().message(), e.getMessage());
    }
    Statistics.label("strict outcome")
        .collect(expected.rejections().isEmpty() ? "built" : "rejected")
        .coverage(
            c -> {
              c.check("built").percentage(p -> p > 5);
              c.check("rejected").percentage(p -> p > 30);
            });
  }

  @Property(tries = 500)
  void dealsAndChangesAreOrderedStablyAndRoundTrip(@ForAll("goodRecords") List<Rec> records) {
    Expected expected = expect(records);
    assertEquals(List.of(), expected.rejections(), "the generator makes good records only");
    DealLog log = feed(DealLog.builder(B2B), records).build();
    assertHolds(expected, log, records.size());

    Statistics.label("ties in createdAt or occurredAt")
        .collect(hasTies(expected))
        .coverage(c -> c.check(true).percentage(p -> p > 30));
    Statistics.label("empty log")
        .collect(records.isEmpty())
        .coverage(c -> c.check(true).percentage(p -> p > 1));
    Statistics.label("changes out of input order")
        .collect(outOfOrder(records))
        .coverage(c -> c.check(true).percentage(p -> p > 10));
  }

  /** Whether some deal's changes were given in a different order than occurredAt order. */
  static boolean outOfOrder(List<Rec> records) {
    Map<String, Instant> last = new LinkedHashMap<>();
    for (Rec r : records) {
      if (r instanceof ChangeRec cr) {
        Instant at = seconds(cr.change().occurredAt());
        Instant before = last.put(cr.change().dealId(), at);
        if (before != null && at.isBefore(before)) {
          return true;
        }
      }
    }
    return false;
  }
}
