package dev.funnel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class SampleSpecTest {

  @Test
  void defaultsAreTheDocumentedSample() {
    SampleSpec d = SampleSpec.defaults();
    assertEquals(
        new SampleSpec(42, 2000, 12, 5, Instant.parse("2025-01-06T00:00:00Z"), 12, "EUR"), d);
    assertEquals(Instant.parse("2026-01-06T00:00:00Z"), d.end());
    assertEquals(List.of("ads", "seo", "events", "referral", "social"), d.channelNames());
    assertEquals("social", d.vanityChannel());
    assertEquals("anna", d.ownerNames().get(0));
    assertEquals(12, d.ownerNames().size());
  }

  @Test
  void benchmarkHas200OwnersAnd10Channels() {
    SampleSpec b = SampleSpec.benchmark(1_000_000);
    assertEquals(1_000_000, b.deals());
    assertEquals(200, b.owners());
    assertEquals(10, b.channels());
    assertEquals("channel-10", b.channelNames().get(9));
    assertEquals("owner-200", b.ownerNames().get(199));
    assertEquals("social", b.vanityChannel());
  }

  @Test
  void withersChangeOneField() {
    SampleSpec d = SampleSpec.defaults();
    Instant t = Instant.parse("2026-03-02T00:00:00Z");
    assertEquals(new SampleSpec(7, 2000, 12, 5, d.start(), 12, "EUR"), d.withSeed(7));
    assertEquals(new SampleSpec(42, 10, 12, 5, d.start(), 12, "EUR"), d.withDeals(10));
    assertEquals(new SampleSpec(42, 2000, 3, 5, d.start(), 12, "EUR"), d.withOwners(3));
    assertEquals(new SampleSpec(42, 2000, 12, 2, d.start(), 12, "EUR"), d.withChannels(2));
    assertEquals(new SampleSpec(42, 2000, 12, 5, t, 12, "EUR"), d.withStart(t));
    assertEquals(new SampleSpec(42, 2000, 12, 5, d.start(), 3, "EUR"), d.withMonths(3));
    assertEquals(new SampleSpec(42, 2000, 12, 5, d.start(), 12, "USD"), d.withCurrency("USD"));
    assertEquals(new SampleSpec(42, 2000, 12, 5, d.start(), 12, "EUR", 0.5), d.withChurn(0.5));
    assertEquals(0, d.churn());
  }

  @Test
  void withFewerThanFiveChannelsTheLastIsTheVanityChannel() {
    assertEquals("referral", SampleSpec.defaults().withChannels(4).vanityChannel());
    assertEquals("ads", SampleSpec.defaults().withChannels(1).vanityChannel());
  }

  static Stream<Arguments> badSpecs() {
    SampleSpec d = SampleSpec.defaults();
    return Stream.of(
        Arguments.of(
            (Supplier<SampleSpec>) () -> d.withDeals(-1),
            "sample spec: deals -1 is not in [0, 10000000]"),
        Arguments.of(
            (Supplier<SampleSpec>) () -> d.withOwners(0),
            "sample spec: owners 0 is not in [1, 10000]"),
        Arguments.of(
            (Supplier<SampleSpec>) () -> d.withChannels(101),
            "sample spec: channels 101 is not in [1, 100]"),
        Arguments.of(
            (Supplier<SampleSpec>) () -> d.withMonths(0),
            "sample spec: months 0 is not in [1, 120]"),
        Arguments.of(
            (Supplier<SampleSpec>) () -> d.withStart(Instant.parse("2025-01-06T00:00:00.5Z")),
            "sample spec: start 2025-01-06T00:00:00.500Z has a fraction of a second; use whole"
                + " seconds"),
        Arguments.of(
            (Supplier<SampleSpec>) () -> d.withChurn(1.5),
            "sample spec: churn 1.5 is not in [0, 1]"),
        Arguments.of(
            (Supplier<SampleSpec>) () -> d.withChurn(Double.NaN),
            "sample spec: churn NaN is not in [0, 1]"),
        Arguments.of(
            (Supplier<SampleSpec>) () -> d.withCurrency("EURO"),
            "\"EURO\" is not an ISO 4217 currency code"));
  }

  @ParameterizedTest
  @MethodSource("badSpecs")
  void badValuesAreRejectedWithTheFieldAndValue(Supplier<SampleSpec> spec, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, spec::get);
    assertEquals(message, e.getMessage());
  }
}
