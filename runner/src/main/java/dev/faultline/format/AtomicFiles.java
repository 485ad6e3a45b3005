package dev.faultline.format;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Replaces a file's content in one step: write a temporary file next to it, flush it to disk, then
 * rename it over the target. Readers and crashes see the old or the new file, never a mix. The new
 * file keeps the permissions of the one it replaces (a new one gets the usual ones, as the umask
 * allows), and a symbolic link is written through, not replaced by a file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path file, String text) throws IOException {
    write(file, text, false);
  }

  /**
   * {@link #write} for a file only its owner may read, whatever it had before: credentials such as
   * the sandbox's kubeconfig.
   */
  public static void writePrivate(Path file, String text) throws IOException {
    write(file, text, true);
  }

  private static void write(Path file, String text, boolean ownerOnly) throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.isSymbolicLink(target) && Files.exists(target)) {
      target = target.toRealPath();
    }
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      // CREATE_NEW with default attributes: the umask decides, as for any file an editor writes
      // (Files.createTempFile would make it owner-only).
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        channel.write(StandardCharsets.UTF_8.encode(text));
        channel.force(true);
      }
      if (ownerOnly) {
        ownerOnly(temp);
      } else {
        keepPermissions(target, temp);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void ownerOnly(Path temp) throws IOException {
    if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (Files.exists(target)
        && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
    }
  }
}
