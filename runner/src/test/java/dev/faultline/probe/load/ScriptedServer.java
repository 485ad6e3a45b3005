package dev.faultline.probe.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw TCP server on loopback that answers each HTTP request with whatever the test's script
 * writes, byte for byte: for answers a real server library would not give (HTTP/1.0, chunked with
 * trailers, an idle connection closed without notice, no answer at all).
 */
final class ScriptedServer implements AutoCloseable {
  /** Writes the answer to request {@code index} (from 0, over all connections). */
  @FunctionalInterface
  interface Script {
    /** Returns false to close the connection after the answer. */
    boolean answer(int index, String request, OutputStream out)
        throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  ScriptedServer(Script script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  connections.incrementAndGet();
                  open.add(socket);
                  Thread.ofVirtual().start(() -> serve(socket, script));
                } catch (IOException e) {
                  return;
                }
              }
            });
  }

  private void serve(Socket socket, Script script) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String request = readRequest(in);
        if (request == null) {
          return;
        }
        seen.add(request);
        int index = requests.getAndIncrement();
        boolean keep = script.answer(index, request, out);
        out.flush();
        if (!keep) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the server closes
    }
  }

  /** Reads one request's head and body; null at the end of the stream. */
  private static String readRequest(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched =
          (b == '\r' && (matched == 0 || matched == 2))
                  || (b == '\n' && (matched == 1 || matched == 3))
              ? matched + 1
              : b == '\r' ? 1 : 0;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    byte[] body = in.readNBytes(length);
    return text + new String(body, StandardCharsets.UTF_8);
  }

  int port() {
    return server.getLocalPort();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
  }

  int connections() {
    return connections.get();
  }

  List<String> requests() {
    return seen;
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** {@code HTTP/1.1 200 OK} with a Content-Length body. */
  static void ok(OutputStream out, String body) throws IOException {
    write(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n"
            + body);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
