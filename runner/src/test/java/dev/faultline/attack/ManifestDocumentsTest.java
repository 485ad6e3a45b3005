package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.attack.ManifestDocuments.ManifestObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestDocumentsTest {
  @Test
  void readsEveryDocumentWithItsPositionAndSkipsEmptyOnes() throws Exception {
    List<ManifestObject> objects =
        ManifestDocuments.parse(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: shop
            data:
              mode: "broken"
            ---
            # a comment only
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all}
            spec: {podSelector: {}}
            ---
            """);

    assertThat(objects).hasSize(2);
    ManifestObject first = objects.getFirst();
    assertThat(first.document()).isEqualTo(1);
    assertThat(first.line()).isEqualTo(1);
    assertThat(first.kind()).isEqualTo("ConfigMap");
    assertThat(first.namespace()).isEqualTo("shop");
    assertThat(first.group()).isEmpty();
    assertThat(first.body().path("data").path("mode").asString()).isEqualTo("broken");
    ManifestObject second = objects.get(1);
    assertThat(second.where()).isEqualTo("document 3 (line 11)");
    assertThat(second.group()).isEqualTo("networking.k8s.io");
    assertThat(second.namespace()).isEmpty();
    assertThat(second.name()).isEqualTo("deny-all");
  }

  @Test
  void jsonIsYamlToo() throws Exception {
    assertThat(
            ManifestDocuments.parse(
                "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"s\"}}"))
        .singleElement()
        .satisfies(o -> assertThat(o.kind()).isEqualTo("Secret"));
  }

  @Test
  void aMissingFieldNamesTheDocumentAndLine() {
    assertProblem(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        ---
        apiVersion: v1
        metadata: {name: b}
        """,
        "manifest document 2 (line 5): kind is missing");
    assertProblem(
        "kind: ConfigMap\nmetadata: {name: a}\n", "document 1 (line 1): apiVersion is missing");
    assertProblem(
        "apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-}\n",
        "document 1 (line 1): metadata.name is missing (Pod); rollback must find the object again");
  }

  @Test
  void aSyntaxErrorNamesTheDocumentLineAndColumn() {
    assertThatThrownBy(
            () ->
                ManifestDocuments.parse(
                    """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: a}
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: [unclosed
                    data: {}
                    """))
        .isInstanceOf(AttackException.class)
        .hasMessageStartingWith("manifest document 2 (line ");
    assertThatThrownBy(
            () ->
                ManifestDocuments.parse(
                    "apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: {name: a}\n"))
        .isInstanceOf(AttackException.class)
        .hasMessageContaining("document 1 (line 3, column 1)")
        .hasMessageContaining("duplicate key kind");
  }

  @Test
  void refusesWhatIsNotOneObjectPerDocument() {
    assertProblem("- a\n- b\n", "manifest document 1 (line 1): expected a Kubernetes object");
    assertProblem(
        "apiVersion: v1\nkind: List\nmetadata: {name: x}\nitems: []\n",
        "List is not supported; write one document per object");
    assertProblem("   \n", "the manifest is empty");
    assertProblem("---\n---\n", "the manifest has no objects");
  }

  private static void assertProblem(String manifest, String message) {
    assertThatThrownBy(() -> ManifestDocuments.parse(manifest))
        .isInstanceOf(AttackException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((AttackException) e).retryable()).isFalse());
  }
}
