package dev.funnel.examples;

import dev.funnel.model.ActivitySample;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Pipeline;
import dev.funnel.model.SpendSample;
import dev.funnel.model.StageChange;
import dev.funnel.model.Touch;
import dev.funnel.sequence.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every record of a (small) sample in memory, for tests. */
final class RecordingSink implements SampleSink {
  final List<Pipeline> pipelines = new ArrayList<>();
  final List<SampleCalendar> calendars = new ArrayList<>();
  final List<Deal> deals = new ArrayList<>();
  final List<StageChange> changes = new ArrayList<>();
  final Map<String, List<StageChange>> changesByDeal = new LinkedHashMap<>();
  final List<Lead> leads = new ArrayList<>();
  final List<Touch> touches = new ArrayList<>();
  final List<SpendSample> spend = new ArrayList<>();
  final List<ActivitySample> activity = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  final List<String> order = new ArrayList<>();

  static RecordingSink of(SampleSpec spec) {
    RecordingSink sink = new RecordingSink();
    SampleData.generate(spec, sink);
    return sink;
  }

  private void kind(String kind) {
    if (order.isEmpty() || !order.get(order.size() - 1).equals(kind)) {
      order.add(kind);
    }
  }

  @Override
  public void pipeline(Pipeline pipeline) {
    kind("pipeline");
    pipelines.add(pipeline);
  }

  @Override
  public void calendar(SampleCalendar calendar) {
    kind("calendar");
    calendars.add(calendar);
  }

  @Override
  public void deal(Deal deal) {
    kind("deal");
    deals.add(deal);
    changesByDeal.put(deal.id(), new ArrayList<>());
  }

  @Override
  public void change(StageChange change) {
    kind("change");
    changes.add(change);
    changesByDeal.get(change.dealId()).add(change);
  }

  @Override
  public void lead(Lead lead) {
    kind("lead");
    leads.add(lead);
  }

  @Override
  public void touch(Touch touch) {
    kind("touch");
    touches.add(touch);
  }

  @Override
  public void spend(SpendSample sample) {
    kind("spend");
    spend.add(sample);
  }

  @Override
  public void activity(ActivitySample sample) {
    kind("activity");
    activity.add(sample);
  }

  @Override
  public void event(Event event) {
    kind("event");
    events.add(event);
  }
}
