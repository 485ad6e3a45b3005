package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.exception.JsonQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid expressions, compiling for use, and the API contract. */
class JqCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".status == \"UP\"",
        ".items | length > 0",
        "[.[] | select(.ready)] | all",
        ".",
        ".a // \"default\"",
        ".metadata.labels[\"app.kubernetes.io/name\"]",
        "[.items[] | select(.status.phase != \"Running\")] | length == 0",
        "any(.status.conditions[]; .type == \"Ready\" and .status == \"True\")",
        "reduce .[] as $x (0; . + $x)",
        "try error(\"x\") catch .",
        "label $out | 1",
        "if .a then 1 elif .b then 2 else 3 end",
        "with_entries(.value |= tostring)",
        "test(\"^[0-9]+$\"; \"x\")",
        "test(\"^\\\\d+$\")",
        "limit(1; .[])",
        "splits(\", *\")",
        "@base64",
        "@json \"value: \\(.a)\"",
        "\"\\(.a) and \\(.b | length)\"",
        // Functions the expression defines, its parameters, and recursion.
        "def inc: . + 1; inc",
        "def f(g; $x): g + x + $x; f(.; 3)",
        "def fact: if . <= 1 then 1 else . * (. - 1 | fact) end; 5 | fact",
        // Comments and several lines.
        ".items # the list\n| length",
        ".a |\r\n  .b"
      })
  void acceptsValidExpressions(String expression) {
    assertThat(JqCheck.check(expression)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\t"})
  void rejectsEmptyExpressions(String expression) {
    assertThat(JqCheck.check(expression)).contains(new JqError("the expression is empty", 0));
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> JqCheck.check(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void compiledQueryRunsWithTheBuiltins() throws Exception {
    JsonQuery ready = JqCheck.compile("[.[] | select(.ready)] | length");
    JsonQuery nonEmpty = JqCheck.compile(".items | length > 0");

    assertThat(run(ready, "[{\"ready\": true}, {\"ready\": false}, {\"ready\": true}]"))
        .containsExactly(JSON.readTree("2"));
    assertThat(run(nonEmpty, "{\"items\": [1]}")).containsExactly(JSON.readTree("true"));
    assertThat(run(nonEmpty, "{\"items\": []}")).containsExactly(JSON.readTree("false"));
  }

  @Test
  void newScopeHasTheJqDefinedBuiltinsToo() throws Exception {
    // paths and with_entries are written in jq inside jackson-jq, not in Java.
    JsonQuery query = JqCheck.compile("([paths] | length), (with_entries(.value += 1) | .b)");

    assertThat(run(query, "{\"a\": 1, \"b\": 2}"))
        .containsExactly(JSON.readTree("2"), JSON.readTree("3"));
    assertThat(JqCheck.newScope()).isNotSameAs(JqCheck.newScope());
  }

  @Test
  void variablesAreNotCheckedAndFailOnlyWhenRun() {
    // Known limit: jackson-jq resolves variables at run time and the check does not track them.
    assertThat(JqCheck.check(". as $x | $y")).isEmpty();
    assertThatThrownBy(() -> run(JqCheck.compile(". as $x | $y"), "1"))
        .isInstanceOf(JsonQueryException.class)
        .hasMessage("$y is not defined");
  }

  @Test
  void compileThrowsWhatCheckReports() {
    assertThatThrownBy(() -> JqCheck.compile(".a | | .b"))
        .isInstanceOfSatisfying(
            InvalidJqException.class,
            invalid -> {
              assertThat(invalid.error()).isEqualTo(new JqError("unexpected '|' at column 6", 5));
              assertThat(invalid).hasMessage("unexpected '|' at column 6");
            })
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JqCheck.compile("foo(1)"))
        .isInstanceOfSatisfying(
            InvalidJqException.class,
            invalid -> assertThat(Optional.of(invalid.error())).isEqualTo(JqCheck.check("foo(1)")));
  }

  @Test
  void checksConcurrently() {
    List<String> expressions =
        List.of(".a | | .b", "[.a", "foo(1)", ".items | length > 0", "length(1)", "\"abc");
    List<Optional<JqError>> expected = expressions.stream().map(JqCheck::check).toList();

    List<Optional<JqError>> results =
        IntStream.range(0, 400)
            .parallel()
            .mapToObj(i -> JqCheck.check(expressions.get(i % expressions.size())))
            .toList();

    for (int i = 0; i < results.size(); i++) {
      assertThat(results.get(i)).isEqualTo(expected.get(i % expressions.size()));
    }
  }

  private static List<JsonNode> run(JsonQuery query, String input)
      throws JsonQueryException, java.io.IOException {
    var out = new ArrayList<JsonNode>();
    query.apply(JqCheck.newScope(), JSON.readTree(input), out::add);
    return out;
  }
}
