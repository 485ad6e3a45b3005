package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.ContextDiscovery;
import dev.faultline.cluster.ContextRef;
import dev.faultline.cluster.KubeContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {
  @TempDir Path dir;

  @Test
  void oneKubeconfigOverSeveralClustersHasAContextPerServerTheFirstCurrent() throws Exception {
    var servers = new LinkedHashMap<String, String>();
    servers.put("east", "http://127.0.0.1:1001");
    servers.put("west", "http://127.0.0.1:1002");
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, Kubeconfig.text(servers));

    ContextDiscovery found = KubeContexts.ofFiles(List.of(file)).discover();

    assertThat(found.contexts())
        .extracting(ContextRef::name, ContextRef::server, ContextRef::namespace)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("east", "http://127.0.0.1:1001", "shop"),
            org.assertj.core.groups.Tuple.tuple("west", "http://127.0.0.1:1002", "shop"));
    assertThat(found.current()).map(ContextRef::name).contains("east");
    assertThat(found.problems()).isEmpty();
  }
}
