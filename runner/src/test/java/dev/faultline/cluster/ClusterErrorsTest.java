package dev.faultline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Each class of cluster failure names the context and says what to do. */
class ClusterErrorsTest {

  private static final String SERVER = "https://prod.example.com:6443";

  private static KubernetesClientException status(int code, String message) {
    return new KubernetesClientException(
        new StatusBuilder().withCode(code).withMessage(message).withReason("x").build());
  }

  private static ClusterProblem explain(Throwable failure) {
    return ClusterErrors.explain("prod-eu", SERVER, failure);
  }

  @Test
  void anUnreachableClusterSaysToCheckTheNetwork() {
    ClusterProblem problem =
        explain(
            new KubernetesClientException(
                "Operation failed", new ConnectException("Connection refused")));

    assertThat(problem.kind()).isEqualTo(ClusterProblem.Kind.UNREACHABLE);
    assertThat(problem.message())
        .isEqualTo(
            "context \"prod-eu\": cannot reach https://prod.example.com:6443: connection refused."
                + " Check that the cluster is running and that this machine can reach it (VPN,"
                + " proxy, firewall), or choose another context");
    assertThat(explain(new UnknownHostException("prod.example.com: Name or service not known")))
        .extracting(ClusterProblem::summary)
        .isEqualTo("cannot reach " + SERVER + ": unknown host prod.example.com");
  }

  @Test
  void expiredCredentialsSayToLogInAgain() {
    ClusterProblem problem = explain(status(401, "Unauthorized"));

    assertThat(problem.kind()).isEqualTo(ClusterProblem.Kind.UNAUTHORIZED);
    assertThat(problem.message())
        .isEqualTo(
            "context \"prod-eu\": https://prod.example.com:6443: unauthorized (401), the"
                + " credentials were rejected. The credentials are missing, wrong or expired: log"
                + " in again (for example aws sso login, gcloud auth login or az login) or get a"
                + " fresh kubeconfig, then reconnect");
  }

  @Test
  void forbiddenNamesTheVerbResourceAndNamespace() {
    ClusterProblem problem =
        explain(
            status(
                403,
                "pods is forbidden: User \"alice\" cannot list resource \"pods\" in API group \"\""
                    + " in the namespace \"shop\""));

    assertThat(problem.kind()).isEqualTo(ClusterProblem.Kind.FORBIDDEN);
    assertThat(problem.summary())
        .isEqualTo(
            SERVER
                + ": forbidden (403): pods is forbidden: User \"alice\" cannot list resource"
                + " \"pods\" in API group \"\" in the namespace \"shop\"");
    assertThat(problem.advice())
        .isEqualTo(
            "RBAC does not allow user \"alice\" to list pods in namespace shop; ask a cluster"
                + " admin for a Role or ClusterRole binding that allows it, or use a context with"
                + " more rights");
    assertThat(problem.message()).startsWith("context \"prod-eu\": " + SERVER + ": forbidden");
  }

  @Test
  void forbiddenAtClusterScopeAndInAnApiGroup() {
    ClusterProblem nodes =
        explain(
            status(
                403,
                "nodes is forbidden: User \"bob\" cannot delete resource \"nodes\" in API group"
                    + " \"\" at the cluster scope"));
    ClusterProblem deployments =
        explain(
            status(
                403,
                "deployments.apps \"checkout\" is forbidden: User \"bob\" cannot patch resource"
                    + " \"deployments/scale\" in API group \"apps\" in the namespace \"shop\""));

    assertThat(nodes.advice())
        .startsWith("RBAC does not allow user \"bob\" to delete nodes cluster-wide;");
    assertThat(deployments.advice())
        .startsWith(
            "RBAC does not allow user \"bob\" to patch deployments/scale (API group apps) in"
                + " namespace shop;");
  }

  @Test
  void anonymousMeansNoCredentialsWereSent() {
    ClusterProblem problem =
        explain(
            status(
                403,
                "namespaces is forbidden: User \"system:anonymous\" cannot list resource"
                    + " \"namespaces\" in API group \"\" at the cluster scope"));

    assertThat(problem.advice()).isEqualTo(ClusterErrors.ANONYMOUS_ADVICE);
  }

  @Test
  void forbiddenWithoutAMessageStillAdvises() {
    ClusterProblem problem = explain(status(403, ""));

    assertThat(problem.summary()).isEqualTo(SERVER + ": forbidden (403): x");
    assertThat(problem.advice()).startsWith("RBAC does not allow this request;");
  }

  @Test
  void timeoutsSayTheServerDidNotAnswer() {
    ClusterProblem socket =
        explain(
            new KubernetesClientException("failed", new SocketTimeoutException("Read timed out")));
    ClusterProblem connect = explain(new ConnectException("connection timed out: /10.0.0.1:6443"));
    ClusterProblem vertx = explain(new IOException("x", new NoStackTraceTimeoutException()));
    ClusterProblem deadline = ClusterErrors.timeout("prod-eu", SERVER, Duration.ofSeconds(5));

    assertThat(socket.kind()).isEqualTo(ClusterProblem.Kind.TIMEOUT);
    assertThat(socket.summary()).isEqualTo("cannot reach " + SERVER + ": connection timed out");
    assertThat(connect.kind()).isEqualTo(ClusterProblem.Kind.TIMEOUT);
    assertThat(vertx.kind()).isEqualTo(ClusterProblem.Kind.TIMEOUT);
    assertThat(deadline.message())
        .isEqualTo(
            "context \"prod-eu\": cannot reach "
                + SERVER
                + ": no answer within 5 s. The API server may be down or overloaded, or a VPN or"
                + " firewall is dropping the connection; check the network and try again");
  }

  @Test
  void tlsFailuresSayToGetAFreshKubeconfig() {
    ClusterProblem problem =
        explain(new SSLHandshakeException("PKIX path building failed: unable to find a path"));

    assertThat(problem.kind()).isEqualTo(ClusterProblem.Kind.TLS);
    assertThat(problem.summary())
        .isEqualTo(
            "cannot reach "
                + SERVER
                + ": TLS handshake failed: PKIX path building failed: unable to find a path");
    assertThat(problem.advice()).isEqualTo(ClusterErrors.TLS_ADVICE);
  }

  @Test
  void serverErrorsAndUnknownContexts() {
    ClusterProblem problem = ClusterErrors.explain("", SERVER, status(503, "etcd is unhappy"));

    assertThat(problem.kind()).isEqualTo(ClusterProblem.Kind.HTTP);
    assertThat(problem.message())
        .isEqualTo(
            SERVER
                + ": HTTP 503: etcd is unhappy. The API server reported an error of its own; try"
                + " again later");
    assertThat(ClusterErrors.describe(SERVER, status(503, "etcd is unhappy")))
        .isEqualTo(problem.summary());
  }

  /** Named like vert.x's timeout exception, which is matched by name. */
  private static final class NoStackTraceTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
