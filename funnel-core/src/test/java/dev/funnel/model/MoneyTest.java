package dev.funnel.model;

import static dev.funnel.model.Rejects.iae;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class MoneyTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency JPY = Currency.getInstance("JPY");

  static Stream<Arguments> invalidMoney() {
    return Stream.of(
        iae("amount 1.234 has more than the 2 decimals of EUR", () -> Money.of("1.234", "EUR")),
        iae("amount 0.001 has more than the 2 decimals of EUR", () -> Money.of("0.001", "EUR")),
        iae("amount 5.5 has more than the 0 decimals of JPY", () -> Money.of("5.5", "JPY")),
        iae(
            "amount 0.0001 has more than the 3 decimals of KWD",
            () -> Money.of(new BigDecimal("0.0001"), "KWD")),
        iae("\"EURO\" is not an ISO 4217 currency code", () -> Money.of("1", "EURO")),
        iae("\"eur\" is not an ISO 4217 currency code", () -> Money.currency("eur")),
        iae("\"\" is not an ISO 4217 currency code", () -> Money.currency("")),
        iae("\"1,50\" is not a plain decimal amount", () -> Money.of("1,50", "EUR")),
        iae("\"1e3\" is not a plain decimal amount", () -> Money.of("1e3", "EUR")),
        iae("\".5\" is not a plain decimal amount", () -> Money.of(".5", "EUR")),
        iae("\"\" is not a plain decimal amount", () -> Money.parseAmount("")),
        iae("\" 1\" is not a plain decimal amount", () -> Money.parseAmount(" 1")),
        iae(
            "cannot add USD to EUR: one report never mixes currencies",
            () -> Money.of("1", "EUR").plus(Money.of("1", "USD"))),
        iae(
            "cannot add EUR to USD: one report never mixes currencies",
            () -> Money.of("1", "USD").plus(Money.of("1", "EUR"))),
        iae(
            "cannot add GBP to EUR: one report never mixes currencies",
            () -> Money.of("1", "EUR").requireSameCurrency(Money.of("2", "GBP"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidMoney")
  void rejectsInvalidMoney(String message, Executable action) {
    Rejects.assertRejected(message, action);
  }

  @Test
  void normalizesToTheCurrencyScale() {
    Money m = Money.of("1250.5", "EUR");
    assertEquals(new BigDecimal("1250.50"), m.amount());
    assertEquals(Money.of("1250.50", "EUR"), m);
    assertEquals("1250.50 EUR", m.toString());
    // trailing zeros beyond the minor digits are not extra precision
    assertEquals(Money.of("3.00", "EUR"), Money.of("3.0000", "EUR"));
    assertEquals("7 JPY", Money.of("7.00", "JPY").toString());
    assertEquals("2.125 KWD", Money.of("2.125", "KWD").toString());
  }

  @Test
  void minorUnitsAreExact() {
    assertEquals(125050, Money.of("1250.50", "EUR").minorUnits());
    assertEquals(-1, Money.of("-0.01", "EUR").minorUnits());
    assertEquals(7, Money.of("7", "JPY").minorUnits());
    assertEquals(2125, Money.of("2.125", "KWD").minorUnits());
    assertEquals(0, Money.zero(EUR).minorUnits());
    // 2^53 + 1 cents cannot be represented by a double, but is exact here
    assertEquals(9007199254740993L, Money.of("90071992547409.93", "EUR").minorUnits());
    assertEquals(Long.MAX_VALUE, Money.ofMinor(Long.MAX_VALUE, EUR).minorUnits());
  }

  @Test
  void minorUnitsBeyondALongAreAnError() {
    // Long.MAX_VALUE = 9223372036854775807, so 92233720368547758.08 EUR is one cent too many
    assertThrows(
        ArithmeticException.class, () -> Money.of("92233720368547758.08", "EUR").minorUnits());
  }

  @Test
  void ofMinorIsTheInverseOfMinorUnits() {
    assertEquals(Money.of("1250.50", "EUR"), Money.ofMinor(125050, EUR));
    assertEquals(Money.of("-0.07", "EUR"), Money.ofMinor(-7, EUR));
    assertEquals(Money.of("42", "JPY"), Money.ofMinor(42, JPY));
  }

  @Test
  void addsExactlyInOneCurrency() {
    // 0.1 + 0.2 = 0.3 exactly, unlike doubles
    assertEquals(Money.of("0.30", "EUR"), Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR")));
    assertEquals(Money.of("-5.00", "EUR"), Money.of("10.00", "EUR").plus(Money.of("-15", "EUR")));
  }

  @Test
  void signAndParsing() {
    assertTrue(Money.of("-0.01", "EUR").isNegative());
    assertFalse(Money.zero(EUR).isNegative());
    assertFalse(Money.of("-0.00", "EUR").isNegative());
    assertEquals(new BigDecimal("12.5"), Money.parseAmount("+12.5"));
    assertEquals(EUR, Money.currency("EUR"));
  }
}
