package dev.faultline.validate;

import java.util.List;

/** Positions and tokens in the text of a jq expression, for error messages. */
final class JqSource {
  // Longest first, so "//=" wins over "//" and "/".
  private static final List<String> SYMBOLS =
      List.of("?//", "//=", "|=", "+=", "-=", "*=", "/=", "%=", "==", "!=", "<=", ">=", "//", "..");

  private final String text;

  JqSource(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  int length() {
    return text.length();
  }

  /**
   * The offset of a 1-based line and column as JavaCC counts them (CR, LF and CRLF end a line; a
   * tab is one column), or -1 if there is no such position.
   */
  int offsetOf(int line, int column) {
    if (line < 1 || column < 1) {
      return -1;
    }
    int offset = 0;
    for (int current = 1; current < line; current++) {
      offset = nextLineStart(offset);
      if (offset < 0) {
        return -1;
      }
    }
    int result = offset + column - 1;
    return result <= text.length() ? result : -1;
  }

  /** "column 7" for one-line text, "line 2, column 3" otherwise; both 1-based. */
  String where(int offset) {
    int lineStart = 0;
    int line = 1;
    for (int next = nextLineStart(0); next >= 0 && next <= offset; next = nextLineStart(next)) {
      lineStart = next;
      line++;
    }
    int column = offset - lineStart + 1;
    boolean oneLine = text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
    return oneLine ? "column " + column : "line " + line + ", column " + column;
  }

  /** The offset of the last character that is not whitespace, or 0 for blank text. */
  int lastVisible() {
    int i = text.length() - 1;
    while (i > 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return Math.max(i, 0);
  }

  /**
   * A guess at the last token of the expression, for "after '=='", or {@code null} if the text ends
   * in a comment or string.
   */
  String lastToken() {
    int end = lastVisible() + 1;
    var scanner = new JqScanner(text).advanceTo(end - 1);
    if (!scanner.inCode()) {
      return null;
    }
    int start = end - 1;
    if (isNamePart(text.charAt(start))) {
      while (start > 0 && isNamePart(text.charAt(start - 1))) {
        start--;
      }
      if (start > 0 && text.charAt(start - 1) == '$') {
        start--;
      }
      return text.substring(start, end);
    }
    for (String symbol : SYMBOLS) {
      if (text.startsWith(symbol, end - symbol.length())) {
        return symbol;
      }
    }
    return text.substring(start, end);
  }

  /** A guess at the jq token starting at {@code offset}, good enough to quote in a message. */
  String tokenAt(int offset) {
    char c = text.charAt(offset);
    if (isNameStart(c)) {
      return text.substring(offset, nameEnd(offset));
    }
    if (c >= '0' && c <= '9') {
      int end = offset;
      while (end < text.length() && (isNamePart(text.charAt(end)) || text.charAt(end) == '.')) {
        end++;
      }
      return text.substring(offset, end);
    }
    for (String symbol : SYMBOLS) {
      if (text.startsWith(symbol, offset)) {
        return symbol;
      }
    }
    return Character.toString(text.codePointAt(offset));
  }

  /**
   * Where {@code name} is first called with {@code arity} arguments in code (not in a string,
   * comment, field name or variable), or -1.
   */
  int findCall(String name, int arity) {
    var scanner = new JqScanner(text);
    while (scanner.position() < text.length()) {
      int start = scanner.position();
      if (scanner.inCode() && isNameStart(text.charAt(start)) && !afterNameOrSigil(start)) {
        int end = nameEnd(start);
        if (text.substring(start, end).equals(name) && callShape(end, arity)) {
          return start;
        }
        scanner.advanceTo(end);
      } else {
        scanner.step();
      }
    }
    return -1;
  }

  /** Where the format {@code @name} is first used in code, or -1. */
  int findFormat(String name) {
    var scanner = new JqScanner(text);
    while (scanner.position() < text.length()) {
      int start = scanner.position();
      if (scanner.inCode()
          && text.startsWith("@" + name, start)
          && nameEnd(start + 1) == start + 1 + name.length()) {
        return start;
      }
      scanner.step();
    }
    return -1;
  }

  // A call with arguments is followed by '('. One without is not, except that jackson-jq takes
  // "f()" for "f"; and a name before ':' is an object key.
  private boolean callShape(int end, int arity) {
    int next = skipWhitespace(end);
    char after = next < text.length() ? text.charAt(next) : 0;
    if (arity > 0) {
      return after == '(';
    }
    if (after == '(') {
      int close = skipWhitespace(next + 1);
      return close < text.length() && text.charAt(close) == ')';
    }
    return after != ':';
  }

  private int skipWhitespace(int from) {
    int next = from;
    while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
      next++;
    }
    return next;
  }

  private boolean afterNameOrSigil(int start) {
    if (start == 0) {
      return false;
    }
    char before = text.charAt(start - 1);
    return isNamePart(before) || before == '.' || before == '$' || before == '@';
  }

  private int nameEnd(int start) {
    int end = start;
    while (end < text.length() && isNamePart(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private int nextLineStart(int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return -1;
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
