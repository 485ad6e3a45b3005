package dev.faultline.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.MissingNode;

/** Labels and selectors as the Selector and Node Selector columns write them. */
class TableViewSelectorTest {
  @Test
  void labelsAreSortedByKey() {
    assertThat(LabelText.labels(Trees.json("{\"tier\":\"front\",\"app\":\"web\"}")))
        .isEqualTo("app=web,tier=front");
  }

  @Test
  void noLabelsIsNone() {
    assertThat(LabelText.labels(Trees.json("{}"))).isEqualTo("<none>");
    assertThat(LabelText.labels(MissingNode.getInstance())).isEqualTo("<none>");
  }

  @Test
  void selectorMixesEqualityAndSetRequirementsSortedByKey() {
    var selector =
        Trees.json(
            """
            {"matchLabels": {"app": "web"},
             "matchExpressions": [
               {"key": "tier", "operator": "In", "values": ["front", "back"]},
               {"key": "env", "operator": "NotIn", "values": ["prod"]},
               {"key": "canary", "operator": "DoesNotExist"},
               {"key": "zone", "operator": "Exists"}]}
            """);
    assertThat(LabelText.selector(selector))
        .isEqualTo("app=web,!canary,env notin (prod),tier in (back,front),zone");
  }

  @Test
  void emptyOrMissingSelectorIsNoneWhenFormatted() {
    assertThat(LabelText.selector(Trees.json("{}"))).isEmpty();
    assertThat(LabelText.formatSelector(Trees.json("{}"))).isEqualTo("<none>");
    assertThat(LabelText.formatSelector(MissingNode.getInstance())).isEqualTo("<none>");
  }

  @Test
  void invalidRequirementsAreErrors() {
    var noValues = Trees.json("{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\"}]}");
    var badOperator = Trees.json("{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"Near\"}]}");
    assertThatThrownBy(() -> LabelText.selector(noValues))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(LabelText.formatSelector(badOperator)).isEqualTo("<error>");
  }
}
