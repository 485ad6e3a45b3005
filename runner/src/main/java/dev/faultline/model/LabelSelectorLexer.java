package dev.faultline.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits label selector text into tokens exactly as the Kubernetes lexer does: whitespace is {@code
 * ' '}, tab, CR and LF; {@code = ! ( ) , > <} are operators ({@code ==} and {@code !=} taken
 * greedily); every other run of characters is a word, and the words {@code in} and {@code notin}
 * are keywords. Anything else, such as {@code *} or {@code |}, ends up inside a word and is
 * rejected later by the key and value rules.
 */
final class LabelSelectorLexer {

  /** Token kinds. */
  enum Kind {
    WORD,
    IN,
    NOT_IN,
    COMMA,
    BANG,
    EQUALS,
    DOUBLE_EQUALS,
    NOT_EQUALS,
    GREATER,
    LESS,
    OPEN,
    CLOSE,
    END
  }

  /**
   * One token.
   *
   * @param start offset of its first character in the selector text
   */
  record Token(Kind kind, String text, int start) {
    int end() {
      return start + text.length();
    }

    /**
     * Whether this can be a key or value: keywords are words too except where an operator is
     * expected, so {@code in in (in)} is a valid selector.
     */
    boolean isWord() {
      return kind == Kind.WORD || kind == Kind.IN || kind == Kind.NOT_IN;
    }

    /** The token as a message shows it. */
    String describe() {
      return kind == Kind.END ? "end of selector" : "'" + LabelSyntax.abbreviate(text) + "'";
    }
  }

  private LabelSelectorLexer() {}

  /** All tokens of the text, always ending with an {@link Kind#END} token. */
  static List<Token> tokenize(String text) {
    var tokens = new ArrayList<Token>();
    int i = 0;
    while (true) {
      while (i < text.length() && isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i == text.length()) {
        tokens.add(new Token(Kind.END, "", i));
        return tokens;
      }
      Token token = isOperator(text.charAt(i)) ? operatorAt(text, i) : wordAt(text, i);
      tokens.add(token);
      i = token.end();
    }
  }

  private static Token operatorAt(String text, int i) {
    char c = text.charAt(i);
    char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
    if (next == '=' && (c == '=' || c == '!')) {
      return new Token(c == '=' ? Kind.DOUBLE_EQUALS : Kind.NOT_EQUALS, c + "=", i);
    }
    Kind kind =
        switch (c) {
          case '=' -> Kind.EQUALS;
          case '!' -> Kind.BANG;
          case '(' -> Kind.OPEN;
          case ')' -> Kind.CLOSE;
          case ',' -> Kind.COMMA;
          case '>' -> Kind.GREATER;
          default -> Kind.LESS;
        };
    return new Token(kind, String.valueOf(c), i);
  }

  private static Token wordAt(String text, int start) {
    int end = start;
    while (end < text.length()
        && !isWhitespace(text.charAt(end))
        && !isOperator(text.charAt(end))) {
      end++;
    }
    String word = text.substring(start, end);
    Kind kind =
        switch (word) {
          case "in" -> Kind.IN;
          case "notin" -> Kind.NOT_IN;
          default -> Kind.WORD;
        };
    return new Token(kind, word, start);
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isOperator(char c) {
    return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
  }
}
