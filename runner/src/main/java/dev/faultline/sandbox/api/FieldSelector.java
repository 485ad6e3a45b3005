package dev.faultline.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Kubernetes field selectors ({@code spec.nodeName=node-1,status.phase!=Running}) over any field
 * path of an object. The CRUD store only understands {@code metadata.name}; {@code kubectl drain}
 * lists a node's pods with {@code spec.nodeName}, so the sandbox evaluates selectors itself.
 */
public record FieldSelector(List<Term> terms) {
  /** One requirement: the value at {@code path} equals (or does not equal) {@code value}. */
  public record Term(String path, boolean equals, String value) {
    boolean matches(JsonNode object) {
      JsonNode node = object;
      for (String part : path.split("\\.")) {
        node = node.path(part);
      }
      String actual =
          node.isMissingNode() || node.isNull()
              ? ""
              : node.isValueNode() ? node.asString() : node.toString();
      return actual.equals(value) == equals;
    }
  }

  public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  public static FieldSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    var terms = new ArrayList<Term>();
    for (String part : text.split(",")) {
      String p = part.strip();
      int ne = p.indexOf("!=");
      if (ne > 0) {
        terms.add(new Term(p.substring(0, ne).strip(), false, p.substring(ne + 2).strip()));
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "invalid field selector '" + p + "': expected field=value or field!=value");
      }
      String value = p.substring(p.startsWith("=", eq + 1) ? eq + 2 : eq + 1).strip();
      terms.add(new Term(p.substring(0, eq).strip(), true, value));
    }
    return new FieldSelector(List.copyOf(terms));
  }

  public boolean matches(JsonNode object) {
    return terms.stream().allMatch(t -> t.matches(object));
  }

  public boolean isEverything() {
    return terms.isEmpty();
  }
}
