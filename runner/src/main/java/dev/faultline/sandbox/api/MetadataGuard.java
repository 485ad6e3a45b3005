package dev.faultline.sandbox.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a patch may not change, checked the way kube-apiserver checks an update: a different name or
 * namespace is a 400 (the object would no longer be the one in the URL), a different uid is a 422
 * (immutable), a different resourceVersion is a 409 (a stale precondition). Fields the system owns
 * (creation and deletion timestamps, generation) silently keep their stored values, and a patch
 * that merely drops name, namespace, uid or resourceVersion gets them back. The caller still
 * re-stamps resourceVersion, and bumps generation for spec changes, when it stores the result.
 */
final class MetadataGuard {
  private MetadataGuard() {}

  static ObjectNode check(ObjectNode original, ObjectNode patched) throws PatchException {
    JsonNode metadataNode = patched.get("metadata");
    if (metadataNode != null && !metadataNode.isObject() && !metadataNode.isNull()) {
      throw PatchException.unprocessable(
          subject(original) + " is invalid: metadata: Invalid value: must be an object");
    }
    ObjectNode metadata = patched.withObjectProperty("metadata");
    JsonNode before = original.path("metadata");
    if (Json.text(before.get("name")).isEmpty()) {
      // Nothing stored yet (server-side apply creating the object): the caller names it.
      return patched;
    }

    // The URL names the object; the apiserver re-encodes it in the URL's version and kind.
    keep(original, patched, "apiVersion");
    keep(original, patched, "kind");

    String name = Json.text(before.get("name"));
    if (!name.isEmpty()) {
      String patchedName = Json.text(metadata.get("name"));
      if (patchedName.isEmpty()) {
        throw PatchException.badRequest(
            "the name of the object ("
                + name
                + " based on URL) was undeterminable: name must be provided");
      }
      if (!patchedName.equals(name)) {
        throw PatchException.badRequest(
            "the name of the object ("
                + patchedName
                + ") does not match the name on the URL ("
                + name
                + ")");
      }
    }

    String namespace = Json.text(before.get("namespace"));
    String patchedNamespace = Json.text(metadata.get("namespace"));
    if (namespace.isEmpty()) {
      metadata.remove("namespace"); // cluster-scoped objects have none
    } else if (patchedNamespace.isEmpty()) {
      metadata.put("namespace", namespace);
    } else if (!patchedNamespace.equals(namespace)) {
      throw PatchException.badRequest(
          "the namespace of the object ("
              + patchedNamespace
              + ") does not match the namespace on the URL ("
              + namespace
              + ")");
    }

    String uid = Json.text(before.get("uid"));
    String patchedUid = Json.text(metadata.get("uid"));
    if (!uid.isEmpty() && patchedUid.isEmpty()) {
      metadata.put("uid", uid);
    } else if (!uid.isEmpty() && !patchedUid.equals(uid)) {
      throw PatchException.unprocessable(
          subject(original)
              + " is invalid: metadata.uid: Invalid value: \""
              + patchedUid
              + "\": field is immutable");
    }

    String version = Json.text(before.get("resourceVersion"));
    String patchedVersion = Json.text(metadata.get("resourceVersion"));
    if (!version.isEmpty() && patchedVersion.isEmpty()) {
      metadata.put("resourceVersion", version);
    } else if (!version.isEmpty() && !patchedVersion.equals(version)) {
      throw new PatchException(
          409,
          "Conflict",
          "Operation cannot be fulfilled on "
              + subject(original)
              + ": the object has been modified; please apply your changes to the latest version"
              + " and try again");
    }

    for (String systemField :
        new String[] {
          "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"
        }) {
      keep(before, metadata, systemField);
    }
    return patched;
  }

  /** Sets {@code field} in {@code to} exactly as it is in {@code from}, absent included. */
  private static void keep(JsonNode from, ObjectNode to, String field) {
    JsonNode value = from.get(field);
    if (value == null) {
      to.remove(field);
    } else {
      to.set(field, value.deepCopy());
    }
  }

  /**
   * {@code Deployment.apps "web"}: the kind and group as the apiserver's messages name them (they
   * use the plural resource where this has only the kind).
   */
  private static String subject(JsonNode original) {
    String kind = Json.text(original.get("kind"));
    String group = BuiltInGroups.groupOf(Json.text(original.get("apiVersion")));
    String name = Json.text(original.path("metadata").get("name"));
    return (group.isEmpty() ? kind : kind + "." + group) + " \"" + name + "\"";
  }
}
