package dev.faultline.probe;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A loose look at a PromQL expression before any call: an empty query, unbalanced brackets and
 * unclosed strings are certain mistakes and are refused when the probe is prepared. Everything else
 * is for the server's parser to judge (its errors come back as failed samples), so this check never
 * refuses a query Prometheus would accept.
 */
final class PromQlShape {
  private PromQlShape() {}

  /** An opening bracket and where it is. */
  private record Open(char bracket, int line, int column) {}

  /** The first certain mistake in {@code query}, or empty. */
  static Optional<String> problem(String query) {
    if (query == null || query.isBlank()) {
      return Optional.of("the query is empty");
    }
    boolean multiLine = query.indexOf('\n') >= 0;
    Deque<Open> open = new ArrayDeque<>();
    int line = 1;
    int column = 0;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      column++;
      if (c == '\n') {
        line++;
        column = 0;
        continue;
      }
      switch (c) {
        case '#' -> {
          // A comment runs to the end of the line.
          while (i + 1 < query.length() && query.charAt(i + 1) != '\n') {
            i++;
          }
        }
        case '"', '\'', '`' -> {
          int end = closingQuote(query, i);
          if (end < 0) {
            return Optional.of("unclosed string starting at " + at(multiLine, line, column));
          }
          column += end - i; // strings cannot span lines except raw ones, which are rare
          i = end;
        }
        case '(', '[', '{' -> open.push(new Open(c, line, column));
        case ')', ']', '}' -> {
          if (open.isEmpty()) {
            return Optional.of("'" + c + "' at " + at(multiLine, line, column) + " closes nothing");
          }
          Open last = open.pop();
          if (closer(last.bracket()) != c) {
            return Optional.of(
                "'"
                    + c
                    + "' at "
                    + at(multiLine, line, column)
                    + " does not close '"
                    + last.bracket()
                    + "' at "
                    + at(multiLine, last.line(), last.column()));
          }
        }
        default -> {}
      }
    }
    if (!open.isEmpty()) {
      Open last = open.pop();
      return Optional.of(
          "unclosed '" + last.bracket() + "' at " + at(multiLine, last.line(), last.column()));
    }
    return Optional.empty();
  }

  /** The index of the quote closing the string that opens at {@code start}, or -1. */
  private static int closingQuote(String query, int start) {
    char quote = query.charAt(start);
    for (int i = start + 1; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\' && quote != '`') {
        i++; // escaped character; raw strings (backticks) have no escapes
      } else if (c == quote) {
        return i;
      } else if (c == '\n' && quote != '`') {
        return -1;
      }
    }
    return -1;
  }

  private static char closer(char bracket) {
    return switch (bracket) {
      case '(' -> ')';
      case '[' -> ']';
      default -> '}';
    };
  }

  private static String at(boolean multiLine, int line, int column) {
    return multiLine ? "line " + line + ", column " + column : "column " + column;
  }
}
