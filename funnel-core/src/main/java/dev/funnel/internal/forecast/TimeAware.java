package dev.funnel.internal.forecast;

import java.util.Arrays;

/**
 * The probability that a deal in open stage i, aged {@code a} in it, is won within a horizon H: the
 * Aalen-Johansen cumulative incidence of WON (LOST competing, deals still open at T censored) among
 * the past visits of stage i that lasted longer than {@code a}, with time counted from age {@code
 * a}. A visit's event time is its first absorption after entering the stage; visits that never
 * lasted {@code a} say nothing about a deal that did, so a deal stuck for 90 days is forecast from
 * the visits that were stuck as long. Ages are taken in whole weeks (floored) so that deals of one
 * stage and week share one estimate.
 */
public final class TimeAware {
  private static final int WEEK = 7 * 86_400;

  private final History history;

  /** Per stage: visit indices sorted by elapsed time to absorption (or censoring). */
  private final int[][] order;

  /** Per stage: the elapsed times in that order. */
  private final int[][] sortedElapsed;

  /** Per stage: the stays, sorted. */
  private final int[][] sortedStay;

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
  }

  /**
   * The probability of a win within {@code horizon} seconds for a deal of open rank i+1 aged {@code
   * age} seconds; 0 when no past visit lasted that long.
   */
  public double winWithin(int i, int age, long horizon) {
    int a = age / WEEK * WEEK;
    int[] stay = history.stay[i];
    int[] elapsed = history.elapsed[i];
    byte[] outcome = history.outcome[i];
    int[] o = order[i];
    // Visits that lasted more than a: every one of them has elapsed > a, so the scan starts there.
    long atRisk = stay.length - firstAbove(sortedStay[i], a);
    int k = firstAbove(sortedElapsed[i], a);
    double survive = 1;
    double cif = 0;
    while (k < o.length && atRisk > 0) {
      int e = elapsed[o[k]];
      if ((long) e - a >= horizon) {
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
    }
    return cif;
  }

  /** The first index of a sorted array whose value is above {@code v}. */
  private static int firstAbove(int[] sorted, int v) {
    int lo = 0;
    int hi = sorted.length;
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

  /** {@link #winWithin} for every deal open at T, computed once per (stage, age in whole weeks). */
  public double[] openDeals(long horizon) {
    int m = history.openDeal.length;
    double[] p = new double[m];
    java.util.Map<Long, Double> memo = new java.util.HashMap<>();
    for (int d = 0; d < m; d++) {
      int i = history.openRank[d];
      int week = history.openAge[d] / WEEK;
      long key = ((long) i << 32) | week;
      Double v = memo.get(key);
      if (v == null) {
        v = winWithin(i, history.openAge[d], horizon);
        memo.put(key, v);
      }
      p[d] = v;
    }
    return p;
  }
}
