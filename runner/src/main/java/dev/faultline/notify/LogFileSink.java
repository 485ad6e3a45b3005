package dev.faultline.notify;

import dev.faultline.model.Notification;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends one line per message. Each line is one write under a lock: a JVM-wide monitor per file
 * (runs in one app share the file) plus an OS file lock (several {@code faultline run} processes
 * share it), so concurrent runs never interleave parts of lines.
 */
public final class LogFileSink implements Sink {
  private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private final Path file;
  private final Notification.LogFormat format;

  public LogFileSink(Path file, Notification.LogFormat format) {
    this.file = file.toAbsolutePath().normalize();
    this.format = format;
  }

  /** The sink of a {@code logFile} entry; {@code ~/} means the home directory. */
  public static LogFileSink of(Notification.LogFile log) {
    String path = log.path();
    Path file =
        path.startsWith("~/")
            ? Path.of(System.getProperty("user.home"), path.substring(2))
            : Path.of(path);
    return new LogFileSink(file, log.effectiveFormat());
  }

  @Override
  public String label() {
    return file.toString();
  }

  @Override
  public void send(NotifyMessage message) throws IOException {
    String line =
        (format == Notification.LogFormat.TEXT ? Payloads.text(message) : Payloads.generic(message))
            + "\n";
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    Path parent = file.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    synchronized (MONITORS.computeIfAbsent(file, f -> new Object())) {
      try (FileChannel channel =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND);
          FileLock lock = channel.lock()) {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      }
    }
  }
}
