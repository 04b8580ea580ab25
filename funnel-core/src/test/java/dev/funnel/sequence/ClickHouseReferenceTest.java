package dev.funnel.sequence;

import static dev.funnel.sequence.Funnels.level;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of ClickHouse's own test {@code tests/queries/0_stateless/00632_aggregation_window_funnel}
 * ({@code .sql} and {@code .reference}), translated: a condition {@code event = 1003} becomes the
 * step name {@code e1003}, a timestamp t becomes epoch second t, {@code windowFunnel(w)} a window
 * of w seconds. The expected levels are ClickHouse's. Cases whose conditions overlap (one row
 * matching several conditions, {@code strict_once}) or use {@code allow_reentry} have no
 * counterpart here and are left out.
 */
final class ClickHouseReferenceTest {
  private static final List<Mode> DEFAULT = List.of();

  // funnel_test: (0,1000),(1,1001),...,(8,1008)
  private static final String FUNNEL_TEST =
      "e1000@0 e1001@1 e1002@2 e1003@3 e1004@4 e1005@5 e1006@6 e1007@7 e1008@8";
  // funnel_test2: DateTime '2018-01-01 01:01:01'..'01:01:08' carrying 1001..1008
  private static final String FUNNEL_TEST2 =
      "e1001@1514768461 e1002@1514768462 e1003@1514768463 e1004@1514768464 e1005@1514768465"
          + " e1006@1514768466 e1007@1514768467 e1008@1514768468";
  // funnel_test_u64: 1e14 + k carrying 1000 + k
  private static final String FUNNEL_TEST_U64 =
      "e1001@100000000000001 e1002@100000000000002 e1003@100000000000003 e1004@100000000000004"
          + " e1005@100000000000005 e1006@100000000000006 e1007@100000000000007"
          + " e1008@100000000000008";
  // funnel_test_strict
  private static final String FUNNEL_TEST_STRICT =
      "e1000@0 e1001@10 e1002@20 e1003@30 e1004@40 e1005@50 e1005@51 e1006@60 e1007@70 e1008@80";
  // funnel_test_strict_increase: (0,1000),(1,1001),(1,1002),(1,1003),(2,1004)
  private static final String STRICT_INCREASE = "e1000@0 e1001@1 e1002@1 e1003@1 e1004@2";
  private static final String[] E1000_TO_1004 = {"e1000", "e1001", "e1002", "e1003", "e1004"};
  private static final String[] E1003_TO_1007 = {"e1003", "e1004", "e1005", "e1006", "e1007"};
  private static final String[] E1000_TO_1006 = {
    "e1000", "e1001", "e1002", "e1003", "e1004", "e1005", "e1006"
  };

  // funnel_test_strict_order, users 1..6, times 1..n in DateTime seconds
  private static final String[] STRICT_ORDER_USERS = {
    "a@1 b@2 c@3",
    "a@1 d@2 b@3 c@4",
    "a@1 a@2 b@3 b@4 c@5 c@6",
    "a@1 a@2 a@3 a@4 b@5 b@6 c@7 c@8",
    "a@1 a@2 b@3 b@4 d@5 c@6 c@7",
    "c@1 c@2 b@3 b@4 a@5 a@6",
  };

