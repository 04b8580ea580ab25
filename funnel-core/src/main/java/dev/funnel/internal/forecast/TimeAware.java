package dev.funnel.internal.forecast;

import java.util.Arrays;

/**
 * The probability that a deal in open stage i, aged {@code a} in it, is won within a horizon H: the
 * Aalen-Johansen cumulative incidence of WON (LOST competing, deals still open at T censored) among
 * the past visits of stage i that lasted longer than {@code a}, with time counted from age {@code
 * a}. A visit's event time is its first absorption after entering the stage; visits that never
 * lasted {@code a} say nothing about a deal that did, so a deal stuck for 90 days is forecast from
 * the visits that were stuck as long. The visits are those that lasted longer than the age floored
 * to whole weeks, so that the deals of one stage and week share one estimate; time still counts
 * from each deal's own age. Not thread-safe: one instance reuses its curve's arrays.
 */
public final class TimeAware {
  private static final int WEEK = 7 * 86_400;

  /** The deal's bits of an {@link #openDeals} sort key. */
  private static final long DEAL = (1L << 31) - 1;

  private final History history;

  /** Per stage: visit indices sorted by elapsed time to absorption (or censoring). */
  private final int[][] order;

  /** Per stage: the elapsed times in that order. */
  private final int[][] sortedElapsed;

  /** Per stage: the stays, sorted. */
  private final int[][] sortedStay;

  /**
   * The arrays of the last {@link #curve} (one curve is read at a time), valid until the next one:
   * one entry per event time at most, so as long as the most visits of a stage.
   */
  private final int[] curveTimes;

  private final double[] curveIncidence;
  private final double[] curveSurvival;

  public TimeAware(History history) {
    this.history = history;
    this.order = new int[history.n][];
    this.sortedElapsed = new int[history.n][];
    this.sortedStay = new int[history.n][];
    for (int i = 0; i < history.n; i++) {
      int[] e = history.elapsed[i];
      long[] keyed = new long[e.length];
      for (int k = 0; k < e.length; k++) {
        keyed[k] = ((long) e[k] << 32) | k;
      }
      Arrays.sort(keyed);
      int[] o = new int[e.length];
      int[] se = new int[e.length];
      for (int k = 0; k < e.length; k++) {
        o[k] = (int) keyed[k];
        se[k] = (int) (keyed[k] >>> 32);
      }
      order[i] = o;
      sortedElapsed[i] = se;
      int[] st = history.stay[i].clone();
      Arrays.sort(st);
      sortedStay[i] = st;
    }
    int most = 0;
    for (int[] visits : history.elapsed) {
      most = Math.max(most, visits.length);
    }
    this.curveTimes = new int[most];
    this.curveIncidence = new double[most];
    this.curveSurvival = new double[most];
  }

  /**
   * The probability of a win within {@code horizon} seconds for a deal of open rank i+1 aged {@code
   * age} seconds; 0 when no past visit lasted that long.
   */
  public double winWithin(int i, int age, long horizon) {
    long h = reach(horizon);
    return read(curve(i, age / WEEK * WEEK, age + h), age, h);
  }

  /**
   * The horizon, at most 2^32 seconds: no visit lasts longer than a log's 2^31 - 1 seconds, so a
   * longer horizon changes nothing, and sums of ages and horizons cannot overflow.
   */
  private static long reach(long horizon) {
    return Math.min(horizon, 1L << 32);
  }

  /**
   * The Aalen-Johansen curves of the visits of stage i that lasted more than {@code a}, from time
   * {@code a} on, up to (not including) {@code until}: after each event time with a visit leaving,
   * the cumulative incidence of WON and the probability of no absorption yet. A deal aged {@code
   * age >= a} then has {@code (F(age + H-) - F(age)) / S(age)}: the incidence conditional on no
   * absorption by its age, which counts time from its real age. (Counting from {@code a} itself
   * took the wins the deal had already outlived, up to six days of them, for wins still ahead.) The
   * curve goes to this object's arrays; returns its number of event times.
   */
  private int curve(int i, int a, long until) {
    int[] stay = history.stay[i];
    int[] elapsed = history.elapsed[i];
    byte[] outcome = history.outcome[i];
    int[] o = order[i];
    // Visits that lasted more than a: every one of them has elapsed > a, so the scan starts there.
    long atRisk = stay.length - firstAbove(sortedStay[i], a);
    int k = firstAbove(sortedElapsed[i], a);
    int size = 0;
    double survive = 1;
    double cif = 0;
    while (k < o.length && atRisk > 0) {
      int e = elapsed[o[k]];
      if (e >= until) {
        break;
      }
      long won = 0;
      long lost = 0;
      long leaving = 0;
      while (k < o.length && elapsed[o[k]] == e) {
        int v = o[k];
        if (stay[v] > a) {
          leaving++;
          if (outcome[v] == History.WON) {
            won++;
          } else if (outcome[v] == History.LOST) {
            lost++;
          }
        }
        k++;
      }
      if (leaving == 0) {
        continue;
      }
      cif += survive * won / atRisk;
      survive *= 1 - (double) (won + lost) / atRisk;
      atRisk -= leaving;
      curveTimes[size] = e;
      curveIncidence[size] = cif;
      curveSurvival[size] = survive;
      size++;
    }
    return size;
  }

