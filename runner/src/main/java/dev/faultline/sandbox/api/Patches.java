package dev.faultline.sandbox.api;

import java.util.Locale;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a PATCH body to a stored object the way kube-apiserver does, chosen by the request's
 * {@code Content-Type}:
 *
 * <ul>
 *   <li>{@code application/json-patch+json}: RFC 6902 JSON Patch;
 *   <li>{@code application/merge-patch+json}: RFC 7386 JSON merge patch;
 *   <li>{@code application/strategic-merge-patch+json}: Kubernetes strategic merge patch, for
 *       built-in API groups only (custom resources answer 415, as a real cluster does);
 *   <li>{@code application/apply-patch+yaml}: server-side apply, as sent by {@code kubectl apply
 *       --server-side}. The applied configuration is strategically merged into the object. Managed
 *       fields are not tracked: no conflicts are detected, {@code force} has no effect, and fields
 *       a manager stops applying are not removed.
 * </ul>
 *
 * <p>Whatever the type, the patched object keeps its kind, apiVersion and system metadata, and may
 * not change its name, namespace, uid or resourceVersion (see {@link MetadataGuard}). For a
 * server-side apply that creates the object, pass an empty object as the original; the result is
 * then the applied configuration, and the caller checks it against the URL and stamps it.
 */
public final class Patches {
  public static final String JSON_PATCH = "application/json-patch+json";
  public static final String MERGE_PATCH = "application/merge-patch+json";
  public static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
  public static final String APPLY_PATCH = "application/apply-patch+yaml";

  private Patches() {}

  /**
   * Returns the patched copy of {@code original}; {@code original} is not changed.
   *
   * @param contentType the request's Content-Type; parameters such as {@code charset} are ignored
   * @param original the stored object, with kind, apiVersion and metadata
   * @param body the request body
   * @throws PatchException 415 for an unsupported content type, 400 for a body that is not a patch
   *     document of that type or that renames the object, 422 for a patch that cannot apply, 409
   *     for a stale resourceVersion in the patch
   */
  public static ObjectNode apply(String contentType, ObjectNode original, String body)
      throws PatchException {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(body, "body");
    String group = BuiltInGroups.groupOf(Json.text(original.get("apiVersion")));
    String kind = Json.text(original.get("kind"));
    ObjectNode patched =
        switch (mediaType(contentType)) {
          case JSON_PATCH -> JsonPatch.apply(original, parseJson(body));
          case MERGE_PATCH -> MergePatch.apply(original, parseJson(body));
          case STRATEGIC_MERGE_PATCH -> {
            if (!strategicSupported(group)) {
              throw unsupportedMediaType(group);
            }
            yield StrategicMerge.apply(
                original, parseJson(body), StrategicSchema.forObject(group, kind));
          }
          case APPLY_PATCH -> {
            ObjectNode applied = YamlTree.parseObject(body);
            checkApplied(original, applied);
            yield StrategicMerge.apply(original, applied, StrategicSchema.forObject(group, kind));
          }
          default -> throw unsupportedMediaType(group);
        };
    return MetadataGuard.check(original, patched);
  }

  /**
   * Whether objects of {@code group} accept strategic merge patches. Only the built-in groups do:
   * the patch strategies live in their Go types. Custom resources have none, so the apiserver
   * refuses strategic merge for them with 415 and kubectl falls back to a merge patch.
   *
   * @param group the API group, {@code ""} for the core group
   */
  public static boolean strategicSupported(String group) {
    return BuiltInGroups.contains(group);
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  private static PatchException unsupportedMediaType(String group) {
    String accepted =
        strategicSupported(group)
            ? String.join(", ", JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH)
            : String.join(", ", JSON_PATCH, MERGE_PATCH, APPLY_PATCH);
    return new PatchException(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: "
            + accepted);
  }

  private static JsonNode parseJson(String body) throws PatchException {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw PatchException.badRequest("error decoding patch: " + e.getOriginalMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      throw PatchException.badRequest("error decoding patch: unexpected end of JSON input");
    }
    return tree;
  }

  /** Server-side apply names the object it applies to, and must name it as the URL does. */
  private static void checkApplied(ObjectNode original, ObjectNode applied) throws PatchException {
    String apiVersion = Json.text(original.get("apiVersion"));
    String appliedVersion = Json.text(applied.get("apiVersion"));
    if (!apiVersion.isEmpty() && !appliedVersion.equals(apiVersion)) {
      throw PatchException.badRequest(
          "Incorrect version specified in apply patch. Specified patch version: "
              + appliedVersion
              + ", expected: "
              + apiVersion);
    }
    String kind = Json.text(original.get("kind"));
    String appliedKind = Json.text(applied.get("kind"));
    if (!kind.isEmpty() && !appliedKind.equals(kind)) {
      throw PatchException.badRequest(
          "Incorrect kind specified in apply patch. Specified patch kind: "
              + appliedKind
              + ", expected: "
              + kind);
    }
    JsonNode managedFields = applied.path("metadata").get("managedFields");
    if (managedFields != null && !managedFields.isNull()) {
      throw PatchException.badRequest("metadata.managedFields must be nil");
    }
  }
}
