package dev.funnel.examples;

import static java.util.Objects.requireNonNull;

import dev.funnel.examples.internal.Generator;
import dev.funnel.examples.internal.SamplePipeline;
import dev.funnel.log.DealLog;
import dev.funnel.model.Pipeline;

/**
 * Generates the sample a {@link SampleSpec} describes: a realistic B2B CRM over a period, the same
 * for the same spec. What it contains, with rough rates at the defaults:
 *
 * <ul>
 *   <li>Owners of unequal skill: about one in six is strong (more deals, a far higher chance to
 *       advance, larger deals) and carries much of the won revenue; the others spread from weak to
 *       average, so win rates differ several-fold.
 *   <li>Deals: about 69% enter {@code new} by an explicit change at creation, 20% implicitly (no
 *       change), 5% are created directly in {@code qualified} and 6% in {@code proposal}; about 3%
 *       are clicked through three or four stages within minutes of creation. About 60% come from a
 *       lead ({@code leadId}). About 6% have no amount.
 *   <li>Moves: each advance skips a stage with 10% chance; from {@code proposal} and {@code
 *       negotiation} 7% of moves go backward; 5% of stays are saved again into the same stage (a
 *       no-op); 8% of lost deals are reopened into an earlier open stage, some then won.
 *   <li>Recording: 6% of changes are back-dated (recorded 25 hours to 11 days after they occurred),
 *       24% are recorded minutes to two hours late, 4% are made by {@code admin}; 5% of deals with
 *       three or more changes get them recorded within a few minutes (a catch-up burst).
 *   <li>Losses: 90% of lost deals name a structured reason ({@code price}, {@code timing}, {@code
 *       competitor}, {@code no_budget}, {@code no_response}; early losses lean to no response and
 *       no budget, late ones to price and competitor).
 *   <li>At the end of the period deals created late are still open, about 6% stall for good, and
 *       open deals' touches stop weeks before the end for some (stale deals).
 *   <li>Leads: about 1.6 per deal never become a deal; arrivals include evenings and weekends;
 *       first responses take minutes to days in working time, and 8% of the leads that never became
 *       a deal were never touched.
 *   <li>The vanity channel ({@link SampleSpec#vanityChannel()}): its impressions grow 14% a month,
 *       clicks 15% and spend 9%, while its leads stay flat and its deals decline slowly and convert
 *       worse over time.
 * </ul>
 *
 * <p>Every record obeys METRICS.md: no change before its deal's creation, {@code recordedAt} not
 * before {@code occurredAt}, stage ids of {@link #pipeline()}, amounts non-negative in the spec's
 * single currency. No record lies at or after {@link SampleSpec#end()}.
 */
public final class SampleData {
  private SampleData() {}

  /**
   * The sample's b2b pipeline: open stages {@code new}, {@code qualified}, {@code proposal}, {@code
   * negotiation} declaring win probabilities 0.25, 0.4, 0.6 and 0.8 (optimistic: the deals of the
   * sample win less often from each stage), then {@code won} and {@code lost}.
   *
   * @return the pipeline
   */
  public static Pipeline pipeline() {
    return SamplePipeline.INSTANCE.pipeline();
  }

  /**
   * The sales team's business calendar over the years of the spec's period (Europe/Berlin).
   *
   * @param spec the sample spec
   * @return the calendar
   */
  public static SampleCalendar calendar(SampleSpec spec) {
    return new Generator(requireNonNull(spec, "spec")).calendar();
  }

  /**
   * Generates every record of the sample into the sink, in the order {@link SampleSink} documents.
   * Nothing is kept in memory beyond one month of leads.
   *
   * @param spec the sample spec
   * @param sink the receiver of every record
   */
  public static void generate(SampleSpec spec, SampleSink sink) {
    requireNonNull(sink, "sink");
    new Generator(requireNonNull(spec, "spec")).generate(sink);
  }

  /**
   * The deals and stage changes of the sample, validated into a strict {@link DealLog}: the same
   * deals and changes {@link #generate} emits, without leads, touches or marketing. This is the
   * fast path for benchmarks: records go straight into the log's columns.
   *
   * @param spec the sample spec
   * @return the deal log
   */
  public static DealLog dealLog(SampleSpec spec) {
    return new Generator(requireNonNull(spec, "spec")).dealLog();
  }
}
