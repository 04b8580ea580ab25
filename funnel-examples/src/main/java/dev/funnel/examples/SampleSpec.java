package dev.funnel.examples;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What sample to generate: the seed, how many deals, owners and channels, the period and the
 * currency. Equal specs generate equal data, byte for byte.
 *
 * {@snippet :
 * SampleSpec spec = SampleSpec.defaults().withSeed(7).withDeals(500);
 * DealLog log = SampleData.dealLog(spec);
 * }
 *
 * @param seed the seed of every random choice
 * @param deals how many deals, in {@code [0, 10_000_000]}
 * @param owners how many sales managers own deals, in {@code [1, 10_000]}
 * @param channels how many acquisition channels, in {@code [1, 100]}; the first five are {@code
 *     ads}, {@code seo}, {@code events}, {@code referral} and {@code social}, further ones {@code
 *     channel-6}, {@code channel-7}, ...
 * @param start the first instant of the period, whole seconds
 * @param months the length of the period in calendar months (UTC), in {@code [1, 120]}
 * @param currency the ISO 4217 code of every amount
 * @param churn how restless deals are, in {@code [0, 1]}: 0 (the default) is the sample described
 *     by {@link SampleData}; higher values re-save stays more often, move deals backward more often
 *     (from {@code qualified} on) and reopen lost deals more often, up to several times. At 1 a
 *     deal has about five stage changes instead of about three, for benchmarks.
 */
