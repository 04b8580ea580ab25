package dev.funnel.forecast;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.engine.Selection;
import dev.funnel.internal.forecast.Chain;
import dev.funnel.internal.forecast.History;
import dev.funnel.internal.forecast.MonteCarlo;
import dev.funnel.internal.forecast.TimeAware;
import dev.funnel.log.DealLog;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.SpendSample;
import dev.funnel.model.Stage;
import dev.funnel.stats.Proportion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The revenue forecast query (METRICS.md "Forecast"). The entry point is {@link #of(DealLog)};
 * options read like a sentence and the last call says what happens: {@link #report()}, {@link
 * #backtest(Instant)}, {@link #rollingBacktest(Instant, Instant, Duration)} or {@link
 * #budget(double, List, List)}.
 *
 * {@snippet :
 * ForecastReport report = Forecast.of(log)
 *     .asOf(Instant.parse("2026-06-30T00:00:00Z"))
 *     .horizon(Duration.ofDays(90))
 *     .simulations(10_000)
 *     .seed(42)
 *     .report();
 * Backtest check = Forecast.of(log).horizon(Duration.ofDays(90))
 *     .backtest(Instant.parse("2026-03-01T00:00:00Z"));
 * }
 *
 * <p>As-of defaults to the latest event time of the log; only events at or before it are seen.
 * Without a horizon the simulation counts every eventual win and its mean converges to the weighted
 * pipeline; with one it counts wins before {@code asOf + horizon}, and the report adds the expected
 * revenue of deals not created yet ({@link NewDeals}: from the lead flow when {@link #leads(List)}
 * are given, otherwise from the deal creation rate). Defaults: 10,000 simulations, seed 42. Each
 * option may be set once: a bad value throws {@link IllegalArgumentException}, a second call {@link
 * IllegalStateException}. A query is a mutable builder and not thread-safe; its reports are
 * immutable. Simulations run in parallel on the common fork-join pool; the numbers do not depend on
 * the number of threads.
 */
public final class Forecast {
  /** Runs of the default simulation. */
  public static final int DEFAULT_SIMULATIONS = 10_000;

  /**
   * The most Monte Carlo runs a forecast takes: 10,000,000. Every run keeps its total as a {@code
   * long} and the report sorts a copy of them, 16 bytes per run, so the maximum needs about 160 MB
   * of heap besides the log, where 2,000,000,000 runs would take 32 GB and exhaust a usual heap.
   * Precision does not need more: the sampling error of the percentiles shrinks as one over the
   * square root of the runs, so the maximum is already about 30 times as precise as the default.
   */
  public static final int MAX_SIMULATIONS = 10_000_000;

  /** The default seed. */
  public static final long DEFAULT_SEED = 42;

  /** The window before as-of that gives the arrival rate and mean amount of new deals. */
  public static final Duration NEW_DEAL_LOOKBACK = Duration.ofDays(90);

  /** The most backtests one {@link #rollingBacktest} runs (a daily step over 27 years). */
  public static final int MAX_ROLLING_BACKTESTS = 10_000;

  static final int INTERVAL_DRAWS = 1_000;
  static final int BINS = 20;

  final ColumnarDealLog log;
  Optional<Instant> asOf = Optional.empty();
  Optional<Duration> horizon = Optional.empty();
  OptionalInt simulations = OptionalInt.empty();
  OptionalLong seed = OptionalLong.empty();
  Optional<Money> target = Optional.empty();
  Optional<List<Lead>> leads = Optional.empty();

  private Forecast(DealLog log) {
    this.log = ColumnarDealLog.of(requireNonNull(log, "log"));
  }

  /**
   * Starts a forecast over this log.
   *
   * @param log the deal log
   * @return a new forecast of the log, with default options
   * @throws IllegalArgumentException if the log was not built by funnel
   */
  public static Forecast of(DealLog log) {
    // a foreign DealLog implementation is refused here, as Funnel.of does, not at report()
    ColumnarDealLog.of(requireNonNull(log, "log"));
    return new Forecast(log);
  }

  /**
   * Forecasts as of this instant: events after it are not seen.
   *
   * @param instant the as-of instant
   * @return this forecast
   * @throws IllegalStateException if as-of was already set
   */
  public Forecast asOf(Instant instant) {
    requireNonNull(instant, "instant");
    if (asOf.isPresent()) {
      throw new IllegalStateException("asOf was already set to " + asOf.get());
    }
    asOf = Optional.of(instant);
    return this;
  }

  /**
   * Forecasts revenue won in {@code [asOf, asOf + horizon)}.
   *
   * @param value the horizon H; positive
   * @return this forecast
   * @throws IllegalArgumentException if the horizon is zero or negative
   * @throws IllegalStateException if the horizon was already set
   */
  public Forecast horizon(Duration value) {
    requireNonNull(value, "value");
    if (horizon.isPresent()) {
      throw new IllegalStateException("horizon was already set to " + horizon.get());
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "horizon "
              + value
              + " is "
              + (value.isZero() ? "zero" : "negative")
              + ": a forecast looks forward, give a positive duration such as P90D");
    }
    horizon = Optional.of(value);
    return this;
  }

  /**
   * The number of Monte Carlo runs (default 10,000, at most {@link #MAX_SIMULATIONS}: each run
   * takes 16 bytes of heap, and the time grows with runs times open deals).
   *
   * @param runs the number of runs, from 1 to {@link #MAX_SIMULATIONS}
   * @return this forecast
   * @throws IllegalArgumentException if the number is below 1 or above {@link #MAX_SIMULATIONS}
   * @throws IllegalStateException if it was already set
   */
  public Forecast simulations(int runs) {
    if (simulations.isPresent()) {
      throw new IllegalStateException("simulations was already set to " + simulations.getAsInt());
    }
    if (runs < 1) {
      throw new IllegalArgumentException("simulations " + runs + ": need at least 1 run");
    }
    if (runs > MAX_SIMULATIONS) {
      throw new IllegalArgumentException(
          "simulations "
              + runs
              + ": at most "
              + MAX_SIMULATIONS
              + " runs (each takes 16 bytes of heap)");
    }
    simulations = OptionalInt.of(runs);
    return this;
  }

  /**
   * The seed of the Monte Carlo runs and of the probability intervals (default 42): one seed, one
   * set of numbers.
   *
   * @param value the seed
   * @return this forecast
   * @throws IllegalStateException if it was already set
   */
  public Forecast seed(long value) {
    if (seed.isPresent()) {
      throw new IllegalStateException("seed was already set to " + seed.getAsLong());
    }
    seed = OptionalLong.of(value);
    return this;
  }

  /**
   * A revenue target: the report gives pipeline coverage = weighted pipeline / target.
   *
   * @param value the revenue target, in the log's currency; positive
   * @return this forecast
   * @throws IllegalArgumentException if the target is not positive
   * @throws IllegalStateException if it was already set
   */
  public Forecast target(Money value) {
    requireNonNull(value, "value");
    if (target.isPresent()) {
      throw new IllegalStateException("target was already set to " + target.get());
    }
    if (value.amount().signum() <= 0) {
      throw new IllegalArgumentException(
          "target " + value + " is not positive: coverage divides by it");
    }
    target = Optional.of(value);
    return this;
  }

  /**
   * The leads history: with a horizon, the revenue of deals not created yet comes from the lead
   * flow (arrival rate, conversion into deals by {@code lead_id}, lead-to-won delay; {@link
   * NewDeals.LeadFlow}) instead of the deal creation rate. Leads after as-of are not seen (in whole
   * seconds, as deals: one in the second of as-of is seen, whatever its fraction); no lead in the
   * lookback window makes the lead rate 0 (said in the report), not an error.
   *
   * @param value the leads; copied
   * @return this forecast
   * @throws IllegalArgumentException if two leads have the same id
   * @throws IllegalStateException if leads were already set
   */
  public Forecast leads(List<Lead> value) {
    requireNonNull(value, "value");
    if (leads.isPresent()) {
      throw new IllegalStateException("leads were already set (" + leads.get().size() + " leads)");
    }
    leads = Optional.of(Lead.copyOfDistinct(value));
    return this;
  }

  int runs() {
    return simulations.orElse(DEFAULT_SIMULATIONS);
  }

  long seedValue() {
    return seed.orElse(DEFAULT_SEED);
  }

  Currency currency() {
    if (log.dealCount == 0) {
      throw new IllegalArgumentException("the deal log is empty: there is nothing to forecast");
    }
    Currency c = log.currencyOrNull();
    if (c == null) {
      throw new IllegalArgumentException(
          "no deal in the log has an amount: a revenue forecast needs amounts (and their currency)");
    }
    return c;
  }

  Instant asOfValue() {
    Instant at = asOf.orElseGet(() -> log.latestEventTime().orElseThrow());
    Selection.requireMeasurable(log, at);
    return at;
  }

  /**
   * Computes the forecast.
   *
   * @return the forecast: stage probabilities, weighted pipeline, simulation and, with a horizon,
   *     new deals
   * @throws IllegalArgumentException if the log is empty or has no amounts, the target's currency
   *     is not the log's, or as-of is 2^31 seconds (68 years) or more after the log's first instant
   */
  public ForecastReport report() {
    Currency currency = currency();
    target.ifPresent(t -> t.requireSameCurrency(Money.zero(currency)));
    Instant at = asOfValue();
    History h = History.of(log, log.offset(at));
    List<StageProbability> stages = stageProbabilities(h, seedValue());
    double[] chain = Chain.winProbabilities(h.counts);
    double[] timeAware =
        horizon.isPresent() ? new TimeAware(h).openDeals(horizon.get().getSeconds()) : null;

    int open = h.openDeal.length;
    int withoutAmount = 0;
    int withoutProbability = 0;
    double weighted = 0;
    double expected = 0;
    int m = 0;
    long[] amount = new long[open];
    long[] threshold = new long[open];
    int owners = log.ownerNames.length;
    int channels = log.channelNames.length;
    int[] ownerOpen = new int[owners];
    int[] ownerNoAmount = new int[owners];
    double[] ownerWeighted = new double[owners];
    int[] channelOpen = new int[channels];
    int[] channelNoAmount = new int[channels];
    double[] channelWeighted = new double[channels];
    long totalAmount = 0;
    for (int k = 0; k < open; k++) {
      int d = h.openDeal[k];
      int o = log.owner[d];
      int c = log.channel[d];
      ownerOpen[o]++;
      channelOpen[c]++;
      long a = log.amount[d];
      if (a == ColumnarDealLog.NO_AMOUNT) {
        withoutAmount++;
        ownerNoAmount[o]++;
        channelNoAmount[c]++;
        continue;
      }
      double p = chain[h.openRank[k]];
      if (Double.isNaN(p)) {
        withoutProbability++;
        continue;
      }
      double w = a * p;
      weighted += w;
      ownerWeighted[o] += w;
      channelWeighted[c] += w;
      double q = timeAware == null ? p : timeAware[k];
      expected += a * q;
      amount[m] = a;
      threshold[m] = MonteCarlo.threshold(q);
      totalAmount = Math.addExact(totalAmount, Math.abs(a));
      m++;
    }
    amount = Arrays.copyOf(amount, m);
    threshold = Arrays.copyOf(threshold, m);
    long[] totals = MonteCarlo.run(amount, threshold, runs(), seedValue(), true);
    Simulation simulation = simulation(totals, currency);

    Money weightedMoney = money(weighted, currency);
    OptionalDouble coverage =
        target.isPresent()
            ? OptionalDouble.of(weighted / target.get().minorUnits())
            : OptionalDouble.empty();
    return new ForecastReport(
        at,
        horizon,
        stages,
        open,
        withoutAmount,
        withoutProbability,
        weightedMoney,
        money(expected, currency),
        simulation,
        horizon.map(hz -> newDeals(h, at, chain, hz, currency)),
        slices(log.ownerNames, ownerOpen, ownerNoAmount, ownerWeighted, currency),
        slices(log.channelNames, channelOpen, channelNoAmount, channelWeighted, currency),
        target,
        coverage);
  }

  /**
   * Backtests the forecast at a past instant T: rebuilds the pipeline as it stood at T from the log
   * alone, forecasts {@code [T, T+H)} with every {@link Method}, and compares with what the deals
   * open at T won after T and before T+H.
   *
   * <p>The pipeline of T is the log as the CRM held it then ({@link DealLog#knownAt}): a change
   * recorded after T, even one back-dated to before it, is unseen, so the probabilities and which
   * deals were open in which stage are those a forecast run at T had (no look-ahead from back-dated
   * records); amounts are as the log holds them now. A deal open at T counts as won when it moved
   * into a WON stage in {@code (T, T + H)}, or when the log, as it now reads, has it won at T
   * already (a win back-dated to T or before and recorded after T, whenever; a win that a reopen
   * before T undid does not count). Without back-dated records only the first case occurs.
   *
   * @param at the past instant T
   * @return the backtest at T, one result per method that applies
   * @throws IllegalStateException if no horizon was set
   * @throws IllegalArgumentException if T is before the first deal of the log, if {@code T + H} is
   *     after as-of (the outcome is not known yet), or if the log is empty or has no amounts
   */
  public Backtest backtest(Instant at) {
    requireNonNull(at, "at");
    Currency currency = currency();
    Duration hz = requireHorizon("backtest");
    Instant first = log.earliestCreation().orElseThrow();
    if (at.isBefore(first)) {
      throw new IllegalArgumentException(
          "backtest at "
              + at
              + " is before the first deal of the log (created "
              + first
              + "): there is no pipeline to rebuild");
    }
    Instant known = asOfValue();
    // compared as durations: at + an unlimited horizon is no instant (it overflowed)
    if (hz.compareTo(Duration.between(at, known)) > 0) {
      throw new IllegalArgumentException(
          "backtest window ["
              + at
              + ", "
              + (hz.compareTo(Duration.between(at, Instant.MAX)) > 0
                  ? "the end of time"
                  : at.plus(hz))
              + ") ends after as-of "
              + known
              + ": what was won is not known yet; choose an earlier instant or a shorter horizon");
    }
    return backtest(at, hz, currency);
  }

  /**
   * Backtests at {@code from}, {@code from + step}, ... up to {@code to} inclusive.
   *
   * @param from the first instant T
   * @param to the last instant T, inclusive
   * @param step the time between two instants T; positive
   * @return the backtests, in order of T
   * @throws IllegalArgumentException if the step is not positive, {@code to} is before {@code
   *     from}, the instants would be more than {@link #MAX_ROLLING_BACKTESTS}, or any instant fails
   *     as in {@link #backtest(Instant)}
   * @throws IllegalStateException if no horizon was set
   */
  public RollingBacktest rollingBacktest(Instant from, Instant to, Duration step) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(step, "step");
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("rolling backtest step " + step + " is not positive");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("rolling backtest: to " + to + " is before from " + from);
    }
    // Counted before anything is built: a step in the wrong unit (a nanosecond for a day) would
    // ask for billions of backtests and end in an OutOfMemoryError.
    long count;
    try {
      count = Duration.between(from, to).dividedBy(step) + 1;
    } catch (ArithmeticException e) {
      count = Long.MAX_VALUE; // more than a long can count
    }
    if (count > MAX_ROLLING_BACKTESTS) {
      throw new IllegalArgumentException(
          "rolling backtest: a step of "
              + step
              + " from "
              + from
              + " to "
              + to
              + " makes "
              + (count == Long.MAX_VALUE ? "too many" : Long.toString(count))
              + " backtests, more than "
              + MAX_ROLLING_BACKTESTS
              + ": choose a longer step");
    }
    List<Backtest> runs = new ArrayList<>();
    for (Instant t = from; !t.isAfter(to); t = t.plus(step)) {
      runs.add(backtest(t));
    }
    return new RollingBacktest(runs);
  }

  /**
   * The budget scenario: what a relative change of the marketing budget (0.20 for +20%) brings in
   * revenue per month through each channel's response curve, the sales team's capacity and the fall
   * of conversion under load, next to the naive line (+X% budget, +X% revenue). The model and every
   * assumption are described in {@link BudgetScenario}. Uses as-of (only records at or before it);
   * horizon, simulations and seed do not apply.
   *
   * @param change the relative budget change, above -1
   * @param spend the marketing spend history (one currency, the deals' currency)
   * @param leads the leads history the scenario fits, each id once (this call's own: leads given to
   *     {@link #leads} are the lead-flow model's)
   * @return the scenario, in figures per month
   * @throws IllegalArgumentException if a lead id appears twice (it would count twice), the change
   *     is not above -100% or not finite, there is no spend (or none above zero in a complete month
   *     by as-of), no lead in those months, spend mixes currencies or differs from the deals'
   *     currency, no deal was won with an amount, no deal was closed, no owned deal in the baseline
   *     months, or the log is empty or has no amounts
   */
  public BudgetScenario budget(double change, List<SpendSample> spend, List<Lead> leads) {
    requireNonNull(spend, "spend");
    requireNonNull(leads, "leads");
    BudgetModel.checkChange(change);
    Currency currency = currency();
    return BudgetModel.compute(
        log, asOfValue(), currency, change, List.copyOf(spend), Lead.copyOfDistinct(leads));
  }

  private Duration requireHorizon(String what) {
    return horizon.orElseThrow(
        () ->
            new IllegalStateException(
                "a "
                    + what
                    + " compares what was won in [T, T+H): set horizon(...) first, e.g. horizon(Duration.ofDays(90))"));
  }

  private Backtest backtest(Instant at, Duration hz, Currency currency) {
    int t = log.offset(at);
    int end = log.offset(at.plus(hz));
    // The pipeline as the CRM held it at T: a change back-dated to before T but recorded after it
    // was not known then. The view's deals are the log's first ones, at the same positions.
    History h = History.of(ColumnarDealLog.of(log.knownAt(at)), t);
    int open = h.openDeal.length;
    boolean[] won = new boolean[open];
    for (int k = 0; k < open; k++) {
      int d = h.openDeal[k];
      // Won in (T, T + H), or already won at T as the log now reads (a win back-dated to T or
      // before and recorded after T; the deal was open in the pipeline of T). Changes are in
      // occurrence order, so the last one by T gives the stage at T.
      int stageAtT = -1;
      for (int c = log.changeStart[d]; c < log.changeStart[d + 1]; c++) {
        if (log.at[c] <= t) {
          stageAtT = log.stage[c];
        } else if (log.at[c] < end && log.stageKind[log.stage[c]] == ColumnarDealLog.WON) {
          won[k] = true;
          break;
        }
      }
      won[k] |= stageAtT >= 0 && log.stageKind[stageAtT] == ColumnarDealLog.WON;
    }
    List<MethodResult> results = new ArrayList<>();
    double[] chain = Chain.winProbabilities(h.counts);
    double[] byChain = new double[open];
    double[] timeAware = new TimeAware(h).openDeals(hz.getSeconds());
    for (int k = 0; k < open; k++) {
      byChain[k] = chain[h.openRank[k]];
      // A stage without evidence has no probability in either empirical method.
      if (Double.isNaN(byChain[k])) {
        timeAware[k] = Double.NaN;
      }
    }
    results.add(evaluate(Method.TIME_AWARE, h, timeAware, won, currency));
    results.add(evaluate(Method.CHAIN, h, byChain, won, currency));
    List<Stage> openStages = log.pipeline.openStages();
    if (openStages.stream().allMatch(s -> s.declaredProbability().isPresent())) {
      double[] declared = new double[open];
      for (int k = 0; k < open; k++) {
        declared[k] = openStages.get(h.openRank[k]).declaredProbability().getAsDouble();
      }
      results.add(evaluate(Method.DECLARED, h, declared, won, currency));
    }
    return new Backtest(at, hz, open, results);
  }

  private MethodResult evaluate(
      Method method, History h, double[] p, boolean[] won, Currency currency) {
    int deals = 0;
    double brier = 0;
    double predicted = 0;
    long actual = 0;
    int[] bucketDeals = new int[10];
    int[] bucketWon = new int[10];
    double[] bucketSum = new double[10];
    for (int k = 0; k < p.length; k++) {
      long a = log.amount[h.openDeal[k]];
      // What was won is the same for every method: a deal the method gives no probability is
      // still won or not (counting only the others showed a method that forecast nothing with an
      // error of zero).
      if (won[k] && a != ColumnarDealLog.NO_AMOUNT) {
        actual = Math.addExact(actual, a);
      }
      if (Double.isNaN(p[k])) {
        continue;
      }
      deals++;
      double y = won[k] ? 1 : 0;
      brier += (p[k] - y) * (p[k] - y);
      int b = Math.min(9, (int) (p[k] * 10));
      bucketDeals[b]++;
      bucketSum[b] += p[k];
      if (won[k]) {
        bucketWon[b]++;
      }
      if (a != ColumnarDealLog.NO_AMOUNT) {
        predicted += a * p[k];
      }
    }
    List<CalibrationBucket> table = new ArrayList<>(10);
    for (int b = 0; b < 10; b++) {
      table.add(
          new CalibrationBucket(
              b / 10.0,
              (b + 1) / 10.0,
              bucketDeals[b] == 0 ? 0 : bucketSum[b] / bucketDeals[b],
              Proportion.of(bucketWon[b], bucketDeals[b])));
    }
    Money predictedMoney = money(predicted, currency);
    Money actualMoney = Money.ofMinor(actual, currency);
    long error = Math.abs(predictedMoney.minorUnits() - actual);
    return new MethodResult(
        method,
        deals,
        predictedMoney,
        actualMoney,
        Money.ofMinor(error, currency),
        actual == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) error / actual),
        deals == 0 ? OptionalDouble.empty() : OptionalDouble.of(brier / deals),
        table);
  }

  List<StageProbability> stageProbabilities(History h, long intervalSeed) {
    double[] p = Chain.winProbabilities(h.counts);
    double[][] ci = Chain.intervals(h.counts, INTERVAL_DRAWS, intervalSeed);
    List<StageProbability> out = new ArrayList<>(h.n);
    for (int i = 0; i < h.n; i++) {
      Stage stage = log.pipeline.stages().get(log.openStageIndex[i]);
      out.add(
          new StageProbability(
              stage.id(),
              i + 1,
              h.finished(i),
              optional(p[i]),
              optional(ci[0][i]),
              optional(ci[1][i]),
              Proportion.of(h.directWon[i], h.directWon[i] + h.directLost[i]),
              stage.declaredProbability()));
    }
    return out;
  }

  private Simulation simulation(long[] totals, Currency currency) {
    long[] sorted = totals.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long t : sorted) {
      sum += t;
    }
    long min = sorted[0];
    long max = sorted[sorted.length - 1];
    int[] bins = new int[BINS];
    double width = (double) (max - min) / BINS;
    for (long t : sorted) {
      int b = width == 0 ? 0 : (int) Math.min(BINS - 1, (t - min) / width);
      bins[b]++;
    }
    List<Simulation.Bin> histogram = new ArrayList<>(BINS);
    // Every run the same total (no open deal with an amount, or certain outcomes): one bin, not
    // twenty of which nineteen are empty and all labelled with that total.
    for (int b = 0; b < (width == 0 ? 1 : BINS); b++) {
      histogram.add(
          new Simulation.Bin(
              money(min + b * width, currency),
              money(b == BINS - 1 ? max : min + (b + 1) * width, currency),
              bins[b]));
    }
    return new Simulation(
        totals.length,
        seedValue(),
        horizon,
        money(percentile(sorted, 0.1), currency),
        money(percentile(sorted, 0.5), currency),
        money(percentile(sorted, 0.9), currency),
        money(sum / totals.length, currency),
        histogram);
  }

  /** METRICS.md "Durations": linear between closest ranks. */
  static double percentile(long[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo + 1 >= sorted.length) {
      return sorted[sorted.length - 1];
    }
    return sorted[lo] + (h - lo) * (double) (sorted[lo + 1] - sorted[lo]);
  }

  private NewDeals newDeals(History h, Instant at, double[] chain, Duration hz, Currency currency) {
    int to = h.asOf;
    long from = (long) to - NEW_DEAL_LOOKBACK.getSeconds();
    int deals = 0;
    int withAmount = 0;
    double amountSum = 0;
    for (int d : h.visibleDeal) {
      if (log.created[d] > from) {
        deals++;
        if (log.amount[d] != ColumnarDealLog.NO_AMOUNT) {
          withAmount++;
          amountSum += log.amount[d];
        }
      }
    }
    double perDay = deals / (NEW_DEAL_LOOKBACK.getSeconds() / 86_400.0);
    double mean = withAmount == 0 ? 0 : amountSum / withAmount;
    double[][] inc = TimeAware.incidence(h.firstElapsed, h.firstOutcome);
    long hs = hz.getSeconds();
    double within = 0;
    double integralDays = 0;
    for (int k = 0; k < inc[0].length; k++) {
      if (inc[0][k] < hs) {
        within += inc[1][k];
        integralDays += inc[1][k] * (hs - inc[0][k]) / 86_400.0;
      }
    }
    Money dealRate = money(perDay * mean * integralDays, currency);
    Optional<NewDeals.LeadFlow> flow =
        leads.map(
            l ->
                LeadFlowModel.compute(
                    log, h, at, l, chain.length == 0 ? Double.NaN : chain[0], hz, currency));
    return new NewDeals(
        flow.isPresent() ? NewDeals.Model.LEAD_FLOW : NewDeals.Model.DEAL_RATE,
        NEW_DEAL_LOOKBACK,
        deals,
        perDay,
        money(mean, currency),
        within,
        dealRate,
        flow,
        flow.map(NewDeals.LeadFlow::expectedRevenue).orElse(dealRate));
  }

  private static List<Slice> slices(
      String[] names, int[] open, int[] noAmount, double[] weighted, Currency currency) {
    List<Slice> out = new ArrayList<>();
    for (int k = 0; k < names.length; k++) {
      if (open[k] > 0) {
        out.add(new Slice(names[k], open[k], noAmount[k], money(weighted[k], currency)));
      }
    }
    out.sort(
        Comparator.comparing((Slice s) -> s.weightedPipeline().amount())
            .reversed()
            .thenComparing(Slice::key));
    return out;
  }

  static OptionalDouble optional(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** Money from a double amount in minor units, rounded half-even to the minor unit. */
  static Money money(double minor, Currency currency) {
    BigDecimal exact = new BigDecimal(minor).setScale(0, RoundingMode.HALF_EVEN);
    return Money.ofMinor(exact.longValueExact(), currency);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Forecast.of(").append(log).append(")");
    asOf.ifPresent(v -> sb.append(".asOf(").append(v).append(")"));
    horizon.ifPresent(v -> sb.append(".horizon(").append(v).append(")"));
    simulations.ifPresent(v -> sb.append(".simulations(").append(v).append(")"));
    seed.ifPresent(v -> sb.append(".seed(").append(v).append(")"));
    target.ifPresent(v -> sb.append(".target(").append(v).append(")"));
    leads.ifPresent(v -> sb.append(".leads(").append(v.size()).append(" leads)"));
    return sb.toString();
  }
}