  static Stream<Arguments> cases() {
    List<Mode> so = List.of(Mode.STRICT_ORDER);
    List<Mode> dedupSo = List.of(Mode.STRICT_DEDUPLICATION, Mode.STRICT_ORDER);
    Stream.Builder<Arguments> b = Stream.builder();
    b.add(Arguments.of("funnel_test 1", FUNNEL_TEST, 10000, DEFAULT, new String[] {"e1000"}, 1));
    b.add(
        Arguments.of(
            "funnel_test 2", FUNNEL_TEST, 10000, DEFAULT, new String[] {"e1000", "e1001"}, 2));
    b.add(
        Arguments.of(
            "funnel_test 3",
            FUNNEL_TEST,
            10000,
            DEFAULT,
            new String[] {"e1000", "e1001", "e1002"},
            3));
    b.add(
        Arguments.of(
            "funnel_test 4",
            FUNNEL_TEST,
            10000,
            DEFAULT,
            new String[] {"e1000", "e1001", "e1002", "e1008"},
            4));
    b.add(Arguments.of("funnel_test window 1", FUNNEL_TEST, 1, DEFAULT, new String[] {"e1000"}, 1));
    b.add(Arguments.of("funnel_test window 2", FUNNEL_TEST, 2, DEFAULT, E1003_TO_1007, 3));
    b.add(Arguments.of("funnel_test window 3", FUNNEL_TEST, 3, DEFAULT, E1003_TO_1007, 4));
    b.add(Arguments.of("funnel_test window 4", FUNNEL_TEST, 4, DEFAULT, E1003_TO_1007, 5));
    b.add(Arguments.of("funnel_test2 window 4", FUNNEL_TEST2, 4, DEFAULT, E1003_TO_1007, 5));
    b.add(
        Arguments.of(
            "funnel_test2 1001,1008",
            FUNNEL_TEST2,
            10000,
            DEFAULT,
            new String[] {"e1001", "e1008"},
            2));
    b.add(
        Arguments.of(
            "funnel_test2 1008,1001",
            FUNNEL_TEST2,
            10000,
            DEFAULT,
            new String[] {"e1008", "e1001"},
            1));
    b.add(Arguments.of("funnel_test_u64 window 4", FUNNEL_TEST_U64, 4, DEFAULT, E1003_TO_1007, 5));
    b.add(
        Arguments.of(
            "funnel_test_u64 1001,1008",
            FUNNEL_TEST_U64,
            10000,
            DEFAULT,
            new String[] {"e1001", "e1008"},
            2));
    b.add(
        Arguments.of(
            "funnel_test_u64 1008,1001",
            FUNNEL_TEST_U64,
            10000,
            DEFAULT,
            new String[] {"e1008", "e1001"},
            1));
    b.add(
        Arguments.of(
            "funnel_test_strict strict_deduplication",
            FUNNEL_TEST_STRICT,
            10000,
            List.of(Mode.STRICT_DEDUPLICATION),
            E1000_TO_1006,
            6));
    b.add(
        Arguments.of(
            "funnel_test_strict default", FUNNEL_TEST_STRICT, 10000, DEFAULT, E1000_TO_1006, 7));
    int[] byDefault = {3, 3, 3, 3, 3, 1};
    int[] byStrictOrder = {3, 1, 3, 3, 2, 1};
    int[] byDedupStrictOrder = {3, 1, 2, 2, 2, 1};
    String[] abc = {"a", "b", "c"};
    for (int u = 0; u < STRICT_ORDER_USERS.length; u++) {
      String user = "funnel_test_strict_order user " + (u + 1);
      b.add(
          Arguments.of(
              user + " default", STRICT_ORDER_USERS[u], 86400, DEFAULT, abc, byDefault[u]));
      b.add(
          Arguments.of(
              user + " strict_order", STRICT_ORDER_USERS[u], 86400, so, abc, byStrictOrder[u]));
      b.add(
          Arguments.of(
              user + " strict_deduplication,strict_order",
              STRICT_ORDER_USERS[u],
              86400,
              dedupSo,
              abc,
              byDedupStrictOrder[u]));
    }
    b.add(Arguments.of("funnel_test_strict_order user 7", "a@1 c@2 b@3", 10, so, abc, 1));
    b.add(
        Arguments.of(
            "strict_BiteTheDDDD (issue 27469)",
            "a@1 b@2 c@3 b@4 d@5",
            86400,
            List.of(Mode.STRICT_DEDUPLICATION),
            new String[] {"a", "b", "c", "d"},
            3));
    b.add(
        Arguments.of(
            "funnel_test_strict_increase default",
            STRICT_INCREASE,
            10000,
            DEFAULT,
            E1000_TO_1004,
            5));
    b.add(
        Arguments.of(
            "funnel_test_strict_increase strict_increase",
            STRICT_INCREASE,
            10000,
            List.of(Mode.STRICT_INCREASE),
            E1000_TO_1004,
            2));
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesClickHouse(
      String name, String events, long window, List<Mode> modes, String[] steps, int expected) {
    assertEquals(expected, level(events, window, modes, steps), name);
  }
}
