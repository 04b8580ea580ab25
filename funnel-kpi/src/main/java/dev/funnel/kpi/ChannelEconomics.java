package dev.funnel.kpi;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Spend, leads, deals, won deals and revenue of one scope over the whole report window, with CPL,
 * CAC, ROAS and ROMI recomputed from those merged sums (never averaged over periods).
 *
 * @param scope {@code all} or {@code channel=<name>}
 * @param spend marketing spend; absent without spend records
 * @param leads leads created; absent when no leads were given
 * @param deals deals created
 * @param wonDeals deals won
 * @param wonWithoutAmount deals won without an amount, counted apart from revenue
 * @param revenue revenue of the deals won that have an amount; absent when every won deal lacks one
 *     (unknown, not zero)
 * @param cpl spend / leads
 * @param cac (spend + sales cost) / won deals
 * @param roas revenue / spend
 * @param romi (revenue x margin - spend) / spend
 */
public record ChannelEconomics(
    String scope,
    Optional<BigDecimal> spend,
    OptionalLong leads,
    long deals,
    long wonDeals,
    long wonWithoutAmount,
    Optional<BigDecimal> revenue,
    OptionalDouble cpl,
    OptionalDouble cac,
    OptionalDouble roas,
    OptionalDouble romi) {

  /** Validates the row. */
  public ChannelEconomics {
    requireNonNull(scope, "scope");
    requireNonNull(spend, "spend");
    requireNonNull(leads, "leads");
    requireNonNull(revenue, "revenue");
    requireNonNull(cpl, "cpl");
    requireNonNull(cac, "cac");
    requireNonNull(roas, "roas");
    requireNonNull(romi, "romi");
  }

  /**
   * The economics of a scope from its measures merged over the window; {@code leadsGiven} false
   * when the report had no leads (their count is then unknown, not 0).
   *
   * @param scope {@code all} or {@code channel=<name>}
   * @param total the scope's measures, merged over the window
   * @param parameters the report's parameters (margin for ROMI)
   * @param leadsGiven whether the report had leads
   * @return the economics of the scope
   */
  public static ChannelEconomics of(
      String scope, Measures total, KpiParameters parameters, boolean leadsGiven) {
    return new ChannelEconomics(
        scope,
        total.get(Measure.SPEND),
        leadsGiven
            ? OptionalLong.of(total.get(Measure.LEADS).orElseThrow().longValueExact())
            : OptionalLong.empty(),
        total.get(Measure.DEALS).orElseThrow().longValueExact(),
        total.get(Measure.WON_DEALS).orElseThrow().longValueExact(),
        total.records(Measure.WON_WITHOUT_AMOUNT),
        total.get(Measure.REVENUE),
        KpiCatalog.cpl().compute(total, parameters),
        KpiCatalog.cac().compute(total, parameters),
        KpiCatalog.roas().compute(total, parameters),
        KpiCatalog.romi().compute(total, parameters));
  }

  /**
   * This row with its money written to the currency's minor unit: a zero sum (no spend record of
   * the scope's, nothing won) has no decimals of its own, and printed {@code 0} beside {@code
   * 5100.00}. {@link Money} writes every amount so; sums of amounts never hold more digits than the
   * currency has, so nothing is rounded.
   */
  ChannelEconomics inMinorUnits(Currency currency) {
    return new ChannelEconomics(
        scope,
        spend.map(v -> new Money(v, currency).amount()),
        leads,
        deals,
        wonDeals,
        wonWithoutAmount,
        revenue.map(v -> new Money(v, currency).amount()),
        cpl,
        cac,
        roas,
        romi);
  }

  /**
   * An aligned table of rows, one per scope.
   *
   * @param rows the rows, in the order to show
   * @param currency the report's currency code, shown in the title; empty to show none
   * @return the table, under a title line
   */
  public static String table(List<ChannelEconomics> rows, String currency) {
    // The column of won deals without an amount shows only when there are some.
    boolean unpriced = rows.stream().anyMatch(r -> r.wonWithoutAmount > 0);
    List<List<String>> out = new ArrayList<>();
    List<String> header =
        new ArrayList<>(List.of("scope", "spend", "leads", "deals", "won", "revenue"));
    if (unpriced) {
      header.add(5, "won w/o amount"); // after "won"
    }
    header.addAll(List.of("cpl", "cac", "roas", "romi"));
    out.add(header);
    for (ChannelEconomics r : rows) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  r.scope,
                  r.spend.map(BigDecimal::toPlainString).orElse(Format.ABSENT),
                  r.leads.isPresent() ? Long.toString(r.leads.getAsLong()) : Format.ABSENT,
                  Long.toString(r.deals),
                  Long.toString(r.wonDeals)));
      if (unpriced) {
        row.add(Long.toString(r.wonWithoutAmount));
      }
      row.add(r.revenue.map(BigDecimal::toPlainString).orElse(Format.ABSENT));
      row.addAll(
          List.of(
              Format.value(Unit.MONEY, r.cpl, ""),
              Format.value(Unit.MONEY, r.cac, ""),
              Format.value(Unit.RATIO, r.roas, ""),
              Format.value(Unit.RATIO, r.romi, "")));
      out.add(row);
    }
    return "Channel economics"
        + (currency.isEmpty() ? "" : " (" + currency + ")")
        + "\n"
        + Format.table(out);
  }
}
