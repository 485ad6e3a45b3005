package dev.faultline.validate;

import java.util.Objects;
import java.util.Optional;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Compile-checks jq expressions (jq 1.6 as jackson-jq implements it) and compiles them for use.
 *
 * <p>Beyond syntax it reports calls of functions and formats that do not exist, which jackson-jq
 * itself only notices when the query runs. All methods are thread-safe.
 */
public final class JqCheck {
  private JqCheck() {}

  /** The first problem with the expression, or empty if it compiles and all its calls exist. */
  public static Optional<JqError> check(String expression) {
    try {
      compile(expression);
      return Optional.empty();
    } catch (InvalidJqException invalid) {
      return Optional.of(invalid.error());
    }
  }

  /**
   * Compiles the expression after checking it as {@link #check} does. Run the result with a scope
   * from {@link #newScope()}.
   *
   * @throws InvalidJqException if {@link #check} would report a problem
   */
  public static JsonQuery compile(String expression) {
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new InvalidJqException(new JqError("the expression is empty", 0));
    }
    var source = new JqSource(expression);
    JsonQuery query;
    try {
      query = JsonQuery.compile(expression, JqBuiltins.VERSION);
    } catch (JsonQueryException failure) {
      throw new InvalidJqException(JqCompileErrors.describe(source, failure));
    } catch (StackOverflowError tooDeep) {
      // jackson-jq's parser recurses per nesting level; user text must not take the caller down.
      throw new InvalidJqException(new JqError("the expression is nested too deeply", -1));
    }
    Optional<JqError> unknown = JqUnknownCalls.first(source, query);
    if (unknown.isPresent()) {
      throw new InvalidJqException(unknown.get());
    }
    return query;
  }

  /** A fresh scope with the jq built-ins, for running one compiled query. */
  public static Scope newScope() {
    return Scope.newChildScope(JqBuiltins.root());
  }
}
