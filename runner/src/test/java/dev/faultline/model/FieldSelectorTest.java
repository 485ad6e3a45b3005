package dev.faultline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.model.FieldSelector.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSelectorTest {
  @Test
  void parsesTermsWithAllThreeOperators() {
    assertThat(
            FieldSelector.parse("metadata.name=a,spec.nodeName!=node-1,status.phase==Running")
                .terms())
        .containsExactly(
            new Term("metadata.name", false, "a"),
            new Term("spec.nodeName", true, "node-1"),
            new Term("status.phase", false, "Running"));
  }

  @Test
  void emptyTextAndEmptyTermsAreAllowedAsInKubernetes() {
    assertThat(FieldSelector.parse("").isEmpty()).isTrue();
    assertThat(FieldSelector.parse(",status.phase=Running,").terms()).hasSize(1);
  }

  @Test
  void emptyValueSelectsTheEmptyField() {
    Term unscheduled = FieldSelector.parse("spec.nodeName=").terms().getFirst();
    assertThat(unscheduled.value()).isEmpty();
    assertThat(unscheduled.matches("")).isTrue();
    assertThat(unscheduled.matches("node-1")).isFalse();
  }

  @Test
  void notEqualsMatchesEveryOtherValue() {
    Term term = FieldSelector.parse("metadata.namespace!=shop").terms().getFirst();
    assertThat(term.matches("shop")).isFalse();
    assertThat(term.matches("web")).isTrue();
  }

  @Test
  void escapesAreUnescapedAndWrittenBack() {
    FieldSelector selector = FieldSelector.parse("metadata.name=a\\,b\\=c\\\\d,status.phase=x");
    assertThat(selector.terms().getFirst().value()).isEqualTo("a,b=c\\d");
    assertThat(selector.terms()).hasSize(2);
    assertThat(FieldSelector.parse(selector.toString())).isEqualTo(selector);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "metadata.name | 13 | expected '=', '==' or '!=' after 'metadata.name'",
        "=x | 0 | expected a field name before the operator",
        "status.podIP=1.2.3.4 | 0 | unsupported field 'status.podIP'; use one of metadata.name,"
            + " metadata.namespace, spec.nodeName, status.phase",
        "status.phase=a, spec.nodeName=x | 15 | unsupported field ' spec.nodeName'; remove the"
            + " spaces around it",
        "metadata.name=a=b | 15 | a '=' in a value must be escaped as '\\='",
        "metadata.name=a\\b | 15 | invalid escape '\\b'; only '\\\\', '\\,' and '\\=' are escapes",
        "metadata.name=a\\ | 15 | invalid escape '\\'; only '\\\\', '\\,' and '\\=' are escapes",
      })
  void errorsSayWhatAndWhere(String text, int index, String message) {
    assertThatThrownBy(() -> FieldSelector.parse(text))
        .isInstanceOfSatisfying(
            FieldSelectorException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.index()).isEqualTo(index);
            });
  }
}
