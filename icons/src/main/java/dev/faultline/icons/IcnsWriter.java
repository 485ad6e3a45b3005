package dev.faultline.icons;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes a macOS {@code .icns} file with PNG payloads.
 *
 * <p>Layout (big-endian): the magic {@code icns} and the file's total length, then one element per
 * image: a four-character type code, the element's length including its 8-byte header, and the PNG
 * bytes. The type code says the pixel size; {@code ic07}..{@code ic10} are the Retina-era PNG types
 * and {@code icp4}..{@code icp6} the small PNG ones.
 */
final class IcnsWriter {

  /** One element type: its four-character code and its pixel size. */
  record Type(String code, int size) {}

  /** The elements jpackage's macOS icon wants, smallest first. */
  static final List<Type> TYPES =
      List.of(
          new Type("icp4", 16),
          new Type("icp5", 32),
          new Type("icp6", 64),
          new Type("ic07", 128),
          new Type("ic08", 256),
          new Type("ic09", 512),
          new Type("ic10", 1024));

  private static final int HEADER = 8;

  private IcnsWriter() {}

  /**
   * Builds the icon file.
   *
   * @param pngOfSize the PNG bytes of the logo at a given size
   * @return the whole {@code .icns} file
   */
  static byte[] write(List<Type> types, IntFunction<byte[]> pngOfSize) {
    byte[][] payloads = new byte[types.size()][];
    int total = HEADER;
    for (int i = 0; i < types.size(); i++) {
      payloads[i] = pngOfSize.apply(types.get(i).size());
      total += HEADER + payloads[i].length;
    }
    ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
    out.put(ascii("icns")).putInt(total);
    for (int i = 0; i < types.size(); i++) {
      out.put(ascii(types.get(i).code())).putInt(HEADER + payloads[i].length).put(payloads[i]);
    }
    return out.array();
  }

  private static byte[] ascii(String code) {
    byte[] bytes = code.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length != 4) {
      throw new IllegalArgumentException("an ICNS type code has four characters: " + code);
    }
    return bytes;
  }
}
