package dev.funnel.forecast;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.forecast.Fits;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.SpendSample;
import dev.funnel.stats.Proportion;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/** Computes a {@link BudgetScenario}; the model is described there. */
final class BudgetModel {
  private BudgetModel() {}

  static BudgetScenario compute(
      ColumnarDealLog log,
      Instant asOf,
      Currency currency,
      double change,
      List<SpendSample> spend,
      List<Lead> leads) {
    checkChange(change);
    if (spend.isEmpty()) {
      throw new IllegalArgumentException(
          "no spend history: the budget scenario fits leads against spend per channel and month;"
              + " give the spend samples (spend.csv)");
    }
    Currency spendCurrency = spend.get(0).cost().currency();
    for (SpendSample s : spend) {
      if (!s.cost().currency().equals(spendCurrency)) {
        throw new IllegalArgumentException(
            "spend mixes currencies "
                + spendCurrency.getCurrencyCode()
                + " and "
                + s.cost().currency().getCurrencyCode()
                + " ("
                + s.channel()
                + " on "
                + s.date()
                + "): one report never mixes currencies");
      }
    }
    if (!spendCurrency.equals(currency)) {
      throw new IllegalArgumentException(
          "spend is in "
              + spendCurrency.getCurrencyCode()
              + " but deal amounts are in "
              + currency.getCurrencyCode()
              + ": one report never mixes currencies");
    }

    // The history: complete UTC months from the first record to the last month ending by as-of.
    YearMonth last = month(asOf).minusMonths(1);
    Instant historyEnd = last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    YearMonth first = last.plusMonths(1);
    for (SpendSample s : spend) {
      first = min(first, YearMonth.from(s.date()));
    }
    for (Lead l : leads) {
      first = min(first, month(l.createdAt()));
    }
    if (log.dealCount > 0) {
      first = min(first, month(log.instant(log.created[0])));
    }
    if (first.isAfter(last)) {
      throw new IllegalArgumentException(
          "no complete month at or before as-of "
              + asOf
              + ": the budget scenario fits monthly points (the last complete month would be "
              + last
              + ")");
    }
    int months =
        (int) (last.getYear() * 12L + last.getMonthValue())
            - (first.getYear() * 12 + first.getMonthValue())
            + 1;
    int baseFrom = Math.max(0, months - BudgetScenario.BASELINE_MONTHS);
    int baseMonths = months - baseFrom;

    // Spend and leads per channel and month.
    Map<String, long[]> spendByChannel = new TreeMap<>();
    long totalSpend = 0;
    for (SpendSample s : spend) {
      int m = index(first, YearMonth.from(s.date()));
      if (m < 0 || m >= months) {
        continue;
      }
      long[] row = spendByChannel.computeIfAbsent(s.channel(), k -> new long[months]);
      try {
        row[m] = Math.addExact(row[m], s.cost().minorUnits());
        totalSpend = Math.addExact(totalSpend, s.cost().minorUnits());
      } catch (ArithmeticException e) {
        // a bad input, not an internal error: named as the deal log names too large amounts
        throw new IllegalArgumentException(
            "spend of "
                + s.channel()
                + " on "
                + s.date()
                + " ("
                + s.cost()
                + ") takes the spend history past the largest amount a log holds, "
                + Money.ofMinor(Long.MAX_VALUE, s.cost().currency()));
      }
    }
    if (totalSpend == 0) {
      throw new IllegalArgumentException(
          "no spend history: no spend above zero in the complete months "
              + first
              + ".."
              + last
              + " up to as-of "
              + asOf
              + " (spend after the last complete month is not used)");
    }
    Map<String, long[]> leadsByChannel = new TreeMap<>();
    Set<String> leadIds = new HashSet<>();
    long historyLeads = 0;
    for (Lead l : leads) {
      int m = index(first, month(l.createdAt()));
      if (m < 0 || m >= months || !leadIds.add(l.id())) {
        continue;
      }
      historyLeads++;
      String c = l.channel().orElse(Deal.UNSPECIFIED);
      leadsByChannel.computeIfAbsent(c, k -> new long[months])[m]++;
    }
    if (historyLeads == 0) {
      throw new IllegalArgumentException(
          "no leads in the complete months "
              + first
              + ".."
              + last
              + " up to as-of "
              + asOf
              + ": the budget scenario fits leads against spend (leads.csv)");
    }

    double unit = Math.pow(10, Math.max(currency.getDefaultFractionDigits(), 0));
    double growth = 1 + change;
    Set<String> names = new java.util.TreeSet<>(spendByChannel.keySet());
    names.addAll(leadsByChannel.keySet());
    List<BudgetScenario.Channel> channels = new ArrayList<>();
    double extraLeads = 0;
    double baseSpendMinor = 0;
    for (String name : names) {
      long[] s = spendByChannel.getOrDefault(name, new long[months]);
      long[] l = leadsByChannel.getOrDefault(name, new long[months]);
      double[] x = new double[months];
      double[] y = new double[months];
      int n = 0;
      for (int m = 0; m < months; m++) {
        if (s[m] > 0 && l[m] > 0) {
          x[n] = s[m] / unit;
          y[n] = l[m];
          n++;
        }
      }
      x = Arrays.copyOf(x, n);
      y = Arrays.copyOf(y, n);
      double b = 1;
      OptionalDouble a = OptionalDouble.empty();
      boolean fitted = false;
      boolean clamped = false;
      if (n >= BudgetScenario.MIN_RESPONSE_MONTHS) {
        double[] fit = Fits.powerLaw(x, y);
        if (!Double.isNaN(fit[1])) {
          fitted = true;
          b = Math.max(0, Math.min(1, fit[1]));
          clamped = b != fit[1];
          double lnA = clamped ? Fits.logIntercept(x, y, b) : fit[0];
          a = OptionalDouble.of(Math.exp(lnA));
        }
      }
      long spendSum = 0;
      long leadSum = 0;
      for (int m = baseFrom; m < months; m++) {
        spendSum += s[m];
        leadSum += l[m];
      }
      double baseSpend = (double) spendSum / baseMonths;
      double baseLeads = (double) leadSum / baseMonths;
      double scenarioLeads = spendSum > 0 ? baseLeads * Math.pow(growth, b) : baseLeads;
      extraLeads += scenarioLeads - baseLeads;
      baseSpendMinor += baseSpend;
      channels.add(
          new BudgetScenario.Channel(
              name,
              n,
              a,
              b,
              fitted,
              clamped,
              Forecast.money(baseSpend, currency),
              baseLeads,
              scenarioLeads));
    }

    // Lead-to-deal: history leads named by a deal created by as-of.
    int t = log.offset(asOf);
    Set<String> converted = new HashSet<>();
    for (int d = 0; d < log.dealCount && log.created[d] <= t; d++) {
      if (log.leadIdStart[d + 1] > log.leadIdStart[d]) {
        converted.add(log.leadId(d).orElseThrow());
      }
    }
    long convertedLeads = 0;
    for (String id : leadIds) {
      if (converted.contains(id)) {
        convertedLeads++;
      }
    }
    Proportion leadToDeal = Proportion.of(convertedLeads, historyLeads);

    // Deals per owner and month, their closed and won counts, the average won deal.
    int owners = log.ownerNames.length;
    int[][] created = new int[owners][months];
    int[][] closed = new int[owners][months];
    int[][] won = new int[owners][months];
    long baselineAll = 0;
    long wonCount = 0;
    long closedCount = 0;
    double wonAmount = 0;
    long wonWithAmount = 0;
    for (int d = 0; d < log.dealCount && log.created[d] <= t; d++) {
      byte state = state(log, d, t);
      if (state == ColumnarDealLog.WON && log.amount[d] != ColumnarDealLog.NO_AMOUNT) {
        wonAmount += log.amount[d];
        wonWithAmount++;
      }
      int m = index(first, month(log.instant(log.created[d])));
      if (m < 0 || m >= months) {
        continue;
      }
      int o = log.owner[d];
      created[o][m]++;
      if (m >= baseFrom) {
        baselineAll++;
      }
      if (state != ColumnarDealLog.OPEN) {
        closed[o][m]++;
        closedCount++;
        if (state == ColumnarDealLog.WON) {
          won[o][m]++;
          wonCount++;
        }
      }
    }
    if (wonWithAmount == 0) {
      throw new IllegalArgumentException(
          "no deal with an amount was won by as-of "
              + asOf
              + ": the budget scenario needs an average won deal size");
    }
    if (closedCount == 0) {
      throw new IllegalArgumentException(
          "no deal created in "
              + first
              + ".."
              + last
              + " was won or lost by as-of "
              + asOf
              + ": the budget scenario needs a win rate");
    }
    Proportion winRate = Proportion.of(wonCount, closedCount);

    // Capacity and usual load per owner (code 0 is the unspecified owner: not a person).
    double[] usual = new double[owners];
    List<BudgetScenario.Owner> team = new ArrayList<>();
    double capacity = 0;
    double usualSum = 0;
    long baselineOwned = 0;
    for (int o = 1; o < owners; o++) {
      double[] counts = new double[months];
      int k = 0;
      long recent = 0;
      for (int m = 0; m < months; m++) {
        if (created[o][m] > 0) {
          counts[k++] = created[o][m];
        }
        if (m >= baseFrom) {
          recent += created[o][m];
        }
      }
      if (k == 0) {
        continue;
      }
      counts = Arrays.copyOf(counts, k);
      Arrays.sort(counts);
      usual[o] = Fits.percentile(counts, 0.5);
      if (recent > 0) {
        double p90 = Fits.percentile(counts, 0.9);
        team.add(new BudgetScenario.Owner(log.ownerNames[o], k, usual[o], p90));
        capacity += p90;
        usualSum += usual[o];
        baselineOwned += recent;
      }
    }
    if (team.isEmpty()) {
      throw new IllegalArgumentException(
          "no deal with an owner was created in the baseline months "
              + first.plusMonths(baseFrom)
              + ".."
              + last
              + ": the sales capacity is estimated from each owner's deals per month");
    }
    team.sort(java.util.Comparator.comparing(BudgetScenario.Owner::owner));
    double baselineOwnedPerMonth = (double) baselineOwned / baseMonths;
    double slack = Math.max(0, capacity - baselineOwnedPerMonth);

    // Win rate by load: owner-months with closed deals.
    List<double[]> points = new ArrayList<>();
    long[] bucketWon = new long[3];
    long[] bucketClosed = new long[3];
    for (int o = 1; o < owners; o++) {
      for (int m = 0; m < months; m++) {
        if (closed[o][m] == 0) {
          continue;
        }
        double load = created[o][m] / usual[o];
        points.add(new double[] {load, (double) won[o][m] / closed[o][m], closed[o][m]});
        int bucket = load < 0.9 ? 0 : load <= 1.1 ? 1 : 2;
        bucketWon[bucket] += won[o][m];
        bucketClosed[bucket] += closed[o][m];
      }
    }
    double slope = 0;
    boolean loadFitted = false;
    boolean loadClamped = false;
    if (points.size() >= BudgetScenario.MIN_LOAD_POINTS) {
      double[] x = new double[points.size()];
      double[] y = new double[points.size()];
      double[] w = new double[points.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = points.get(i)[0];
        y[i] = points.get(i)[1];
        w[i] = points.get(i)[2];
      }
      double[] line = Fits.line(x, y, w);
      if (!Double.isNaN(line[1])) {
        loadFitted = true;
        slope = Math.min(0, line[1]);
        loadClamped = line[1] > 0;
      }
    }

    // The scenario.
    // A cut gives negative extra leads and deals. The slack only caps a rise; a cut loses at most
    // the deals the team works in the baseline, so the new load never falls below 0.
    double extraDeals = extraLeads * leadToDeal.rate().orElse(0);
    double worked = Math.max(-baselineOwnedPerMonth, Math.min(extraDeals, slack));
    double baseLoad = baselineOwnedPerMonth / usualSum;
    double newLoad = (baselineOwnedPerMonth + worked) / usualSum;
    double w0 = winRate.rate().getAsDouble();
    double w1 = Math.max(0, Math.min(1, w0 + slope * (newLoad - baseLoad)));
    double avg = wonAmount / wonWithAmount;
    double baselineDeals = (double) baselineAll / baseMonths;
    double baseRevenue = baselineDeals * w0 * avg;
    double scenarioRevenue =
        baseRevenue + worked * w1 * avg + baselineOwnedPerMonth * (w1 - w0) * avg;
    List<YearMonth> baseline = new ArrayList<>();
    for (int m = baseFrom; m < months; m++) {
      baseline.add(first.plusMonths(m));
    }
    return new BudgetScenario(
        asOf,
        change,
        first,
        last,
        baseline,
        channels,
        leadToDeal,
        new BudgetScenario.Capacity(capacity, usualSum, baselineOwnedPerMonth, slack, team),
        new BudgetScenario.Load(
            points.size(),
            loadFitted,
            loadClamped,
            slope,
            baseLoad,
            newLoad,
            Proportion.of(bucketWon[0], bucketClosed[0]),
            Proportion.of(bucketWon[1], bucketClosed[1]),
            Proportion.of(bucketWon[2], bucketClosed[2])),
        Forecast.money(avg, currency),
        winRate,
        baselineDeals,
        extraLeads,
        extraDeals,
        worked,
        w1,
        Forecast.money(baseSpendMinor * change, currency),
        Forecast.money(baseRevenue, currency),
        Forecast.money(baseRevenue * growth, currency),
        Forecast.money(scenarioRevenue, currency));
  }

  static void checkChange(double change) {
    if (Double.isNaN(change) || Double.isInfinite(change)) {
      throw new IllegalArgumentException("budget change " + change + " is not a finite number");
    }
    if (change <= -1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "budget change %+.1f%% is not above -100%%: a budget cannot shrink by all of itself"
                  + " or more (0.20 means +20%%)",
              change * 100));
    }
  }

  /** The deal's state at offset t: the kind of its last stage change at or before t. */
  private static byte state(ColumnarDealLog log, int d, int t) {
    byte state = ColumnarDealLog.OPEN;
    for (int c = log.changeStart[d]; c < log.changeStart[d + 1] && log.at[c] <= t; c++) {
      state = log.stageKind[log.stage[c]];
    }
    return state;
  }

  private static YearMonth month(Instant instant) {
    return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
  }

  private static int index(YearMonth first, YearMonth month) {
    long i =
        (month.getYear() - (long) first.getYear()) * 12
            + month.getMonthValue()
            - first.getMonthValue();
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, i));
  }

  private static YearMonth min(YearMonth a, YearMonth b) {
    return a.isBefore(b) ? a : b;
  }
}
