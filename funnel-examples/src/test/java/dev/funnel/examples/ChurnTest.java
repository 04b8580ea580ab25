package dev.funnel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.log.DealLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ChurnTest {

  @Test
  void churnZeroIsTheSampleOfTheSevenFieldSpec() {
    SampleSpec plain = new SampleSpec(9, 3000, 20, 6, SampleSpec.DEFAULT_START, 12, "EUR");
    SampleSpec zero = plain.withChurn(0);
    assertEquals(plain, zero);
    DealLog a = SampleData.dealLog(plain);
    DealLog b = SampleData.dealLog(zero.withChurn(0.7).withChurn(0));
    assertEquals(a.changeCount(), b.changeCount());
    for (int d = 0; d < a.dealCount(); d++) {
      assertEquals(a.changes(d), b.changes(d));
    }
  }

  @Test
  void fullChurnGivesAboutFiveChangesPerDealAndMoreRevisits() {
    SampleSpec calm = SampleSpec.benchmark(20_000);
    DealLog quiet = SampleData.dealLog(calm);
    DealLog busy = SampleData.dealLog(calm.withChurn(1));
    double perDeal = busy.changeCount() / (double) busy.dealCount();
    assertTrue(perDeal >= 4.5 && perDeal <= 5.5, "changes per deal " + perDeal);
    assertTrue(quiet.changeCount() / (double) quiet.dealCount() < 3.5);
    assertTrue(reopenedDeals(busy) > 2 * reopenedDeals(quiet));
  }

  /** Deals with a change into an open stage after a change into lost, from the records. */
  private static int reopenedDeals(DealLog log) {
    int n = 0;
    for (int d = 0; d < log.dealCount(); d++) {
      List<String> stages = new ArrayList<>();
      log.changes(d).forEach(c -> stages.add(c.toStage()));
      int lost = stages.indexOf("lost");
      if (lost >= 0 && lost < stages.size() - 1) {
        n++;
      }
    }
    return n;
  }
}
