package dev.faultline.cli;

import dev.faultline.format.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where {@code export} and {@code import} put their text: a file, replaced atomically so a reader
 * never sees half of it, or stdout for pipes. Devices and pipes named with {@code -o} are written
 * to as they are.
 */
final class Output {
  private Output() {}

  /**
   * @param file the file to write; {@code null}: {@code stdout}
   */
  static void write(Path file, String text, PrintWriter stdout) throws IOException {
    if (file == null) {
      stdout.print(text);
      stdout.flush();
    } else if (Files.exists(file) && !Files.isRegularFile(file)) {
      // /dev/null, a pipe: renaming a temporary file over it would replace the device itself.
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } else {
      AtomicFiles.write(file, text);
    }
  }

  /** Why a file could not be read or written, in words: NIO exceptions carry only the path. */
  static String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException n -> "no such file or directory";
      case AccessDeniedException a -> "permission denied";
      case FileSystemException f when f.getReason() != null -> f.getReason();
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }
}
