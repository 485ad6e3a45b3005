package dev.faultline.probe;

/**
 * A gRPC server address as written in a probe, {@code host:port} ({@code checkout.shop:9090},
 * {@code [::1]:50051}); an optional {@code grpc://} in front is dropped. No gRPC classes here, so
 * checking an address loads none.
 */
record GrpcAddress(String host, int port) {

  /**
   * Reads {@code text}.
   *
   * @throws IllegalArgumentException saying what is missing
   */
  static GrpcAddress parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.startsWith("grpc://")) {
      t = t.substring("grpc://".length());
    }
    int colon = t.lastIndexOf(':');
    if (t.isEmpty() || colon <= 0 || colon == t.length() - 1) {
      throw new IllegalArgumentException(
          "address \"" + text + "\" is not host:port (e.g. checkout.shop:9090)");
    }
    String host = t.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException(
          "address \"" + text + "\": write an IPv6 host in brackets, e.g. [::1]:50051");
    }
    int port;
    try {
      port = Integer.parseInt(t.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "address \"" + text + "\": port \"" + t.substring(colon + 1) + "\" is not a number");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(
          "address \"" + text + "\": port " + port + " is not from 1 to 65535");
    }
    return new GrpcAddress(host, port);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
