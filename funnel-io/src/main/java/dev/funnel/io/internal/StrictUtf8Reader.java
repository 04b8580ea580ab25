package dev.funnel.io.internal;

import dev.funnel.io.InputFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decodes UTF-8 strictly (malformed bytes are reported, never replaced), drops a leading byte order
 * mark and counts the lines it has delivered (ended by CR, LF or CR LF), so that bad bytes are
 * reported with their physical line. Characters before the bad bytes are delivered first; the
 * failure comes with the next read.
 */
public final class StrictUtf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
  private boolean eof;
  private boolean done;
  private boolean started;
  private long newlines;

  /** Whether the last character delivered was a CR (an LF right after it ends no other line). */
  private boolean lastCr;

  private long bytesConsumed;
  private @Nullable NotUtf8Exception failure;

  /**
   * Where a read of one character decodes: a character beyond U+FFFF is two chars, which a buffer
   * of one cannot take (the decoder would report overflow forever).
   */
  private final char[] pair = new char[2];

  /** The second char of {@link #pair} when a read of one character delivered only the first. */
  private int pending = -1;

  /** Thrown by {@link #read} at the first bytes that are not UTF-8. */
  public static final class NotUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;

    NotUtf8Exception(long line, String detail) {
      super(detail);
      this.line = line;
    }

    /** The physical line (from 1) of the bad bytes. */
    public long line() {
      return line;
    }

    /** The fault of the file these bytes make unusable, as the CSV and JSON readers name it. */
    public InputFileException fault(String source) {
      return new InputFileException(source, line, 0, getMessage() + "; save the file as UTF-8");
    }
  }

  /** A reader of this stream; the caller closes it. */
  public StrictUtf8Reader(InputStream in) {
    this.in = in;
    bytes.flip();
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len > 0 && pending >= 0) {
      // Decoded (and its line counted) with the char before it; delivered before any failure.
      buf[off] = (char) pending;
      pending = -1;
      return 1;
    }
    if (failure != null) {
      throw failure;
    }
    if (len == 0) {
      return 0;
    }
    if (done) {
      return -1;
    }
    if (len == 1) {
      int n = read(pair, 0, 2);
      if (n > 0) {
        buf[off] = pair[0];
        pending = n == 2 ? pair[1] : -1;
        return 1;
      }
      return n;
    }
    CharBuffer out = CharBuffer.wrap(buf, off, len);
    while (out.position() == off) {
      if (!bytes.hasRemaining() || eof) {
        if (eof) {
          CoderResult r = decoder.decode(bytes, out, true);
          if (r.isError()) {
            fail(r, buf, off, out);
            break;
          }
          decoder.flush(out);
          done = true;
          if (out.position() == off) {
            return -1;
          }
          break;
        }
        fill();
        continue;
      }
      CoderResult r = decoder.decode(bytes, out, false);
      if (r.isError()) {
        fail(r, buf, off, out);
        break;
      }
      if (r.isUnderflow() && out.position() == off) {
        fill();
      }
    }
    int n = out.position() - off;
    newlines += lineBreaks(buf, off, off + n, lastCr);
    if (n > 0) {
      lastCr = buf[off + n - 1] == '\r';
    }
    if (n == 0 && failure != null) {
      throw failure;
    }
    return n;
  }

  /**
   * The line breaks in {@code buf[from..to)}: a CR, an LF, or a CR LF pair, as the parsers count
   * them ({@code afterCr}: the character before {@code from} was a CR, so an LF there ends no
   * line).
   */
  private static long lineBreaks(char[] buf, int from, int to, boolean afterCr) {
    long breaks = 0;
    boolean cr = afterCr;
    for (int i = from; i < to; i++) {
      char c = buf[i];
      if (c == '\r' || (c == '\n' && !cr)) {
        breaks++;
      }
      cr = c == '\r';
    }
    return breaks;
  }

  private void fail(CoderResult r, char[] buf, int off, CharBuffer out) {
    long line = newlines + 1 + lineBreaks(buf, off, out.position(), lastCr);
    int at = bytes.position();
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < r.length(); i++) {
      hex.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(at + i) & 0xff));
    }
    failure =
        new NotUtf8Exception(
            line, "bytes that are not UTF-8 (" + hex + " at byte " + (bytesConsumed + at) + ")");
  }

  private void fill() throws IOException {
    bytesConsumed += bytes.position();
    bytes.compact();
    do {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
    } while (!started && !eof && bytes.position() < 3);
    bytes.flip();
    if (!started && (bytes.remaining() >= 3 || eof)) {
      started = true;
      if (bytes.remaining() >= 3
          && (bytes.get(0) & 0xff) == 0xEF
          && (bytes.get(1) & 0xff) == 0xBB
          && (bytes.get(2) & 0xff) == 0xBF) {
        bytes.position(3);
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
