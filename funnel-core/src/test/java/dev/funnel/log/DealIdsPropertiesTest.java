package dev.funnel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.model.Deal;
import dev.funnel.model.Money;
import dev.funnel.model.Pipeline;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Every deal of a built log or live snapshot carries its own id, lead id and fields, whatever was
 * rejected or dropped around it (duplicate ids, a second currency, deals outside the 68-year
 * window), with multi-byte and unpaired-surrogate ids. The reference is first-come acceptance
 * computed on the input records. (Written by the review of the change that keeps ids as UTF-8 bytes
 * from append.)
 */
final class DealIdsPropertiesTest {
  static final Pipeline P =
      Pipeline.builder("p").open("new").open("qualified").won("won").lost("lost").build();
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final String[] IDS = {"D-1", "D-2", "Zürich-3", "東京-4", "D-5", "😀-6", "D-7", "D-8"};
  static final String[] LEADS = {
    "L-1", "リード", "Müller", "\uD800x", "x\uDC00", "😀", "L-" + "é".repeat(300)
  };

  static String norm(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  static List<Deal> inputs(long seed) {
    Random r = new Random(seed);
    int n = r.nextInt(40);
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id =
          r.nextInt(3) == 0
              ? IDS[r.nextInt(IDS.length)]
              : "U" + i + "-" + IDS[r.nextInt(IDS.length)];
      Instant created = T0.plusSeconds(r.nextInt(100_000) - 50_000);
      int w = r.nextInt(20);
      if (w == 0) created = Instant.parse("1900-01-01T00:00:00Z");
      if (w == 1) created = Instant.parse("2200-01-01T00:00:00Z");
      Deal.Builder b = Deal.builder(id, created);
      int a = r.nextInt(10);
      if (a < 6) b.amount(Money.of(String.valueOf(r.nextInt(1000)), "EUR"));
      else if (a < 7) b.amount(Money.of(String.valueOf(r.nextInt(1000)), "USD"));
      if (r.nextBoolean())
        b.leadId(LEADS[r.nextInt(LEADS.length)] + (r.nextBoolean() ? "" : "-" + i));
      if (r.nextInt(3) == 0) b.owner("o" + r.nextInt(3));
      if (r.nextInt(3) == 0) b.attribute("k" + r.nextInt(3), "v" + r.nextInt(4));
      deals.add(b.build());
    }
    return deals;
  }

  /** First-come acceptance: duplicates and a second currency are rejected. */
  static Map<String, Deal> accepted(List<Deal> deals) {
    Map<String, Deal> acc = new HashMap<>();
    Currency cur = null;
    for (Deal d : deals) {
      if (acc.containsKey(d.id())) continue;
      if (d.amount().isPresent()) {
        Currency c = d.amount().get().currency();
        if (cur == null) cur = c;
        else if (!cur.equals(c)) continue;
      }
      acc.put(d.id(), d);
    }
    return acc;
  }

  static void check(DealLog log, Map<String, Deal> acc) {
    long windowRejections =
        log.rejections().stream().filter(x -> x.field().equals("created_at")).count();
    assertEquals(acc.size() - windowRejections, log.dealCount());
    Set<String> seen = new HashSet<>();
    for (int d = 0; d < log.dealCount(); d++) {
      Deal got = log.deal(d);
      assertTrue(seen.add(got.id()), "id twice: " + got.id());
      Deal want = acc.get(got.id());
      assertTrue(want != null, "unknown id " + got.id());
      assertEquals(want.createdAt(), got.createdAt(), got.id());
      assertEquals(want.leadId().map(DealIdsPropertiesTest::norm), got.leadId(), got.id());
      assertEquals(want.owner(), got.owner(), got.id());
      assertEquals(want.attributes(), got.attributes(), got.id());
      assertEquals(want.amount().map(Money::minorUnits), got.amount().map(Money::minorUnits));
      assertEquals(Optional.of(d), log.indexOf(got.id()));
    }
  }

  @Property(tries = 1000)
  void batchLenient(@ForAll long seed) {
    List<Deal> in = inputs(seed);
    DealLogBuilder b = DealLog.builder(P).lenient();
    in.forEach(b::deal);
    DealLog log = b.build();
    for (String field : List.of("deal_id", "currency", "created_at")) {
      Statistics.label(field)
          .collect(log.rejections().stream().anyMatch(x -> x.field().equals(field)));
    }
    check(log, accepted(in));
  }

  @Property(tries = 1000)
  void liveLenientAndStrictEveryPrefix(@ForAll long seed) {
    List<Deal> in = inputs(seed);
    LiveDealLog lenient = LiveDealLog.lenient(P);
    LiveDealLog strict = LiveDealLog.create(P);
    Random r = new Random(seed ^ 42);
    for (int i = 0; i < in.size(); i++) {
      lenient.deal(in.get(i));
      try {
        strict.deal(in.get(i));
      } catch (RejectedRecordException e) {
        // refused
      }
      if (r.nextInt(3) == 0) {
        Map<String, Deal> acc = accepted(in.subList(0, i + 1));
        check(lenient.snapshot(), acc);
        check(lenient.snapshot(), acc);
        check(strict.snapshot(), acc);
      }
    }
    check(strict.snapshot(), accepted(in));
    check(lenient.snapshot(), accepted(in));
  }
}
