package dev.funnel.forecast;

import dev.funnel.log.DealLog;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Planted histories for the budget scenario: month m is 2025-01 + m; each month one spend sample
 * per channel (on the 1st), leads spread over the month, and per owner a given number of deals
 * created on the 2nd, each from its own lead of the first channel, each worth 1000.00 EUR and
 * closed (won or lost) an hour later. As-of is the start of the month after the last.
 */
final class BudgetPlanted {
  static final Pipeline PIPELINE =
      Pipeline.builder("b").open("new").won("won").lost("lost").build();
  static final LocalDate START = LocalDate.of(2025, 1, 1);

  final List<SpendSample> spend = new ArrayList<>();
  final List<Lead> leads = new ArrayList<>();
  final DealLogBuilder deals = DealLog.builder(PIPELINE);
  private final List<List<String>> freeLeads = new ArrayList<>();
  private int months;

  static Instant monthStart(int m) {
    return START.plusMonths(m).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Spend (whole euros) and leads of a channel, month by month; 0 spend means no sample. */
  BudgetPlanted channel(String name, long[] euros, int[] leadCounts) {
    for (int m = 0; m < euros.length; m++) {
      months = Math.max(months, m + 1);
      while (freeLeads.size() <= m) {
        freeLeads.add(new ArrayList<>());
      }
      if (euros[m] > 0) {
        spend.add(new SpendSample(START.plusMonths(m), name, Money.of(euros[m] + ".00", "EUR")));
      }
      for (int k = 0; k < leadCounts[m]; k++) {
        String id = name + "-" + m + "-" + k;
        leads.add(Lead.of(id, monthStart(m).plusSeconds(3600L + k * 60L), name));
        freeLeads.get(m).add(id);
      }
    }
    return this;
  }

  /** Deals of one owner: created[m] deals in month m, the first won[m] of them won. */
  BudgetPlanted owner(String owner, int[] created, int[] won) {
    for (int m = 0; m < created.length; m++) {
      months = Math.max(months, m + 1);
      for (int i = 0; i < created[m]; i++) {
        String id = owner + "-" + m + "-" + i;
        Instant at = monthStart(m).plusSeconds(86_400L + i * 60L);
        Deal.Builder d = Deal.builder(id, at).owner(owner).channel("ads").amount("1000.00", "EUR");
        if (m < freeLeads.size() && !freeLeads.get(m).isEmpty()) {
          d.leadId(freeLeads.get(m).remove(0));
        }
        deals.deal(d.build());
        deals.change(id, i < won[m] ? "won" : "lost", at.plusSeconds(3600));
      }
    }
    return this;
  }

  Instant asOf() {
    return monthStart(months);
  }

  Forecast forecast() {
    return Forecast.of(deals.build()).asOf(asOf());
  }

  static int[] repeat(int value, int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, value);
    return a;
  }
}
