package dev.faultline.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the text files users hand us: experiments and the files we import. */
public final class TextFiles {
  private TextFiles() {}

  /**
   * The file as UTF-8 text. Malformed bytes are an error rather than silently replaced, so a file
   * in another encoding is named as such instead of being read as garbage.
   *
   * @throws CharacterCodingException when the file is not UTF-8
   */
  public static String readUtf8(Path file) throws IOException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
        .toString();
  }
}
