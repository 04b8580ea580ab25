package dev.funnel.kpi.internal;

import static java.util.Objects.requireNonNull;

import dev.funnel.DealState;
import dev.funnel.Period;
import dev.funnel.kpi.Measure;
import dev.funnel.kpi.Measures;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import dev.funnel.model.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One pass over deal states, leads, spend, sales cost and activity into the base {@link Measures}
 * of each (period start, channel) cell. Records after as-of are not seen: leads created after it,
 * samples dated after its local date in the zone; deal states are those at as-of.
 */
public final class KpiEngine {
  private KpiEngine() {}

  /**
   * The measures per period start and channel, and every channel and activity metric seen.
   *
   * @param byPeriod cells per period start (ascending), then per channel
   * @param channels every channel with a record, sorted
   * @param metrics every activity metric with a sample, sorted
   */
  public record Cells(
      SortedMap<LocalDate, SortedMap<String, Measures>> byPeriod,
      SortedSet<String> channels,
      SortedSet<String> metrics) {
    /** Copies nothing: the engine hands over maps it no longer touches. */
    public Cells {
      requireNonNull(byPeriod, "byPeriod");
      requireNonNull(channels, "channels");
      requireNonNull(metrics, "metrics");
    }
  }

  private static final class Acc {
    final Map<Measure, BigDecimal> sums = new HashMap<>();
    final Map<Measure, Long> records = new HashMap<>();

    void add(Measure m, BigDecimal v) {
      sums.merge(m, v, BigDecimal::add);
      records.merge(m, 1L, Math::addExact);
    }

    Measures freeze() {
      return new Measures(sums, records);
    }
  }

  /** Buckets every record and sums it into its cell. */
  public static Cells run(
      List<DealState> deals,
      Pipeline pipeline,
      Collection<Lead> leads,
      Collection<SpendSample> spend,
      Collection<SpendSample> salesCost,
      Collection<ActivitySample> activity,
      Period period,
      ZoneId zone,
      Instant asOf) {
    LocalDate asOfDate = LocalDate.ofInstant(asOf, zone);
    Map<LocalDate, Map<String, Acc>> cells = new HashMap<>();
    SortedSet<String> channels = new TreeSet<>();
    SortedSet<String> metrics = new TreeSet<>();
    List<Stage> open = pipeline.openStages();
    Measure[] reached = new Measure[open.size()];
    for (int i = 0; i < reached.length; i++) {
      reached[i] = Measure.reached(open.get(i).id());
    }

    Set<String> leadsWithDeal = new HashSet<>();
    for (DealState d : deals) {
      if (d.createdAt().isAfter(asOf)) {
        continue;
      }
      d.leadId().ifPresent(leadsWithDeal::add);
      channels.add(d.channel());
      addDeal(cells, period, zone, reached, d, d.channel());
    }
    for (Lead lead : leads) {
      if (afterAsOf(lead.createdAt(), asOf)) {
        continue;
      }
      String channel = lead.channel().filter(c -> !c.isBlank()).orElse(Deal.UNSPECIFIED);
      channels.add(channel);
      Acc acc = cell(cells, period, day(lead.createdAt(), zone), channel);
      acc.add(Measure.LEADS, BigDecimal.ONE);
      if (leadsWithDeal.contains(lead.id())) {
        acc.add(Measure.LEADS_WITH_DEAL, BigDecimal.ONE);
      }
    }
    addCosts(cells, channels, period, asOfDate, spend, Measure.SPEND);
    addCosts(cells, channels, period, asOfDate, salesCost, Measure.SALES_COST);
    for (ActivitySample a : activity) {
      if (a.date().isAfter(asOfDate)) {
        continue;
      }
      channels.add(a.channel());
      metrics.add(a.metric());
      cell(cells, period, a.date(), a.channel())
          .add(Measure.activity(a.metric()), new BigDecimal(a.value()));
    }

    return new Cells(
        freeze(cells),
        Collections.unmodifiableSortedSet(channels),
        Collections.unmodifiableSortedSet(metrics));
  }

