package dev.funnel.internal.text;

import java.util.Locale;

/**
 * Text from an input file made safe for a one-line message: the characters that would break the
 * line or not show (controls, formatting and other invisible characters) become JSON-style escapes.
 */
public final class Visible {
  private Visible() {}

  /**
   * The text with every character that does not show as itself ({@link #shows}) written as a JSON
   * escape ({@code \n}, {@code \r}, {@code \t}, <code>&#92;u001b</code>, a pair of <code>&#92;uXXXX
   * </code> beyond U+FFFF); other characters, backslashes included, are kept.
   *
   * @param text any text
   * @return the text, one visible line
   */
  public static String escape(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int units = Character.charCount(cp);
      if (!shows(cp)) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        appendEscape(sb, text, i, units);
      } else if (sb != null) {
        sb.appendCodePoint(cp);
      }
      i += units;
    }
    return sb == null ? text : sb.toString();
  }

  /** Appends the JSON escape of the code point at {@code text[i, i + units)}. */
  private static void appendEscape(StringBuilder sb, String text, int i, int units) {
    switch (text.charAt(i)) {
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      default -> {
        for (int j = i; j < i + units; j++) {
          sb.append(String.format(Locale.ROOT, "\\u%04x", (int) text.charAt(j)));
        }
      }
    }
  }

  /**
   * Whether a character shows as itself on one line: not a control, format, private-use or
   * unassigned character, not a lone surrogate, not a space other than U+0020 or another separator,
   * and not one of the default-ignorable fillers and selectors that render as nothing. Code points
   * of planes 1 to 3 that the running JDK's Unicode tables do not know yet (emoji newer than Java
   * 17's Unicode 13) show, noncharacters excepted, so a message is the same on every JDK.
   *
   * @param cp a code point
   * @return true when it shows
   */
  private static boolean shows(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL,
      Character.FORMAT,
      Character.SURROGATE,
      Character.PRIVATE_USE,
      Character.LINE_SEPARATOR,
      Character.PARAGRAPH_SEPARATOR:
        return false;
      case Character.UNASSIGNED:
        return cp > 0xFFFF && cp <= 0x3FFFF && (cp & 0xFFFE) != 0xFFFE;
      case Character.SPACE_SEPARATOR:
        return cp == ' ';
      default:
        return !(cp == 0x034F
            || cp == 0x115F
            || cp == 0x1160
            || cp == 0x17B4
            || cp == 0x17B5
            || (cp >= 0x180B && cp <= 0x180F)
            || cp == 0x3164
            || (cp >= 0xFE00 && cp <= 0xFE0F)
            || cp == 0xFFA0
            || (cp >= 0xE0100 && cp <= 0xE01EF));
    }
  }
}
