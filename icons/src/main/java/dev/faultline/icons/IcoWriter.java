package dev.faultline.icons;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes a Windows {@code .ico} file whose entries are PNG-compressed images, which Windows Vista
 * and later read at every size.
 *
 * <p>Layout (little-endian): a 6-byte ICONDIR (reserved 0, type 1 = icon, count), one 16-byte
 * ICONDIRENTRY per image (width, height, colour count 0, reserved 0, planes 1, bits per pixel 32,
 * payload size, payload offset), then the PNG payloads in the same order. Width and height are one
 * byte each, so 256 is written as 0.
 */
final class IcoWriter {

  /** The sizes a Windows icon carries: shell views, taskbar and high-DPI variants. */
  static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

  private static final int DIR_SIZE = 6;
  private static final int ENTRY_SIZE = 16;

  private IcoWriter() {}

  /**
   * Builds the icon file.
   *
   * @param pngOfSize the PNG bytes of the logo at a given size
   * @return the whole {@code .ico} file
   */
  static byte[] write(List<Integer> sizes, IntFunction<byte[]> pngOfSize) {
    byte[][] payloads = new byte[sizes.size()][];
    int total = DIR_SIZE + ENTRY_SIZE * sizes.size();
    for (int i = 0; i < sizes.size(); i++) {
      int size = sizes.get(i);
      if (size < 1 || size > 256) {
        throw new IllegalArgumentException("an ICO entry is 1 to 256 px: " + size);
      }
      payloads[i] = pngOfSize.apply(size);
      total += payloads[i].length;
    }
    ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    out.putShort((short) 0).putShort((short) 1).putShort((short) sizes.size());
    int offset = DIR_SIZE + ENTRY_SIZE * sizes.size();
    for (int i = 0; i < sizes.size(); i++) {
      int size = sizes.get(i);
      byte dimension = (byte) (size == 256 ? 0 : size);
      out.put(dimension).put(dimension).put((byte) 0).put((byte) 0);
      out.putShort((short) 1).putShort((short) 32);
      out.putInt(payloads[i].length).putInt(offset);
      offset += payloads[i].length;
    }
    for (byte[] payload : payloads) {
      out.put(payload);
    }
    return out.array();
  }
}
