package dev.faultline.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpConnectExecutorTest {
  private static ProbeSample connect(Map<String, ?> with) throws Exception {
    try (PreparedProbe probe =
        new TcpConnectExecutor()
            .prepare(Probes.request("tcp.connect", with), new ProbeContext(null, "", null))) {
      return probe.sample();
    }
  }

  @Test
  void connectsToAnOpenPort() throws Exception {
    try (var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ProbeSample sample =
          connect(Map.of("host", "127.0.0.1", "port", (long) server.getLocalPort()));
      assertThat(sample.passed()).as(sample.message()).isTrue();
      assertThat(sample.message())
          .matches("connected to 127\\.0\\.0\\.1:" + server.getLocalPort() + " in \\d+ ms");
      assertThat(sample.value()).isGreaterThan(0);
    }
  }

  @Test
  void aClosedPortIsRefused() throws Exception {
    int port;
    try (var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = server.getLocalPort();
    }
    ProbeSample sample = connect(Map.of("host", "127.0.0.1", "port", (long) port));
    assertThat(sample.passed()).isFalse();
    assertThat(sample.message()).isEqualTo("127.0.0.1:" + port + ": connection refused");
    assertThat(sample.value()).isNaN();
  }
}
