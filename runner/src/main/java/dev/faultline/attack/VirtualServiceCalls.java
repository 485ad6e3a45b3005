package dev.faultline.attack;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cluster calls of {@code mesh.istio.fault}: which version of Istio's API the cluster serves,
 * and VirtualServices read as JSON (the {@link VirtualServices} functions work on that) and written
 * back through the generic client, so any served version works without Istio's model classes.
 */
final class VirtualServiceCalls {
  private static final List<String> VERSIONS = List.of("v1", "v1beta1");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private VirtualServiceCalls() {}

  /**
   * The API version that serves VirtualServices, preferring {@code v1}.
   *
   * @throws AttackException naming the context when Istio's API is not there
   */
  static String servedApiVersion(AttackContext context) throws AttackException {
    for (String version : VERSIONS) {
      String groupVersion = VirtualServices.GROUP + "/" + version;
      APIResourceList resources;
      try {
        resources = context.client().getApiResources(groupVersion);
      } catch (KubernetesClientException e) {
        if (ClusterCalls.notFound(e)) {
          continue;
        }
        throw ClusterCalls.failure(
            context, "look up", VirtualServices.KIND + " in " + groupVersion, e);
      }
      if (resources != null && resources.getResources() != null) {
        for (APIResource resource : resources.getResources()) {
          if (VirtualServices.KIND.equals(resource.getKind())) {
            return groupVersion;
          }
        }
      }
    }
    throw new AttackException(
        "Istio is not installed in context '"
            + context.contextName()
            + "': the cluster does not serve VirtualService in "
            + VirtualServices.GROUP
            + " ("
            + String.join(", ", VERSIONS)
            + ")");
  }

  /** The VirtualServices of a namespace, as JSON. */
  static List<ObjectNode> list(AttackContext context, String apiVersion, String namespace)
      throws AttackException {
    GenericKubernetesResourceList list;
    try {
      list =
          context
              .client()
              .genericKubernetesResources(apiVersion, VirtualServices.KIND)
              .inNamespace(namespace)
              .list();
    } catch (KubernetesClientException e) {
      throw ClusterCalls.failure(context, "list", "the VirtualServices in " + namespace, e);
    }
    var result = new ArrayList<ObjectNode>();
    for (GenericKubernetesResource item : list.getItems()) {
      ObjectNode node = toJson(context, item);
      node.withObjectProperty("metadata").put("namespace", namespace);
      result.add(node);
    }
    return result;
  }

  /** The object a fault names, if it is still the one prepare saw (same uid). */
  static Optional<ObjectNode> current(AttackContext context, Fault fault) throws AttackException {
    ObjectRef ref = fault.object();
    GenericKubernetesResource object;
    try {
      object = kind(context, ref).withName(ref.name()).get();
    } catch (KubernetesClientException e) {
      throw ClusterCalls.failure(context, "read", ref, e);
    }
    if (object == null) {
      return Optional.empty();
    }
    String uid = fault.data(PodLookup.UID, "");
    if (!uid.isEmpty() && !uid.equals(object.getMetadata().getUid())) {
      return Optional.empty();
    }
    return Optional.of(toJson(context, object));
  }

  /** The VirtualServices of the fault's object's namespace, in its API version. */
  private static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      kind(AttackContext context, ObjectRef ref) {
    return context
        .client()
        .genericKubernetesResources(ref.apiVersion(), ref.kind())
        .inNamespace(ref.namespace());
  }

  static ObjectNode toJson(AttackContext context, GenericKubernetesResource object) {
    return (ObjectNode) JSON.readTree(context.client().getKubernetesSerialization().asJson(object));
  }

  private static GenericKubernetesResource unmarshal(AttackContext context, ObjectNode body) {
    return context
        .client()
        .getKubernetesSerialization()
        .unmarshal(body.toString(), GenericKubernetesResource.class);
  }

  /** Creates the object; a client failure (409 when it exists) is the caller's to judge. */
  static void create(AttackContext context, ObjectRef ref, ObjectNode body) {
    kind(context, ref).resource(unmarshal(context, body)).create();
  }

  /** Replaces the object; its resourceVersion makes a concurrent change fail with 409. */
  static void update(AttackContext context, ObjectRef ref, ObjectNode body) {
    kind(context, ref).resource(unmarshal(context, body)).update();
  }

  static void delete(AttackContext context, ObjectRef ref) {
    kind(context, ref).withName(ref.name()).delete();
  }
}
