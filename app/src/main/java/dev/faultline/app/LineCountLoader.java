package dev.faultline.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in {@link DocumentLoader} that reads the file's bytes and counts its lines; replaced by
 * the experiment reader once {@code dev.faultline.format} lands.
 */
public final class LineCountLoader implements DocumentLoader {

  @Override
  public String load(Path file) throws IOException {
    // Checked up front: on Linux opening a directory succeeds and only read() fails, vaguely.
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory");
    }
    long lines = countLines(file);
    return lines == 1 ? "1 line" : lines + " lines";
  }

  /** Streams the file so a huge one costs no memory; a last line without a newline counts. */
  static long countLines(Path file) throws IOException {
    long lines = 0;
    int last = '\n';
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
        if (read > 0) {
          last = buffer[read - 1];
        }
      }
    }
    return last == '\n' ? lines : lines + 1;
  }
}
