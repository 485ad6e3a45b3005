package dev.faultline.probe;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.validate.InvalidJqException;
import dev.faultline.validate.JqCheck;
import java.util.ArrayList;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * A compiled jq filter that decides a check: it passes only when every output is {@code true} (and
 * there is at least one). jackson-jq works on Jackson 2 trees, so bodies are parsed with a Jackson
 * 2 mapper here. Thread-safe.
 */
final class JqFilter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_OUTPUTS = 1000;

  private final String expression;
  private final JsonQuery query;

  /** What the filter said, in words for the sample's message. */
  record Outcome(boolean passed, String message) {}

  private JqFilter(String expression, JsonQuery query) {
    this.expression = expression;
    this.query = query;
  }

  /**
   * Compiles the filter.
   *
   * @throws ProbeException naming the probe and the problem when the expression is not valid jq
   */
  static JqFilter compile(String probeId, String expression) throws ProbeException {
    try {
      return new JqFilter(expression, JqCheck.compile(expression));
    } catch (InvalidJqException e) {
      throw new ProbeException(probeId + ": invalid jq '" + expression + "': " + e.getMessage(), e);
    }
  }

  String expression() {
    return expression;
  }

  /** Runs the filter over a JSON text (an HTTP body). */
  Outcome testText(String text) {
    JsonNode input;
    try {
      input = JSON.readTree(text);
    } catch (JacksonException e) {
      return new Outcome(
          false, "jq: the body is not JSON (" + firstLine(e.getOriginalMessage()) + ")");
    }
    if (input == null || input.isMissingNode()) {
      return new Outcome(false, "jq: the body is empty, not JSON");
    }
    return test(input);
  }

  Outcome test(JsonNode input) {
    var outputs = new ArrayList<JsonNode>(1);
    try {
      query.apply(
          JqCheck.newScope(),
          input,
          out -> {
            if (outputs.size() == MAX_OUTPUTS) {
              throw new JsonQueryException("more than " + MAX_OUTPUTS + " results");
            }
            outputs.add(out);
          });
    } catch (JsonQueryException e) {
      return new Outcome(false, "jq failed: " + firstLine(e.getMessage()));
    } catch (StackOverflowError e) {
      return new Outcome(false, "jq failed: the filter recursed too deeply");
    }
    if (outputs.isEmpty()) {
      return new Outcome(false, "jq gave no result");
    }
    for (JsonNode out : outputs) {
      if (!out.isBoolean()) {
        return new Outcome(false, "jq gave " + shorten(out.toString()) + ", not true or false");
      }
      if (!out.booleanValue()) {
        return new Outcome(false, "jq: false");
      }
    }
    return new Outcome(true, "jq: true");
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return shorten(newline < 0 ? text : text.substring(0, newline));
  }

  static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
