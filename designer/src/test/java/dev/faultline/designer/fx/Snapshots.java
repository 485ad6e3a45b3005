package dev.faultline.designer.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/** Writes snapshots of rendered nodes as PNGs under {@code target/}, to look at the UI. */
public final class Snapshots {

  private Snapshots() {}

  /** Snapshots {@code node} (on the FX thread) to {@code target/snapshots/name.png}. */
  public static Path write(Node node, String name) {
    WritableImage image = node.snapshot(null, null);
    BufferedImage buffered =
        new BufferedImage(
            (int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < buffered.getHeight(); y++) {
      for (int x = 0; x < buffered.getWidth(); x++) {
        buffered.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    Path file = Path.of("target", "snapshots", name + ".png");
    try {
      Files.createDirectories(file.getParent());
      ImageIO.write(buffered, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The colour of one pixel of a snapshot of {@code node}. */
  public static Color colorAt(Node node, int x, int y) {
    return node.snapshot(null, null).getPixelReader().getColor(x, y);
  }
}
