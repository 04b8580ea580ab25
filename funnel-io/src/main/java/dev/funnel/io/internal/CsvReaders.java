package dev.funnel.io.internal;

import dev.funnel.io.ReadResult;
import dev.funnel.log.DealLogBuilder;
import dev.funnel.log.Origin;
import dev.funnel.log.RejectedRecordException;
import dev.funnel.log.Rejection;
import dev.funnel.model.ActivitySample;
import dev.funnel.model.Deal;
import dev.funnel.model.Lead;
import dev.funnel.model.Money;
import dev.funnel.model.SpendSample;
import dev.funnel.model.StageChange;
import dev.funnel.model.Touch;
import dev.funnel.sequence.Event;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The row parsers of every CSV file of FORMATS.md. */
public final class CsvReaders {
  /** Required columns of {@code deals.csv}. */
  public static final List<String> DEALS = List.of("deal_id", "created_at");

  /** Required columns of {@code stage_changes.csv}. */
  public static final List<String> CHANGES = List.of("deal_id", "to_stage", "occurred_at");

  /** Required columns of {@code leads.csv}. */
  public static final List<String> LEADS = List.of("lead_id", "created_at");

  /** Required columns of {@code touches.csv}. */
  public static final List<String> TOUCHES = List.of("subject_id", "at");

  /** Required columns of {@code spend.csv}. */
  public static final List<String> SPEND = List.of("date", "channel", "cost", "currency");

  /** Required columns of {@code activity.csv}. */
  public static final List<String> ACTIVITY = List.of("date", "channel", "metric", "value");

  /** Required columns of {@code events.csv}. */
  public static final List<String> EVENTS = List.of("entity_id", "at", "event");

  private static final Set<String> DEAL_FIELDS =
      Set.of(
          "deal_id",
          "created_at",
          "owner",
          "channel",
          "amount",
          "currency",
          "loss_reason",
          "lead_id");

  private CsvReaders() {}

  /** Parses one row into a record. */
  @FunctionalInterface
  public interface RowParser<T> {
    /** The record of the current row of the table. */
    T parse(CsvTable t) throws CellException;
  }

  /**
   * Rejects a deal row; when its deal_id cell can be read (by its header position, also in a row
   * with too few or too many cells), the changes of that id are then rejected as changes of a
   * rejected deal, not of an unknown one.
   */
  private static void rejectDeal(CsvTable t, int id, DealLogBuilder builder, Rejection r) {
    String dealId = t.cell(id);
    if (dealId == null || dealId.isBlank()) {
      builder.reject(r);
    } else {
      builder.rejectDeal(dealId, r);
    }
  }

