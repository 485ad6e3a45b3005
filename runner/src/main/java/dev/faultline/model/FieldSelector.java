package dev.faultline.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed Kubernetes field selector over pods, the syntax of {@code kubectl --field-selector}:
 * comma-separated terms {@code field=value}, {@code field==value} or {@code field!=value}, all of
 * which must hold. In values, {@code \,}, {@code \=} and {@code \\} stand for {@code ,}, {@code =}
 * and {@code \}. Only the fields in {@link #FIELDS} are accepted: they are the ones a pod view
 * carries, and a selector that named another would silently match nothing.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param terms the ANDed terms, in written order
 */
public record FieldSelector(List<Term> terms) {
  /** The pod fields a selector may name. */
  public static final List<String> FIELDS =
      List.of("metadata.name", "metadata.namespace", "spec.nodeName", "status.phase");

  public FieldSelector {
    terms = List.copyOf(terms);
  }

  /**
   * Parses selector text.
   *
   * @throws FieldSelectorException if the text is not a selector Kubernetes would accept, or names
   *     a field outside {@link #FIELDS}
   */
  public static FieldSelector parse(String text) {
    return new FieldSelector(FieldSelectorParser.parse(Objects.requireNonNull(text, "text")));
  }

  /** The problem with selector text, if any. */
  public static Optional<FieldSelectorException> check(String text) {
    try {
      parse(text);
      return Optional.empty();
    } catch (FieldSelectorException problem) {
      return Optional.of(problem);
    }
  }

  /** Whether this selector has no terms and so matches everything. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** Canonical selector text, which {@link #parse} turns back into an equal selector. */
  @Override
  public String toString() {
    return terms.stream().map(Term::toString).collect(Collectors.joining(","));
  }

  /**
   * One condition on one field.
   *
   * @param field one of {@link #FIELDS}
   * @param negated {@code true} for {@code !=}
   * @param value the value, unescaped; may be empty ({@code spec.nodeName=} selects unscheduled
   *     pods)
   */
  public record Term(String field, boolean negated, String value) {
    public Term {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException("unsupported field '" + field + "'");
      }
    }

    /** Whether a pod whose field has this value satisfies the term. */
    public boolean matches(String actual) {
      return value.equals(actual) != negated;
    }

    @Override
    public String toString() {
      return field + (negated ? "!=" : "=") + escape(value);
    }

    private static String escape(String value) {
      return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    }
  }
}
