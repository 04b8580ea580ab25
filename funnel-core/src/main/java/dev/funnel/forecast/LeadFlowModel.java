package dev.funnel.forecast;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.forecast.History;
import dev.funnel.internal.process.Seen;
import dev.funnel.model.Lead;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** Computes the lead-flow model of {@link NewDeals.LeadFlow}; the model is described there. */
final class LeadFlowModel {
  private static final long DAY = 86_400;

  private LeadFlowModel() {}

  /**
   * The lead-flow figures as of {@code asOf} over the horizon.
   *
   * @param leads distinct ids (checked by {@link Forecast#leads(List)})
   * @param winProbability the chain probability of the first open stage, NaN without evidence
   */
  static NewDeals.LeadFlow compute(
      ColumnarDealLog log,
      History h,
      Instant asOf,
      List<Lead> leads,
      double winProbability,
      Duration horizon,
      Currency currency) {
    Instant from = asOf.minus(Forecast.NEW_DEAL_LOOKBACK);
    List<String> notes = new ArrayList<>();

    // Leads seen at as-of, and the window's.
    Map<String, Instant> arrival = new HashMap<>();
    Set<String> window = new HashSet<>();
    for (Lead l : leads) {
      if (!Seen.asOf(l.createdAt(), asOf)) {
        continue;
      }
      arrival.put(l.id(), l.createdAt());
      if (l.createdAt().isAfter(from)) {
        window.add(l.id());
      }
    }
    long windowLeads = window.size();
    double lookbackDays = (double) Forecast.NEW_DEAL_LOOKBACK.getSeconds() / DAY;
    double perDay = windowLeads / lookbackDays;
    if (windowLeads == 0) {
      notes.add(
          "no lead arrived in the lookback ("
              + from
              + ", "
              + asOf
              + "] ("
              + leads.size()
              + " leads given): the lead rate is 0");
    }

    // Deals created from a seen lead: conversion, and the delays of those won by as-of.
    Set<String> converted = new HashSet<>();
    double[] delays = new double[h.visibleDeals];
    int won = 0;
    double toDeal = 0;
    double toWon = 0;
    int withAmount = 0;
    double amountSum = 0;
    for (int k = 0; k < h.visibleDeals; k++) {
      int d = h.visibleDeal[k];
      if (log.leadIdStart[d + 1] == log.leadIdStart[d]) {
        continue;
      }
      String id = log.leadId(d).orElseThrow();
      Instant leadAt = arrival.get(id);
      if (leadAt == null) {
        continue;
      }
      if (window.contains(id)) {
        converted.add(id);
      }
      if (h.firstOutcome[k] != History.WON) {
        continue;
      }
      double dealDelay = log.created[d] - (double) (leadAt.getEpochSecond() - log.base);
      delays[won++] = dealDelay + h.firstElapsed[k];
      toDeal += dealDelay;
      toWon += h.firstElapsed[k];
      if (log.amount[d] != ColumnarDealLog.NO_AMOUNT) {
        withAmount++;
        amountSum += log.amount[d];
      }
    }
    Proportion conversion = Proportion.of(converted.size(), windowLeads);
    delays = Arrays.copyOf(delays, won);
    Arrays.sort(delays);
    if (won == 0) {
      notes.add("no deal created from a given lead was won by as-of: no lead-to-won delay");
    } else if (withAmount == 0) {
      notes.add("no deal won from a lead has an amount: the mean won amount is 0");
    }
    double q = winProbability;
    if (Double.isNaN(q)) {
      notes.add("the first open stage has no finished visit: the win probability is taken as 0");
      q = 0;
    }
    double mean = withAmount == 0 ? 0 : amountSum / withAmount;

    // Arrival days a = 0, 1, ... of the horizon; a lead of day a is won inside iff D < H - a.
    long hs = horizon.getSeconds();
    double weightSum = 0;
    double wonSum = 0;
    for (long a = 0; a * DAY < hs; a++) {
      double weight = Math.min(1, (double) (hs - a * DAY) / DAY);
      double g = won == 0 ? 0 : (double) below(delays, hs - a * DAY) / won;
      weightSum += weight;
      wonSum += weight * q * g;
    }
    double rate = conversion.rate().orElse(0);
    double revenue = perDay * rate * wonSum * mean;
    return new NewDeals.LeadFlow(
        windowLeads,
        perDay,
        perDay * hs / DAY,
        conversion,
        q,
        won,
        won == 0 ? OptionalDouble.empty() : OptionalDouble.of(toDeal / won / DAY),
        won == 0 ? OptionalDouble.empty() : OptionalDouble.of(toWon / won / DAY),
        Forecast.money(mean, currency),
        weightSum == 0 ? 0 : wonSum / weightSum,
        Forecast.money(revenue, currency),
        notes);
  }

  /** How many of the sorted values are below {@code t}. */
  private static int below(double[] sorted, double t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
