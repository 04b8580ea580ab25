package dev.funnel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.Funnel;
import dev.funnel.model.Deal;
import dev.funnel.model.StageChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DealLog#where} on three deals by hand. */
final class DealLogWhereTest {
  static final Instant T0 = DealLogBuilderTest.T0;

  /**
   * D1 (ann, EUR) qualified at +1h; D2 (bob, ads) lost at +5h, the latest event; D3 (ann, ads) won
   * at +3h; a change to an unknown stage is rejected (lenient).
   */
  static DealLog log() {
    return DealLog.builder(DealLogBuilderTest.B2B)
        .lenient()
        .deal(Deal.builder("D1", T0).owner("ann").amount("10.00", "EUR").build())
        .deal(Deal.builder("D2", T0.plusSeconds(60)).owner("bob").channel("ads").build())
        .deal(Deal.builder("D3", T0.plusSeconds(120)).owner("ann").channel("ads").build())
        .change("D1", "qualified", T0.plusSeconds(3600))
        .change("D2", "lost", T0.plusSeconds(5 * 3600))
        .change("D3", "won", T0.plusSeconds(3 * 3600))
        .change("D3", "nowhere", T0.plusSeconds(4 * 3600))
        .build();
  }

  @Test
  void annsDealsWithTheirChangesSeenAsOfTheWhole() {
    DealLog log = log();
    DealLog ann = log.where(d -> d.owner().equals(Optional.of("ann")));
    assertEquals(2, ann.dealCount());
    assertEquals(List.of("D1", "D3"), List.of(ann.deal(0).id(), ann.deal(1).id()));
    assertEquals(log.deal(2), ann.deal(1));
    assertEquals(List.of(StageChange.of("D3", "won", T0.plusSeconds(3 * 3600))), ann.changes(1));
    assertEquals(2, ann.changeCount());
    assertEquals(Optional.of(1), ann.indexOf("D3"));
    assertEquals(Optional.empty(), ann.indexOf("D2"));
    // D2's loss at +5h is the whole log's latest event, and the segment's default as-of.
    assertEquals(Optional.of(T0.plusSeconds(5 * 3600)), ann.latestEventTime());
    assertEquals(Optional.of(T0), ann.earliestCreation());
    assertEquals(log.currency(), ann.currency());
    // Read: 2 deals and 2 changes; the rejected change stays with the whole log.
    assertEquals(4, ann.recordsRead());
    assertEquals(List.of(), ann.rejections());
    assertEquals(1, log.rejections().size());
    assertEquals(7, log.recordsRead()); // 3 deals and 4 changes
  }

  @Test
  void aSegmentWithoutAmountsHasNoCurrency() {
    DealLog ads = log().where(d -> d.channel().isPresent());
    assertEquals(List.of("D2", "D3"), List.of(ads.deal(0).id(), ads.deal(1).id()));
    assertEquals(Optional.empty(), ads.currency());
  }

  @Test
  void anEmptySegmentIsSeenAsOfTheWhole() {
    DealLog log = log();
    DealLog none = log.where(d -> false);
    assertEquals(0, none.dealCount());
    assertEquals(0, none.changeCount());
    assertEquals(Optional.empty(), none.earliestCreation());
    assertEquals(0, none.recordsRead());
    // Its reports are as of the whole's latest event, as any segment's (an embedder's filter that
    // matches nothing reported as of 1970-01-01: API review); a log of no deal has no instant.
    assertEquals(log.latestEventTime(), none.latestEventTime());
    assertEquals(log.latestEventTime().orElseThrow(), Funnel.of(none).report().asOf());
    DealLog empty = DealLog.builder(log.pipeline()).build();
    assertEquals(Optional.empty(), empty.where(d -> true).latestEventTime());
    assertEquals(Optional.empty(), empty.knownAt(Instant.now()).latestEventTime());
    assertEquals(Instant.EPOCH, Funnel.of(empty.where(d -> true)).report().asOf());
  }

  @Test
  void thePredicateIsRequired() {
    assertThrows(NullPointerException.class, () -> log().where(null));
  }
}
