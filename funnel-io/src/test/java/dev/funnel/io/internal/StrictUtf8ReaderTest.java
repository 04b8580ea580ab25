package dev.funnel.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The strict reader against the JDK's own UTF-8 decoding, whatever the caller's buffer size: one
 * char at a time included, where a character beyond U+FFFF (two chars) used to make every read
 * report overflow forever. Reads run on a daemon thread with a generous limit, so that such a hang
 * fails the test instead of stalling the build; nothing is timed.
 */
final class StrictUtf8ReaderTest {
  private static final ExecutorService READS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "StrictUtf8ReaderTest");
            t.setDaemon(true);
            return t;
          });

  /** Any text, read in chunks of any size, is what the JDK decodes, less a leading BOM. */
  @Property(tries = 300)
  void deliversWhatTheJdkDecodes(
      @ForAll("texts") String text,
      @ForAll boolean bom,
      @ForAll @IntRange(min = 1, max = 5) int chunk)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] in = bom ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body) : body;
    assertEquals(
        text, within(() -> readAll(new StrictUtf8Reader(new ByteArrayInputStream(in)), chunk)));
  }

  @Provide
  Arbitrary<String> texts() {
    // ASCII, line ends, two- and three-byte characters, and characters beyond U+FFFF.
    Arbitrary<String> piece =
        Arbitraries.of("a", "Z", "\r", "\n", "\r\n", "é", "€", "😀", "𝄞", " ", "日本");
    return piece.list().ofMaxSize(40).map(list -> String.join("", list));
  }

  @Test
  void readsCharactersBeyondTheBasicPlaneOneCharAtATime() throws IOException {
    String text = "a😀b𝄞";
    StrictUtf8Reader r =
        new StrictUtf8Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    String got =
        within(
            () -> {
              StringBuilder out = new StringBuilder();
              for (int c = r.read(); c >= 0; c = r.read()) {
                out.append((char) c);
              }
              return out.toString();
            });
    assertEquals(text, got);
    assertEquals(-1, r.read());
  }

  /**
   * Read one char at a time, the second half of a character beyond U+FFFF still comes before the
   * failure of the bytes after it, and the failure names their line.
   */
  @Test
  void deliversTheLastCharacterBeforeTheFailure() throws IOException {
    byte[] in = concat("a\r\n😀".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, 'b'});
    StrictUtf8Reader r = new StrictUtf8Reader(new ByteArrayInputStream(in));
    StringBuilder got = new StringBuilder();
    StrictUtf8Reader.NotUtf8Exception e =
        assertThrows(
            StrictUtf8Reader.NotUtf8Exception.class,
            () ->
                within(
                    () -> {
                      for (int c = r.read(); c >= 0; c = r.read()) {
                        got.append((char) c);
                      }
                      return got;
                    }));
    assertEquals("a\r\n😀", got.toString());
    assertEquals(2, e.line());
    assertEquals("bytes that are not UTF-8 (0xFF at byte 7)", e.getMessage());
  }

  /** The call's result, or its exception; a failure if it does not return within a minute. */
  private static <T> T within(Callable<T> call) throws IOException {
    var result = READS.submit(call);
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      return fail("the read did not return within a minute: it hangs");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new AssertionError(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Reads to the end, {@code chunk} chars per call (the single-char path when 1). */
  private static String readAll(StrictUtf8Reader r, int chunk) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buf = new char[chunk + 2];
    for (int n = r.read(buf, 2, chunk); n >= 0; n = r.read(buf, 2, chunk)) {
      out.append(buf, 2, n);
    }
    return out.toString();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(a, 0, a.length);
    out.write(b, 0, b.length);
    return out.toByteArray();
  }
}
