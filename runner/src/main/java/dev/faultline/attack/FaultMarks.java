package dev.faultline.attack;

import dev.faultline.safety.FaultAnnotations;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Marks the objects faults change with the {@link FaultAnnotations}, so a later process finds
 * leftovers in the cluster without the journal: {@code faultline.dev/run-id} holds the run ids
 * (comma-separated when several runs' faults meet on one object) and {@code faultline.dev/fault}
 * the JSON array of the faults the object carries (see {@link FaultJson#readAll}).
 *
 * <p>Each change is a read-modify-write: a JSON merge patch that names the object's uid and
 * resourceVersion, so a concurrent writer makes it retry (409) instead of losing a fault, and a new
 * object that took the name (a recreated StatefulSet pod) is never marked. Both directions are
 * idempotent.
 */
public final class FaultMarks {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int ATTEMPTS = 8;

  private FaultMarks() {}

  /**
   * The faults an object's annotations say it carries; empty when there are none or they cannot be
   * read.
   */
  public static List<Fault> read(Map<String, String> annotations) {
    String text = annotations == null ? null : annotations.get(FaultAnnotations.FAULT);
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      return FaultJson.readAll(text);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  /**
   * Adds the fault to its object's annotations.
   *
   * @param uid the object's uid when the fault was prepared; empty to mark whatever object has the
   *     name
   * @throws TargetGoneException if the object is gone or is another object now
   */
  static void add(AttackContext context, Fault fault, String uid) throws AttackException {
    change(context, fault, uid, true);
  }

  /**
   * Removes the fault from its object's annotations; nothing to do when the object is gone or is
   * another object now.
   */
  static void remove(AttackContext context, Fault fault, String uid) throws AttackException {
    try {
      change(context, fault, uid, false);
    } catch (TargetGoneException gone) {
      // Nothing carries the mark any more.
    }
  }

  /**
   * The annotations with the fault added to the faults they carry, as {@link #add} writes them; for
   * executors that change an object and mark it in one update.
   */
  static Map<String, String> marked(Map<String, String> annotations, Fault fault) {
    var faults = new ArrayList<Fault>();
    for (Fault f : read(annotations)) {
      if (!(f.id().equals(fault.id()) && f.runId().equals(fault.runId()))) {
        faults.add(f);
      }
    }
    faults.add(fault);
    var runs = new LinkedHashSet<String>();
    faults.forEach(f -> runs.add(f.runId()));
    var result = new java.util.LinkedHashMap<String, String>();
    if (annotations != null) {
      result.putAll(annotations);
    }
    result.put(FaultAnnotations.RUN_ID, String.join(",", runs));
    result.put(FaultAnnotations.FAULT, FaultJson.writeAll(faults));
    return result;
  }

  private static void change(AttackContext context, Fault fault, String uid, boolean add)
      throws AttackException {
    ObjectRef ref = fault.object();
    String doing = add ? "annotate" : "remove the Faultline annotations from";
    Resource<GenericKubernetesResource> resource = resource(context, ref);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      GenericKubernetesResource object;
      try {
        object = resource.get();
      } catch (KubernetesClientException e) {
        throw ClusterCalls.failure(context, doing, ref, e);
      }
      if (object == null) {
        throw new TargetGoneException(ref, "deleted");
      }
      String actualUid = Objects.toString(object.getMetadata().getUid(), "");
      if (!uid.isEmpty() && !uid.equals(actualUid)) {
        throw new TargetGoneException(ref, "replaced by a new object of the same name");
      }
      List<Fault> before = read(object.getMetadata().getAnnotations());
      var after = new ArrayList<Fault>();
      for (Fault f : before) {
        if (!(f.id().equals(fault.id()) && f.runId().equals(fault.runId()))) {
          after.add(f);
        }
      }
      if (add) {
        after.add(fault);
      }
      if (after.equals(before)) {
        return;
      }
      try {
        resource.patch(
            PatchContext.of(PatchType.JSON_MERGE),
            patch(actualUid, object.getMetadata().getResourceVersion(), after));
        return;
      } catch (KubernetesClientException e) {
        int code = ClusterCalls.code(e);
        if (code == ClusterCalls.NOT_FOUND) {
          throw new TargetGoneException(ref, "deleted");
        }
        if (code != ClusterCalls.CONFLICT && code != 422) {
          throw ClusterCalls.failure(context, doing, ref, e);
        }
        // Changed meanwhile (or replaced: the next read tells); read again.
      }
    }
    throw new AttackException(
        "cannot " + doing + " " + ref.display() + ": it kept changing under " + ATTEMPTS + " tries",
        true,
        null);
  }

  private static String patch(String uid, String resourceVersion, List<Fault> faults) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode metadata = root.putObject("metadata");
    if (!uid.isEmpty()) {
      metadata.put("uid", uid);
    }
    if (resourceVersion != null) {
      metadata.put("resourceVersion", resourceVersion);
    }
    ObjectNode annotations = metadata.putObject("annotations");
    if (faults.isEmpty()) {
      annotations.putNull(FaultAnnotations.RUN_ID);
      annotations.putNull(FaultAnnotations.FAULT);
    } else {
      var runs = new LinkedHashSet<String>();
      faults.forEach(f -> runs.add(f.runId()));
      annotations.put(FaultAnnotations.RUN_ID, String.join(",", runs));
      annotations.put(FaultAnnotations.FAULT, FaultJson.writeAll(faults));
    }
    return root.toString();
  }

  /** The object a fault names, through the generic client (any kind the API serves). */
  static Resource<GenericKubernetesResource> resource(AttackContext context, ObjectRef ref) {
    var kind = context.client().genericKubernetesResources(ref.apiVersion(), ref.kind());
    return ref.namespace().isEmpty()
        ? kind.withName(ref.name())
        : kind.inNamespace(ref.namespace()).withName(ref.name());
  }
}
