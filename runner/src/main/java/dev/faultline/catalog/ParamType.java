package dev.faultline.catalog;

/**
 * The type of a descriptor parameter. Validation checks values by type; the inspector picks its
 * editor by type.
 */
public enum ParamType {
  /** Any text. */
  STRING,
  /** A whole number, optionally within {@link Param#min()} and {@link Param#max()}. */
  INTEGER,
  /** A number, optionally within {@link Param#min()} and {@link Param#max()}. */
  NUMBER,
  BOOLEAN,
  /** A duration such as {@code 500ms}, {@code 10s}, {@code 2m}. */
  DURATION,
  /** One of {@link Param#allowed()}. */
  ENUM,
  /** A Java regular expression. */
  REGEX,
  /** A jq expression (jackson-jq dialect, jq 1.6). */
  JQ,
  /** An http or https URL. */
  URL,
  /** A Kubernetes label selector. */
  LABEL_SELECTOR,
  /** HTTP status codes: {@code 200}, {@code 2xx}, {@code 200-299}, comma-separated. */
  STATUS_CODES,
  /** A list of strings. */
  STRING_LIST,
  /** A mapping of string to string (HTTP headers). */
  STRING_MAP,
  /** Multi-line text such as a Kubernetes manifest. */
  TEXT
}
