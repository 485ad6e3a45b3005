package dev.faultline.export.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.attack.chaosmesh.CrdSchema;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses an exported workflow and checks it against the Workflow CRD and the admission rules. */
final class WorkflowChecks {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final CrdSchema SCHEMA = CrdSchema.load();

  private WorkflowChecks() {}

  static JsonNode tree(String yaml) {
    Object plain = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    assertThat(plain).isInstanceOf(Map.class);
    return JSON.valueToTree(plain);
  }

  /** The workflow in {@code yaml}, after asserting that Chaos Mesh would admit it. */
  static JsonNode admitted(String yaml) {
    JsonNode workflow = tree(yaml);
    assertThat(SCHEMA.problems(workflow)).as("Workflow CRD schema of\n%s", yaml).isEmpty();
    assertThat(WorkflowAdmission.check(workflow)).as("admission rules of\n%s", yaml).isEmpty();
    return workflow;
  }

  /** The template named {@code name}. */
  static JsonNode template(JsonNode workflow, String name) {
    for (JsonNode t : workflow.path("spec").path("templates")) {
      if (t.path("name").asString().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no template " + name + " in " + workflow);
  }
}
