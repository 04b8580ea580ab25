package dev.funnel.log;

import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import dev.funnel.model.StageChange;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A validated, immutable log of deals and their stage changes in one pipeline: the input of every
 * analysis. Deals are held in {@code createdAt} order, ties by deal id (so that the log, and every
 * list an analysis gives in log order, does not depend on the order deals arrived in); each deal's
 * changes are contiguous and ordered by {@code occurredAt}, ties in input order, as METRICS.md
 * "Pipeline and deals" requires.
 *
 * <p>The log is columnar: stage, owner, channel, loss reason, actor and attribute values are
 * dictionary-encoded ints, instants are held to the second as int offsets from the earliest
 * creation, amounts as long minor units. Sub-second parts of instants are dropped on entry, after
 * they have ordered the deals and each deal's changes (a change at 10:00:00.2 comes before one at
 * 10:00:00.7 whatever their input order, and both are held at 10:00:00). Every rule compares whole
 * seconds: a change in the same second as its deal's creation, even 0.8 s before it, is accepted as
 * occurring at creation (the deal counts as created in that change's stage), and durations are
 * exact to within a second; a change recorded 0.8 s before it occurred, in the same second, is not
 * refused as recorded before it. Analyses that also read leads and touches (SLA, hand-off, KPIs,
 * forecast), which keep their fractions, see them as of an instant in whole seconds too. A log
 * holds amounts of one currency at most.
 *
 * <p>Build one with {@link #builder(Pipeline)} or with the readers of {@code funnel-io}. Instances
 * are created by funnel only; this interface is not for implementation elsewhere.
 *
 * {@snippet :
 * DealLog log = DealLog.builder(pipeline)
 *     .deal(Deal.builder("D-1", Instant.parse("2026-03-02T09:00:00Z")).owner("ann").build())
 *     .change("D-1", "qualified", Instant.parse("2026-03-03T10:00:00Z"))
 *     .build();
 * }
 */
public interface DealLog {

  /**
   * Starts a strict log builder for this pipeline.
   *
   * @param pipeline the pipeline every stage change refers to
   * @return a new strict builder
   */
  static DealLogBuilder builder(Pipeline pipeline) {
    return new DealLogBuilder(pipeline);
  }

  /**
   * The pipeline every stage change refers to.
   *
   * @return the pipeline
   */
  Pipeline pipeline();

  /**
   * The number of accepted deals.
   *
   * @return how many deals the log holds
   */
  int dealCount();

  /**
   * The number of accepted stage changes.
   *
   * @return how many stage changes the log holds
   */
  int changeCount();

  /**
   * The deal at this position ({@code createdAt} order), rebuilt from the columns. Instants are
   * those held by the log (whole seconds).
   *
   * @param index the deal's position, from 0
   * @return the deal
   * @throws IndexOutOfBoundsException if the index is not in {@code [0, dealCount())}
   */
  Deal deal(int index);

  /**
   * The stage changes of the deal at this position, in {@code occurredAt} order.
   *
   * @param index the deal's position, from 0
   * @return its stage changes; empty if it has none
   * @throws IndexOutOfBoundsException if the index is not in {@code [0, dealCount())}
   */
  List<StageChange> changes(int index);

  /**
   * The position of the deal with this id, if the log holds it.
   *
   * @param dealId the deal id
   * @return its position ({@code createdAt} order); empty if the log holds no such deal
   * @throws NullPointerException if the id is null
   */
  Optional<Integer> indexOf(String dealId);

  /**
   * The currency of the log's amounts; empty when no deal has an amount.
   *
   * @return the currency; empty when no deal has an amount
   */
  Optional<Currency> currency();

  /**
   * The latest event time in the log (creations and stage changes by {@code occurredAt}): the
   * default as-of instant of every query. Empty for a log built from no deal. A segment ({@link
   * #where}) has the latest event time of the log it was taken from, and a view ({@link #knownAt})
   * its instant, also when no deal is left in them: a report over an empty segment is as of the
   * same instant as the whole, not of the epoch.
   *
   * @return the latest event time; empty for a log built from no deal (and its segments and views)
   */
  Optional<Instant> latestEventTime();

  /**
   * The earliest creation time; empty for an empty log.
   *
   * @return the {@code createdAt} of the first deal; empty for an empty log
   */
  Optional<Instant> earliestCreation();

  /**
   * The attribute names seen on deals, in order of first appearance; a segment ({@link #where}) or
   * a view ({@link #knownAt}) has those of the log it was taken from.
   *
   * @return the attribute names, in order of first appearance
   */
  List<String> attributeNames();

  /**
   * Every record that was read: accepted deals and changes plus rejected records. A segment ({@link
   * #where}) or a view ({@link #knownAt}) read none: its deals plus its changes.
   *
   * @return accepted deals + accepted changes + rejected records
   */
  long recordsRead();

  /**
   * The records that were not accepted, in input order (by source, in the order the sources were
   * first added, then by line). Empty for a strict {@link DealLog#builder} log, which fails on the
   * first problem instead; a strict {@link LiveDealLog}'s snapshot lists the relation problems that
   * no single append could refuse (a change before its deal's creation, records outside the 68
   * years).
   *
   * @return the rejected records, in input order
   */
  List<Rejection> rejections();

  /**
   * The segment of this log that the predicate selects: the deals for which it holds, each with all
   * its stage changes, read by every analysis as a log of its own ({@code Funnel.of(ads).report()},
   * {@code Hygiene.of(team).report()}). One channel, one team:
   *
   * {@snippet :
   * DealLog ads = log.where(d -> d.channel().equals(Optional.of("ads")));
   * DealLog team = log.where(d -> d.owner().filter(List.of("ann", "bob")::contains).isPresent());
   * }
   *
   * <p>The predicate sees each deal once, as {@link #deal(int)} rebuilds it, in {@code createdAt}
   * order. The segment holds the selected deals and their changes exactly as this log does (same
   * order, ids, instants, values, pipeline), so any figure over it equals that figure over a log
   * built from the selected records alone, with two differences that keep a segment comparable with
   * the whole: its latest event time, the default as-of instant, is this log's (an open deal's age
   * does not depend on which other deals were selected), and so are its attribute names (a
   * breakdown by an attribute no selected deal has shows one group, {@code (unspecified)}). Owners,
   * channels, loss reasons, actors and attribute values that no selected deal uses are not in the
   * segment. A segment read no records and lists no rejections; this log keeps them.
   *
   * @param predicate which deals to keep
   * @return the segment, possibly empty; segments can be narrowed again
   */
  DealLog where(Predicate<? super Deal> predicate);

  /**
   * The log as the CRM held it at an instant: the deals created by then, each with the stage
   * changes <em>recorded</em> by then ({@code recordedAt <= instant}); a change recorded later,
   * even back-dated to before the instant, is not in it. The stages the CRM showed on Monday
   * morning, against those the log now tells of the same Monday:
   *
   * {@snippet :
   * Instant monday = Instant.parse("2026-03-02T09:00:00Z");
   * FunnelReport shown = Funnel.of(log.knownAt(monday)).report(); // as of monday
   * FunnelReport now = Funnel.of(log).asOf(monday).report();
   * }
   *
   * <p>As-of alone reads the log by occurrence time (METRICS.md "Time": events that occur after
   * as-of are not seen), so changes entered after the fact and back-dated show in reports as of
   * earlier instants, as if the CRM had known them then; the difference between the two reports is
   * what back-dating hid at the time. A backtest rebuilds its pipeline from this view (see {@code
   * Forecast.backtest}).
   *
   * <p>Instants are compared in whole seconds, as everywhere in a log: a record at second {@code s}
   * is known at the instant when {@code s <= floor(instant)}. Deals carry no recording time, so a
   * deal counts as known from its {@code createdAt}; a deal whose change at creation was recorded
   * later is known, in {@code s1} (the implicit entry), until that change is recorded. A deal's
   * fields (amount, owner, channel, loss reason, attributes, lead) are as this log holds them now:
   * the log keeps no history of them, so a breakdown or an amount over the view uses today's
   * values. The view holds the deals and changes exactly as this log does (same order, ids,
   * instants, values), so any figure over it equals that figure over a log built from those records
   * alone, as of the same instant, with two differences. Its latest event time, the default as-of,
   * is the instant itself (its whole second), also when this log's last event came earlier: a
   * report over the view is the report at the instant unless asked otherwise, also when no deal is
   * known by then (an instant 2^31 seconds or more after the log's first instant, beyond what a log
   * measures, is taken as the last second it measures, and one as far before it as the first). And
   * its attribute names stay this log's (as in {@link #where}). Owners, channels, loss reasons,
   * actors and attribute values that no kept record uses are not in it. It read no records and
   * lists no rejections; this log keeps them. Views compose: {@code log.knownAt(a).knownAt(b)}
   * holds the records of {@code log.knownAt(min(a, b))}, seen as of b, and the view of a {@link
   * #where} segment is the segment of the view. An as-of after the instant is not refused: it ages
   * the records known at the instant up to that later as-of, a report nobody could have run (the
   * {@code funnel} command refuses it).
   *
   * @param instant the instant the CRM is seen at
   * @return the log as recorded by that instant, possibly empty
   * @throws NullPointerException if the instant is null
   */
  DealLog knownAt(Instant instant);
}
