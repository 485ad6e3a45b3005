package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls of functions and formats that do not exist. jackson-jq only finds these when a query runs;
 * the check finds them up front.
 */
class JqCheckFunctionTest {

  static Stream<Arguments> unknownCalls() {
    return Stream.of(
        Arguments.of("foo(1)", "unknown function foo/1 at column 1", 0),
        Arguments.of("foo", "unknown function foo/0 at column 1", 0),
        Arguments.of(".items | bar | baz", "unknown function bar/0 at column 10", 9),
        // A built-in called with the wrong number of arguments.
        Arguments.of(
            "length(1)", "unknown function length/1 at column 1; length takes no arguments", 0),
        Arguments.of(
            ".[] | test(\"a\"; \"x\"; 1)",
            "unknown function test/3 at column 7; test takes 1 or 2 arguments",
            6),
        Arguments.of(
            "ltrimstr(\"a\"; \"b\")",
            "unknown function ltrimstr/2 at column 1; ltrimstr takes 1 argument",
            0),
        Arguments.of(
            "limit(1)", "unknown function limit/1 at column 1; limit takes 2 arguments", 0),
        // The expression's own definitions count, with their arity.
        Arguments.of(
            "def f: 1; f(2)", "unknown function f/1 at column 11; f takes no arguments", 10),
        Arguments.of("def f: nope; 1", "unknown function nope/0 at column 8", 7),
        // The index skips strings, comments, field names and object keys with the same name.
        Arguments.of("\"foo\" | foo", "unknown function foo/0 at column 9", 8),
        Arguments.of(".foo | foo", "unknown function foo/0 at column 8", 7),
        Arguments.of("{foo: 1} | foo", "unknown function foo/0 at column 12", 11),
        Arguments.of("# foo\n.a | foo", "unknown function foo/0 at line 2, column 6", 11),
        Arguments.of("\"x\\(foo)\"", "unknown function foo/0 at column 5", 4),
        // Formats.
        Arguments.of(
            ".a | @foo",
            "unknown format @foo at column 6; known formats: @base64, @base64d, @csv, @html, @json,"
                + " @sh, @text, @tsv, @uri",
            5));
  }

  @ParameterizedTest
  @MethodSource("unknownCalls")
  void reportsUnknownCalls(String expression, String message, int index) {
    assertThat(JqCheck.check(expression)).contains(new JqError(message, index));
  }

  /** jq 1.6 functions that jackson-jq 1.6.2 does not implement: they would fail at run time. */
  @ParameterizedTest
  @ValueSource(strings = {"env", "input", "debug", "todate", "strftime(\"%Y\")", "@base32"})
  void reportsJqFunctionsJacksonJqLacks(String expression) {
    assertThat(JqCheck.check(expression))
        .hasValueSatisfying(error -> assertThat(error.message()).startsWith("unknown "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "length",
        "keys",
        "map(.a)",
        "select(.a)",
        "has(\"a\")",
        "to_entries",
        "from_entries",
        "split(\",\")",
        "join(\",\")",
        "ascii_downcase",
        "tostring",
        "tonumber",
        "startswith(\"a\")",
        "sort_by(.a)",
        "group_by(.a)",
        "unique_by(.a)",
        "min_by(.a)",
        "add",
        "range(3)",
        "range(1; 3)",
        "floor",
        "now",
        "todateiso8601",
        "fromjson",
        "tojson",
        "paths",
        "getpath([\"a\"])",
        "del(.a)",
        "walk(.)",
        "first(.[])",
        "until(. > 3; . + 1)",
        "sub(\"a\"; \"b\")",
        "gsub(\"a\"; \"b\"; \"g\")",
        "capture(\"(?<x>a)\")",
        "not",
        "empty",
        "error(\"x\")",
        "@csv",
        "@sh"
      })
  void acceptsBuiltins(String expression) {
    assertThat(JqCheck.check(expression)).isEmpty();
  }
}
