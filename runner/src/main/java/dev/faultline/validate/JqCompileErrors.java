package dev.faultline.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Turns jackson-jq's compile failures into short messages with an offset.
 *
 * <p>jackson-jq wraps its JavaCC parser's exception: the outer message only repeats the query, the
 * cause's message has the position ("at line 1, column 6") and, for parse errors, every token the
 * grammar would have accepted, often thirty of them. We keep the position, keep the expected tokens
 * only when there are few, and add what the JavaCC message cannot say, such as which bracket or
 * string was left open.
 */
final class JqCompileErrors {
  private static final int EXPECTED_SHOWN_MAX = 3;

  private JqCompileErrors() {}

  static JqError describe(JqSource source, JsonQueryException failure) {
    Throwable cause = failure.getCause();
    String detail = cause != null && cause.getMessage() != null ? cause.getMessage() : "";
    if (detail.startsWith("Encountered")) {
      return parseError(source, detail);
    }
    if (detail.startsWith("Lexical error")) {
      return lexicalError(source, detail);
    }
    // Errors the grammar actions raise, e.g. "Assignment or label must be followed by pipes: ...",
    // have no position.
    String message =
        detail.isEmpty() ? "the expression cannot be compiled" : lowerFirst(firstLine(detail));
    return new JqError(message, -1);
  }

  private static JqError parseError(JqSource source, String detail) {
    List<String> expected = expected(detail);
    boolean atEnd = detail.startsWith("Encountered \"<EOF>\"");
    int index = atEnd ? source.length() : position(source, detail);
    // JavaCC reports an unterminated string at the end or, sometimes, at its opening quote.
    JqError unclosedString = unclosedString(source, index);
    if (unclosedString != null) {
      return unclosedString;
    }
    if (atEnd) {
      return endOfExpression(source, expected);
    }
    if (index < 0 || index >= source.length()) {
      return new JqError("syntax error" + expectedSuffix(expected), index);
    }
    String token = source.tokenAt(index);
    String message = "unexpected '" + token + "' at " + source.where(index);
    String bracket = closerHint(source, index, token, expected);
    return new JqError(message + (bracket != null ? bracket : expectedSuffix(expected)), index);
  }

  private static JqError endOfExpression(JqSource source, List<String> expected) {
    int end = source.length();
    JqScanner.Bracket open = new JqScanner(source.text()).advanceTo(end).innermostOpen();
    if (open != null && expected.contains("'" + open.closer() + "'")) {
      return new JqError(
          "unexpected end of expression: '"
              + open.opener()
              + "' at "
              + source.where(open.offset())
              + " is not closed",
          end);
    }
    String last = source.lastToken();
    return new JqError(
        "unexpected end of expression"
            + (last != null ? " after '" + last + "'" : "")
            + expectedSuffix(expected),
        end);
  }

  // "(.a]" and ".a]": say which bracket the stray closer does not match.
  private static String closerHint(
      JqSource source, int index, String token, List<String> expected) {
    if (!token.equals(")") && !token.equals("]") && !token.equals("}")) {
      return null;
    }
    JqScanner.Bracket open = new JqScanner(source.text()).advanceTo(index).innermostOpen();
    if (open == null) {
      return ", there is no '" + opener(token.charAt(0)) + "' for it to close";
    }
    if (open.closer() != token.charAt(0) && expected.contains("'" + open.closer() + "'")) {
      return ": '" + open.opener() + "' at " + source.where(open.offset()) + " is not closed";
    }
    return null;
  }

  private static JqError lexicalError(JqSource source, String detail) {
    if (detail.contains("Encountered: <EOF>")) {
      // The lexer ran off the end inside a token: an open string, or e.g. a lone '!'.
      JqError unclosedString = unclosedString(source, source.length());
      if (unclosedString != null) {
        return unclosedString;
      }
      int last = source.lastVisible();
      return unexpectedCharacter(source, last);
    }
    int index = position(source, detail);
    if (index < 0 || index >= source.length()) {
      return new JqError("unexpected character", index < 0 ? -1 : source.length());
    }
    boolean inString = new JqScanner(source.text()).advanceTo(index).stringStart() >= 0;
    if (inString && index > 0 && source.text().charAt(index - 1) == '\\') {
      String escape = source.text().substring(index - 1, index + 1);
      return new JqError(
          "invalid escape '"
              + escape
              + "' in a string at "
              + source.where(index - 1)
              + "; write '\\"
              + escape
              + "' for a backslash followed by '"
              + escape.charAt(1)
              + "'",
          index - 1);
    }
    return unexpectedCharacter(source, index);
  }

