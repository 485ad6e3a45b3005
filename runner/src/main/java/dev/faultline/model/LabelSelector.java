package dev.faultline.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A parsed Kubernetes label selector, the string syntax that {@code kubectl -l} and the API's
 * {@code labelSelector} parameter accept ({@code labels.Parse} in k8s.io/apimachinery): {@code
 * app=web,tier in (api,web),!legacy}.
 *
 * <p>Requirements are ANDed; the empty selector matches everything. Unlike upstream, requirements
 * keep the order they were written in (upstream sorts them by key); that changes nothing about
 * matching and keeps {@link #toString()} close to what the user typed. Values of a set are
 * deduplicated and sorted, as upstream does.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param requirements the ANDed requirements, in written order
 */
public record LabelSelector(List<Requirement> requirements) {

  public LabelSelector {
    requirements = List.copyOf(requirements);
  }

  /**
   * Parses selector text.
   *
   * @throws LabelSelectorException if the text is not a selector Kubernetes would accept
   */
  public static LabelSelector parse(String text) {
    return new LabelSelectorParser(Objects.requireNonNull(text, "text")).parse();
  }

  /** The problem with selector text, if any. */
  public static Optional<LabelSelectorException> check(String text) {
    try {
      parse(text);
      return Optional.empty();
    } catch (LabelSelectorException problem) {
      return Optional.of(problem);
    }
  }

  /**
   * Whether an object with these labels is selected.
   *
   * @param labels the object's labels; a {@code null} value counts as an absent label
   */
  public boolean matches(Map<String, String> labels) {
    Objects.requireNonNull(labels, "labels");
    for (Requirement requirement : requirements) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this selector has no requirements and so matches everything. */
  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** Canonical selector text, which {@link #parse} turns back into an equal selector. */
  @Override
  public String toString() {
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  /** How a requirement relates a label's value to its values. */
  public enum Operator {
    /** {@code key=value} or {@code key==value}: the label is present with that value. */
    EQUALS,
    /** {@code key!=value}: the label is absent or has another value. */
    NOT_EQUALS,
    /** {@code key in (a,b)}: the label is present with one of the values. */
    IN,
    /** {@code key notin (a,b)}: the label is absent or has none of the values. */
    NOT_IN,
    /** {@code key}: the label is present. */
    EXISTS,
    /** {@code !key}: the label is absent. */
    NOT_EXISTS,
    /** {@code key>5}: the label is present and is a whole number greater than the value. */
    GREATER_THAN,
    /** {@code key<5}: the label is present and is a whole number less than the value. */
    LESS_THAN;

    int valueCountMin() {
      return switch (this) {
        case EXISTS, NOT_EXISTS -> 0;
        default -> 1;
      };
    }

    int valueCountMax() {
      return switch (this) {
        case EXISTS, NOT_EXISTS -> 0;
        case IN, NOT_IN -> Integer.MAX_VALUE;
        default -> 1;
      };
    }
  }

  /**
   * One condition on one label.
   *
   * @param key a valid label key
   * @param operator how the label's value must relate to {@code values}
   * @param values valid label values, deduplicated and sorted; none for {@code EXISTS} and {@code
   *     NOT_EXISTS}, exactly one (a whole number for {@code GREATER_THAN} and {@code LESS_THAN})
   *     for the others except {@code IN} and {@code NOT_IN}, which need at least one
   */
  public record Requirement(String key, Operator operator, List<String> values) {

    /**
     * Checks the requirement by the same rules as the parser, so every requirement prints as
     * selector text that parses back to it.
     *
     * @throws IllegalArgumentException if the key, a value or the number of values is invalid
     */
    public Requirement {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      values = values == null ? List.of() : List.copyOf(new TreeSet<>(values));
      LabelSyntax.Problem keyProblem = LabelSyntax.keyProblem(key);
      if (keyProblem != null) {
        throw new IllegalArgumentException(
            "label key '" + LabelSyntax.abbreviate(key) + "' is invalid: " + keyProblem.reason());
      }
      if (values.size() < operator.valueCountMin() || values.size() > operator.valueCountMax()) {
        throw new IllegalArgumentException(
            operator + " takes " + valueCountText(operator) + ", got " + values);
      }
      for (String value : values) {
        LabelSyntax.Problem valueProblem = LabelSyntax.valueProblem(value);
        if (valueProblem != null) {
          throw new IllegalArgumentException(
              "label value '"
                  + LabelSyntax.abbreviate(value)
                  + "' is invalid: "
                  + valueProblem.reason());
        }
      }
      if ((operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN)
          && LabelSyntax.parseInteger(values.getFirst()) == null) {
        throw new IllegalArgumentException(
            operator + " needs a whole number, got '" + values.getFirst() + "'");
      }
    }

    /** Whether labels satisfy this requirement, with the upstream semantics. */
    public boolean matches(Map<String, String> labels) {
      String actual = labels.get(key);
      return switch (operator) {
        case EXISTS -> actual != null;
        case NOT_EXISTS -> actual == null;
        case EQUALS, IN -> actual != null && values.contains(actual);
        case NOT_EQUALS, NOT_IN -> actual == null || !values.contains(actual);
        case GREATER_THAN, LESS_THAN -> compares(actual);
      };
    }

    private boolean compares(String actual) {
      Long number = actual == null ? null : LabelSyntax.parseInteger(actual);
      if (number == null) {
        // Upstream: a label that is not a whole number never satisfies '>' or '<'.
        return false;
      }
      long bound = LabelSyntax.parseInteger(values.getFirst());
      return operator == Operator.GREATER_THAN ? number > bound : number < bound;
    }

    /** The requirement in selector syntax, e.g. {@code tier in (api,web)}. */
    @Override
    public String toString() {
      return switch (operator) {
        case EXISTS -> key;
        case NOT_EXISTS -> "!" + key;
        case EQUALS -> key + "=" + values.getFirst();
        case NOT_EQUALS -> key + "!=" + values.getFirst();
        case GREATER_THAN -> key + ">" + values.getFirst();
        case LESS_THAN -> key + "<" + values.getFirst();
        case IN -> key + " in (" + String.join(",", values) + ")";
        case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
      };
    }

    private static String valueCountText(Operator operator) {
      return switch (operator) {
        case EXISTS, NOT_EXISTS -> "no values";
        case IN, NOT_IN -> "at least one value";
        default -> "exactly one value";
      };
    }
  }
}
