package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeshHostTest {
  @Test
  void everyFormOfAServiceHostIsTheSameHost() {
    MeshHost fqdn = MeshHost.of("ratings.bookinfo.svc.cluster.local", "other");
    assertThat(MeshHost.of("ratings", "bookinfo")).isEqualTo(fqdn);
    assertThat(MeshHost.of("ratings.bookinfo", "other")).isEqualTo(fqdn);
    assertThat(MeshHost.of("ratings.bookinfo.svc", "other")).isEqualTo(fqdn);
    assertThat(MeshHost.of("Ratings.Bookinfo.svc.cluster.local.", "")).isEqualTo(fqdn);
    assertThat(fqdn.service()).isEqualTo("ratings");
    assertThat(fqdn.namespace()).isEqualTo("bookinfo");
    assertThat(fqdn.host()).isEqualTo("ratings.bookinfo.svc.cluster.local");
  }

  @Test
  void aShortNameBelongsToTheNamespaceItIsWrittenIn() {
    assertThat(MeshHost.of("ratings", "bookinfo")).isNotEqualTo(MeshHost.of("ratings", "shop"));
    assertThat(MeshHost.of("ratings", "shop").host()).isEqualTo("ratings.shop.svc.cluster.local");
  }

  @Test
  void otherHostsAreComparedAsWritten() {
    MeshHost external = MeshHost.of("api.payments.example.com", "shop");
    assertThat(external.isService()).isFalse();
    assertThat(external.host()).isEqualTo("api.payments.example.com");
    assertThat(MeshHost.of("API.payments.example.com", "x")).isEqualTo(external);
    assertThat(MeshHost.of("*.bookinfo.svc.cluster.local", "x").isService()).isFalse();
  }

  @Test
  void createdObjectsGetAKubernetesName() {
    assertThat(MeshHost.of("ratings.bookinfo", "").objectName()).isEqualTo("faultline-ratings");
    assertThat(MeshHost.of("api.payments.example.com", "x").objectName())
        .isEqualTo("faultline-api-payments-example-com");
    assertThat(MeshHost.of("a".repeat(60) + ".b.example.com", "x").objectName()).hasSize(63);
  }
}
