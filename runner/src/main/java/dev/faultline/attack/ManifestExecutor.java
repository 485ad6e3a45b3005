package dev.faultline.attack;

import dev.faultline.attack.ManifestDocuments.ManifestObject;
import dev.faultline.cluster.AccessCheck;
import dev.faultline.safety.FaultAnnotations;
import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code k8s.manifest}: applies the objects of a multi-document YAML manifest, one fault per
 * object, for faults no built-in attack covers (a NetworkPolicy that cuts traffic, a ConfigMap with
 * bad settings, a chaos object of some operator).
 *
 * <p>Prepare reads each object as it is now and keeps its previous version in the fault. Apply
 * creates an object that did not exist (labelled {@link FaultAnnotations#CREATED_BY_RUN} with the
 * run id and annotated with the fault) and server-side applies one that did (marked with {@link
 * FaultMarks} first). Rollback deletes what it created, when the label still says so, and puts back
 * the previous version of what existed. An object created by someone else between prepare and apply
 * is left alone; one deleted meanwhile is {@link TargetGoneException gone}.
 */
public final class ManifestExecutor implements AttackExecutor {
  public static final String ID = "k8s.manifest";
  private static final String MANIFEST = "manifest";
  private static final String PREVIOUS = "previous";
  private static final String DOCUMENT = "document";
  private static final String FIELD_MANAGER = "faultline";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> SERVER_OWNED =
      Set.of(
          "uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink");

  @Override
  public String attackId() {
    return ID;
  }

  @Override
  public List<AccessCheck> accessNeeds(AttackRequest request) {
    List<ManifestObject> objects;
    try {
      objects = ManifestDocuments.parse(request.params().optionalString(MANIFEST).orElse(""));
    } catch (AttackException e) {
      return List.of(); // prepare reports the manifest's problem
    }
    String fallback = request.params().optionalString("namespace").orElse("");
    var checks = new TreeSet<String>();
    var result = new ArrayList<AccessCheck>();
    for (ManifestObject object : objects) {
      String resource = Pluralize.toPlural(object.kind().toLowerCase(Locale.ROOT));
      String namespace = object.namespace().isEmpty() ? fallback : object.namespace();
      for (String verb : List.of("get", "create", "patch", "update", "delete")) {
        var check = AccessCheck.of(verb, object.group(), resource, namespace);
        if (checks.add(check.display())) {
          result.add(check);
        }
      }
    }
    return result;
  }

  @Override
  public List<Fault> prepare(AttackRequest request, AttackContext context) throws AttackException {
    List<ManifestObject> objects = ManifestDocuments.parse(request.params().string(MANIFEST));
    String fallback = request.params().optionalString("namespace").orElse("");
    var maker = new FaultMaker(request, context, ID);
    var faults = new ArrayList<Fault>();
    for (ManifestObject object : objects) {
      boolean namespaced = namespaced(context, object);
      String namespace = "";
      if (namespaced) {
        namespace = object.namespace().isEmpty() ? fallback : object.namespace();
        if (namespace.isEmpty()) {
          throw new AttackException(
              "manifest "
                  + object.where()
                  + ": "
                  + object.kind()
                  + " "
                  + object.name()
                  + " names no namespace; set metadata.namespace or the step's 'namespace'");
        }
        if (!request.namespaces().permits(namespace)) {
          throw new AttackException(
              "manifest "
                  + object.where()
                  + ": namespace "
                  + namespace
                  + " is not permitted by spec.safety.namespaces");
        }
      }
      ObjectNode body = object.body().deepCopy();
      ObjectNode metadata = body.withObjectProperty("metadata");
      if (namespaced) {
        metadata.put("namespace", namespace);
      } else {
        metadata.remove("namespace");
      }
      ObjectRef ref =
          new ObjectRef(object.apiVersion(), object.kind(), namespace, object.name(), "");
      Optional<GenericKubernetesResource> current = get(context, ref, "read");
      String previous = current.map(ManifestExecutor::previousVersion).orElse("");
      faults.add(
          maker.make(
              ref,
              (current.isPresent() ? "update " : "create ")
                  + ref.display()
                  + (current.isPresent() ? " (restored on rollback)" : " (deleted on rollback)"),
              true,
              Map.of(
                  MANIFEST,
                  body.toString(),
                  PREVIOUS,
                  previous,
                  PodLookup.UID,
                  current.map(c -> c.getMetadata().getUid()).orElse(""),
                  DOCUMENT,
                  String.valueOf(object.document()))));
    }
    return faults;
  }

  /**
   * The fault of creating one object Faultline built itself (a Chaos Mesh Workflow run): applied,
   * it creates {@code body} labelled and annotated like any manifest object; rolled back (by the
   * run or by {@code faultline cleanup} after a crash) it deletes it.
   */
  public static Fault creation(
      String id, String runId, String stepId, String context, ObjectRef ref, ObjectNode body) {
    return new Fault(
        id,
        runId,
        stepId,
        ID,
        context,
        ref,
        "create " + ref.display() + " (deleted on rollback)",
        true,
        Map.of(MANIFEST, body.toString(), PREVIOUS, "", PodLookup.UID, "", DOCUMENT, "1"));
  }

  @Override
  public void apply(Fault fault, AttackContext context) throws AttackException {
    ObjectRef ref = fault.object();
    ObjectNode body = (ObjectNode) JSON.readTree(fault.data(MANIFEST, "{}"));
    String uid = fault.data(PodLookup.UID, "");
    if (fault.data(PREVIOUS, "").isEmpty()) {
      ObjectNode metadata = body.withObjectProperty("metadata");
      metadata.withObjectProperty("labels").put(FaultAnnotations.CREATED_BY_RUN, fault.runId());
      ObjectNode annotations = metadata.withObjectProperty("annotations");
      annotations.put(FaultAnnotations.RUN_ID, fault.runId());
      annotations.put(FaultAnnotations.FAULT, FaultJson.writeAll(List.of(fault)));
      try {
        resource(context, ref).resource(unmarshal(context, body)).create();
      } catch (KubernetesClientException e) {
        if (ClusterCalls.code(e) == ClusterCalls.CONFLICT) {
          throw new AttackException(
              ref.display()
                  + " was created by someone else after prepare; it is left alone and this"
                  + " fault is not applied",
              false,
              e);
        }
        throw ClusterCalls.failure(context, "create", ref, e);
      }
      return;
    }
    FaultMarks.add(context, fault, uid);
    try {
      resource(context, ref)
          .resource(unmarshal(context, body))
          .fieldManager(FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
    } catch (KubernetesClientException e) {
      try {
        FaultMarks.remove(context, fault, uid);
      } catch (AttackException ignored) {
        // Best effort; the journal keeps the fault.
      }
      if (ClusterCalls.notFound(e)) {
        throw new TargetGoneException(ref, "deleted after prepare");
      }
      throw ClusterCalls.failure(context, "apply", ref, e);
    }
  }

  @Override
  public FaultStatus status(Fault fault, AttackContext context) {
    return SafeStatus.of(
        fault,
        () -> {
          Optional<GenericKubernetesResource> current = get(context, fault.object(), "read");
          if (current.isEmpty()) {
            return FaultStatus.gone(fault.object().display() + " is gone");
          }
          boolean created = fault.data(PREVIOUS, "").isEmpty();
          return FaultStatus.active(created ? "created" : "applied over the previous version");
        });
  }

  @Override
  public void rollback(Fault fault, AttackContext context) throws AttackException {
    if (fault.data(PREVIOUS, "").isEmpty()) {
      deleteCreated(context, fault);
    } else {
      restore(context, fault);
    }
  }

  private static void deleteCreated(AttackContext context, Fault fault) throws AttackException {
    ObjectRef ref = fault.object();
    Optional<GenericKubernetesResource> current = get(context, ref, "delete");
    if (current.isEmpty()) {
      return;
    }
    Map<String, String> labels = current.get().getMetadata().getLabels();
    if (labels == null || !fault.runId().equals(labels.get(FaultAnnotations.CREATED_BY_RUN))) {
      return; // not the object this run created
    }
    try {
      resource(context, ref).withName(ref.name()).delete();
    } catch (KubernetesClientException e) {
      if (!ClusterCalls.notFound(e)) {
        throw ClusterCalls.failure(context, "delete", ref, e);
      }
    }
  }

  private static void restore(AttackContext context, Fault fault) throws AttackException {
    ObjectRef ref = fault.object();
    String uid = fault.data(PodLookup.UID, "");
    for (int attempt = 0; attempt < 8; attempt++) {
      Optional<GenericKubernetesResource> current = get(context, ref, "restore");
      if (current.isEmpty()
          || (!uid.isEmpty() && !uid.equals(current.get().getMetadata().getUid()))) {
        return; // gone, or another object now: nothing of ours to restore
      }
      ObjectNode previous = (ObjectNode) JSON.readTree(fault.data(PREVIOUS, "{}"));
      ObjectNode metadata = previous.withObjectProperty("metadata");
      metadata.put("resourceVersion", current.get().getMetadata().getResourceVersion());
      metadata.put("uid", current.get().getMetadata().getUid());
      try {
        resource(context, ref).resource(unmarshal(context, previous)).update();
        return;
      } catch (KubernetesClientException e) {
        int code = ClusterCalls.code(e);
        if (code == ClusterCalls.NOT_FOUND) {
          return;
        }
        if (code != ClusterCalls.CONFLICT) {
          throw ClusterCalls.failure(context, "restore the previous version of", ref, e);
        }
      }
    }
    throw new AttackException(
        "cannot restore the previous version of " + ref.display() + ": it kept changing",
        true,
        null);
  }

  /** The object as it was, without what the server owns, for putting it back later. */
  private static String previousVersion(GenericKubernetesResource object) {
    ObjectNode tree = (ObjectNode) JSON.readTree(JSON.writeValueAsString(object));
    JsonNode metadata = tree.path("metadata");
    if (metadata instanceof ObjectNode meta) {
      SERVER_OWNED.forEach(meta::remove);
    }
    tree.remove("status");
    return tree.toString();
  }

  private static boolean namespaced(AttackContext context, ManifestObject object)
      throws AttackException {
    APIResourceList resources;
    try {
      resources = context.client().getApiResources(object.apiVersion());
    } catch (KubernetesClientException e) {
      if (ClusterCalls.notFound(e)) {
        resources = null;
      } else {
        throw ClusterCalls.failure(
            context, "look up", object.kind() + " in " + object.apiVersion(), e);
      }
    }
    if (resources != null && resources.getResources() != null) {
      for (APIResource resource : resources.getResources()) {
        if (object.kind().equals(resource.getKind()) && !resource.getName().contains("/")) {
          return Boolean.TRUE.equals(resource.getNamespaced());
        }
      }
    }
    throw new AttackException(
        "manifest "
            + object.where()
            + ": the cluster does not serve kind "
            + object.kind()
            + " in "
            + object.apiVersion()
            + " (is its CRD installed?)");
  }

  private static Optional<GenericKubernetesResource> get(
      AttackContext context, ObjectRef ref, String doing) throws AttackException {
    try {
      return Optional.ofNullable(FaultMarks.resource(context, ref).get());
    } catch (KubernetesClientException e) {
      throw ClusterCalls.failure(context, doing, ref, e);
    }
  }

  private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resource(AttackContext context, ObjectRef ref) {
    var kind = context.client().genericKubernetesResources(ref.apiVersion(), ref.kind());
    return ref.namespace().isEmpty() ? kind : kind.inNamespace(ref.namespace());
  }

  private static GenericKubernetesResource unmarshal(AttackContext context, ObjectNode body) {
    return context
        .client()
        .getKubernetesSerialization()
        .unmarshal(body.toString(), GenericKubernetesResource.class);
  }
}
