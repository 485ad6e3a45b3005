package dev.faultline.target;

import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.FieldSelector;

/** The pod fields a field selector can name ({@link FieldSelector#FIELDS}), read off a view. */
enum PodField {
  NAME,
  NAMESPACE,
  NODE_NAME,
  PHASE;

  static PodField of(String field) {
    return switch (field) {
      case "metadata.name" -> NAME;
      case "metadata.namespace" -> NAMESPACE;
      case "spec.nodeName" -> NODE_NAME;
      case "status.phase" -> PHASE;
      default -> throw new IllegalArgumentException("unsupported field '" + field + "'");
    };
  }

  /** The field's value; an unscheduled pod's {@code spec.nodeName} is empty, as in the API. */
  String of(PodView pod) {
    return switch (this) {
      case NAME -> pod.name();
      case NAMESPACE -> pod.namespace();
      case NODE_NAME -> pod.node();
      case PHASE -> pod.phase();
    };
  }
}
