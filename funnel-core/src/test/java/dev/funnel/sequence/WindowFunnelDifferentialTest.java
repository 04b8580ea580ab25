package dev.funnel.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.funnel.model.Deal;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A differential check of {@link SequenceFunnel} against two references written independently of
 * the library's engine:
 *
 * <ul>
 *   <li>{@link #clickHouse} transcribes ClickHouse's {@code getEventLevelNonStrictOnce} (source
 *       {@code src/AggregateFunctions/AggregateFunctionWindowFunnel.cpp}, the version with {@code
 *       allow_reentry} and the fix of issue #37177), extended to remember the event times of the
 *       chain held at each level so that times to convert can be checked;
 *   <li>{@link #bruteForce} states the documented rules (ClickHouse docs, "windowFunnel") without
 *       any greedy state: a level is the longest chain found by trying every chain of the events
 *       scanned so far; the stop rules of {@code strict_order} and {@code strict_deduplication} are
 *       applied to that.
 * </ul>
 *
 * <p>The rules, with their ClickHouse source:
 *
 * <ul>
 *   <li>Order of the scan: events are (timestamp, condition) pairs stable-sorted by {@code
 *       std::pair}'s operator&lt;, so ties are visited in step order, and rows matching no step
 *       (condition 0, only added under {@code strict_order}) come first ({@code add()}, {@code
 *       sort()}, {@code mergeEventsList}).
 *   <li>Window: {@code timestamp <= first_timestamp + window}, inclusive.
 *   <li>Step 1 restarts level 1 at its time; levels already held stay.
 *   <li>{@code strict_deduplication}: an event of step k &gt; 1 with level k already held stops the
 *       scan; the level is the highest held (#37177 fix; the older code returned the previous
 *       event's condition).
 *   <li>{@code strict_order}: after the first step-1 event, an event of no step stops the scan, and
 *       so does an event of step k &gt; 1 whose level k-1 is not held.
 *   <li>{@code strict_increase}: an extension needs {@code last_timestamp < timestamp}.
 *   <li>Reaching the last step returns at once; no step-1 event gives level 0.
 * </ul>
 *
 * <p>Under {@code strict_increase} ClickHouse keeps only the latest chain per level, which misses
 * chains whose step k-1 is not the latest one when a tie follows (ClickHouse issue #52844, open,
 * labelled bug); the library follows the implementation there. The brute force follows the
 * documentation ("the size of the longest chain"), so the two references are only required to agree
 * without {@code strict_increase}; with it the test counts their disagreements and checks that
 * every one needs a tie.
 */
final class WindowFunnelDifferentialTest {

  private static final String[] NAMES = {"a", "b", "c", "d", "e", "x"};
  private static final List<Set<Mode>> MODE_SETS = modeSets();

  /** One event: entity, time in milliseconds, name. */
  record Ev(String entity, long at, String name) {}

  /** The level of one entity and the times of the events of the chain that gave it. */
  record Outcome(int level, long[] chain) {}

  private static List<Set<Mode>> modeSets() {
    List<Set<Mode>> sets = new ArrayList<>();
    Mode[] all = Mode.values();
    for (int mask = 0; mask < 1 << all.length; mask++) {
      Set<Mode> s = EnumSet.noneOf(Mode.class);
      for (int i = 0; i < all.length; i++) {
        if ((mask & 1 << i) != 0) {
          s.add(all[i]);
        }
      }
      sets.add(s);
    }
    return sets;
  }

  /** Step number of an event name: 1..n, or 0 if it is no step. */
  private static int stepOf(String name, List<String> steps) {
    return steps.indexOf(name) + 1;
  }

  /** The (time, step) pairs of one entity's events, sorted as ClickHouse sorts them. */
  private static long[][] sorted(List<Ev> events, List<String> steps, boolean keepNoStep) {
    List<long[]> pairs = new ArrayList<>();
    for (Ev e : events) {
      int s = stepOf(e.name(), steps);
      if (s > 0 || keepNoStep) {
        pairs.add(new long[] {e.at(), s});
      }
    }
    pairs.sort((p, q) -> p[0] != q[0] ? Long.compare(p[0], q[0]) : Long.compare(p[1], q[1]));
    return pairs.toArray(new long[0][]);
  }

  // ---------------------------------------------------------------------------------------------
  // Reference 1: ClickHouse's scan, transcribed, with the chains' times.

  static Outcome clickHouse(List<Ev> events, List<String> steps, long window, Set<Mode> modes) {
    boolean order = modes.contains(Mode.STRICT_ORDER);
    boolean dedup = modes.contains(Mode.STRICT_DEDUPLICATION);
    boolean increase = modes.contains(Mode.STRICT_INCREASE);
    int n = steps.size();
    // add(): rows of no step are only added under strict_order.
    long[][] list = sorted(events, steps, order);
    if (list.length == 0) {
      return new Outcome(0, new long[0]); // getEventLevel: data.size() == 0
    }
    if (!order && n == 1) {
      return new Outcome(1, new long[] {list[0][0]}); // getEventLevel: events_size == 1
    }
    long[][] held = new long[n][]; // held[k]: times of the chain holding level k+1, or null
    boolean firstEvent = false;
    for (long[] p : list) {
      long t = p[0];
      int idx = (int) p[1] - 1;
      if (order && idx == -1) {
        if (firstEvent) {
          break;
        }
        continue;
      }
      if (idx == 0) {
        held[0] = new long[] {t};
        firstEvent = true;
      } else if (dedup && held[idx] != null) {
        return top(held);
      } else if (order && firstEvent && held[idx - 1] == null) {
        return top(held); // the first level not held, levels held being a prefix
      } else if (held[idx - 1] != null) {
        long[] prev = held[idx - 1];
        boolean matched = t <= prev[0] + window;
        if (increase) {
          matched = matched && prev[prev.length - 1] < t;
        }
        if (matched) {
          long[] chain = Arrays.copyOf(prev, idx + 1);
          chain[idx] = t;
          held[idx] = chain;
          if (idx + 1 == n) {
            return new Outcome(n, chain);
          }
        }
      }
    }
    return top(held);
  }

  private static Outcome top(long[][] held) {
    for (int k = held.length; k > 0; k--) {
      if (held[k - 1] != null) {
        return new Outcome(k, held[k - 1]);
      }
    }
    return new Outcome(0, new long[0]);
  }

  // ---------------------------------------------------------------------------------------------
  // Reference 2: the documented rules over every chain, no greedy state.

  static int bruteForce(List<Ev> events, List<String> steps, long window, Set<Mode> modes) {
    boolean order = modes.contains(Mode.STRICT_ORDER);
    boolean dedup = modes.contains(Mode.STRICT_DEDUPLICATION);
    boolean increase = modes.contains(Mode.STRICT_INCREASE);
    int n = steps.size();
    long[][] list = sorted(events, steps, order);
    List<long[]> prefix = new ArrayList<>();
    boolean seenFirst = false;
    for (long[] p : list) {
      int s = (int) p[1];
      int best = longest(prefix, n, window, increase);
      if (s == 0) {
        if (seenFirst) {
          return best; // strict_order: another event intervenes
        }
        continue;
      }
      if (s > 1 && dedup && best >= s) {
        return best; // strict_deduplication: a repeated step
      }
      if (s > 1 && order && seenFirst && best < s - 1) {
        return best; // strict_order: a step out of order
      }
      seenFirst |= s == 1;
      prefix.add(p);
      if (longest(prefix, n, window, increase) == n) {
        return n;
      }
    }
    return longest(prefix, n, window, increase);
  }

  /** The longest chain of steps 1..k among these (time, step) pairs, by trying every chain. */
  private static int longest(List<long[]> events, int n, long window, boolean increase) {
    int best = 0;
    for (long[] e : events) {
      if (e[1] == 1) {
        best = Math.max(best, extend(events, n, window, increase, 1, e[0], e[0]));
      }
    }
    return best;
  }

  private static int extend(
      List<long[]> events, int n, long window, boolean increase, int k, long first, long last) {
    if (k == n) {
      return k;
    }
    int best = k;
    for (long[] e : events) {
      boolean after = increase ? e[0] > last : e[0] >= last;
      if (e[1] == k + 1 && after && e[0] <= first + window) {
        best = Math.max(best, extend(events, n, window, increase, k + 1, first, e[0]));
      }
    }
    return best;
  }

  // ---------------------------------------------------------------------------------------------
  // The comparison.

  private static EventLog log(List<Ev> events) {
    EventLogBuilder b = EventLog.builder();
    for (Ev e : events) {
      b.add(new Event(e.entity(), Instant.ofEpochMilli(e.at()), e.name()));
    }
    return b.build();
  }

  private static Map<String, List<Ev>> byEntity(List<Ev> events) {
    Map<String, List<Ev>> m = new LinkedHashMap<>();
    for (Ev e : events) {
      m.computeIfAbsent(e.entity(), k -> new ArrayList<>()).add(e);
    }
    return m;
  }

  /** Checks a report against the outcomes of its entities (reference 1). */
  private static void check(
      SequenceReport r, List<String> steps, List<Outcome> outcomes, String what) {
    int n = steps.size();
    long[] atLevel = new long[n + 1];
    for (Outcome o : outcomes) {
      atLevel[o.level()]++;
    }
    List<Long> expectedByLevel = new ArrayList<>();
    for (long c : atLevel) {
      expectedByLevel.add(c);
    }
    assertEquals(outcomes.size(), r.entities(), what);
    assertEquals(expectedByLevel, r.entitiesByLevel(), () -> what + " levels\n" + r);
    long[] reached = new long[n + 2];
    for (int k = n; k >= 0; k--) {
      reached[k] = reached[k + 1] + atLevel[k];
    }
    for (int k = 1; k <= n; k++) {
      SequenceReport.Level l = r.levels().get(k - 1);
      assertEquals(steps.get(k - 1), l.step(), what);
      assertEquals(reached[k], l.entities(), what);
      assertEquals(Proportion.of(reached[k], reached[k - 1]), l.fromPrevious(), what);
      assertEquals(Proportion.of(reached[k], reached[1]), l.cumulative(), what);
      List<Long> gaps = new ArrayList<>();
      for (Outcome o : outcomes) {
        if (o.level() >= k && k >= 2) {
          gaps.add(o.chain()[k - 1] - o.chain()[k - 2]);
        }
      }
      int step = k;
      checkDistribution(gaps, l.timeFromPrevious(), () -> what + " time to step " + step);
    }
  }

  private static void checkDistribution(
      List<Long> millis, Distribution d, java.util.function.Supplier<String> what) {
    assertEquals(millis.size(), d.count(), what);
    if (millis.isEmpty()) {
      assertTrue(d.isEmpty(), what);
      return;
    }
    long[] x = millis.stream().mapToLong(Long::longValue).sorted().toArray();
    assertEquals(Duration.ofMillis(x[0]), d.min().orElseThrow(), what);
    assertEquals(Duration.ofMillis(x[x.length - 1]), d.max().orElseThrow(), what);
    double sum = 0;
    for (long v : x) {
      sum += v;
    }
    assertNear(sum / x.length, d.mean().orElseThrow(), what);
    for (double p : Distribution.DEFAULT_PERCENTILES) {
      // METRICS.md "Durations": h = (n-1)p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])
      double h = (x.length - 1) * p;
      int f = (int) Math.floor(h);
      double v = f + 1 < x.length ? x[f] + (h - f) * (x[f + 1] - x[f]) : x[f];
      assertNear(v, d.percentile(p).orElseThrow(), () -> what.get() + " p" + p);
    }
  }

  private static void assertNear(
      double expectedMillis, Duration actual, java.util.function.Supplier<String> what) {
    double actualMillis = actual.toNanos() / 1e6;
    if (Math.abs(actualMillis - expectedMillis) > 1e-5) {
      fail(what.get() + ": expected " + expectedMillis + " ms, got " + actual);
    }
  }

  /**
   * A random small log: few entities, few distinct times (ties), repeated and foreign events. Every
   * third log spreads its times out at millisecond resolution instead, against a window of a few
   * milliseconds, so that chains restart and windows close between events. A wide log has hundreds
   * of entities, so that percentiles are taken over more than a few dozen times.
   */
  private static List<Ev> randomLog(Random rnd, boolean spread, boolean wide) {
    return randomLog(rnd, spread, wide ? 100 + rnd.nextInt(300) : 1 + rnd.nextInt(4));
  }

  private static List<Ev> randomLog(Random rnd, boolean spread, int entities) {
    int distinctTimes = spread ? 2 + rnd.nextInt(20) : 1 + rnd.nextInt(6);
    List<Ev> events = new ArrayList<>();
    for (int e = 0; e < entities; e++) {
      int count = 1 + rnd.nextInt(12);
      for (int i = 0; i < count; i++) {
        long at =
            spread
                ? rnd.nextInt(distinctTimes)
                : rnd.nextInt(distinctTimes) * 1000L + (rnd.nextInt(8) == 0 ? 1 : 0);
        events.add(new Ev("u" + e, at, NAMES[rnd.nextInt(NAMES.length)]));
      }
    }
    // Entities interleaved and events out of time order: the log sorts them.
    Collections.shuffle(events, rnd);
    return events;
  }

  private static List<String> randomSteps(Random rnd) {
    List<String> names = new ArrayList<>(List.of("a", "b", "c", "d", "e"));
    if (rnd.nextInt(4) == 0) {
      Collections.shuffle(names, rnd);
    }
    return List.copyOf(names.subList(0, 1 + rnd.nextInt(5)));
  }

  private static long randomWindow(Random rnd, boolean spread) {
    if (spread) {
      return 1 + rnd.nextInt(8);
    }
    long w = (1 + rnd.nextInt(5)) * 1000L;
    return switch (rnd.nextInt(6)) {
      case 0 -> w - 1;
      case 1 -> w + 1;
      case 2 -> 1_000_000L;
      default -> w;
    };
  }

  @Test
  void randomLogsAgreeWithBothReferencesInEveryMode() {
    Random rnd = new Random(Long.getLong("funnel.differential.seed", 20260807L));
    Map<Set<Mode>, int[]> counts = new LinkedHashMap<>(); // mode set -> {cases, entity levels,
    // entities where the brute force (documented rules) disagrees with ClickHouse's scan}
    for (Set<Mode> m : MODE_SETS) {
      counts.put(m, new int[3]);
    }
    int cases = Integer.getInteger("funnel.differential.cases", 1500);
    for (int c = 0; c < cases; c++) {
      boolean spread = c % 3 == 2;
      List<Ev> events = randomLog(rnd, spread, c % 50 == 49);
      List<String> steps = randomSteps(rnd);
      long window = randomWindow(rnd, spread);
      EventLog log = log(events);
      Map<String, List<Ev>> entities = byEntity(events);
      Map<String, String> groups = new HashMap<>();
      for (String id : entities.keySet()) {
        int g = rnd.nextInt(3);
        if (g < 2) {
          groups.put(id, "g" + g); // the rest is (unspecified)
        }
      }
      for (Set<Mode> modes : MODE_SETS) {
        String what =
            "case "
                + c
                + " steps "
                + steps
                + " window "
                + window
                + "ms modes "
                + modes
                + " log "
                + events;
        List<Outcome> all = new ArrayList<>();
        Map<String, List<Outcome>> perGroup = new TreeMap<>();
        int[] count = counts.get(modes);
        count[0]++;
        for (Map.Entry<String, List<Ev>> e : entities.entrySet()) {
          Outcome o = clickHouse(e.getValue(), steps, window, modes);
          int brute = bruteForce(e.getValue(), steps, window, modes);
          count[1]++;
          if (brute != o.level()) {
            count[2]++;
            assertTrue(
                modes.contains(Mode.STRICT_INCREASE),
                () -> "the references disagree: " + what + " entity " + e.getKey());
          }
          all.add(o);
          perGroup
              .computeIfAbsent(
                  groups.getOrDefault(e.getKey(), Deal.UNSPECIFIED), k -> new ArrayList<>())
              .add(o);
        }
        SequenceReport r =
            SequenceFunnel.of(log)
                .steps(steps)
                .window(Duration.ofMillis(window))
                .mode(modes.toArray(new Mode[0]))
                .by(groups)
                .report();
        check(r, steps, all, what);
        assertEquals(perGroup.keySet(), r.breakdown().keySet(), what);
        perGroup.forEach(
            (g, outcomes) -> check(r.breakdown().get(g), steps, outcomes, what + " group " + g));
        if (c % 10 == 0) {
          SequenceReport p =
              SequenceFunnel.of(log)
                  .steps(steps)
                  .window(Duration.ofMillis(window))
                  .mode(modes.toArray(new Mode[0]))
                  .by(groups)
                  .parallel()
                  .report();
          assertEquals(r, p, what + " parallel");
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (m, k) ->
            sb.append(m)
                .append(": ")
                .append(k[0])
                .append(" logs, ")
                .append(k[1])
                .append(" entities, brute force != ClickHouse scan for ")
                .append(k[2])
                .append('\n'));
    System.out.print(sb);
  }

  /**
   * More entities than a leaf of the parallel run holds, so that {@link SequenceFunnel#parallel()}
   * really splits the log and merges partials, with a breakdown.
   */
  @Test
  void parallelRunOverManyEntitiesAgreesWithTheReference() {
    Random rnd = new Random(5L);
    List<Ev> events = randomLog(rnd, false, 5000);
    List<String> steps = List.of("a", "b", "c");
    EventLog log = log(events);
    Map<String, List<Ev>> entities = byEntity(events);
    for (Set<Mode> modes : MODE_SETS) {
      List<Outcome> all = new ArrayList<>();
      Map<String, List<Outcome>> perGroup = new TreeMap<>();
      for (Map.Entry<String, List<Ev>> e : entities.entrySet()) {
        Outcome o = clickHouse(e.getValue(), steps, 3000, modes);
        all.add(o);
        perGroup.computeIfAbsent(groupName(e.getKey()), k -> new ArrayList<>()).add(o);
      }
      SequenceReport r =
          SequenceFunnel.of(log)
              .steps(steps)
              .window(Duration.ofMillis(3000))
              .mode(modes.toArray(new Mode[0]))
              .by(WindowFunnelDifferentialTest::group)
              .parallel()
              .report();
      check(r, steps, all, "parallel " + modes);
      perGroup.forEach((g, o) -> check(r.breakdown().get(g), steps, o, "parallel " + modes + g));
    }
  }

  private static String group(String entity) {
    int h = Math.floorMod(entity.hashCode(), 3);
    return h == 2 ? null : "g" + h;
  }

  private static String groupName(String entity) {
    String g = group(entity);
    return g == null ? Deal.UNSPECIFIED : g;
  }

  // ---------------------------------------------------------------------------------------------
  // ClickHouse's own cases, through both references and the library.

  /** An event list written {@code "a@1 b@2"}, times in seconds. */
  private static List<Ev> parse(String events) {
    List<Ev> list = new ArrayList<>();
    for (String e : events.trim().split("\\s+")) {
      int at = e.indexOf('@');
      list.add(new Ev("u", Long.parseLong(e.substring(at + 1)) * 1000, e.substring(0, at)));
    }
    return list;
  }

  private static int library(List<Ev> events, List<String> steps, long window, Set<Mode> modes) {
    SequenceReport r =
        SequenceFunnel.of(log(events))
            .steps(steps)
            .window(Duration.ofMillis(window))
            .mode(modes.toArray(new Mode[0]))
            .report();
    return r.entitiesByLevel().indexOf(1L);
  }

  private static void reference(
      String source,
      String events,
      long windowSeconds,
      Set<Mode> modes,
      String steps,
      int expected) {
    List<Ev> list = parse(events);
    List<String> s = List.of(steps.split(","));
    long w = windowSeconds * 1000;
    String what = source + ": " + events + " steps " + steps + " modes " + modes;
    assertEquals(expected, clickHouse(list, s, w, modes).level(), what + " (reference 1)");
    assertEquals(expected, library(list, s, w, modes), what + " (library)");
  }

  private static final Set<Mode> DEFAULT = Set.of();
  private static final Set<Mode> ORDER = Set.of(Mode.STRICT_ORDER);
  private static final Set<Mode> DEDUP = Set.of(Mode.STRICT_DEDUPLICATION);
  private static final Set<Mode> INCREASE = Set.of(Mode.STRICT_INCREASE);
  private static final Set<Mode> DEDUP_ORDER = Set.of(Mode.STRICT_DEDUPLICATION, Mode.STRICT_ORDER);

  @Test
  void clickHouseReferenceCases() {
    String t00632 = "00632_aggregation_window_funnel";
    String funnelTest = "e1000@0 e1001@1 e1002@2 e1003@3 e1004@4 e1005@5 e1006@6 e1007@7 e1008@8";
    reference(t00632, funnelTest, 10000, DEFAULT, "e1000", 1);
    reference(t00632, funnelTest, 10000, DEFAULT, "e1000,e1001", 2);
    reference(t00632, funnelTest, 10000, DEFAULT, "e1000,e1001,e1002", 3);
    reference(t00632, funnelTest, 10000, DEFAULT, "e1000,e1001,e1002,e1008", 4);
    reference(t00632, funnelTest, 1, DEFAULT, "e1000", 1);
    reference(t00632, funnelTest, 2, DEFAULT, "e1003,e1004,e1005,e1006,e1007", 3);
    reference(t00632, funnelTest, 3, DEFAULT, "e1003,e1004,e1005,e1006,e1007", 4);
    reference(t00632, funnelTest, 4, DEFAULT, "e1003,e1004,e1005,e1006,e1007", 5);
    String test2 =
        "e1001@1514768461 e1002@1514768462 e1003@1514768463 e1004@1514768464 e1005@1514768465"
            + " e1006@1514768466 e1007@1514768467 e1008@1514768468";
    reference(t00632, test2, 4, DEFAULT, "e1003,e1004,e1005,e1006,e1007", 5);
    reference(t00632, test2, 10000, DEFAULT, "e1001,e1008", 2);
    reference(t00632, test2, 10000, DEFAULT, "e1008,e1001", 1);
    String u64 =
        "e1001@100000000000001 e1002@100000000000002 e1003@100000000000003"
            + " e1004@100000000000004 e1005@100000000000005 e1006@100000000000006"
            + " e1007@100000000000007 e1008@100000000000008";
    // 1e14 seconds does not fit Instant; the same case in milliseconds: window 4 ms.
    List<Ev> u64ms = new ArrayList<>();
    for (Ev e : parse(u64)) {
      u64ms.add(new Ev("u", e.at() / 1000 - 100_000_000_000_000L + 1_000_000_000_000L, e.name()));
    }
    List<String> s5 = List.of("e1003", "e1004", "e1005", "e1006", "e1007");
    assertEquals(5, library(u64ms, s5, 4, DEFAULT));
    assertEquals(2, library(u64ms, List.of("e1001", "e1008"), 10000, DEFAULT));
    assertEquals(1, library(u64ms, List.of("e1008", "e1001"), 10000, DEFAULT));
    String strict =
        "e1000@0 e1001@10 e1002@20 e1003@30 e1004@40 e1005@50 e1005@51 e1006@60 e1007@70 e1008@80";
    String s7 = "e1000,e1001,e1002,e1003,e1004,e1005,e1006";
    reference(t00632, strict, 10000, DEDUP, s7, 6);
    reference(t00632, strict, 10000, DEFAULT, s7, 7);
    String[] users = {
      "a@1 b@2 c@3",
      "a@1 d@2 b@3 c@4",
      "a@1 a@2 b@3 b@4 c@5 c@6",
      "a@1 a@2 a@3 a@4 b@5 b@6 c@7 c@8",
      "a@1 a@2 b@3 b@4 d@5 c@6 c@7",
      "c@1 c@2 b@3 b@4 a@5 a@6",
    };
    int[] plain = {3, 3, 3, 3, 3, 1};
    int[] order = {3, 1, 3, 3, 2, 1};
    int[] dedupOrder = {3, 1, 2, 2, 2, 1};
    for (int u = 0; u < users.length; u++) {
      reference(t00632 + " user " + (u + 1), users[u], 86400, DEFAULT, "a,b,c", plain[u]);
      reference(t00632 + " user " + (u + 1), users[u], 86400, ORDER, "a,b,c", order[u]);
      reference(t00632 + " user " + (u + 1), users[u], 86400, DEDUP_ORDER, "a,b,c", dedupOrder[u]);
    }
    reference(t00632 + " user 7", "a@1 c@2 b@3", 10, ORDER, "a,b,c", 1);
    reference(t00632 + " #27469", "a@1 b@2 c@3 b@4 d@5", 86400, DEDUP, "a,b,c,d", 3);
    // funnel_test_non_null, conditions on one column, as event names (null -> "null")
    reference(t00632 + " non_null u1", "a1@1 a2@2", 86400, DEFAULT, "a1,a2", 2);
    reference(t00632 + " non_null u4", "null@1 a2@2 null@3", 86400, DEFAULT, "a1,a2", 0);
    String strictIncrease = "e1000@0 e1001@1 e1002@1 e1003@1 e1004@2";
    reference(t00632, strictIncrease, 10000, DEFAULT, "e1000,e1001,e1002,e1003,e1004", 5);
    reference(t00632, strictIncrease, 10000, INCREASE, "e1000,e1001,e1002,e1003,e1004", 2);
    // allow_reentry block, strict_order only: the stored reference (an intermediate version) says
    // 2, 2, 3, 1, 3 and 2, 2, 4, 1, 3; the source with allow_reentry and #37177 gives these.
    String[] reentry = {
      "a@1 b@2 a@3 c@4",
      "a@1 b@2 a@3 b@4 c@5",
      "a@1 b@2 c@3 b@4 d@5",
      "a@1 c@2 b@3",
      "a@1 b@2 c@3 a@4 b@5 c@6 d@7",
    };
    int[] reentry3 = {3, 3, 3, 1, 3};
    int[] reentry4 = {3, 3, 4, 1, 4};
    for (int u = 0; u < reentry.length; u++) {
      reference(t00632 + " reentry " + (u + 1), reentry[u], 86400, ORDER, "a,b,c", reentry3[u]);
      reference(t00632 + " reentry " + (u + 1), reentry[u], 86400, ORDER, "a,b,c,d", reentry4[u]);
    }
    // 01646_fix_window_funnel_inconistency: ties in either input order, level 2.
    String t01646 = "01646_fix_window_funnel_inconistency";
    long day = 86400;
    reference(
        t01646,
        "e1004@" + 29 * day + " e1003@" + 29 * day + " e1002@" + 28 * day,
        6048000000000L,
        DEFAULT,
        "e1004,e1003,e1002",
        2);
    reference(
        t01646,
        "e1003@" + 29 * day + " e1004@" + 29 * day + " e1002@" + 28 * day,
        6048000000000L,
        DEFAULT,
        "e1004,e1003,e1002",
        2);
    // PR #9773 (strict_order), its table.
    String[][] pr9773 = {
      {"a@1 b@2 c@3", "3", "3"},
      {"a@1 d@2 b@3 c@4", "3", "1"},
      {"a@1 a@2 b@3 b@4 c@5 c@6", "3", "3"},
      {"a@1 a@2 a@3 a@4 b@5 b@6 c@7 c@8", "3", "3"},
      {"a@1 a@2 b@3 b@4 d@5 c@6 c@7", "3", "2"},
      {"b@1 b@2 c@3 c@4 a@5 a@6", "1", "1"},
    };
    for (String[] row : pr9773) {
      reference("PR #9773", row[0], 86400, DEFAULT, "a,b,c", Integer.parseInt(row[1]));
      reference("PR #9773", row[0], 86400, ORDER, "a,b,c", Integer.parseInt(row[2]));
    }
    // PR #6548 ('strict', now strict_deduplication)
    reference("PR #6548", "a@0 b@10 b@11 c@20", 10000, DEDUP, "a,b,c", 2);
    reference("PR #6548", "a@0 b@10 b@11 c@20", 10000, DEFAULT, "a,b,c", 3);
    // Issue #37177, fixed by PR #99003: 3, not 1.
    reference(
        "#37177",
        "install@0 start@5 login@10 install@15 start@20 install@25 start@30 login@35 end@40",
        60,
        DEDUP,
        "install,start,login,end",
        3);
    reference(
        "PR #99003",
        "install@0 start@5 login@10 install@15",
        60,
        DEDUP,
        "install,start,login,end",
        3);
    // Issues #40263 and #36256: a b d b, steps a b c d.
    reference("#40263", "a@0 b@600 d@1800 b@2400", 1800, DEFAULT, "a,b,c,d", 2);
    reference("#40263", "a@0 b@600 d@1800 b@2400", 1800, DEDUP, "a,b,c,d", 2);
    reference("#40263", "a@0 b@600 d@1800 b@2400", 1800, ORDER, "a,b,c,d", 2);
    // Issue #23057 (strict_order): Product intervenes.
    reference(
        "#23057",
        "Start@0 Anketa@7200 Product@16200 Start@16800 Anketa@16800 Finish@16900",
        86400,
        ORDER,
        "Start,Anketa,Finish",
        2);
  }

  /**
   * ClickHouse issue #52844 (open, labelled bug): under strict_increase the documented longest
   * chain is 4 (p0@1 p1@2 p2@3 p3@4), ClickHouse's scan returns 2, and the library follows the scan
   * (as its javadoc says). Fixing ClickHouse means applying the updates of one timestamp only after
   * all its events were seen (ClickHouse PR #112629, open).
   */
  @Test
  void strictIncreaseFollowsClickHouseScanNotTheDocumentedLongestChain() {
    // The smallest case: a@1 a@2 b@2. The chain a@1 b@2 increases strictly, but a@2 took level 1.
    List<Ev> small = parse("a@1 a@2 b@2");
    assertEquals(1, clickHouse(small, List.of("a", "b"), 10_000, INCREASE).level());
    assertEquals(2, bruteForce(small, List.of("a", "b"), 10_000, INCREASE));
    assertEquals(1, library(small, List.of("a", "b"), 10_000, INCREASE));
    List<Ev> events = parse("p0@1 p1@2 p2@2 p3@2 p1@3 p2@3 p3@3 p1@4 p2@4 p3@4");
    List<String> steps = List.of("p0", "p1", "p2", "p3");
    assertEquals(2, clickHouse(events, steps, 100000_000L, INCREASE).level());
    assertEquals(4, bruteForce(events, steps, 100000_000L, INCREASE));
    assertEquals(2, library(events, steps, 100000_000L, INCREASE));
  }
}
