package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterCallsTest {
  private final KubernetesClient client =
      new KubernetesClientBuilder()
          .withConfig(new ConfigBuilder().withMasterUrl("https://10.0.0.1:6443").build())
          .build();
  private final AttackContext context =
      new AttackContext(client, "prod", "run-1", Duration.ofSeconds(1));
  private final ObjectRef pod = ObjectRef.pod("shop", "checkout-1");

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void anRbacDenialNamesTheVerbAndResourceAndIsFinal() {
    var denial =
        new KubernetesClientException(
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage(
                    "pods \"checkout-1\" is forbidden: User \"alice\" cannot delete resource"
                        + " \"pods\" in API group \"\" in the namespace \"shop\"")
                .build());

    AttackException e = ClusterCalls.failure(context, "delete", pod, denial);

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage())
        .startsWith("cannot delete Pod shop/checkout-1: context \"prod\": https://10.0.0.1:6443")
        .contains("forbidden (403)")
        .contains("RBAC does not allow user \"alice\" to delete pods in namespace shop");
  }

  @Test
  void noConnectionTimeoutsAndServerErrorsAreRetryable() {
    var refused =
        new KubernetesClientException(
            "Operation: [get]  for kind: [Pod]", new ConnectException("Connection refused"));
    AttackException e = ClusterCalls.failure(context, "continue processes in", pod, refused);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage())
        .contains("cannot continue processes in Pod shop/checkout-1")
        .contains("connection refused");

    var overloaded =
        new KubernetesClientException(
            new StatusBuilder().withCode(503).withMessage("etcd is slow").build());
    assertThat(ClusterCalls.failure(context, "scale", pod, overloaded).retryable()).isTrue();

    var invalid =
        new KubernetesClientException(
            new StatusBuilder().withCode(422).withMessage("spec.replicas: Invalid value").build());
    assertThat(ClusterCalls.failure(context, "scale", pod, invalid).retryable()).isFalse();
  }
}
