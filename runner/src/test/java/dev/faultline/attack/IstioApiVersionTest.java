package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.model.NamespacePolicy;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which Istio API mesh.istio.fault uses, against fabric8's mock API server: the sandbox always
 * serves networking.istio.io/v1, clusters with an older Istio serve only v1beta1, and clusters
 * without Istio serve neither.
 */
class IstioApiVersionTest {
  private KubernetesMockServer server;
  private KubernetesClient client;
  private AttackContext context;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    client = server.createClient();
    context = new AttackContext(client, "kind-dev", "run-1", Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void withoutIstioPrepareSaysSoBeforeAnythingIsApplied() {
    assertThatThrownBy(() -> new IstioFaultExecutor().prepare(request(), context))
        .isInstanceOf(AttackException.class)
        .hasMessage(
            "Istio is not installed in context 'kind-dev': the cluster does not serve"
                + " VirtualService in networking.istio.io (v1, v1beta1)");
  }

  @Test
  void withoutIstioThePreflightSaysSoToo() {
    assertThat(new IstioFaultExecutor().prerequisites(request(), context))
        .containsExactly(
            "Istio is not installed in context 'kind-dev': the cluster does not serve"
                + " VirtualService in networking.istio.io (v1, v1beta1)");
  }

  @Test
  void anOlderIstioIsSpokenToInV1beta1() throws Exception {
    server
        .expect()
        .get()
        .withPath("/apis/networking.istio.io/v1beta1")
        .andReturn(
            200,
            new APIResourceListBuilder()
                .withGroupVersion("networking.istio.io/v1beta1")
                .withResources(
                    new APIResourceBuilder()
                        .withName("virtualservices")
                        .withKind("VirtualService")
                        .withNamespaced(true)
                        .build())
                .build())
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/networking.istio.io/v1beta1/namespaces/bookinfo/virtualservices")
        .andReturn(200, "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[]}")
        .always();

    Fault fault = new IstioFaultExecutor().prepare(request(), context).getFirst();

    assertThat(fault.object().apiVersion()).isEqualTo("networking.istio.io/v1beta1");
    assertThat(fault.action()).startsWith("create VirtualService bookinfo/faultline-ratings");
  }

  private static AttackRequest request() {
    return AttackFixture.request(
        IstioFaultExecutor.ID,
        Map.of("host", "ratings", "namespace", "bookinfo", "fixedDelay", "2s"),
        null,
        null,
        null,
        NamespacePolicy.DEFAULT);
  }
}