  /**
   * The deal-based measures (deals, reached stages, won, lost, revenue) and the leads per period
   * start and deal key (an owner or an attribute value): each deal under its own key, each lead
   * under the key of the first deal, in {@code deals} order, that names it in {@code lead_id}, and
   * leads that no deal created by as-of names under {@value Deal#UNSPECIFIED}. Spend, sales cost
   * and activity carry no deal, so they are never summed here.
   *
   * @param deals the deal states at as-of, in log order
   * @param keys the key of each deal, parallel to {@code deals}
   * @return the measures per period start and key, keys sorted
   */
  public static SortedMap<LocalDate, SortedMap<String, Measures>> byDealKey(
      List<DealState> deals,
      List<String> keys,
      Pipeline pipeline,
      Collection<Lead> leads,
      Period period,
      ZoneId zone,
      Instant asOf) {
    if (deals.size() != keys.size()) {
      throw new IllegalArgumentException(
          deals.size() + " deals but " + keys.size() + " keys: one key per deal");
    }
    Map<LocalDate, Map<String, Acc>> cells = new HashMap<>();
    List<Stage> open = pipeline.openStages();
    Measure[] reached = new Measure[open.size()];
    for (int i = 0; i < reached.length; i++) {
      reached[i] = Measure.reached(open.get(i).id());
    }
    Map<String, String> leadKey = new HashMap<>();
    for (int i = 0; i < deals.size(); i++) {
      DealState d = deals.get(i);
      if (d.createdAt().isAfter(asOf)) {
        continue;
      }
      String key = keys.get(i);
      d.leadId().ifPresent(l -> leadKey.putIfAbsent(l, key));
      addDeal(cells, period, zone, reached, d, key);
    }
    for (Lead lead : leads) {
      if (afterAsOf(lead.createdAt(), asOf)) {
        continue;
      }
      String key = leadKey.get(lead.id());
      Acc acc =
          cell(cells, period, day(lead.createdAt(), zone), key == null ? Deal.UNSPECIFIED : key);
      acc.add(Measure.LEADS, BigDecimal.ONE);
      if (key != null) {
        acc.add(Measure.LEADS_WITH_DEAL, BigDecimal.ONE);
      }
    }
    return freeze(cells);
  }

  private static void addDeal(
      Map<LocalDate, Map<String, Acc>> cells,
      Period period,
      ZoneId zone,
      Measure[] reached,
      DealState d,
      String key) {
    Acc created = cell(cells, period, day(d.createdAt(), zone), key);
    created.add(Measure.DEALS, BigDecimal.ONE);
    for (int rank = 1; rank <= Math.min(d.maxRank(), reached.length); rank++) {
      created.add(reached[rank - 1], BigDecimal.ONE);
    }
    if (d.closedAt().isPresent()) {
      Acc closed = cell(cells, period, day(d.closedAt().get(), zone), key);
      if (d.isWon()) {
        closed.add(Measure.WON_DEALS, BigDecimal.ONE);
        if (d.amount().isPresent()) {
          closed.add(Measure.REVENUE, d.amount().get().amount());
        } else {
          closed.add(Measure.WON_WITHOUT_AMOUNT, BigDecimal.ONE);
        }
      } else {
        closed.add(Measure.LOST_DEALS, BigDecimal.ONE);
      }
    }
  }

  private static SortedMap<LocalDate, SortedMap<String, Measures>> freeze(
      Map<LocalDate, Map<String, Acc>> cells) {
    SortedMap<LocalDate, SortedMap<String, Measures>> out = new TreeMap<>();
    cells.forEach(
        (start, byKey) -> {
          SortedMap<String, Measures> frozen = new TreeMap<>();
          byKey.forEach((c, acc) -> frozen.put(c, acc.freeze()));
          out.put(start, Collections.unmodifiableSortedMap(frozen));
        });
    return Collections.unmodifiableSortedMap(out);
  }

  private static void addCosts(
      Map<LocalDate, Map<String, Acc>> cells,
      Set<String> channels,
      Period period,
      LocalDate asOfDate,
      Collection<SpendSample> samples,
      Measure measure) {
    for (SpendSample s : samples) {
      if (s.date().isAfter(asOfDate)) {
        continue;
      }
      channels.add(s.channel());
      cell(cells, period, s.date(), s.channel()).add(measure, s.cost().amount());
    }
  }

  private static LocalDate day(Instant t, ZoneId zone) {
    return LocalDate.ofInstant(t, zone);
  }

  private static Acc cell(
      Map<LocalDate, Map<String, Acc>> cells, Period period, LocalDate day, String channel) {
    return cells
        .computeIfAbsent(period.start(day), k -> new HashMap<>())
        .computeIfAbsent(channel, k -> new Acc());
  }

  /**
   * Whether a lead created at {@code t} is after as-of. Compared in whole seconds, as the deal log
   * holds deals: a lead and a deal created in the same second as as-of are both seen, whatever the
   * fractions.
   */
  static boolean afterAsOf(Instant t, Instant asOf) {
    return t.getEpochSecond() > asOf.getEpochSecond();
  }
}
