package dev.faultline.sandbox.api;

import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code TableColumnDefinition}. {@code type} is what the real printer declares, which is not
 * always the JSON type of its cells (a Secret's "Data" is declared string but holds a number);
 * kubectl prints cells with {@code %v} and ignores the declaration.
 *
 * @param priority 0 for default columns, 1 for those kubectl shows only with {@code -o wide}
 */
record Column(String name, String type, String format, String description, int priority) {
  static final String NAME_DOC =
      "Name must be unique within a namespace. Is required when creating resources, although some"
          + " resources may allow a client to request the generation of a name automatically. Name"
          + " is primarily intended for creation idempotence and configuration definition. Cannot"
          + " be updated. More info:"
          + " https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
  static final String CREATED_DOC =
      "CreationTimestamp is a timestamp representing the server time when this object was created."
          + " It is not guaranteed to be set in happens-before order across separate operations."
          + " Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\n"
          + "Populated by the system. Read-only. Null for lists. More info:"
          + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
  static final String CONTAINERS_DOC = "Names of each container in the template.";
  static final String IMAGES_DOC = "Images referenced by each container in the template.";

  /** The object's name, {@code format: name} so kubectl can prefix it with the kind. */
  static Column objectName() {
    return new Column("Name", "string", "name", NAME_DOC, 0);
  }

  /** The built-in printers' age: a string column of {@link HumanDuration} values. */
  static Column age() {
    return string("Age", CREATED_DOC);
  }

  static Column string(String name, String description) {
    return new Column(name, "string", "", description, 0);
  }

  static Column integer(String name, String description) {
    return new Column(name, "integer", "", description, 0);
  }

  static Column date(String name, String description) {
    return new Column(name, "date", "", description, 0);
  }

  /** This column, shown only with {@code -o wide}. */
  Column wide() {
    return new Column(name, type, format, description, 1);
  }

  ObjectNode toJson() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("name", name);
    json.put("type", type);
    json.put("format", format);
    json.put("description", description);
    json.put("priority", priority);
    return json;
  }
}
