package dev.faultline.model;

import dev.faultline.model.LabelSelector.Operator;
import dev.faultline.model.LabelSelector.Requirement;
import dev.faultline.model.LabelSelectorLexer.Kind;
import dev.faultline.model.LabelSelectorLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over the tokens of one selector. It accepts and rejects exactly what the
 * Kubernetes parser does (including its quirks around empty values in sets) so that a selector
 * passing here is not refused by the cluster later; only the messages are our own.
 */
final class LabelSelectorParser {
  private static final Set<Kind> OPERATORS =
      Set.of(
          Kind.EQUALS,
          Kind.DOUBLE_EQUALS,
          Kind.NOT_EQUALS,
          Kind.IN,
          Kind.NOT_IN,
          Kind.GREATER,
          Kind.LESS,
          Kind.OPEN);

  private final String text;
  private final List<Token> tokens;
  private int position;

  LabelSelectorParser(String text) {
    this.text = text;
    this.tokens = LabelSelectorLexer.tokenize(text);
  }

  LabelSelector parse() {
    var requirements = new ArrayList<Requirement>();
    if (peek().kind() == Kind.END) {
      return new LabelSelector(requirements);
    }
    if (!startsRequirement(peek())) {
      throw error("expected a label key or '!', found " + peek().describe(), peek());
    }
    while (true) {
      int start = peek().start();
      Requirement requirement = requirement();
      requirements.add(requirement);
      Token next = peek();
      if (next.kind() == Kind.END) {
        return new LabelSelector(requirements);
      }
      if (next.kind() != Kind.COMMA) {
        throw error(
            "expected ',' or end of selector after '"
                + consumedSince(start)
                + "', found "
                + next.describe()
                + (requirement.operator() == Operator.NOT_EXISTS && OPERATORS.contains(next.kind())
                    ? " ('!key' only says the label is absent and takes no value)"
                    : ""),
            next);
      }
      advance();
      if (!startsRequirement(peek())) {
        throw error("expected a label key or '!' after ',', found " + peek().describe(), peek());
      }
    }
  }

  private Requirement requirement() {
    int start = peek().start();
    if (peek().kind() == Kind.BANG) {
      advance();
      Token key = peek();
      if (!key.isWord()) {
        throw error("expected a label key after '!', found " + key.describe(), key);
      }
      return new Requirement(key(), Operator.NOT_EXISTS, List.of());
    }
    String key = key();
    Token operator = peek();
    if (operator.kind() == Kind.END || operator.kind() == Kind.COMMA) {
      return new Requirement(key, Operator.EXISTS, List.of());
    }
    advance();
    return switch (operator.kind()) {
      case EQUALS, DOUBLE_EQUALS -> new Requirement(key, Operator.EQUALS, exactValue(start));
      case NOT_EQUALS -> new Requirement(key, Operator.NOT_EQUALS, exactValue(start));
      case GREATER -> new Requirement(key, Operator.GREATER_THAN, wholeNumber(start));
      case LESS -> new Requirement(key, Operator.LESS_THAN, wholeNumber(start));
      case IN -> new Requirement(key, Operator.IN, valueSet(operator, key, start));
      case NOT_IN -> new Requirement(key, Operator.NOT_IN, valueSet(operator, key, start));
      default ->
          throw error(
              "expected an operator such as '=', '!=', 'in' or 'notin' after '"
                  + LabelSyntax.abbreviate(key)
                  + "', found "
                  + operator.describe(),
              operator);
    };
  }

  /** Consumes the word at the current position and checks it as a key. */
  private String key() {
    Token key = advance();
    LabelSyntax.Problem problem = LabelSyntax.keyProblem(key.text());
    if (problem != null) {
      throw invalid("label key", key, problem);
    }
    return key.text();
  }

