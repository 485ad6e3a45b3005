package dev.faultline.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The HTTP status codes a {@link ParamType#STATUS_CODES} parameter accepts: {@code 200}, {@code
 * 2xx}, {@code 200-299}, or a comma-separated list of these. The validator reports what {@link
 * #parse} rejects; the HTTP probe asks {@link #matches} for each answer.
 *
 * @param text the text as written
 * @param ranges the codes as inclusive ranges
 */
public record StatusCodes(String text, List<StatusCodes.Range> ranges) {
  private static final Pattern PART = Pattern.compile("[1-5]xx|[1-5]\\d\\d(?:-[1-5]\\d\\d)?");

  /** Codes from {@code low} to {@code high}, both included. */
  public record Range(int low, int high) {}

  public StatusCodes {
    Objects.requireNonNull(text, "text");
    ranges = List.copyOf(ranges);
  }

  /** Status codes text that does not parse, with the offset of the offending part. */
  public static final class InvalidStatusCodesException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    InvalidStatusCodesException(String message, int offset) {
      super(message);
      this.offset = offset;
    }

    /** 0-based offset of the offending part in the text. */
    public int offset() {
      return offset;
    }
  }

  /**
   * Parses status codes text.
   *
   * @throws InvalidStatusCodesException naming the part that is not a code, range or class
   */
  public static StatusCodes parse(String text) {
    Objects.requireNonNull(text, "text");
    var ranges = new ArrayList<Range>();
    int offset = 0;
    for (String part : text.split(",", -1)) {
      String trimmed = part.strip();
      if (!PART.matcher(trimmed).matches()) {
        throw new InvalidStatusCodesException(
            "'" + trimmed + "' is not a status code; use 200, 2xx or 200-299, comma-separated",
            offset);
      }
      if (trimmed.endsWith("xx")) {
        int hundreds = (trimmed.charAt(0) - '0') * 100;
        ranges.add(new Range(hundreds, hundreds + 99));
      } else {
        String[] bounds = trimmed.split("-");
        int low = Integer.parseInt(bounds[0]);
        int high = bounds.length == 2 ? Integer.parseInt(bounds[1]) : low;
        if (low > high) {
          throw new InvalidStatusCodesException(
              "status range '" + trimmed + "' is backwards", offset);
        }
        ranges.add(new Range(low, high));
      }
      offset += part.length() + 1;
    }
    return new StatusCodes(text, ranges);
  }

  /** Whether {@code status} is one of the codes. */
  public boolean matches(int status) {
    for (Range range : ranges) {
      if (status >= range.low() && status <= range.high()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}
