package dev.faultline.designer.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.format.ExperimentFormat;
import dev.faultline.format.ExperimentReader;
import dev.faultline.format.Syntax;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StepLinesTest {

  private final dev.faultline.model.Experiment checkout =
      new ExperimentReader()
          .read(Path.of("../docs/examples/checkout-freeze-and-recover.yaml"))
          .experiment()
          .orElseThrow();

  @Test
  void findsEachStepInTheYamlTheWriterWrites() {
    String yaml = ExperimentFormat.write(checkout, Syntax.YAML);
    String[] lines = yaml.split("\n", -1);

    for (String id : new String[] {"freeze", "until-unhealthy", "kill", "until-recovered"}) {
      int line = StepLines.find(yaml, id).orElseThrow();
      assertThat(lines[line - 1]).contains("- id: " + id);
    }
    // "kill" must not match "until-..." steps or the layout entry "kill: {x: ...}".
    assertThat(lines[StepLines.find(yaml, "kill").orElseThrow() - 1].strip())
        .isEqualTo("- id: kill");
    assertThat(StepLines.find(yaml, "nope")).isEmpty();
  }

  @Test
  void findsStepsInJsonToo() {
    String json = ExperimentFormat.write(checkout, Syntax.JSON);
    int line = StepLines.find(json, "until-recovered").orElseThrow();

    assertThat(json.split("\n", -1)[line - 1]).contains("\"until-recovered\"");
  }
}
