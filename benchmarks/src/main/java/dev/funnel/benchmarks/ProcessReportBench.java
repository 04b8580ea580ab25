package dev.funnel.benchmarks;

import dev.funnel.audit.Audit;
import dev.funnel.audit.AuditReport;
import dev.funnel.calendar.BusinessCalendar;
import dev.funnel.examples.SampleData;
import dev.funnel.examples.SampleSink;
import dev.funnel.examples.SampleSpec;
import dev.funnel.log.DealLog;
import dev.funnel.losses.LossReport;
import dev.funnel.losses.Losses;
import dev.funnel.model.Lead;
import dev.funnel.model.Touch;
import dev.funnel.people.People;
import dev.funnel.people.PeopleReport;
import dev.funnel.sla.Sla;
import dev.funnel.sla.SlaReport;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The process analyses that {@code funnel report} runs next to the funnel, at the sizes where a
 * scalability review found them quadratic or slow: {@code People} (each owner against the rest of
 * the team), {@code Losses} and {@code Audit} over the 1M-deal benchmark log (200 owners, 10
 * channels), and the SLA with and without a business calendar over the leads and touches of the
 * 100k-deal sample (every untouched lead is measured from its creation to the as-of, in business
 * time with the calendar). No peer: these guard against regressions; the figures before the fixes
 * are in the commits that made them.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProcessReportBench -rf json -rff
 * process.json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ProcessReportBench {
  @Param({"1000000"})
  public int deals;

  @Param({"100000"})
  public int slaDeals;

  private DealLog log;
  private DealLog slaLog;
  private List<Lead> leads;
  private List<Touch> touches;
  private BusinessCalendar calendar;

  @Setup(Level.Trial)
  public void setUp() {
    log = Datasets.dealLog(deals, 200, 10);
    SampleSpec spec = Datasets.spec(slaDeals, 200, 10);
    slaLog = SampleData.dealLog(spec);
    List<Lead> l = new ArrayList<>();
    List<Touch> t = new ArrayList<>();
    SampleData.generate(
        spec,
        new SampleSink() {
          @Override
          public void lead(Lead lead) {
            l.add(lead);
          }

          @Override
          public void touch(Touch touch) {
            t.add(touch);
          }
        });
    leads = List.copyOf(l);
    touches = List.copyOf(t);
    // Monday to Friday 09:00-18:00 in Berlin, ten holidays a year over the sample's years.
    BusinessCalendar.Builder b = BusinessCalendar.builder(ZoneId.of("Europe/Berlin"));
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
        b.hours(d, "09:00", "18:00");
      }
    }
    int year = spec.start().atZone(ZoneId.of("UTC")).getYear();
    for (int y = year - 1; y <= year + 2; y++) {
      for (int m = 1; m <= 10; m++) {
        b.holiday(LocalDate.of(y, m, 3));
      }
    }
    calendar = b.build();
    System.out.printf(
        "%n%s; SLA: %d deals, %d leads, %d touches%n",
        log, slaLog.dealCount(), leads.size(), touches.size());
  }

  @Benchmark
  public PeopleReport people() {
    return People.of(log).report();
  }

  @Benchmark
  public LossReport losses() {
    return Losses.of(log).report();
  }

  @Benchmark
  public AuditReport audit() {
    return Audit.of(log).report();
  }

  @Benchmark
  public SlaReport sla() {
    return Sla.of(leads, touches).deals(slaLog).report();
  }

  @Benchmark
  public SlaReport slaBusinessTime() {
    return Sla.of(leads, touches).deals(slaLog).calendar(calendar).report();
  }
}
