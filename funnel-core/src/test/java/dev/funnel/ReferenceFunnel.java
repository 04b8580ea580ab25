package dev.funnel;

import dev.funnel.log.DealLog;
import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;
import dev.funnel.model.StageChange;
import dev.funnel.model.StageKind;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import dev.funnel.testing.ByTheBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A deliberately naive funnel, written from METRICS.md with objects and lists, to check the
 * columnar engine against: visits are materialized, percentiles come from a full sort.
 */
final class ReferenceFunnel {
  private ReferenceFunnel() {}

  record Visit(Stage stage, Instant start, Optional<Instant> end) {}

  static FunnelFigures figures(
      DealLog log,
      Instant asOf,
      Optional<Instant> from,
      Optional<Instant> to,
      Counting counting,
      double[] ps,
      Predicate<Deal> inGroup) {
    Pipeline p = log.pipeline();
    List<Stage> open = p.openStages();
    int n = open.size();
    long total = 0;
    long openDeals = 0;
    long won = 0;
    long lost = 0;
    long[] progressed = new long[n + 1];
    long[] entered = new long[n + 1];
    long[] pair = new long[n + 1];
    long[] withFirst = new long[n + 1];
    long[] lostAt = new long[n + 1];
    Map<Integer, List<Long>> time = new HashMap<>();
    Map<Integer, List<Long>> age = new HashMap<>();
    List<Long> wonCycle = new ArrayList<>();
    List<Long> lostCycle = new ArrayList<>();
    BigDecimal amountSum = BigDecimal.ZERO;
    long amountCount = 0;
    long wonNoAmount = 0;
    java.util.Currency currency = null;
    for (int i = 0; i < log.dealCount(); i++) {
      Deal deal = log.deal(i);
      Instant created = deal.createdAt();
      if (created.isAfter(asOf)
          || from.map(created::isBefore).orElse(false)
          || to.map(t -> !created.isBefore(t)).orElse(false)
          || !inGroup.test(deal)) {
        continue;
      }
      List<StageChange> changes = new ArrayList<>();
      for (StageChange c : log.changes(i)) {
        if (!c.occurredAt().isAfter(asOf)) {
          changes.add(c);
        }
      }
      List<Visit> visits = new ArrayList<>();
      Set<Integer> explicit = new HashSet<>();
      boolean changeAtCreation = changes.stream().anyMatch(c -> c.occurredAt().equals(created));
      if (!changeAtCreation) {
        visits.add(new Visit(open.get(0), created, Optional.empty()));
      }
      for (StageChange c : changes) {
        Stage to2 = p.stage(c.toStage());
        if (!visits.isEmpty() && visits.get(visits.size() - 1).stage().equals(to2)) {
          continue;
        }
        if (!visits.isEmpty()) {
          Visit last = visits.remove(visits.size() - 1);
          visits.add(new Visit(last.stage(), last.start(), Optional.of(c.occurredAt())));
        }
        visits.add(new Visit(to2, c.occurredAt(), Optional.empty()));
        if (to2.isOpen()) {
          explicit.add(p.rank(to2.id()));
        }
      }
      total++;
      Visit current = visits.get(visits.size() - 1);
      StageKind state = current.stage().kind();
      long cycle = Duration.between(created, current.start()).getSeconds();
      boolean isWon = state == StageKind.WON;
      if (state == StageKind.OPEN) {
        openDeals++;
        age.computeIfAbsent(p.rank(current.stage().id()), k -> new ArrayList<>())
            .add(Duration.between(current.start(), asOf).getSeconds());
      } else if (isWon) {
        won++;
        wonCycle.add(cycle);
        if (deal.amount().isPresent()) {
          amountSum = amountSum.add(deal.amount().get().amount());
          amountCount++;
          currency = deal.amount().get().currency();
        } else {
          wonNoAmount++;
        }
      } else {
        lost++;
        lostCycle.add(cycle);
        // the last entry into the LOST class, and the visit before it
        for (int v = visits.size() - 1; v >= 0; v--) {
          boolean lostHere = visits.get(v).stage().kind() == StageKind.LOST;
          boolean before = v > 0 && visits.get(v - 1).stage().kind() == StageKind.LOST;
          if (lostHere && !before) {
            if (v > 0 && visits.get(v - 1).stage().isOpen()) {
              lostAt[p.rank(visits.get(v - 1).stage().id())]++;
            }
            break;
          }
        }
      }
      for (Visit v : visits) {
        if (v.stage().isOpen() && v.end().isPresent()) {
          time.computeIfAbsent(p.rank(v.stage().id()), k -> new ArrayList<>())
              .add(Duration.between(v.start(), v.end().get()).getSeconds());
        }
      }
      boolean everWon = visits.stream().anyMatch(v -> v.stage().kind() == StageKind.WON);
      for (int k = 1; k <= n; k++) {
        final int kk = k;
        boolean reached =
            everWon
                || visits.stream()
                    .anyMatch(v -> v.stage().isOpen() && p.rank(v.stage().id()) >= kk);
        if (reached) {
          progressed[k]++;
        }
        if (explicit.contains(k)) {
          entered[k]++;
          if (explicit.contains(1)) {
            withFirst[k]++;
          }
          if (k < n ? explicit.contains(k + 1) : isWon) {
            pair[k]++;
          }
        }
      }
    }
    List<StageFigures> stages = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      boolean ent = counting == Counting.ENTERED;
      stages.add(
          new StageFigures(
              open.get(k - 1).id(),
              ent ? entered[k] : progressed[k],
              entered[k],
              ent
                  ? Proportion.of(withFirst[k], entered[1])
                  : Proportion.of(progressed[k], progressed[1]),
              ent
                  ? Proportion.of(pair[k], entered[k])
                  : Proportion.of(k < n ? progressed[k + 1] : won, progressed[k]),
              lostAt[k],
              distribution(time.getOrDefault(k, List.of()), ps),
              distribution(age.getOrDefault(k, List.of()), ps),
              Proportion.of(entered[k], progressed[k])));
    }
    Optional<Money> average = Optional.empty();
    Optional<Money> velocity = Optional.empty();
    if (amountCount > 0) {
      int digits = currency.getDefaultFractionDigits();
      average =
          Optional.of(
              new Money(
                  amountSum.divide(BigDecimal.valueOf(amountCount), digits, RoundingMode.HALF_EVEN),
                  currency));
      long cycleSum = wonCycle.stream().mapToLong(Long::longValue).sum();
      if (won + lost > 0 && cycleSum > 0) {
        // velocity = open x (won / closed) x (sum / count) / (cycleSum / won / 86400)
        BigDecimal num = BigDecimal.valueOf(openDeals * won * won * 86_400L).multiply(amountSum);
        BigDecimal den = BigDecimal.valueOf((won + lost) * amountCount * cycleSum);
        velocity =
            Optional.of(new Money(num.divide(den, digits, RoundingMode.HALF_EVEN), currency));
      }
    }
    return new FunnelFigures(
        new DealCounts(total, openDeals, won, lost),
        stages,
        Proportion.of(won, won + lost),
        Proportion.of(won, total),
        distribution(wonCycle, ps),
        distribution(lostCycle, ps),
        average,
        wonNoAmount,
        velocity);
  }

  /** Percentiles by full sort and the METRICS.md formula. */
  static Distribution distribution(List<Long> values, double[] ps) {
    if (values.isEmpty()) {
      return Distribution.empty();
    }
    List<Long> x = new ArrayList<>(values);
    Collections.sort(x);
    int n = x.size();
    Map<Double, Duration> out = new HashMap<>();
    long[] sorted = x.stream().mapToLong(Long::longValue).toArray();
    for (double p : ps) {
      out.put(p, ByTheBook.percentile(sorted, p));
    }
    return new Distribution(
        n,
        Optional.of(ByTheBook.mean(sorted)),
        Optional.of(Duration.ofSeconds(x.get(0))),
        Optional.of(Duration.ofSeconds(x.get(n - 1))),
        out);
  }
}
