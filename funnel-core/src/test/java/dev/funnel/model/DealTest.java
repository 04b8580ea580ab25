package dev.funnel.model;

import static dev.funnel.model.Rejects.iae;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class DealTest {
  static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  static Stream<Arguments> invalidDeals() {
    return Stream.of(
        iae("deal id is blank", () -> Deal.builder("", T).build()),
        iae("deal id is blank", () -> Deal.builder("  ", T).build()),
        iae(
            "deal \"D-1\": amount -0.01 EUR is negative",
            () -> Deal.builder("D-1", T).amount("-0.01", "EUR").build()),
        iae(
            "deal \"D-1\": amount -5 JPY is negative",
            () -> Deal.builder("D-1", T).amount(Money.of("-5", "JPY")).build()),
        iae(
            "deal \"D-1\": lead id is blank (leave it absent instead)",
            () -> Deal.builder("D-1", T).leadId(" ").build()),
        iae(
            "deal \"D-1\": an attribute name is blank",
            () -> Deal.builder("D-1", T).attribute(" ", "x").build()),
        iae(
            "amount 1.001 has more than the 2 decimals of EUR",
            () -> Deal.builder("D-1", T).amount("1.001", "EUR")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDeals")
  void rejectsInvalidDeal(String message, Executable action) {
    Rejects.assertRejected(message, action);
  }

  @Test
  void builderSetsEveryField() {
    Deal deal =
        Deal.builder("D-1", T)
            .owner("ann")
            .channel("ads")
            .amount("1250.00", "EUR")
            .lossReason("price")
            .leadId("L-9")
            .attribute("segment", "smb")
            .build();
    assertEquals(
        new Deal(
            "D-1",
            T,
            Optional.of("ann"),
            Optional.of("ads"),
            Optional.of(Money.of("1250", "EUR")),
            Optional.of("price"),
            Optional.of("L-9"),
            Map.of("segment", "smb")),
        deal);
  }

  @Test
  void unsetFieldsAreAbsentAndZeroIsAnAmount() {
    Deal deal = Deal.builder("D-1", T).amount("0", "EUR").build();
    assertEquals(Optional.empty(), deal.owner());
    assertEquals(Optional.empty(), deal.channel());
    assertEquals(Optional.empty(), deal.lossReason());
    assertEquals(Optional.empty(), deal.leadId());
    assertEquals(Map.of(), deal.attributes());
    assertEquals(Optional.of(Money.of("0.00", "EUR")), deal.amount());
    assertEquals("(unspecified)", Deal.UNSPECIFIED);
  }

  @Test
  void blankValuesAreMissing() {
    // Review (second round): a CSV cell of spaces was an owner, a channel and a loss "reason".
    Deal deal =
        Deal.builder("D-1", T)
            .owner(" ")
            .channel("")
            .lossReason("\t ")
            .attribute("segment", "  ")
            .attribute("region", " eu ")
            .build();
    assertEquals(Deal.builder("D-1", T).attribute("region", " eu ").build(), deal);
    assertEquals(Optional.empty(), deal.lossReason());
    assertEquals(Map.of("region", " eu "), deal.attributes());
  }

  @Test
  void theMissingValuesNameIsReadAsMissing() {
    Deal deal =
        Deal.builder("D-1", T)
            .owner(Deal.UNSPECIFIED)
            .channel(Deal.UNSPECIFIED)
            .lossReason(Deal.UNSPECIFIED)
            .attribute("segment", Deal.UNSPECIFIED)
            .attribute("region", "eu")
            .build();
    assertEquals(Deal.builder("D-1", T).attribute("region", "eu").build(), deal);
    assertEquals(Optional.empty(), deal.owner());
    assertEquals(Map.of("region", "eu"), deal.attributes());
  }

  @Test
  void attributesKeepTheirOrderAndAreCopied() {
    Map<String, String> input = new LinkedHashMap<>();
    List<String> names = List.of("k", "b", "z", "a", "m", "c", "y", "d", "x", "e");
    for (String n : names) {
      input.put(n, n.toUpperCase(java.util.Locale.ROOT));
    }
    Deal deal =
        new Deal(
            "D-1",
            T,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            input);
    input.put("late", "L");
    assertEquals(names, List.copyOf(deal.attributes().keySet()));
  }
}
