package dev.faultline.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.sandbox.Sandbox;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterHostsTest {
  @Test
  void serviceNamesInTheirThreeSpellings() {
    var checkout = Optional.of(new ClusterHosts.ServiceName("checkout", "shop"));
    assertThat(ClusterHosts.ServiceName.of("checkout.shop")).isEqualTo(checkout);
    assertThat(ClusterHosts.ServiceName.of("checkout.shop.svc")).isEqualTo(checkout);
    assertThat(ClusterHosts.ServiceName.of("Checkout.Shop.svc.cluster.local.")).isEqualTo(checkout);
    assertThat(ClusterHosts.ServiceName.of("localhost")).isEmpty();
    assertThat(ClusterHosts.ServiceName.of("127.0.0.1")).isEmpty();
    assertThat(ClusterHosts.ServiceName.of("api.example.com")).isEmpty();
    assertThat(ClusterHosts.ServiceName.of("under_score.shop")).isEmpty();
  }

  @Test
  void theAnnotationIsTheSandboxOne() {
    assertThat(ClusterHosts.DEMO_URL_ANNOTATION).isEqualTo(Sandbox.DEMO_URL_ANNOTATION);
  }

  @Test
  void aDemoAddressKeepsPathAndQuery() {
    var address =
        new ClusterHosts.Address(
            "http", "127.0.0.1", 41234, "/base", "demo service shop/checkout", null);
    assertThat(address.rewrite(URI.create("https://checkout.shop/health?verbose=1&x=%20")))
        .isEqualTo(URI.create("http://127.0.0.1:41234/base/health?verbose=1&x=%20"));
    var asIs = new ClusterHosts.Address(null, "example.com", 80, "", "", null);
    URI original = URI.create("http://example.com/a");
    assertThat(asIs.rewrite(original)).isSameAs(original);
  }

  @Test
  void otherHostsAreUsedAsTheyAre() throws Exception {
    try (var hosts = new ClusterHosts(null)) {
      var address = hosts.resolve("127.0.0.1", 8080, 1_000_000_000L);
      assertThat(address.host()).isEqualTo("127.0.0.1");
      assertThat(address.port()).isEqualTo(8080);
      assertThat(address.via()).isEmpty();
    }
  }

  @Test
  void aServiceNameWithoutClusterOrDnsIsExplained() {
    try (var hosts = new ClusterHosts(null)) {
      assertThatThrownBy(() -> hosts.resolve("nosuchservice.nosuchnamespace", 80, 2_000_000_000L))
          .isInstanceOf(ClusterHosts.UnreachableException.class)
          .hasMessage(
              "cannot resolve nosuchservice.nosuchnamespace: no DNS entry, and no cluster to look"
                  + " the Service up in");
    }
  }
}
