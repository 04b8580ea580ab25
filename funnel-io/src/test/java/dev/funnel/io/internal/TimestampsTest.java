package dev.funnel.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

final class TimestampsTest {
  /** The hand-written fast path agrees with {@link OffsetDateTime#parse} on its layout. */
  @Property
  void fastPathAgreesWithTheJdk(
      @ForAll @LongRange(min = -62_000_000_000L, max = 250_000_000_000L) long epochSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
      @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours,
      @ForAll @IntRange(min = 0, max = 3) int fraction)
      throws CellException {
    Instant instant = Instant.ofEpochSecond(epochSecond, fraction == 0 ? 0 : nanos);
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 900);
    String pattern =
        fraction == 0
            ? "uuuu-MM-dd'T'HH:mm:ssXXX"
            : "uuuu-MM-dd'T'HH:mm:ss." + "S".repeat(fraction == 1 ? 3 : 9) + "XXX";
    String text = DateTimeFormatter.ofPattern(pattern).format(instant.atOffset(offset));
    Instant expected = OffsetDateTime.parse(text).toInstant();
    assertNotNull(Timestamps.fast(text), text);
    assertEquals(expected, Timestamps.parse("at", text), text);
  }
}
