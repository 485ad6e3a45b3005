package dev.faultline.probe;

import static dev.faultline.probe.HttpCheckExecutor.since;
import static dev.faultline.probe.HttpCheckExecutor.span;

import dev.faultline.catalog.ParamValues;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * {@code tcp.connect}: opens a TCP connection and closes it again; passes when it connects within
 * {@code timeout}. The sample's value is the connect time in milliseconds. Cluster-internal hosts
 * ({@code checkout.shop}) are reached as {@link ClusterHosts} says, like {@code http.check}'s.
 */
public final class TcpConnectExecutor implements ProbeExecutor {
  static final String ID = "tcp.connect";

  @Override
  public String probeId() {
    return ID;
  }

  @Override
  public PreparedProbe prepare(ProbeRequest request, ProbeContext context) throws ProbeException {
    ParamValues params = request.params();
    String host;
    int port;
    Duration timeout;
    try {
      host = params.string("host").strip();
      port = params.intValue("port");
      timeout = params.optionalDuration("timeout").orElse(Duration.ofSeconds(2));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ProbeException(request.id() + ": " + e.getMessage(), e);
    }
    if (host.isEmpty()) {
      throw new ProbeException(request.id() + ": host is empty");
    }
    if (port < 1 || port > 65_535) {
      throw new ProbeException(request.id() + ": port " + port + " is not from 1 to 65535");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new ProbeException(request.id() + ": timeout must be more than 0");
    }
    return new Prepared(host, port, timeout, new ClusterHosts(context.client()));
  }

  private record Prepared(String host, int port, Duration timeout, ClusterHosts hosts)
      implements PreparedProbe {

    @Override
    public ProbeSample sample() throws InterruptedException {
      long start = System.nanoTime();
      long deadline = start + timeout.toNanos();
      String name = host + ":" + port;
      ClusterHosts.Address address;
      try {
        address = hosts.resolve(host, port, deadline - System.nanoTime());
      } catch (ClusterHosts.UnreachableException e) {
        return ProbeSample.fail(Double.NaN, since(start), e.getMessage());
      }
      String via = address.via().isEmpty() ? "" : " (via " + address.via() + ")";
      try (Socket socket = new Socket()) {
        int millisLeft = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        socket.connect(new InetSocketAddress(address.host(), address.port()), millisLeft);
        Duration latency = since(start);
        double millis = latency.toNanos() / 1e6;
        return ProbeSample.pass(
            millis, latency, "connected to " + name + " in " + Math.round(millis) + " ms" + via);
      } catch (SocketTimeoutException e) {
        return ProbeSample.fail(
            Double.NaN,
            since(start),
            "no connection to " + name + " within " + span(timeout) + via);
      } catch (IOException e) {
        if (Thread.interrupted()) {
          throw new InterruptedException("cancelled while connecting to " + name);
        }
        hosts.forget();
        return ProbeSample.fail(Double.NaN, since(start), name + ": " + describe(e) + via);
      }
    }

    @Override
    public void close() {
      hosts.close();
    }
  }

  private static String describe(IOException e) {
    return switch (e) {
      case ConnectException c -> "connection refused";
      case NoRouteToHostException n -> "no route to host";
      case UnknownHostException u -> "unknown host";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }
}
