package dev.faultline.format;

/**
 * A node of a parsed file with its position, before it is bound to the model. YAML and JSON both
 * parse to this tree so that binding, problems and positions are the same for either syntax.
 */
public sealed interface DocNode permits DocMap, DocList, DocScalar {
  /** 1-based line of the node's first character. */
  int line();

  /** 1-based column of the node's first character. */
  int column();

  /** What the node is, for messages: "a mapping", "a list", "a string", "a number"... */
  String describe();

  /** The node as plain data (maps, lists, scalars), dropping positions. */
  Object toPlain();
}
