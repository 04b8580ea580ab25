package dev.funnel.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of money in one currency. Amounts of two currencies never add: {@link
 * #plus(Money)} fails naming both.
 *
 * @param amount the amount, exact, with at most the currency's minor digits
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {

  /**
   * Validates the amount.
   *
   * @throws IllegalArgumentException if the amount has more decimals than the currency has minor
   *     units
   */
  public Money {
    requireNonNull(amount, "amount");
    requireNonNull(currency, "currency");
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    if (amount.stripTrailingZeros().scale() > digits) {
      throw new IllegalArgumentException(
          "amount "
              + amount.toPlainString()
              + " has more than the "
              + digits
              + " decimals of "
              + currency.getCurrencyCode());
    }
    amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
  }

  /**
   * Parses a plain decimal amount ({@code "1250.00"}) in the currency with this ISO 4217 code.
   *
   * @param amount a plain decimal, e.g. {@code "1250.00"}
   * @param currencyCode an ISO 4217 code, e.g. {@code "EUR"}
   * @return the money
   * @throws IllegalArgumentException if the amount is not a plain decimal or the code is unknown
   */
  public static Money of(String amount, String currencyCode) {
    return new Money(parseAmount(amount), currency(currencyCode));
  }

  /**
   * Money from an amount and an ISO 4217 code.
   *
   * @param amount the amount, with at most the currency's minor digits
   * @param currencyCode an ISO 4217 code, e.g. {@code "EUR"}
   * @return the money
   */
  public static Money of(BigDecimal amount, String currencyCode) {
    return new Money(amount, currency(currencyCode));
  }

  /**
   * Zero in this currency.
   *
   * @param currency the currency
   * @return a zero amount in it
   */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * Money from an amount in minor units (cents). A currency without minor units defined ({@code
   * XXX}, whose default fraction digits are -1) counts whole units, as the constructor and {@link
   * #minorUnits()} do.
   *
   * @param minorUnits the amount in minor units, e.g. {@code 125000} for 1250.00 EUR
   * @param currency the currency
   * @return the money
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    return new Money(
        BigDecimal.valueOf(minorUnits, Math.max(currency.getDefaultFractionDigits(), 0)), currency);
  }

  /**
   * The currency with this ISO 4217 code.
   *
   * @param code an ISO 4217 code, e.g. {@code "EUR"}
   * @return the currency
   * @throws IllegalArgumentException if the code is not a known ISO 4217 code
   */
  public static Currency currency(String code) {
    requireNonNull(code, "code");
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + code + "\" is not an ISO 4217 currency code", e);
    }
  }

  /**
   * Parses a plain decimal with a {@code .} separator.
   *
   * @param text an optional sign and digits, optionally followed by {@code .} and more digits
   * @return the amount, with as many decimals as the text has
   * @throws IllegalArgumentException if the text is not a plain decimal
   */
  public static BigDecimal parseAmount(String text) {
    requireNonNull(text, "text");
    if (!text.matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
      throw new IllegalArgumentException("\"" + text + "\" is not a plain decimal amount");
    }
    return new BigDecimal(text);
  }

  /**
   * The amount in minor units (cents), exact.
   *
   * @return the amount in minor units, e.g. {@code 125000} for 1250.00 EUR
   * @throws ArithmeticException if it does not fit in a {@code long}
   */
  public long minorUnits() {
    return amount.movePointRight(Math.max(currency.getDefaultFractionDigits(), 0)).longValueExact();
  }

  /**
   * Whether the amount is below zero.
   *
   * @return true if the amount is below zero
   */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * The sum of two amounts of one currency.
   *
   * @param other an amount in this currency
   * @return the sum
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * Fails unless the other amount is in this currency.
   *
   * @param other the other amount
   * @throws IllegalArgumentException naming both currencies
   */
  public void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot add "
              + other.currency.getCurrencyCode()
              + " to "
              + currency.getCurrencyCode()
              + ": one report never mixes currencies");
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
