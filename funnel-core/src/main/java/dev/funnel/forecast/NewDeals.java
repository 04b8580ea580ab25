package dev.funnel.forecast;

import static java.util.Objects.requireNonNull;

import dev.funnel.model.Money;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The expected revenue, within the horizon, of deals not created yet, by one of two models ({@link
 * #model()} says which gave {@link #expectedRevenue()}).
 *
 * <p><b>Deal rate</b> (always computed; used without leads): the lead flow goes on as in the
 * lookback window before as-of, so new deals arrive at the rate at which deals were created in it
 * ({@code dealsPerDay}; this rate already carries the leads' conversion into deals); a new deal is
 * won within {@code t} of its creation with the cumulative incidence F(t) of WON from creation
 * (Aalen-Johansen over the deals created by as-of, LOST competing, open deals censored: the cycle
 * time); it brings the mean amount of the deals created in the lookback. Revenue = dealsPerDay x
 * meanAmount x integral of F over [0, H], arrivals spread evenly over the horizon.
 *
 * <p><b>Lead flow</b> (used when leads were given, {@link Forecast#leads(List)}): see {@link
 * LeadFlow}.
 *
 * @param model the model that gave {@code expectedRevenue}
 * @param lookback the window {@code (asOf - lookback, asOf]} the rates come from
 * @param deals deals created in the lookback
 * @param dealsPerDay their arrival rate
 * @param meanAmount the mean amount of those with an amount
 * @param winWithinHorizon the probability that a deal created at as-of is won within the horizon
 * @param dealRateRevenue the deal-rate model's expected revenue
 * @param leadFlow the lead-flow model's figures, when leads were given
 * @param expectedRevenue the expected revenue won within the horizon from deals not created yet, by
 *     {@code model}
 */
public record NewDeals(
    Model model,
    Duration lookback,
    int deals,
    double dealsPerDay,
    Money meanAmount,
    double winWithinHorizon,
    Money dealRateRevenue,
    Optional<LeadFlow> leadFlow,
    Money expectedRevenue) {

  /** Which model gave the expected revenue of new deals. */
  public enum Model {
    /** From the deal creation rate of the lookback and the deals' cycle time (no leads given). */
    DEAL_RATE,
    /** From the lead arrival rate, the lead-to-deal conversion and the lead-to-won delay. */
    LEAD_FLOW
  }

  /** Validates the record. */
  public NewDeals {
    requireNonNull(model, "model");
    requireNonNull(lookback, "lookback");
    requireNonNull(meanAmount, "meanAmount");
    requireNonNull(dealRateRevenue, "dealRateRevenue");
    requireNonNull(leadFlow, "leadFlow");
    requireNonNull(expectedRevenue, "expectedRevenue");
    if ((model == Model.LEAD_FLOW) != leadFlow.isPresent()) {
      throw new IllegalArgumentException(
          "model " + model + " with" + (leadFlow.isPresent() ? "" : "out") + " lead-flow figures");
    }
  }

  /**
   * The lead-flow model of new-deal revenue, a discrete-time model in days. Leads arrive at the
   * rate of the lookback window {@code (asOf - 90d, asOf]} ({@code leadsPerDay}); a lead becomes a
   * deal with the conversion of the window's leads ({@code conversion}: leads of the window named
   * by the {@code lead_id} of a deal created by as-of, out of the window's leads); a new deal is
   * won with {@code winProbability} (the empirical chain probability of the first open stage, which
   * every new deal enters); a won deal is won a delay D after its lead arrived, D drawn from the
   * empirical distribution G of the lead-to-won delays (lead arrival to the deal's first WON
   * change) of the deals created from the given leads and won by as-of; it brings {@code
   * meanWonAmount}, the mean amount of those won deals.
   *
   * <p>Leads arriving on day a = 0, 1, ... of the horizon arrive at {@code asOf + a days} (the
   * last, partial day carries its fraction of a day's leads); such a lead is won inside the horizon
   * iff D &lt; H - a days. Expected revenue = sum over a of leadsPerDay x weight(a) x conversion x
   * winProbability x G(H - a) x meanWonAmount, with G(t) = share of delays below t.
   *
   * <p>Assumptions, also printed: the window's lead flow goes on unchanged; recent leads of the
   * window had less time to convert, so the conversion is biased low when the lead-to-deal delay is
   * long compared with the window; the delays come from deals already won, so long delays not yet
   * observed are missing (biased short); the delay distribution does not depend on the arrival day.
   * A missing figure (no lead in the window, no deal from a lead won by as-of, no evidence for the
   * first stage's probability) makes the revenue 0 and is named in {@link #notes()}.
   *
   * @param leads leads (distinct ids) that arrived in the window
   * @param leadsPerDay their arrival rate
   * @param expectedLeads leads expected to arrive in the horizon, leadsPerDay x H in days
   * @param conversion leads of the window that became deals, with its Wilson interval
   * @param winProbability the win probability of a new deal (0 without evidence)
   * @param wonFromLeads deals created from the given leads and won by as-of: the delay sample
   * @param meanLeadToDealDays their mean delay from lead arrival to deal creation, in days
   * @param meanDealToWonDays their mean time from creation to the win, in days
   * @param meanWonAmount the mean amount of those with an amount (0 if none)
   * @param wonWithinHorizon the share of the horizon's converted leads, averaged over arrival days,
   *     that are won before its end: mean over a of winProbability x G(H - a)
   * @param expectedRevenue the model's expected revenue
   * @param notes why a figure is 0, if one is
   */
  public record LeadFlow(
      long leads,
      double leadsPerDay,
      double expectedLeads,
      Proportion conversion,
      double winProbability,
      int wonFromLeads,
      OptionalDouble meanLeadToDealDays,
      OptionalDouble meanDealToWonDays,
      Money meanWonAmount,
      double wonWithinHorizon,
      Money expectedRevenue,
      List<String> notes) {
    /** Validates the record and copies the notes. */
    public LeadFlow {
      requireNonNull(conversion, "conversion");
      requireNonNull(meanLeadToDealDays, "meanLeadToDealDays");
      requireNonNull(meanDealToWonDays, "meanDealToWonDays");
      requireNonNull(meanWonAmount, "meanWonAmount");
      requireNonNull(expectedRevenue, "expectedRevenue");
      notes = List.copyOf(notes);
    }
  }

  /** Every figure and assumption of the model used, one per line. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        Print.row(
            "new deals (model %s): expected revenue within horizon %s",
            model == Model.LEAD_FLOW ? "lead flow" : "deal rate", expectedRevenue));
    if (leadFlow.isPresent()) {
      LeadFlow f = leadFlow.get();
      sb.append(
          Print.row(
              "  leads: %d in the lookback %s -> %.2f/day; expected in horizon %.1f",
              f.leads(), Print.horizon(lookback), f.leadsPerDay(), f.expectedLeads()));
      sb.append(Print.row("  lead -> deal conversion %s", f.conversion()));
      sb.append(
          Print.row(
              "  new deal win probability %s (empirical, first open stage)",
              Print.pct(f.winProbability())));
      sb.append(
          Print.row(
              "  lead -> won delay from %d deals won from leads: lead -> deal %s d, deal -> won %s d"
                  + " (means)",
              f.wonFromLeads(), days(f.meanLeadToDealDays()), days(f.meanDealToWonDays())));
      sb.append(
          Print.row(
              "  mean won amount %s; won before horizon end (mean over arrival days) %s",
              f.meanWonAmount(), Print.pct(f.wonWithinHorizon())));
      sb.append(
          Print.row(
              "  revenue = sum over arrival days a of leads/day x conversion x win probability x"
                  + " P(lead -> won delay < H - a) x mean won amount"));
      sb.append(
          Print.row(
              "  assumes: the lookback's lead flow goes on; conversion of recent leads is"
                  + " incomplete (biased low); delays only from deals already won (biased short)"));
      for (String note : f.notes()) {
        sb.append(Print.row("  note: %s", note));
      }
      sb.append(
          Print.row(
              "  (deal-rate model for comparison: %.2f deals/day -> %s)",
              dealsPerDay, dealRateRevenue));
    } else {
      sb.append(
          Print.row(
              "  %d deals created in the lookback %s -> %.2f/day, mean amount %s",
              deals, Print.horizon(lookback), dealsPerDay, meanAmount));
      sb.append(
          Print.row(
              "  a deal created at as-of is won within the horizon with %s (cycle time from"
                  + " creation)",
              Print.pct(winWithinHorizon)));
      sb.append(
          Print.row(
              "  revenue = deals/day x mean amount x integral of P(won within t) over the horizon"));
      sb.append(
          Print.row(
              "  assumes: the lookback's deal creation rate goes on (it carries the lead flow and"
                  + " its conversion); no leads given"));
    }
    return sb.toString();
  }

  private static String days(OptionalDouble v) {
    return v.isPresent() ? String.format(java.util.Locale.ROOT, "%.1f", v.getAsDouble()) : "-";
  }
}