public record SampleSpec(
    long seed,
    int deals,
    int owners,
    int channels,
    Instant start,
    int months,
    String currency,
    double churn) {

  /** The default seed. */
  public static final long DEFAULT_SEED = 42;

  /** The default first instant, a Monday. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-06T00:00:00Z");

  /** The largest deal count a spec accepts. */
  public static final int MAX_DEALS = 10_000_000;

  private static final List<String> NAMED_CHANNELS =
      List.of("ads", "seo", "events", "referral", "social");

  private static final List<String> NAMED_OWNERS =
      List.of(
          "anna", "ben", "clara", "david", "eva", "felix", "greta", "hugo", "ida", "jonas", "klara",
          "lukas");

  /**
   * Validates the spec.
   *
   * @throws IllegalArgumentException naming the field, its bad value and the allowed range
   */
  public SampleSpec {
    requireNonNull(start, "start");
    requireNonNull(currency, "currency");
    requireRange("deals", deals, 0, MAX_DEALS);
    requireRange("owners", owners, 1, 10_000);
    requireRange("channels", channels, 1, 100);
    requireRange("months", months, 1, 120);
    if (start.getNano() != 0) {
      throw new IllegalArgumentException(
          "sample spec: start " + start + " has a fraction of a second; use whole seconds");
    }
    Money.currency(currency);
    if (!(churn >= 0 && churn <= 1)) {
      throw new IllegalArgumentException("sample spec: churn " + churn + " is not in [0, 1]");
    }
  }

  /**
   * A spec with churn 0: the sample {@link SampleData} describes.
   *
   * @param seed the seed of every random choice
   * @param deals how many deals, in {@code [0, 10_000_000]}
   * @param owners how many sales managers own deals, in {@code [1, 10_000]}
   * @param channels how many acquisition channels, in {@code [1, 100]}
   * @param start the first instant of the period, whole seconds
   * @param months the length of the period in calendar months (UTC), in {@code [1, 120]}
   * @param currency the ISO 4217 code of every amount
   */
  public SampleSpec(
      long seed, int deals, int owners, int channels, Instant start, int months, String currency) {
    this(seed, deals, owners, channels, start, months, currency, 0);
  }

  private static void requireRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "sample spec: " + field + " " + value + " is not in [" + min + ", " + max + "]");
    }
  }

  /**
   * The default sample: seed 42, 2000 deals, 12 owners, 5 channels, 12 months from 2025-01-06 in
   * EUR.
   *
   * @return the default spec
   */
  public static SampleSpec defaults() {
    return new SampleSpec(DEFAULT_SEED, 2000, 12, 5, DEFAULT_START, 12, "EUR");
  }

  /**
   * A benchmark-sized sample: the defaults with this many deals, 200 owners and 10 channels.
   *
   * @param deals how many deals, in {@code [0, 10_000_000]}
   * @return the spec
   */
  public static SampleSpec benchmark(int deals) {
    return defaults().withDeals(deals).withOwners(200).withChannels(10);
  }

  /**
   * This spec with another seed.
   *
   * @param value the seed
   * @return a copy of this spec with that seed
   */
  public SampleSpec withSeed(long value) {
    return new SampleSpec(value, deals, owners, channels, start, months, currency, churn);
  }

  /**
   * This spec with another deal count.
   *
   * @param value how many deals
   * @return a copy of this spec with that deal count
   * @throws IllegalArgumentException if it is not in {@code [0, 10_000_000]}
   */
  public SampleSpec withDeals(int value) {
    return new SampleSpec(seed, value, owners, channels, start, months, currency, churn);
  }

  /**
   * This spec with another owner count.
   *
   * @param value how many owners
   * @return a copy of this spec with that owner count
   * @throws IllegalArgumentException if it is not in {@code [1, 10_000]}
   */
  public SampleSpec withOwners(int value) {
    return new SampleSpec(seed, deals, value, channels, start, months, currency, churn);
  }

  /**
   * This spec with another channel count.
   *
   * @param value how many channels
   * @return a copy of this spec with that channel count
   * @throws IllegalArgumentException if it is not in {@code [1, 100]}
   */
  public SampleSpec withChannels(int value) {
    return new SampleSpec(seed, deals, owners, value, start, months, currency, churn);
  }

  /**
   * This spec with another first instant.
   *
   * @param value the first instant of the period
   * @return a copy of this spec with that first instant
   * @throws IllegalArgumentException if it has a fraction of a second
   */
  public SampleSpec withStart(Instant value) {
    return new SampleSpec(seed, deals, owners, channels, value, months, currency, churn);
  }

  /**
   * This spec with another period length.
   *
   * @param value the length of the period in calendar months
   * @return a copy of this spec with that period length
   * @throws IllegalArgumentException if it is not in {@code [1, 120]}
   */
  public SampleSpec withMonths(int value) {
    return new SampleSpec(seed, deals, owners, channels, start, value, currency, churn);
  }

  /**
   * This spec with another currency.
   *
   * @param value the ISO 4217 code of every amount
   * @return a copy of this spec with that currency
   * @throws IllegalArgumentException if the code is not an ISO 4217 code
   */
  public SampleSpec withCurrency(String value) {
    return new SampleSpec(seed, deals, owners, channels, start, months, value, churn);
  }

  /**
   * This spec with another churn.
   *
   * @param value how restless deals are
   * @return a copy of this spec with that churn
   * @throws IllegalArgumentException if it is not in {@code [0, 1]}
   */
  public SampleSpec withChurn(double value) {
    return new SampleSpec(seed, deals, owners, channels, start, months, currency, value);
  }

  /**
   * The end of the period, exclusive: {@code start} plus {@code months} calendar months in UTC.
   *
   * @return the first instant after the period
   */
  public Instant end() {
    return start.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
  }

  /**
   * The channel names, in order.
   *
   * @return one name per channel: {@code ads}, {@code seo}, {@code events}, {@code referral},
   *     {@code social}, then {@code channel-6}, {@code channel-7}, ...
   */
  public List<String> channelNames() {
    List<String> names = new ArrayList<>(channels);
    for (int c = 0; c < channels; c++) {
      names.add(c < NAMED_CHANNELS.size() ? NAMED_CHANNELS.get(c) : "channel-" + (c + 1));
    }
    return List.copyOf(names);
  }

  /**
   * The vanity channel: its impressions, clicks and spend soar month over month while its leads and
   * won deals stay flat. It is {@code social}, or the last channel when there are fewer than five.
   *
   * @return the vanity channel's name
   */
  public String vanityChannel() {
    return channelNames().get(Math.min(4, channels - 1));
  }

  /**
   * The owner names, in order: twelve first names, then {@code owner-13}, {@code owner-14}, ...
   *
   * @return one name per owner
   */
  public List<String> ownerNames() {
    List<String> names = new ArrayList<>(owners);
    for (int o = 0; o < owners; o++) {
      names.add(o < NAMED_OWNERS.size() ? NAMED_OWNERS.get(o) : "owner-" + (o + 1));
    }
    return List.copyOf(names);
  }
}
