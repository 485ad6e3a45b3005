package dev.faultline.probe;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Channels and status texts shared by {@code grpc.health} and {@code load.grpc}. The first class of
 * a gRPC probe to touch {@code io.grpc}: loaded when such a probe is sampled, never at start-up.
 */
final class GrpcChannels {
  private GrpcChannels() {}

  /** How a probe talks to its server. */
  enum Security {
    PLAINTEXT,
    TLS,
    TLS_ANY_CERTIFICATE;

    static Security of(boolean tls, boolean insecureSkipVerify) {
      return !tls ? PLAINTEXT : insecureSkipVerify ? TLS_ANY_CERTIFICATE : TLS;
    }
  }

  /** A channel to {@code host:port}; it connects on its first call. */
  static ManagedChannel open(String host, int port, Security security) {
    ChannelCredentials credentials =
        switch (security) {
          case PLAINTEXT -> InsecureChannelCredentials.create();
          case TLS -> TlsChannelCredentials.create();
          case TLS_ANY_CERTIFICATE ->
              TlsChannelCredentials.newBuilder().trustManager(InsecureTls.trustManager()).build();
        };
    return Grpc.newChannelBuilderForAddress(host, port, credentials).userAgent("faultline").build();
  }

  /** Shuts a channel down, waiting a moment for calls to end. */
  static void close(ManagedChannel channel) {
    if (channel == null) {
      return;
    }
    channel.shutdownNow();
    try {
      channel.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code UNAVAILABLE}, {@code NOT_FOUND}: the name of a status code's number. */
  static String codeName(int code) {
    return Status.fromCodeValue(code).getCode().name();
  }

  /**
   * A failed call in a few words: {@code UNAVAILABLE: connection refused}, {@code NOT_FOUND:
   * unknown service demo.Cart}.
   */
  static String describe(StatusRuntimeException e) {
    Status status = e.getStatus();
    String why = null;
    for (Throwable t = status.getCause(); t != null && why == null; t = t.getCause()) {
      why =
          switch (t) {
            case ConnectException c -> "connection refused";
            case UnknownHostException u -> "unknown host " + u.getMessage();
            case NoRouteToHostException n -> "no route to host";
            default -> null;
          };
    }
    if (why == null) {
      why = status.getDescription();
    }
    if (why == null || why.isBlank()) {
      return status.getCode().name();
    }
    String lower = why.toLowerCase(Locale.ROOT);
    return status.getCode().name()
        + ": "
        + (lower.startsWith("io exception") && status.getCause() != null
            ? String.valueOf(status.getCause().getMessage())
            : why);
  }
}
