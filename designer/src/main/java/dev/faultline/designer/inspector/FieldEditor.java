package dev.faultline.designer.inspector;

/**
 * Which control edits a field, and how its text maps to the plain value written to the file. The
 * view picks the control; {@link FieldText} does the mapping, so both agree on one list.
 */
public enum FieldEditor {
  /** One line of text. */
  TEXT,
  /** One line in a monospace font: regexes, selectors. */
  MONOSPACE,
  /** A few lines of prose: descriptions, gate questions. */
  PROSE,
  /** A short expression in a monospace area that grows from one to three lines: jq. */
  EXPRESSION,
  /** Several lines of monospace text: manifests. */
  CODE,
  /** A whole number; other characters are not accepted. */
  INTEGER,
  /** A number; other characters are not accepted. */
  NUMBER,
  /** A switch. */
  BOOLEAN,
  /** A duration such as {@code 10s}, checked while typing. */
  DURATION,
  /** One of a list of choices. */
  CHOICE,
  /** One line of text with suggestions to pick from (an editable combo): kube contexts. */
  SUGGEST,
  /** A list of strings, written comma-separated on one line (namespaces, containers). */
  COMMA_LIST,
  /** A list of strings, one per line. */
  LINES,
  /** A mapping, one {@code key: value} per line (headers, labels). */
  MAP,
  /** A whole number within bounds, with arrows: blast radius values. */
  SPINNER
}
