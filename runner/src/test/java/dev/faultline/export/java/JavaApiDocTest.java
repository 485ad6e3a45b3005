package dev.faultline.export.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Examples;
import dev.faultline.model.ClusterContexts;
import dev.faultline.model.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example at the top of docs/java-api.md compiles and builds a valid experiment. */
class JavaApiDocTest {
  @TempDir Path dir;

  @Test
  void theDocumentedExampleCompilesAndBuilds() throws Exception {
    String doc = Files.readString(Examples.dir().resolveSibling("java-api.md"));
    int start = doc.indexOf("```java\n") + "```java\n".length();
    String source = doc.substring(start, doc.indexOf("```", start));

    Class<?> example = GeneratedClasses.compile(dir, "CheckoutChaosTest", source);
    Object built = GeneratedClasses.callStatic(example, "experiment");

    assertThat(built).isInstanceOf(Experiment.class);
    assertThat(((Experiment) built).spec().steps()).hasSize(4);
  }

  @Test
  void theMultiClusterExampleCompilesAndNamesItsContexts() throws Exception {
    String doc = Files.readString(Examples.dir().resolveSibling("java-api.md"));
    int section = doc.indexOf("**Several clusters.**");
    int start = doc.indexOf("```java\n", section) + "```java\n".length();
    String expression = doc.substring(start, doc.indexOf("```", start));
    String source =
        """
        import dev.faultline.model.Attacks;
        import dev.faultline.model.Experiment;
        import dev.faultline.model.Probes;
        import dev.faultline.model.Target;

        class MultiClusterDoc {
          static Experiment experiment() {
            return %s
          }
        }
        """
            .formatted(expression);

    Class<?> example = GeneratedClasses.compile(dir, "MultiClusterDoc", source);
    var built = (Experiment) GeneratedClasses.callStatic(example, "experiment");

    assertThat(ClusterContexts.named(built.spec())).containsExactly("west", "east");
  }
}
