package dev.faultline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.Examples;
import dev.faultline.catalog.Descriptor.Role;
import dev.faultline.validate.ParamCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private final Catalog catalog = Catalog.builtIn();

  @Test
  void registersTheRequiredAttacksAndProbes() {
    assertThat(catalog.ids(Role.ATTACK))
        .containsExactlyInAnyOrder(
            "k8s.pod.delete",
            "k8s.container.kill",
            "process.signal",
            "k8s.deployment.scale",
            "k8s.node.drain",
            "chaosmesh.network",
            "chaosmesh.stress",
            "chaosmesh.http",
            "chaosmesh.io",
            "chaosmesh.dns",
            "chaosmesh.time",
            "mesh.istio.fault",
            "k8s.manifest");
    assertThat(catalog.ids(Role.PROBE))
        .containsExactlyInAnyOrder(
            "http.check",
            "k8s.state",
            "k8s.ready",
            "prometheus.query",
            "tcp.connect",
            "load.http",
            "grpc.health",
            "load.grpc");
  }

  @Test
  void everyDescriptorIsComplete() {
    for (Descriptor d : catalog.all()) {
      assertThat(d.title()).as(d.id()).isNotBlank();
      assertThat(d.description()).as(d.id()).isNotBlank();
      assertThat(d.category()).as(d.id()).isNotBlank();
      assertThat(d.iconId()).as(d.id()).matches("[a-z0-9-]+");
      assertThat(d.targetKinds().isEmpty()).as(d.id()).isEqualTo(d.targetUse() == TargetUse.NONE);
      for (Param p : d.params()) {
        assertThat(p.docs()).as(d.id() + "." + p.name()).isNotBlank();
        if (p.type() == ParamType.ENUM) {
          assertThat(p.allowed()).as(d.id() + "." + p.name()).isNotEmpty();
        }
        if (p.defaultValue() != null) {
          // a default must itself pass the parameter's own check
          assertThat(ParamCheck.check(p, p.defaultValue()))
              .as(d.id() + "." + p.name() + " default")
              .isEmpty();
        }
      }
      assertThat(d.paramNames()).as(d.id()).doesNotHaveDuplicates();
    }
  }

  @Test
  void duplicateIdsAreRefused() {
    Descriptor one = catalog.find("tcp.connect").orElseThrow();
    assertThatThrownBy(() -> new Catalog(List.of(one, one))).hasMessageContaining("tcp.connect");
  }

  @Test
  void formatReferenceNamesEveryDescriptorAndParameter() throws IOException {
    String reference = Files.readString(Examples.dir().resolveSibling("format.md"));
    for (Descriptor d : catalog.all()) {
      String row =
          reference.lines().filter(l -> l.startsWith("| `" + d.id() + "`")).findFirst().orElse("");
      assertThat(row).as("docs/format.md row for " + d.id()).isNotEmpty().contains(d.title());
      for (Param p : d.params()) {
        assertThat(row).as(d.id() + " parameter " + p.name()).contains("`" + p.name() + "`");
      }
    }
  }
}
