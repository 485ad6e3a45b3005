package dev.faultline.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An exec whose websocket upgrade never completes (an API server too busy to answer) never ran its
 * command, so it is tried once more; when that fails too, the failure is retryable and names the
 * command and the container.
 */
class PodExecTest {

  @Test
  void anUpgradeThatNeverCompletesIsTriedTwiceThenReportedRetryable() throws Exception {
    AtomicInteger execRequests = new AtomicInteger();
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!server.isClosed()) {
                      try {
                        Socket socket = server.accept();
                        held.add(socket); // read the request line, then never answer
                        Thread.ofVirtual().start(() -> countExec(socket, execRequests));
                      } catch (Exception e) {
                        return;
                      }
                    }
                  });
      Config config =
          new ConfigBuilder()
              .withMasterUrl("http://127.0.0.1:" + server.getLocalPort())
              .withRequestTimeout(
                  2_000) // also the upgrade timeout; the pod look-up must fit in it under load
              .withConnectionTimeout(
                  5_000) // a loaded machine still connects; the upgrade is what stalls
              .withRequestRetryBackoffLimit(0)
              .build();
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        var context = new AttackContext(client, "stalled", "run-1", Duration.ofSeconds(5));
        var target = ObjectRef.container("shop", "checkout-1", "app");

        assertThatThrownBy(() -> PodExec.run(context, target, List.of("pkill", "-STOP", "java")))
            .isInstanceOf(AttackException.class)
            .satisfies(e -> assertThat(((AttackException) e).retryable()).isTrue())
            .hasMessageContaining("pkill -STOP java")
            .hasMessageContaining("checkout-1")
            .hasMessageContaining("tried twice; the command did not run");
        // The server saw the exec at least once (a second try may stall on the client's side
        // first). Its reader runs on a virtual thread that a loaded machine may schedule after the
        // client gave up, so wait for it before the sockets close.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (execRequests.get() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(execRequests.get()).isPositive();
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
        acceptor.interrupt();
      }
    }
  }

  @Test
  void onlyAnUpgradeTimeoutCountsAsNeverRun() {
    assertThat(
            PodExec.upgradeTimedOut(
                new RuntimeException(
                    "Exec Failure",
                    new java.util.concurrent.TimeoutException(
                        "Exec WebSocket upgrade did not complete after 10001ms"))))
        .isTrue();
    assertThat(
            PodExec.upgradeTimedOut(
                new IllegalStateException("Connection closed while handshake in process")))
        .isTrue();
    assertThat(PodExec.upgradeTimedOut(new IllegalStateException("403 Forbidden"))).isFalse();
  }

  /**
   * Plays an API server that answers the client's look-up of the pod but never upgrades an exec:
   * requests on one connection are read in turn; exec requests are counted and left unanswered.
   */
  private static void countExec(Socket socket, AtomicInteger execRequests) {
    try {
      var in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      var out = socket.getOutputStream();
      String line;
      while ((line = in.readLine()) != null) {
        String requestLine = line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
          // headers
        }
        if (requestLine.contains("/exec")) {
          execRequests.incrementAndGet();
          continue; // never answered: the upgrade does not complete
        }
        String body =
            requestLine.contains("fieldSelector")
                ? "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":["
                    + POD
                    + "]}"
                : POD;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
      }
    } catch (Exception e) {
      // the test closes the socket
    }
  }

  private static final String POD =
      """
      {"kind":"Pod","apiVersion":"v1",
       "metadata":{"name":"checkout-1","namespace":"shop","uid":"u1","resourceVersion":"1"},
       "spec":{"containers":[{"name":"app","image":"checkout"}]},
       "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],
        "containerStatuses":[{"name":"app","ready":true,"restartCount":0,"image":"checkout",
         "imageID":"","state":{"running":{}}}]}}
      """;
}