  private static JqError unexpectedCharacter(JqSource source, int index) {
    int codePoint = source.text().codePointAt(index);
    String shown =
        Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)
            ? String.format("U+%04X", codePoint)
            : "'" + Character.toString(codePoint) + "'";
    return new JqError("unexpected character " + shown + " at " + source.where(index), index);
  }

  /** A string still open at the end of the text, if it opened at or before {@code limit}. */
  private static JqError unclosedString(JqSource source, int limit) {
    int start = new JqScanner(source.text()).advanceTo(source.length()).stringStart();
    if (start < 0 || start > limit) {
      return null;
    }
    return new JqError(
        "unexpected end of expression: the string at " + source.where(start) + " is not closed",
        source.length());
  }

  /** The offset of JavaCC's "at line L, column C", or -1. */
  static int position(JqSource source, String detail) {
    int at = detail.indexOf("at line ");
    if (at < 0) {
      return -1;
    }
    int lineStart = at + "at line ".length();
    int lineEnd = digitsEnd(detail, lineStart);
    String columnLabel = ", column ";
    if (lineEnd == lineStart || !detail.startsWith(columnLabel, lineEnd)) {
      return -1;
    }
    int columnStart = lineEnd + columnLabel.length();
    int columnEnd = digitsEnd(detail, columnStart);
    if (columnEnd == columnStart) {
      return -1;
    }
    return source.offsetOf(
        Integer.parseInt(detail.substring(lineStart, lineEnd)),
        Integer.parseInt(detail.substring(columnStart, columnEnd)));
  }

  /**
   * The tokens JavaCC lists after "Was expecting:" or "Was expecting one of:", one per line, in
   * readable form and without repeats.
   */
  static List<String> expected(String detail) {
    int header = detail.indexOf("Was expecting");
    if (header < 0) {
      return List.of();
    }
    SequencedSet<String> readable = new LinkedHashSet<>();
    List<String> lines = detail.substring(header).lines().skip(1).toList();
    for (String line : lines) {
      String entry = line.strip();
      if (entry.endsWith("...")) {
        entry = entry.substring(0, entry.length() - 3).strip();
      }
      if (!entry.isEmpty()) {
        readable.add(readable(entry));
      }
    }
    return new ArrayList<>(readable);
  }

  // '"("' is a literal token; '<IDENTIFIER>' and the like are token classes.
  private static String readable(String entry) {
    if (entry.length() >= 2 && entry.startsWith("\"") && entry.endsWith("\"")) {
      return "'" + entry.substring(1, entry.length() - 1).replace("\\\"", "\"") + "'";
    }
    return switch (entry) {
      case "<EOF>" -> "end of expression";
      case "<IDENTIFIER>", "<IDENTIFIER_AFTER_DOT>" -> "a name";
      case "<INTEGER_LITERAL>", "<FLOAT_LITERAL>" -> "a number";
      default -> entry.replace("<", "").replace(">", "").replace('_', ' ').toLowerCase();
    };
  }

  private static String expectedSuffix(List<String> expected) {
    if (expected.isEmpty() || expected.size() > EXPECTED_SHOWN_MAX) {
      return "";
    }
    String last = expected.getLast();
    String list =
        expected.size() == 1
            ? last
            : String.join(", ", expected.subList(0, expected.size() - 1)) + " or " + last;
    return "; expected " + list;
  }

  private static char opener(char closer) {
    return switch (closer) {
      case ')' -> '(';
      case ']' -> '[';
      default -> '{';
    };
  }

  private static int digitsEnd(String text, int start) {
    int end = start;
    while (end < text.length() && end - start < 9 && isDigit(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