  // "key=" followed by ',' or the end means the empty value, as upstream.
  private List<String> exactValue(int start) {
    Token value = peek();
    if (value.kind() == Kind.END || value.kind() == Kind.COMMA) {
      return List.of("");
    }
    if (!value.isWord()) {
      throw error(
          "expected a value after '" + consumedSince(start) + "', found " + value.describe(),
          value);
    }
    return List.of(value());
  }

  private List<String> wholeNumber(int start) {
    Token value = peek();
    if (!value.isWord() || LabelSyntax.parseInteger(value.text()) == null) {
      throw error(
          "expected a whole number after '" + consumedSince(start) + "', found " + value.describe(),
          value);
    }
    return List.of(value());
  }

  private List<String> valueSet(Token operator, String key, int start) {
    Token open = peek();
    if (open.kind() != Kind.OPEN) {
      throw error(
          "'"
              + operator.text()
              + "' needs a set of values in parentheses, found "
              + open.describe(),
          open);
    }
    advance();
    Token first = peek();
    if (first.kind() == Kind.CLOSE) {
      // Upstream reads "()" as the set holding only the empty value, not as an empty set.
      advance();
      return List.of("");
    }
    if (!first.isWord() && first.kind() != Kind.COMMA) {
      throw error(
          "expected a value, ',' or ')' after '"
              + consumedSince(start)
              + "', found "
              + first.describe(),
          first);
    }
    List<String> values = valueList(key);
    advance(); // the ')' that ended the list
    return values;
  }

  /**
   * The values inside parentheses, up to but not including the ')'. This follows upstream's
   * parseIdentifiersList step by step: a leading or trailing ',' and ',,' between values add the
   * empty value, yet ',,' right before ')' is an error there, so it is here too.
   */
  private List<String> valueList(String key) {
    var values = new ArrayList<String>();
    boolean afterDoubleComma = false;
    while (true) {
      Token token = peek();
      if (token.isWord()) {
        values.add(value());
        Token after = peek();
        if (after.kind() == Kind.CLOSE) {
          return values;
        }
        if (after.kind() != Kind.COMMA) {
          throw error(
              "expected ',' or ')' after '"
                  + LabelSyntax.abbreviate(token.text())
                  + "' in the values of '"
                  + key
                  + "', found "
                  + after.describe(),
              after);
        }
        afterDoubleComma = false;
      } else if (token.kind() == Kind.COMMA) {
        advance();
        if (values.isEmpty()) {
          values.add("");
        }
        Token after = peek();
        if (after.kind() == Kind.CLOSE) {
          values.add("");
          return values;
        }
        afterDoubleComma = after.kind() == Kind.COMMA;
        if (afterDoubleComma) {
          advance();
          values.add("");
        }
      } else {
        throw error(
            (afterDoubleComma
                    ? "expected a value or ',' after ',,' in the values of '"
                    : "expected a value, ',' or ')' in the values of '")
                + key
                + "', found "
                + token.describe(),
            token);
      }
    }
  }

  /** Consumes the word at the current position and checks it as a value. */
  private String value() {
    Token value = advance();
    LabelSyntax.Problem problem = LabelSyntax.valueProblem(value.text());
    if (problem != null) {
      throw invalid("label value", value, problem);
    }
    return value.text();
  }

  private static boolean startsRequirement(Token token) {
    return token.isWord() || token.kind() == Kind.BANG;
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token advance() {
    return tokens.get(position++);
  }

  /** The text from {@code start} to the end of the last consumed token, for "after '...'". */
  private String consumedSince(int start) {
    return LabelSyntax.abbreviate(text.substring(start, tokens.get(position - 1).end()));
  }

  private static LabelSelectorException invalid(
      String what, Token token, LabelSyntax.Problem problem) {
    return new LabelSelectorException(
        what + " '" + LabelSyntax.abbreviate(token.text()) + "' is invalid: " + problem.reason(),
        token.start() + problem.offset());
  }

  private static LabelSelectorException error(String message, Token token) {
    return new LabelSelectorException(message, token.start());
  }
}
