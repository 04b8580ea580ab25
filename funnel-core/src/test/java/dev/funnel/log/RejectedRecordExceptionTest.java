package dev.funnel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.model.Deal;
import dev.funnel.model.Pipeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Strict mode's exception travels whole: job runners, RMI and log appenders serialize it. */
final class RejectedRecordExceptionTest {

  @Test
  void serializesWithItsRejection() throws IOException, ClassNotFoundException {
    Pipeline p = Pipeline.builder("p").open("new").won("won").lost("lost").build();
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    DealLogBuilder builder = DealLog.builder(p).deal(Deal.builder("D-1", t).build());
    RejectedRecordException thrown =
        assertThrows(RejectedRecordException.class, () -> builder.change("D-1", "demo", t));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(thrown);
    }
    RejectedRecordException back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (RejectedRecordException) in.readObject();
    }
    assertEquals(thrown.getMessage(), back.getMessage());
    assertEquals(thrown.rejection(), back.rejection());
    assertEquals("to_stage", back.rejection().field());
    assertEquals("demo", back.rejection().value());
  }
}
