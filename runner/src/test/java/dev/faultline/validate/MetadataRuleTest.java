package dev.faultline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import org.junit.jupiter.api.Test;

class MetadataRuleTest {
  private static java.util.List<String> messages(String text) {
    var read = new ExperimentReader().read(text, Syntax.YAML);
    var all = new java.util.ArrayList<String>();
    read.problems().forEach(p -> all.add(p.severity().word() + ": " + p.message()));
    read.experiment()
        .ifPresent(
            e ->
                Validator.standard()
                    .validate(e, read.locator())
                    .forEach(p -> all.add(p.severity().word() + ": " + p.message())));
    return all;
  }

  private static String named(String name) {
    return "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata:\n  name: "
        + name
        + "\nspec:\n  steps: []\n";
  }

  @Test
  void kubernetesNamesAreFine() {
    assertThat(messages(named("checkout-freeze.v2"))).isEmpty();
  }

  @Test
  void otherNamesAreAWarningBecauseExportsNeedOne() {
    assertThat(messages(named("Checkout Freeze")))
        .containsExactly(
            "warning: 'Checkout Freeze' is not a valid Kubernetes name (lower-case letters,"
                + " digits, '-' and '.'); exports to Chaos Mesh will need another");
  }

  @Test
  void nameIsRequiredAndNotBlank() {
    assertThat(messages(named("''"))).containsExactly("error: the experiment needs a name");
    assertThat(
            messages(
                "apiVersion: faultline.dev/v1alpha1\nkind: Experiment\nmetadata: {}\nspec: {}\n"))
        .containsExactly("error: 'metadata' is missing the required field 'name'");
  }

  @Test
  void namespaceBothAllowedAndDeniedIsAWarning() {
    assertThat(
            messages(
                """
                apiVersion: faultline.dev/v1alpha1
                kind: Experiment
                metadata: {name: x}
                spec:
                  safety:
                    namespaces: {allow: [shop, db], deny: [db]}
                  steps: []
                """))
        .containsExactly("warning: namespace 'db' is both allowed and denied; deny wins");
  }

  @Test
  void aNamedContextMayBeAnyNameButNotEmpty() {
    String template =
        """
        apiVersion: faultline.dev/v1alpha1
        kind: Experiment
        metadata: {name: x}
        spec:
          context: %s
          steps: []
        """;
    assertThat(messages(template.formatted("arn:aws:eks:eu-west-1:123456789012:cluster/prod")))
        .isEmpty();
    assertThat(messages(template.formatted("kind-dev"))).isEmpty();
    assertThat(messages(template.formatted("''")))
        .containsExactly(
            "error: 'context' is empty; name a kubeconfig context, or leave it out to use the"
                + " current one");
    assertThat(messages(template.formatted("[a, b]")))
        .containsExactly("error: expected a single value, not a list");
  }
}