  /**
   * The win within {@code horizon} of a deal aged {@code age} (at least the curve's start), read
   * off the last {@link #curve}, of {@code size} event times. Without a visit at risk the curve is
   * empty and the win 0.
   */
  private double read(int size, int age, long horizon) {
    // events at or before the age are behind the deal; those before age + horizon are ahead
    int behind = firstAbove(curveTimes, size, age) - 1;
    double survive = behind < 0 ? 1 : curveSurvival[behind];
    if (survive <= 0) {
      return 0; // every visit absorbed by that age: nothing is ahead
    }
    double before = behind < 0 ? 0 : curveIncidence[behind];
    int ahead = firstAbove(curveTimes, size, age + horizon - 1) - 1;
    double after = ahead < 0 ? 0 : curveIncidence[ahead];
    return (after - before) / survive;
  }

  /** The first index of a sorted array whose value is above {@code v}. */
  private static int firstAbove(int[] sorted, int v) {
    return firstAbove(sorted, sorted.length, v);
  }

  /** The first index of the sorted {@code sorted[0..size)} whose value is above {@code v}. */
  private static int firstAbove(int[] sorted, int size, long v) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] > v) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * The cumulative incidence of WON from time 0 (Aalen-Johansen, LOST competing, CENSORED
   * censored): returns {@code [times, jumps]}, the distinct event times with a win and the increase
   * of the incidence at each.
   */
  public static double[][] incidence(int[] elapsed, byte[] outcome) {
    int m = elapsed.length;
    long[] keyed = new long[m];
    for (int k = 0; k < m; k++) {
      keyed[k] = ((long) elapsed[k] << 32) | k;
    }
    Arrays.sort(keyed);
    double[] times = new double[m];
    double[] jumps = new double[m];
    int out = 0;
    long atRisk = m;
    double survive = 1;
    int k = 0;
    while (k < m) {
      int e = (int) (keyed[k] >>> 32);
      long won = 0;
      long lost = 0;
      long leaving = 0;
      while (k < m && (int) (keyed[k] >>> 32) == e) {
        byte o = outcome[(int) keyed[k]];
        leaving++;
        if (o == History.WON) {
          won++;
        } else if (o == History.LOST) {
          lost++;
        }
        k++;
      }
      if (won > 0) {
        times[out] = e;
        jumps[out] = survive * won / atRisk;
        out++;
      }
      survive *= 1 - (double) (won + lost) / atRisk;
      atRisk -= leaving;
    }
    return new double[][] {Arrays.copyOf(times, out), Arrays.copyOf(jumps, out)};
  }

  /**
   * {@link #winWithin} for every deal open at T. The deals of one stage and week of age share one
   * {@link #curve}, built once and read at each deal's own age.
   */
  public double[] openDeals(long horizon) {
    long h = reach(horizon);
    int m = history.openDeal.length;
    double[] p = new double[m];
    long[] keyed = new long[m];
    for (int d = 0; d < m; d++) {
      long week = history.openAge[d] / WEEK;
      // rank below 2^7 (127 stages), week below 2^12 (68 years), deal below 2^31
      keyed[d] = ((long) history.openRank[d] << 43) | (week << 31) | d;
    }
    Arrays.sort(keyed);
    int g = 0;
    while (g < m) {
      long group = keyed[g] >>> 31;
      int end = g;
      int oldest = 0;
      while (end < m && keyed[end] >>> 31 == group) {
        oldest = Math.max(oldest, history.openAge[(int) (keyed[end] & DEAL)]);
        end++;
      }
      int first = (int) (keyed[g] & DEAL);
      int i = history.openRank[first];
      int size = curve(i, history.openAge[first] / WEEK * WEEK, (long) oldest + h);
      for (int j = g; j < end; j++) {
        int d = (int) (keyed[j] & DEAL);
        p[d] = read(size, history.openAge[d], h);
      }
      g = end;
    }
    return p;
  }
}
