package dev.funnel.sla;

import static java.util.Objects.requireNonNull;

import dev.funnel.internal.process.Text;
import dev.funnel.stats.Distribution;
import dev.funnel.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Speed and SLA at as-of (METRICS.md "Speed and SLA"): every lead against the response limit,
 * compliance overall, per owner and per channel, stale and rotting deals, the "act now" list and
 * the cost of slowness. See {@link Sla} for the definitions.
 *
 * @param asOf the as-of instant
 * @param responseLimit the response-time limit
 * @param start when the response clock starts
 * @param businessTime whether response times are business time (a calendar was given)
 * @param leads every measured lead, in input order
 * @param all SLA figures over every measured lead
 * @param owners per owner, by leads descending then owner
 * @param channels per channel, by leads descending then channel
 * @param costOfSlowness lead-to-deal and win rate per response-time bucket, bucket order
 * @param followUpLimit the follow-up limit of open deals
 * @param openDeals open deals at as-of (0 without a deal log)
 * @param staleDeals stale open deals, most overdue first
 * @param stageLimits the time limit per stage id, in pipeline order (the order given is kept)
 * @param rottingDeals deals over their stage's limit, most overdue first
 * @param actNow what to act on, most urgent (least time left) first
 */
public record SlaReport(
    Instant asOf,
    Duration responseLimit,
    SlaStart start,
    boolean businessTime,
    List<LeadSla> leads,
    SlaGroup all,
    List<SlaGroup> owners,
    List<SlaGroup> channels,
    List<BucketFigures> costOfSlowness,
    Duration followUpLimit,
    long openDeals,
    List<StaleDeal> staleDeals,
    Map<String, Duration> stageLimits,
    List<RottingDeal> rottingDeals,
    List<Action> actNow) {

  /** Validates the report. */
  public SlaReport {
    requireNonNull(asOf, "asOf");
    requireNonNull(responseLimit, "responseLimit");
    requireNonNull(start, "start");
    requireNonNull(all, "all");
    requireNonNull(followUpLimit, "followUpLimit");
    leads = List.copyOf(leads);
    owners = List.copyOf(owners);
    channels = List.copyOf(channels);
    costOfSlowness = List.copyOf(costOfSlowness);
    staleDeals = List.copyOf(staleDeals);
    // Map.copyOf would iterate in a per-JVM order: keep the given (pipeline) order.
    Map<String, Duration> limits = new LinkedHashMap<>();
    stageLimits.forEach(
        (stage, limit) -> limits.put(requireNonNull(stage, "stage"), requireNonNull(limit, stage)));
    stageLimits = Collections.unmodifiableMap(limits);
    rottingDeals = List.copyOf(rottingDeals);
    actNow = List.copyOf(actNow);
  }

  /**
   * Leads that met the SLA.
   *
   * @return the number of leads that met the SLA
   */
  public long met() {
    return all.met();
  }

  /**
   * Leads that breached the SLA.
   *
   * @return the number of leads that breached the SLA
   */
  public long breached() {
    return all.breached();
  }

  /**
   * Leads at risk.
   *
   * @return the number of leads at risk
   */
  public long atRisk() {
    return all.atRisk();
  }

  /**
   * Compliance: met / (met + breached).
   *
   * @return {@code met / (met + breached)} over every measured lead
   */
  public Proportion compliance() {
    return all.compliance();
  }

  /**
   * Response times of the touched leads.
   *
   * @return the response times over every measured lead that was touched
   */
  public Distribution responseTime() {
    return all.responseTime();
  }

  /**
   * Stale open deals out of open deals.
   *
   * @return stale deals / {@code openDeals}
   */
  public Proportion staleShare() {
    return Proportion.of(staleDeals.size(), openDeals);
  }

  /**
   * The report with at most {@code maxRows} rows per table.
   *
   * @param maxRows the most rows to show of each table
   * @return the report as text: totals, the owner, channel and cost-of-slowness tables, the stale
   *     and rotting counts and the act-now list
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String print(int maxRows) {
    Text.requireRows(maxRows);
    StringBuilder sb =
        new StringBuilder("SLA as of ")
            .append(asOf)
            .append(": respond within ")
            .append(Text.human(responseLimit))
            .append(businessTime ? " business time" : "")
            .append(" from ")
            .append(start == SlaStart.CREATED ? "creation" : "hand-over")
            .append('\n')
            .append(all.met())
            .append(" met, ")
            .append(all.breached())
            .append(" breached, ")
            .append(all.atRisk())
            .append(" at risk | compliance ")
            .append(Text.rate(compliance()))
            .append(" | response ")
            .append(responseTime())
            .append("\n\n");
    sb.append(groups("owner", owners, maxRows)).append('\n');
    sb.append(groups("channel", channels, maxRows)).append('\n');
    List<String[]> b = new ArrayList<>();
    b.add(new String[] {"response", "leads", "lead to deal", "win rate"});
    for (BucketFigures f : costOfSlowness) {
      b.add(
          new String[] {
            f.bucket().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
            Long.toString(f.leads()),
            Text.rate(f.leadToDeal()),
            Text.rate(f.winRate())
          });
    }
    sb.append(Text.align(b, 1)).append('\n');
    sb.append("stale deals (no touch for over ")
        .append(Text.human(followUpLimit))
        .append("): ")
        .append(staleDeals.size())
        .append(" of ")
        .append(openDeals)
        .append(" open | rotting deals: ")
        .append(rottingDeals.size())
        .append('\n');
    if (!actNow.isEmpty()) {
      sb.append('\n')
          .append(
              Text.capped(
                  new String[] {"act now", "subject", "owner", "time left"},
                  actNow,
                  x ->
                      new String[] {
                        x.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        x.subjectId(),
                        x.owner(),
                        Text.human(x.timeLeft())
                      },
                  3,
                  maxRows));
    }
    return sb.toString();
  }

  private static String groups(String name, List<SlaGroup> groups, int maxRows) {
    return Text.capped(
        new String[] {name, "met", "breached", "at risk", "compliance", "response p50", "p90"},
        groups,
        g ->
            new String[] {
              g.key(),
              Long.toString(g.met()),
              Long.toString(g.breached()),
              Long.toString(g.atRisk()),
              Text.rate(g.compliance()),
              Text.human(g.responseTime().p50()),
              Text.human(g.responseTime().p90())
            },
        1,
        maxRows);
  }

  /**
   * The report with every row.
   *
   * @return the report as text, every row shown
   */
  public String printAll() {
    return print(Integer.MAX_VALUE);
  }

  /** The report as tables of at most 20 rows. */
  @Override
  public String toString() {
    return print(Text.DEFAULT_ROWS);
  }
}
