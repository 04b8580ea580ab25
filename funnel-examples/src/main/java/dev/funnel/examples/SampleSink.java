package dev.funnel.examples;

import dev.funnel.model.ActivitySample;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import dev.funnel.model.StageChange;
import dev.funnel.model.Touch;
import dev.funnel.sequence.Event;

/**
 * Receives the records of a generated sample, one call per record. Every method does nothing by
 * default, so a sink overrides only what it needs.
 *
 * <p>Call order ({@link SampleData#generate}): {@link #pipeline} and {@link #calendar} first; then,
 * deal by deal in id order: the deal's lead with its events and touches (if the deal came from a
 * lead), the {@link #deal}, its {@link #change}s in {@code occurredAt} order and its touches; then
 * the leads that never became a deal, in creation order, each with its events and touches; then day
 * by day the {@link #spend} and {@link #activity} samples of every channel.
 */
public interface SampleSink {

  /**
   * The pipeline every stage change refers to; called once, first.
   *
   * @param pipeline the sample's pipeline
   */
  default void pipeline(Pipeline pipeline) {}

  /**
   * The sales team's business calendar; called once, second.
   *
   * @param calendar the calendar
   */
  default void calendar(SampleCalendar calendar) {}

  /**
   * A deal.
   *
   * @param deal the deal
   */
  default void deal(Deal deal) {}

  /**
   * A stage change of the deal passed last to {@link #deal}.
   *
   * @param change the stage change
   */
  default void change(StageChange change) {}

  /**
   * A lead.
   *
   * @param lead the lead
   */
  default void lead(Lead lead) {}

  /**
   * A contact with a lead or a deal.
   *
   * @param touch the touch
   */
  default void touch(Touch touch) {}

  /**
   * Marketing spend of one channel on one day.
   *
   * @param spend the spend sample
   */
  default void spend(SpendSample spend) {}

  /**
   * One activity metric of one channel on one day.
   *
   * @param activity the activity sample
   */
  default void activity(ActivitySample activity) {}

  /**
   * A sequence-funnel event of a lead (the entity is the lead id).
   *
   * @param event the event
   */
  default void event(Event event) {}
}
