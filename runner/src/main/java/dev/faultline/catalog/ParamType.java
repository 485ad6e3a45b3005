package dev.faultline.catalog;

/**
 * The type of a descriptor parameter. Validation checks values by type; the inspector picks its
 * editor by type; the attack and probe reference explains each type with {@link #docs()}.
 */
public enum ParamType {
  /** Any text. */
  STRING("text", "Any text."),
  /** A whole number, optionally within {@link Param#min()} and {@link Param#max()}. */
  INTEGER("integer", "A whole number such as `3`."),
  /** A number, optionally within {@link Param#min()} and {@link Param#max()}. */
  NUMBER("number", "A number such as `2.5`."),
  BOOLEAN("boolean", "`true` or `false`."),
  /** A duration such as {@code 500ms}, {@code 10s}, {@code 2m}. */
  DURATION(
      "duration",
      "Whole numbers with the units `ms`, `s`, `m`, `h`, largest first: `500ms`, `10s`, `1h30m`."),
  /** One of {@link Param#allowed()}. */
  ENUM("one of", "One of the values listed, spelled as shown."),
  /** A Java regular expression. */
  REGEX("regex", "A Java regular expression."),
  /** A jq expression (jackson-jq dialect, jq 1.6). */
  JQ("jq", "A jq expression (jq 1.6, as jackson-jq implements it)."),
  /** An http or https URL. */
  URL("URL", "An `http` or `https` URL."),
  /** A Kubernetes label selector. */
  LABEL_SELECTOR("label selector", "A Kubernetes label selector such as `app=checkout,tier!=db`."),
  /** HTTP status codes: {@code 200}, {@code 2xx}, {@code 200-299}, comma-separated. */
  STATUS_CODES(
      "status codes", "HTTP status codes: `200`, `2xx`, `200-299`, or several, comma-separated."),
  /** A list of strings. */
  STRING_LIST("list", "A list of text values: `[a, b]` or one `- item` per line."),
  /** A mapping of string to string (HTTP headers). */
  STRING_MAP("mapping", "A mapping of names to text values, such as HTTP headers."),
  /** Multi-line text such as a Kubernetes manifest. */
  TEXT(
      "multi-line text",
      "Text over several lines, such as a Kubernetes manifest (YAML `|` block).");

  private final String label;
  private final String docs;

  ParamType(String label, String docs) {
    this.label = label;
    this.docs = docs;
  }

  /** How the reference names the type: {@code duration}, {@code label selector}. */
  public String label() {
    return label;
  }

  /** One sentence on how a value of this type is written (Markdown). */
  public String docs() {
    return docs;
  }
}
