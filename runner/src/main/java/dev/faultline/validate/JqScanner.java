package dev.faultline.validate;

import java.util.ArrayDeque;

/**
 * Walks jq source left to right and knows, at each position, whether it is in code, a string or a
 * comment, and which brackets are open. It does not parse jq; jackson-jq does that. It only gives
 * the error messages context ("'[' at column 1 is not closed") and lets us find a name in code
 * without matching it inside a string.
 */
final class JqScanner {

  /**
   * An open bracket.
   *
   * @param offset where the opening character is
   * @param closer the character that closes it
   * @param stringStart for the {@code (} of a string interpolation {@code \(...)}: where the
   *     enclosing string starts, so the scan returns into it on the {@code )}; otherwise -1
   */
  record Bracket(int offset, char closer, int stringStart) {
    char opener() {
      return switch (closer) {
        case ')' -> '(';
        case ']' -> '[';
        default -> '{';
      };
    }
  }

  private final String text;
  private final ArrayDeque<Bracket> open = new ArrayDeque<>();
  private int position;
  private int stringStart = -1;
  private boolean comment;

  JqScanner(String text) {
    this.text = text;
  }

  /** Offset of the next character to scan. */
  int position() {
    return position;
  }

  /** Whether the character at {@link #position()} is code: not in a string or a comment. */
  boolean inCode() {
    return stringStart < 0 && !comment;
  }

  /** Where the string that {@link #position()} is in starts, or -1 outside strings. */
  int stringStart() {
    return stringStart;
  }

  /** The innermost open bracket, or {@code null}. */
  Bracket innermostOpen() {
    return open.peek();
  }

  /** Scans up to (not including) {@code limit}, or to the end of the text. */
  JqScanner advanceTo(int limit) {
    while (position < limit && position < text.length()) {
      step();
    }
    return this;
  }

  /** Scans one character, or an escape sequence as a whole. */
  void step() {
    char c = text.charAt(position++);
    if (comment) {
      comment = c != '\n' && c != '\r';
    } else if (stringStart >= 0) {
      if (c == '\\' && position < text.length()) {
        if (text.charAt(position) == '(') {
          open.push(new Bracket(position, ')', stringStart));
          stringStart = -1;
        }
        position++;
      } else if (c == '"') {
        stringStart = -1;
      }
    } else {
      code(c);
    }
  }

  private void code(char c) {
    switch (c) {
      case '#' -> comment = true;
      case '"' -> stringStart = position - 1;
      case '(' -> open.push(new Bracket(position - 1, ')', -1));
      case '[' -> open.push(new Bracket(position - 1, ']', -1));
      case '{' -> open.push(new Bracket(position - 1, '}', -1));
      case ')', ']', '}' -> {
        if (!open.isEmpty() && open.peek().closer() == c) {
          stringStart = open.pop().stringStart();
        }
      }
      default -> {}
    }
  }
}
