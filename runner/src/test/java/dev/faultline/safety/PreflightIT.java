package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cluster.AccessCheck;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import dev.faultline.sandbox.api.AccessRules;
import dev.faultline.sandbox.world.ControllerTimings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RBAC preflight against the sandbox, which can be told to deny permissions. */
class PreflightIT {
  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;

  private static final AccessCheck EXEC = new AccessCheck("create", "", "pods", "exec", "shop");
  private static final AccessCheck DELETE_PODS = AccessCheck.of("delete", "", "pods", "shop");
  private static final AccessCheck PATCH_DEPLOYMENTS =
      AccessCheck.of("patch", "apps", "deployments", "shop");
  private static final AccessCheck PATCH_NODES = AccessCheck.of("patch", "", "nodes", "");

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withDemoServices(false)
                .withTimings(ControllerTimings.FAST));
    Config config =
        Config.fromKubeconfig(
            null, Files.readString(sandbox.kubeconfig()), sandbox.kubeconfig().toString());
    config.setRequestRetryBackoffLimit(1); // as ClusterConnector does: fail fast when unreachable
    client = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  @AfterEach
  void allowAll() {
    sandbox.accessRules().allowAll();
  }

  @Test
  void everythingIsAllowedByDefault() throws InterruptedException {
    Preflight.Result result =
        Preflight.check(
            client,
            "faultline-sandbox",
            List.of(EXEC, DELETE_PODS, PATCH_DEPLOYMENTS, PATCH_NODES, DELETE_PODS));
    assertThat(result.ok()).isTrue();
    assertThat(result.allowed()).containsExactly(EXEC, DELETE_PODS, PATCH_DEPLOYMENTS, PATCH_NODES);
    assertThat(result.message()).isEmpty();
  }

  @Test
  void deniedPermissionsAreNamedWithTheContextAndWhatToAskFor() throws Exception {
    sandbox
        .accessRules()
        .deny(new AccessRules.Rule("create", "", "pods", "exec", "shop"))
        .deny(new AccessRules.Rule("patch", "apps", "deployments", "", ""));
    Preflight.Result result =
        Preflight.check(client, "faultline-sandbox", List.of(EXEC, DELETE_PODS, PATCH_DEPLOYMENTS));
    assertThat(result.ok()).isFalse();
    assertThat(result.allowed()).containsExactly(DELETE_PODS);
    assertThat(result.denied())
        .extracting(Preflight.Denial::check)
        .containsExactly(EXEC, PATCH_DEPLOYMENTS);
    assertThat(result.message())
        .isEqualTo(
            "context faultline-sandbox does not allow 2 operations this run needs: create"
                + " pods/exec in shop, patch apps/deployments in shop. Ask your cluster admin for"
                + " a Role (or ClusterRole) binding that grants them, or use a context with more"
                + " rights.");
    assertThat(Preflight.denied(client, "faultline-sandbox", List.of(DELETE_PODS, EXEC)))
        .containsExactly(
            "create pods/exec in shop is not allowed (denied by the sandbox's access"
                + " rules: User \"faultline-sandbox\" cannot create resource \"pods/exec\" in API group"
                + " \"\" in the namespace \"shop\"); ask your cluster admin for it");
  }

  @Test
  void aDeniedRequestIsForbiddenWithKubeApiserversMessage() {
    sandbox.accessRules().deny("delete", "pods");
    String pod =
        client.pods().inNamespace("shop").list().getItems().getFirst().getMetadata().getName();
    assertThatThrownBy(() -> client.pods().inNamespace("shop").withName(pod).delete())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(
            "User \"faultline-sandbox\" cannot delete resource \"pods\" in API group \"\" in the"
                + " namespace \"shop\"")
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
    assertThat(client.pods().inNamespace("shop").withName(pod).get()).isNotNull();
  }

  @Test
  void anUnreachableApiLeavesPermissionsUncheckedNotAllowed() throws InterruptedException {
    sandbox.stopApi();
    try {
      Preflight.Result result = Preflight.check(client, "faultline-sandbox", List.of(EXEC));
      assertThat(result.ok()).isFalse();
      assertThat(result.unchecked()).extracting(Preflight.Unchecked::check).containsExactly(EXEC);
      assertThat(result.message())
          .startsWith("could not check 1 permission on context faultline-sandbox: ");
    } finally {
      sandbox.startApi();
    }
  }
}