  /** Reads every deal of the table into the builder; rows that cannot be parsed are rejected. */
  public static void deals(CsvTable t, DealLogBuilder builder) throws IOException {
    int id = t.column("deal_id");
    int created = t.column("created_at");
    int owner = t.column("owner");
    int channel = t.column("channel");
    int amount = t.column("amount");
    int currency = t.column("currency");
    int lossReason = t.column("loss_reason");
    int leadId = t.column("lead_id");
    List<String> header = t.header();
    List<Integer> attributeColumns = new ArrayList<>();
    List<String> attributeNames = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (!DEAL_FIELDS.contains(header.get(i))) {
        attributeColumns.add(i);
        attributeNames.add(header.get(i));
      }
    }
    // FORMATS.md: every further column is an attribute, also one left empty in every row
    builder.attributes(attributeNames);
    while (t.next()) {
      Origin origin = new Origin(t.source(), t.line());
      Deal deal;
      try {
        checkWidth(t);
        Deal.Builder d =
            Deal.builder(required(t, id, "deal_id"), instant(t, created, "created_at"));
        String s;
        if ((s = t.cell(owner)) != null) {
          d.owner(s);
        }
        if ((s = t.cell(channel)) != null) {
          d.channel(s);
        }
        Money money = money(t, amount, "amount", currency);
        if (money != null) {
          d.amount(money);
        }
        if ((s = t.cell(lossReason)) != null) {
          d.lossReason(s);
        }
        if ((s = t.cell(leadId)) != null) {
          if (s.isBlank()) {
            throw new CellException("lead_id", s, "blank; leave the cell empty for no lead");
          }
          d.leadId(s);
        }
        for (int c : attributeColumns) {
          if ((s = t.cell(c)) != null) {
            d.attribute(header.get(c), s);
          }
        }
        deal = d.build();
      } catch (CellException e) {
        rejectDeal(t, id, builder, Rejection.of(origin, e.field(), e.value(), e.reason()));
        continue;
      } catch (IllegalArgumentException e) {
        rejectDeal(t, id, builder, Rejection.of(origin, "", "", String.valueOf(e.getMessage())));
        continue;
      }
      builder.deal(deal, origin);
    }
  }

  /** Reads every stage change of the table into the builder. */
  public static void changes(CsvTable t, DealLogBuilder builder) throws IOException {
    int id = t.column("deal_id");
    int stage = t.column("to_stage");
    int occurred = t.column("occurred_at");
    int recorded = t.column("recorded_at");
    int actor = t.column("actor");
    while (t.next()) {
      Origin origin = new Origin(t.source(), t.line());
      StageChange change;
      try {
        checkWidth(t);
        String dealId = required(t, id, "deal_id");
        String toStage = required(t, stage, "to_stage");
        Instant at = instant(t, occurred, "occurred_at");
        Instant rec = at;
        String r = t.cell(recorded);
        if (r != null) {
          rec = Timestamps.parse("recorded_at", r);
          if (rec.getEpochSecond() < at.getEpochSecond()) { // whole seconds, as StageChange
            throw new CellException("recorded_at", r, "before occurred_at " + at);
          }
        }
        change = new StageChange(dealId, toStage, at, rec, Optional.ofNullable(t.cell(actor)));
      } catch (CellException e) {
        builder.reject(Rejection.of(origin, e.field(), e.value(), e.reason()));
        continue;
      } catch (IllegalArgumentException e) {
        builder.reject(Rejection.of(origin, "", "", String.valueOf(e.getMessage())));
        continue;
      }
      builder.change(change, origin);
    }
  }

  /**
   * Reads every row with this parser; strict mode throws a {@link RejectedRecordException} at the
   * first row that cannot be parsed, lenient mode collects them.
   */
  public static <T> ReadResult<T> all(CsvTable t, boolean lenient, RowParser<T> parser)
      throws IOException {
    List<T> records = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    long read = 0;
    while (t.next()) {
      read++;
      Rejection rejection;
      try {
        checkWidth(t);
        records.add(parser.parse(t));
        continue;
      } catch (CellException e) {
        rejection = new Rejection(t.source(), t.line(), e.field(), e.value(), e.reason());
      } catch (IllegalArgumentException e) {
        rejection = new Rejection(t.source(), t.line(), "", "", String.valueOf(e.getMessage()));
      }
      if (!lenient) {
        throw new RejectedRecordException(rejection);
      }
      rejections.add(rejection);
    }
    return new ReadResult<>(records, rejections, read);
  }

  /**
   * The parser of {@code leads.csv} rows. A lead id may appear once: a later row with the same id
   * is rejected ({@code lead_id: "L-1": lead id is used twice}), so that no analysis counts the
   * lead twice and every one sees the same leads.
   */
  public static RowParser<Lead> leads(CsvTable t) {
    int id = t.column("lead_id");
    int created = t.column("created_at");
    int channel = t.column("channel");
    int handed = t.column("handed_over_at");
    int accepted = t.column("accepted_at");
    int rejected = t.column("rejected_at");
    int reason = t.column("rejection_reason");
    Set<String> seen = new HashSet<>();
    return row -> {
      String leadId = required(row, id, "lead_id");
      Instant createdAt = instant(row, created, "created_at");
      Optional<Instant> handedOverAt = optionalInstant(row, handed, "handed_over_at");
      Optional<Instant> acceptedAt = optionalInstant(row, accepted, "accepted_at");
      Optional<Instant> rejectedAt = optionalInstant(row, rejected, "rejected_at");
      // the rules of Lead, checked here to name the column and the cell as written
      notBefore(row, handed, "handed_over_at", handedOverAt, "created_at", createdAt);
      String start = handedOverAt.isPresent() ? "handed_over_at" : "created_at";
      Instant startAt = handedOverAt.orElse(createdAt);
      notBefore(row, accepted, "accepted_at", acceptedAt, start, startAt);
      notBefore(row, rejected, "rejected_at", rejectedAt, start, startAt);
      if (acceptedAt.isPresent() && rejectedAt.isPresent()) {
        throw new CellException(
            "rejected_at",
            row.raw(rejected),
            "the lead is also accepted (accepted_at "
                + row.raw(accepted)
                + "); a lead is accepted or rejected, not both");
      }
      Lead lead =
          new Lead(
              leadId,
              createdAt,
              Optional.ofNullable(row.cell(channel)),
              handedOverAt,
              acceptedAt,
              rejectedAt,
              Optional.ofNullable(row.cell(reason)));
      if (!seen.add(lead.id())) {
        throw new CellException("lead_id", lead.id(), "lead id is used twice");
      }
      return lead;
    };
  }

  /** The parser of {@code touches.csv} rows. */
  public static RowParser<Touch> touches(CsvTable t) {
    int subject = t.column("subject_id");
    int at = t.column("at");
    int kind = t.column("kind");
    int actor = t.column("actor");
    return row ->
        new Touch(
            required(row, subject, "subject_id"),
            instant(row, at, "at"),
            Optional.ofNullable(row.cell(kind)),
            Optional.ofNullable(row.cell(actor)));
  }

  /** The parser of {@code spend.csv} rows. */
  public static RowParser<SpendSample> spend(CsvTable t) {
    int date = t.column("date");
    int channel = t.column("channel");
    int cost = t.column("cost");
    int currency = t.column("currency");
    return row -> {
      LocalDate day = date(row, date, "date");
      String ch = required(row, channel, "channel");
      required(row, cost, "cost");
      Money money = money(row, cost, "cost", currency);
      return new SpendSample(day, ch, java.util.Objects.requireNonNull(money));
    };
  }

  /** {@link ActivitySample#MAX_VALUE}, 2^53, exactly. */
  private static final BigDecimal MAX_ACTIVITY = new BigDecimal(ActivitySample.MAX_VALUE);

  /**
   * The parser of {@code activity.csv} rows. A value above 2^53 is refused by name before it
   * becomes a double, which would round it (or make it infinite).
   */
  public static RowParser<ActivitySample> activity(CsvTable t) {
    int date = t.column("date");
    int channel = t.column("channel");
    int metric = t.column("metric");
    int value = t.column("value");
    return row -> {
      LocalDate day = date(row, date, "date");
      String ch = required(row, channel, "channel");
      String m = required(row, metric, "metric");
      String v = required(row, value, "value");
      notTooLong(v, "value", "activity value");
      BigDecimal count;
      try {
        count = Money.parseAmount(v);
      } catch (IllegalArgumentException e) {
        throw new CellException("value", v, "not a plain decimal number");
      }
      if (count.signum() < 0) {
        throw new CellException("value", v, "negative: an activity value is zero or more");
      }
      if (count.compareTo(MAX_ACTIVITY) > 0) {
        throw new CellException("value", v, "too large (at most 2^53 = 9007199254740992)");
      }
      return new ActivitySample(day, ch, m, count.doubleValue());
    };
  }

  /** The parser of {@code events.csv} rows. */
  public static RowParser<Event> events(CsvTable t) {
    int entity = t.column("entity_id");
    int at = t.column("at");
    int event = t.column("event");
    return row -> {
      String id = required(row, entity, "entity_id");
      Instant when = instant(row, at, "at");
      try {
        when.toEpochMilli();
      } catch (ArithmeticException e) {
        // an event log holds milliseconds: refused here, where the row's line is known (the log
        // builder refuses it too, but the reader keeps no line for accepted rows)
        throw new CellException(
            "at",
            String.valueOf(row.cell(at)),
            "not representable in epoch milliseconds (a log holds years -292275055 to"
                + " 292278994)");
      }
      return new Event(id, when, required(row, event, "event"));
    };
  }

  private static void checkWidth(CsvTable t) throws CellException {
    if (t.size() != t.width()) {
      throw new CellException(
          "",
          "",
          "the row has "
              + t.size()
              + (t.size() == 1 ? " cell" : " cells")
              + ", the header has "
              + t.width());
    }
  }

  private static String required(CsvTable t, int column, String field) throws CellException {
    String s = t.cell(column);
    if (s == null) {
      throw new CellException(field, "", "required, but the cell is empty");
    }
    if (s.isBlank()) {
      throw new CellException(field, s, "required, but the cell is blank");
    }
    return s;
  }

  /** A later instant of a row that must not lie before an earlier one. */
  private static void notBefore(
      CsvTable t,
      int column,
      String field,
      Optional<Instant> value,
      String otherField,
      Instant other)
      throws CellException {
    if (value.isPresent() && value.get().isBefore(other)) {
      throw new CellException(field, t.raw(column), "before " + otherField + " " + other);
    }
  }

  private static Instant instant(CsvTable t, int column, String field) throws CellException {
    return Timestamps.parse(field, required(t, column, field));
  }

  private static Optional<Instant> optionalInstant(CsvTable t, int column, String field)
      throws CellException {
    String s = t.cell(column);
    return s == null ? Optional.empty() : Optional.of(Timestamps.parse(field, s));
  }

  private static LocalDate date(CsvTable t, int column, String field) throws CellException {
    String s = required(t, column, field);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new CellException(field, s, "not an ISO-8601 date (yyyy-MM-dd)");
    }
  }

  /** The money of an amount column and a currency column; null when the amount cell is empty. */
  private static @Nullable Money money(
      CsvTable t, int amountColumn, String amountField, int currencyColumn) throws CellException {
    String a = t.cell(amountColumn);
    if (a == null) {
      return null;
    }
    String code = t.cell(currencyColumn);
    if (code == null) {
      throw new CellException("currency", "", "an amount needs a currency, but the cell is empty");
    }
    notTooLong(a, amountField, "amount");
    BigDecimal value;
    try {
      value = Money.parseAmount(a);
    } catch (IllegalArgumentException e) {
      throw new CellException(amountField, a, "not a plain decimal amount (like 1250.00)");
    }
    if (value.signum() < 0) {
      throw new CellException(amountField, a, "negative: an amount is zero or more");
    }
    Currency currency;
    try {
      currency = Money.currency(code);
    } catch (IllegalArgumentException e) {
      throw new CellException("currency", code, "not an ISO 4217 currency code");
    }
    Money money;
    try {
      money = new Money(value, currency);
    } catch (IllegalArgumentException e) {
      throw new CellException(
          amountField,
          a,
          "more than the "
              + Math.max(currency.getDefaultFractionDigits(), 0)
              + " decimals of "
              + currency.getCurrencyCode());
    }
    try {
      money.minorUnits();
    } catch (ArithmeticException e) {
      // as the deal log refuses such a deal amount: every sum of amounts must stay exact
      throw new CellException(
          amountField,
          a,
          "more than the largest amount a log holds, " + Money.ofMinor(Long.MAX_VALUE, currency));
    }
    return money;
  }

  /**
   * The most characters of a number cell. No amount or activity value the files can hold needs more
   * (19 digits and the decimals); a longer cell, whose leading zeros or trailing decimal zeros
   * might still make it a valid number, is refused as written. Parsing one of up to the 1 MiB cell
   * limit took a minute: the digits are refused by their count first.
   */
  static final int MAX_NUMBER_CHARS = 1000;

  private static void notTooLong(String text, String field, String what) throws CellException {
    if (text.length() > MAX_NUMBER_CHARS) {
      throw new CellException(
          field,
          text,
          "longer than " + MAX_NUMBER_CHARS + " characters: more digits than any " + what + " has");
    }
  }
}
