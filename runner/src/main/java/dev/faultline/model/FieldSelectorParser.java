package dev.faultline.model;

import dev.faultline.model.FieldSelector.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses field selector text the way {@code fields.ParseSelector} in k8s.io/apimachinery does:
 * split at unescaped commas, skip empty terms, split each term at its first {@code !=}, {@code ==}
 * or {@code =}, then unescape the value. Field names are not trimmed there, so they are not here
 * either; the message says when spaces are the problem.
 */
final class FieldSelectorParser {
  private FieldSelectorParser() {}

  static List<Term> parse(String text) {
    var terms = new ArrayList<Term>();
    int start = 0;
    boolean escaped = false;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || (!escaped && text.charAt(i) == ',')) {
        if (i > start) {
          terms.add(term(text, start, i));
        }
        start = i + 1;
        escaped = false;
      } else {
        escaped = !escaped && text.charAt(i) == '\\';
      }
    }
    return terms;
  }

  private static Term term(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      char next = i + 1 < end ? text.charAt(i + 1) : 0;
      boolean twoChars = next == '=' && (c == '!' || c == '=');
      if (twoChars || c == '=') {
        String field = field(text, start, i);
        int valueStart = i + (twoChars ? 2 : 1);
        return new Term(field, c == '!', unescape(text, valueStart, end));
      }
    }
    throw new FieldSelectorException(
        "expected '=', '==' or '!=' after '" + text.substring(start, end) + "'", end);
  }

  private static String field(String text, int start, int end) {
    String field = text.substring(start, end);
    if (field.isEmpty()) {
      throw new FieldSelectorException("expected a field name before the operator", start);
    }
    if (FieldSelector.FIELDS.contains(field)) {
      return field;
    }
    String hint =
        FieldSelector.FIELDS.contains(field.strip())
            ? "; remove the spaces around it"
            : "; use one of " + String.join(", ", FieldSelector.FIELDS);
    throw new FieldSelectorException("unsupported field '" + field + "'" + hint, start);
  }

  private static String unescape(String text, int start, int end) {
    var value = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '=') {
        throw new FieldSelectorException("a '=' in a value must be escaped as '\\='", i);
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      char next = i + 1 < end ? text.charAt(i + 1) : 0;
      if (next != '\\' && next != ',' && next != '=') {
        throw new FieldSelectorException(
            "invalid escape '\\"
                + (next == 0 ? "" : String.valueOf(next))
                + "'; only '\\\\', '\\,' and '\\=' are escapes",
            i);
      }
      value.append(next);
      i++;
    }
    return value.toString();
  }
}
