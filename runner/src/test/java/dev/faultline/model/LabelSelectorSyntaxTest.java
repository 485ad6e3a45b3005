package dev.faultline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.model.LabelSelector.Operator;
import dev.faultline.model.LabelSelector.Requirement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kubernetes rules for label keys and values, each with valid and invalid cases. */
class LabelSelectorSyntaxTest {

  static Stream<String> validKeys() {
    return Stream.of(
        "a",
        "A",
        "7",
        "In",
        "a.b-c_D",
        "x".repeat(63),
        "example.com/name",
        "app.kubernetes.io/part-of",
        "1.2.3/x",
        "a-b.c-d/N_a.m-e",
        "a".repeat(253) + "/x",
        "a".repeat(61) + "." + "b".repeat(61) + "/" + "n".repeat(63));
  }

  @ParameterizedTest
  @MethodSource("validKeys")
  void acceptsValidKeys(String key) {
    assertThat(LabelSelector.parse(key).requirements())
        .containsExactly(new Requirement(key, Operator.EXISTS, List.of()));
    assertThat(new Requirement(key, Operator.NOT_EXISTS, null).key()).isEqualTo(key);
  }

  static Stream<Arguments> invalidKeys() {
    return Stream.of(
        Arguments.of("a/b/c", "a key may contain only one '/', between prefix and name", 3),
        Arguments.of("/name", "the prefix before '/' is empty", 0),
        Arguments.of("example.com/", "the name after '/' is empty", 12),
        Arguments.of("x".repeat(64), "it is 64 characters long, the limit is 63", 0),
        Arguments.of(
            "example.com/" + "x".repeat(64), "the name is 64 characters long, the limit is 63", 12),
        Arguments.of(
            "a".repeat(254) + "/x", "the prefix is 254 characters long, the limit is 253", 0),
        Arguments.of("-app", "it must start with a letter or digit", 0),
        Arguments.of("app_", "it must end with a letter or digit", 3),
        Arguments.of("example.com/.app", "the name must start with a letter or digit", 12),
        Arguments.of("ap*p", "it may only contain letters, digits, '-', '_' and '.', found '*'", 2),
        Arguments.of(
            "app\u00e9", "it may only contain letters, digits, '-', '_' and '.', found 'é'", 3),
        Arguments.of(
            "app\u00a0x", "it may only contain letters, digits, '-', '_' and '.', found U+00A0", 3),
        Arguments.of(
            "Example.com/x",
            "the prefix is a DNS subdomain and may only contain lowercase letters, digits, '-'"
                + " and '.', found 'E'",
            0),
        Arguments.of(
            "exa_mple.com/x",
            "the prefix is a DNS subdomain and may only contain lowercase letters, digits, '-'"
                + " and '.', found '_'",
            3),
        Arguments.of(
            "a..b/x",
            "each dot-separated part of the prefix must start and end with a letter or digit,"
                + " found an empty part",
            2),
        Arguments.of(
            ".a/x",
            "each dot-separated part of the prefix must start and end with a letter or digit,"
                + " found an empty part",
            0),
        Arguments.of(
            "a./x",
            "each dot-separated part of the prefix must start and end with a letter or digit,"
                + " found an empty part",
            1),
        Arguments.of(
            "-a.com/x",
            "each dot-separated part of the prefix must start and end with a letter or digit",
            0),
        Arguments.of(
            "a.b-.com/x",
            "each dot-separated part of the prefix must start and end with a letter or digit",
            3));
  }

  @ParameterizedTest
  @MethodSource("invalidKeys")
  void rejectsInvalidKeys(String key, String reason, int offset) {
    String message = "label key '" + LabelSyntax.abbreviate(key) + "' is invalid: " + reason;

    // As a bare key at the start, and after "!" one character further on.
    assertThatThrownBy(() -> LabelSelector.parse(key))
        .isInstanceOfSatisfying(
            LabelSelectorException.class,
            problem -> {
              assertThat(problem).hasMessage(message);
              assertThat(problem.index()).isEqualTo(offset);
            });
    assertThat(LabelSelector.check("x=1,!" + key))
        .get()
        .satisfies(problem -> assertThat(problem.index()).isEqualTo(5 + offset));
    assertThatThrownBy(() -> new Requirement(key, Operator.EXISTS, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  static Stream<String> validValues() {
    return Stream.of("a", "Z", "0", "1.2.3", "A-b_c.D", "v".repeat(63));
  }

  @ParameterizedTest
  @MethodSource("validValues")
  void acceptsValidValues(String value) {
    assertThat(LabelSelector.parse("k=" + value).requirements().getFirst().values())
        .containsExactly(value);
    assertThat(LabelSelector.parse("k in (" + value + ")").requirements().getFirst().values())
        .containsExactly(value);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of("v".repeat(64), "it is 64 characters long, the limit is 63", 0),
        Arguments.of("-a", "it must start with a letter or digit", 0),
        Arguments.of("a.", "it must end with a letter or digit", 1),
        Arguments.of("a/b", "it may only contain letters, digits, '-', '_' and '.', found '/'", 1),
        Arguments.of(
            "\"web\"", "it may only contain letters, digits, '-', '_' and '.', found '\"'", 0));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsInvalidValues(String value, String reason, int offset) {
    String message = "label value '" + value + "' is invalid: " + reason;

    assertThat(LabelSelector.check("k=" + value))
        .get()
        .satisfies(
            problem -> {
              assertThat(problem).hasMessage(message);
              assertThat(problem.index()).isEqualTo(2 + offset);
            });
    assertThat(LabelSelector.check("k notin (ok, " + value + ")"))
        .get()
        .satisfies(problem -> assertThat(problem.index()).isEqualTo(13 + offset));
    assertThatThrownBy(() -> new Requirement("k", Operator.EQUALS, List.of(value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void emptyValueIsValid() {
    assertThat(new Requirement("k", Operator.EQUALS, List.of("")).values()).containsExactly("");
  }

  @Test
  void requirementRejectsWrongValueCounts() {
    assertThatThrownBy(() -> new Requirement("k", Operator.EXISTS, List.of("a")))
        .hasMessage("EXISTS takes no values, got [a]");
    assertThatThrownBy(() -> new Requirement("k", Operator.EQUALS, List.of()))
        .hasMessage("EQUALS takes exactly one value, got []");
    assertThatThrownBy(() -> new Requirement("k", Operator.NOT_EQUALS, List.of("a", "b")))
        .hasMessage("NOT_EQUALS takes exactly one value, got [a, b]");
    assertThatThrownBy(() -> new Requirement("k", Operator.IN, List.of()))
        .hasMessage("IN takes at least one value, got []");
    assertThatThrownBy(() -> new Requirement("k", Operator.GREATER_THAN, List.of("ten")))
        .hasMessage("GREATER_THAN needs a whole number, got 'ten'");
  }

  @Test
  void requirementRejectsValuesWithSpacesThatTheParserCannotSee() {
    assertThatThrownBy(() -> new Requirement("k", Operator.EQUALS, List.of("a b")))
        .hasMessage(
            "label value 'a b' is invalid: it may only contain letters, digits, '-', '_' and '.',"
                + " found U+0020");
  }

  @Test
  void requirementSortsAndDeduplicatesValues() {
    assertThat(new Requirement("k", Operator.NOT_IN, List.of("b", "a", "b")).values())
        .containsExactly("a", "b");
  }
}
