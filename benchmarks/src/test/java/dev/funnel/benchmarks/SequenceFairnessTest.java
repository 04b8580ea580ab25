package dev.funnel.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.sequence.SequenceFunnel;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The sequence funnel's peers count the engine's entities per level on generated events. */
final class SequenceFairnessTest {

  @Test
  void peersCountTheEnginesLevels() throws Exception {
    EventData data = EventData.generate(5_000, 50_000, 3);
    Duration week = Duration.ofDays(7);
    long[] engine =
        SequencePeers.levels(
            SequenceFunnel.of(data.eventLog()).steps(EventData.STEPS).window(week).report());
    assertTrue(engine[5] > 100 && engine[0] > 10, Arrays.toString(engine));
    assertArrayEquals(engine, SequencePeers.streams(data.events(), EventData.STEPS, week));
    try (SequencePeers.Duck duck = new SequencePeers.Duck(data, EventData.STEPS, week)) {
      assertArrayEquals(engine, duck.levels(1));
      assertArrayEquals(engine, duck.levels(2));
    }
  }
}
