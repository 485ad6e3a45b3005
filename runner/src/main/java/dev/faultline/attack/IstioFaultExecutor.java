package dev.faultline.attack;

import dev.faultline.catalog.ParamValues;
import dev.faultline.cluster.AccessCheck;
import dev.faultline.safety.FaultAnnotations;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code mesh.istio.fault}: HTTP delays and aborts for a share of a service's requests through
 * Istio's fault injection ({@code http[].fault} of a {@code VirtualService}).
 *
 * <p>Prepare looks for the VirtualServices in {@code namespace} that route {@code host} (any of its
 * forms: {@code ratings}, {@code ratings.bookinfo}, {@code ratings.bookinfo.svc.cluster.local}), or
 * the one {@code virtualService} names, and makes one fault per VirtualService:
 *
 * <ul>
 *   <li><b>One exists:</b> apply puts the fault into each of its HTTP routes (replacing a fault a
 *       route had), in one update that also marks it with the {@link FaultMarks}. Routes,
 *       destinations and everything else stay. The object as it was is kept in the fault, and
 *       rollback puts it back exactly: spec, labels and annotations.
 *   <li><b>None exists:</b> apply creates one ({@code faultline-<service>} unless {@code
 *       virtualService} names it) that routes the host to itself with the fault, labelled {@link
 *       FaultAnnotations#CREATED_BY_RUN}; rollback deletes it if the label still names the run.
 * </ul>
 *
 * <p>Someone else may change the VirtualService while the fault is in place. Prepare refuses one
 * that already carries an Istio fault of Faultline (two would undo each other's rollback). Apply
 * refuses when the object changed since prepare (so what rollback restores is what was there).
 * Rollback restores the previous version only when the object still is what the fault made of it
 * (same uid; spec, labels and annotations as written); otherwise it takes just the fault out of the
 * routes that still carry it and keeps the other change, and logs that it did. Status says how many
 * routes still carry the fault.
 *
 * <p>The served API version is discovered ({@code networking.istio.io/v1}, else {@code v1beta1}).
 * When neither serves VirtualServices, the run's preflight ({@link #prerequisites}) says that Istio
 * is not installed, before anything is applied.
 */
public final class IstioFaultExecutor implements AttackExecutor {
  public static final String ID = "mesh.istio.fault";
  private static final System.Logger LOG = System.getLogger(IstioFaultExecutor.class.getName());
  private static final String RESOURCE = "virtualservices";
  private static final String FAULT = "fault";
  private static final String PREVIOUS = "previous";
  private static final String FAULTED = "faulted";
  private static final String CREATE = "create";
  private static final int ATTEMPTS = 8;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public String attackId() {
    return ID;
  }

  @Override
  public List<AccessCheck> accessNeeds(AttackRequest request) {
    String namespace = request.params().optionalString("namespace").orElse("").strip();
    return List.of("get", "list", "create", "update", "delete").stream()
        .map(verb -> AccessCheck.of(verb, VirtualServices.GROUP, RESOURCE, namespace))
        .toList();
  }

  /**
   * Refuses the run in its preflight, before anything is applied, when the parameters do not fit
   * together, a namespace is not permitted, or the cluster does not serve VirtualServices (Istio
   * not installed). Prepare checks the same again when the step starts.
   */
  @Override
  public List<String> prerequisites(AttackRequest request, AttackContext context) {
    var problems = new ArrayList<String>();
    try {
      IstioFault.of(request.params());
    } catch (AttackException e) {
      problems.add(e.getMessage());
    }
    String namespace = request.params().optionalString("namespace").orElse("").strip();
    if (!namespace.isEmpty() && !request.namespaces().permits(namespace)) {
      problems.add("namespace " + namespace + " is not permitted by spec.safety.namespaces");
    }
    try {
      VirtualServiceCalls.servedApiVersion(context);
    } catch (AttackException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  @Override
  public List<Fault> prepare(AttackRequest request, AttackContext context) throws AttackException {
    ParamValues params = request.params();
    IstioFault istio = IstioFault.of(params);
    String namespace = params.string("namespace").strip();
    if (!request.namespaces().permits(namespace)) {
      throw new AttackException(
          "namespace " + namespace + " is not permitted by spec.safety.namespaces");
    }
    MeshHost host = MeshHost.of(params.string("host"), namespace);
    if (host.isService() && !request.namespaces().permits(host.namespace())) {
      throw new AttackException(
          "host "
              + host
              + " is a Service in namespace "
              + host.namespace()
              + ", which spec.safety.namespaces does not permit");
    }
    String apiVersion = VirtualServiceCalls.servedApiVersion(context);
    List<ObjectNode> existing = VirtualServiceCalls.list(context, apiVersion, namespace);
    Optional<String> named =
        params.optionalString("virtualService").map(String::strip).filter(s -> !s.isEmpty());
    List<ObjectNode> chosen = new ArrayList<>();
    for (ObjectNode vs : existing) {
      boolean wanted =
          named
              .map(n -> n.equals(VirtualServices.name(vs)))
              .orElseGet(() -> VirtualServices.routes(vs, host));
      if (wanted) {
        if (!VirtualServices.routes(vs, host)) {
          throw new AttackException(
              "VirtualService "
                  + namespace
                  + "/"
                  + VirtualServices.name(vs)
                  + " does not route host "
                  + host
                  + " (its hosts: "
                  + String.join(", ", VirtualServices.otherHosts(vs, host))
                  + ")");
        }
        chosen.add(vs);
      }
    }
    var maker = new FaultMaker(request, context, ID);
    JsonNode fault = istio.toJson();
    if (chosen.isEmpty()) {
      String name = named.orElse(host.objectName());
      if (existing.stream().anyMatch(vs -> name.equals(VirtualServices.name(vs)))) {
        throw new AttackException(
            "a VirtualService "
                + namespace
                + "/"
                + name
                + " exists but does not route host "
                + host
                + "; name another with 'virtualService'");
      }
      ObjectNode body = VirtualServices.created(apiVersion, name, namespace, host, fault);
      ObjectRef ref = new ObjectRef(apiVersion, VirtualServices.KIND, namespace, name, "");
      return List.of(
          maker.make(
              ref,
              "create "
                  + ref.display()
                  + " for "
                  + host
                  + ": "
                  + istio.describe()
                  + " (deleted on rollback)",
              true,
              Map.of(FAULT, fault.toString(), CREATE, body.toString())));
    }
    var faults = new ArrayList<Fault>();
    for (ObjectNode vs : chosen) {
      faults.add(patchFault(maker, apiVersion, vs, host, istio, fault));
    }
    return faults;
  }

  private static Fault patchFault(
      FaultMaker maker,
      String apiVersion,
      ObjectNode vs,
      MeshHost host,
      IstioFault istio,
      JsonNode fault)
      throws AttackException {
    ObjectRef ref =
        new ObjectRef(
            apiVersion,
            VirtualServices.KIND,
            vs.path("metadata").path("namespace").asString(""),
            VirtualServices.name(vs),
            "");
    JsonNode spec = vs.path("spec");
    int routes = VirtualServices.httpRoutes(spec);
    if (routes == 0) {
      throw new AttackException(
          ref.display()
              + " routes host "
              + host
              + " but has no HTTP routes (Istio injects faults into HTTP routes only)");
    }
    for (Fault carried : FaultMarks.read(VirtualServices.annotationMap(vs))) {
      if (carried.attackId().equals(ID)) {
        throw new AttackException(
            ref.display()
                + " already carries Istio fault "
                + carried.id()
                + " of run "
                + carried.runId()
                + "; two faults in one VirtualService would undo each other's rollback (roll the"
                + " other back first, e.g. with 'faultline cleanup')");
      }
    }
    int replaced = VirtualServices.routesWithAnyFault(spec);
    List<String> others = VirtualServices.otherHosts(vs, host);
    String action =
        istio.describe()
            + " in "
            + (routes == 1 ? "the HTTP route" : "the " + routes + " HTTP routes")
            + " of "
            + ref.display()
            + (replaced == 0 ? "" : ", replacing the fault of " + replaced)
            + (others.isEmpty() ? "" : ", also reaching " + String.join(", ", others))
            + " (restored on rollback)";
    return maker.make(
        ref,
        action,
        true,
        Map.of(
            FAULT,
            fault.toString(),
            PREVIOUS,
            VirtualServices.previousVersion(vs).toString(),
            FAULTED,
            VirtualServices.withFault(spec, fault).toString(),
            PodLookup.UID,
            vs.path("metadata").path("uid").asString("")));
  }

  @Override
  public void apply(Fault fault, AttackContext context) throws AttackException {
    if (created(fault)) {
      create(fault, context);
    } else {
      patch(fault, context);
    }
  }

  private static void create(Fault fault, AttackContext context) throws AttackException {
    ObjectRef ref = fault.object();
    ObjectNode body = (ObjectNode) JSON.readTree(fault.data(CREATE, "{}"));
    ObjectNode metadata = body.withObjectProperty("metadata");
    metadata.withObjectProperty("labels").put(FaultAnnotations.CREATED_BY_RUN, fault.runId());
    ObjectNode annotations = metadata.withObjectProperty("annotations");
    annotations.put(FaultAnnotations.RUN_ID, fault.runId());
    annotations.put(FaultAnnotations.FAULT, FaultJson.writeAll(List.of(fault)));
    try {
      VirtualServiceCalls.create(context, ref, body);
    } catch (KubernetesClientException e) {
      if (ClusterCalls.code(e) == ClusterCalls.CONFLICT) {
        throw new AttackException(
            ref.display()
                + " was created by someone else after prepare; it is left alone and this fault is"
                + " not applied",
            false,
            e);
      }
      throw ClusterCalls.failure(context, "create", ref, e);
    }
  }

  private static void patch(Fault fault, AttackContext context) throws AttackException {
    ObjectRef ref = fault.object();
    ObjectNode previous = (ObjectNode) JSON.readTree(fault.data(PREVIOUS, "{}"));
    JsonNode faulted = JSON.readTree(fault.data(FAULTED, "{}"));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      ObjectNode current = VirtualServiceCalls.current(context, fault).orElse(null);
      if (current == null) {
        throw new TargetGoneException(ref, "deleted or replaced after prepare");
      }
      if (!VirtualServices.same(
          VirtualServices.restorable(current), VirtualServices.restorable(previous))) {
        throw new AttackException(
            ref.display()
                + " changed after prepare, so the fault is not applied (rollback would not restore"
                + " what is there now)",
            false,
            null);
      }
      ObjectNode next = current.deepCopy();
      next.set("spec", faulted.deepCopy());
      VirtualServices.setAnnotations(
          next, FaultMarks.marked(VirtualServices.annotationMap(current), fault));
      try {
        VirtualServiceCalls.update(context, ref, next);
        return;
      } catch (KubernetesClientException e) {
        int code = ClusterCalls.code(e);
        if (code == ClusterCalls.NOT_FOUND) {
          throw new TargetGoneException(ref, "deleted after prepare");
        }
        if (code != ClusterCalls.CONFLICT) {
          throw ClusterCalls.failure(context, "put the fault into", ref, e);
        }
      }
    }
    throw new AttackException(
        "cannot put the fault into " + ref.display() + ": it kept changing", true, null);
  }

  @Override
  public FaultStatus status(Fault fault, AttackContext context) {
    return SafeStatus.of(
        fault,
        () -> {
          ObjectRef ref = fault.object();
          Optional<ObjectNode> found = VirtualServiceCalls.current(context, fault);
          if (found.isEmpty()) {
            return FaultStatus.gone(ref.display() + " is gone");
          }
          JsonNode spec = found.get().path("spec");
          JsonNode istio = JSON.readTree(fault.data(FAULT, "{}"));
          int carrying = VirtualServices.routesWithFault(spec, istio);
          if (carrying == 0) {
            return new FaultStatus(
                FaultStatus.State.RECOVERED,
                "the fault is no longer in " + ref.display() + " (someone else changed it)");
          }
          String where =
              "the fault is in "
                  + carrying
                  + " of "
                  + VirtualServices.httpRoutes(spec)
                  + " HTTP routes of "
                  + ref.display();
          if (!created(fault) && changedByOthers(fault, found.get())) {
            where += "; someone else changed it since, so rollback takes out only the fault";
          }
          return FaultStatus.active(where);
        });
  }

  @Override
  public void rollback(Fault fault, AttackContext context) throws AttackException {
    if (created(fault)) {
      deleteCreated(fault, context);
    } else {
      restore(fault, context);
    }
  }

  private static void deleteCreated(Fault fault, AttackContext context) throws AttackException {
    ObjectRef ref = fault.object();
    Optional<ObjectNode> current = VirtualServiceCalls.current(context, fault);
    if (current.isEmpty()) {
      return;
    }
    JsonNode label =
        current.get().path("metadata").path("labels").path(FaultAnnotations.CREATED_BY_RUN);
    if (!fault.runId().equals(label.asString(""))) {
      return; // not the object this run created
    }
    try {
      VirtualServiceCalls.delete(context, ref);
    } catch (KubernetesClientException e) {
      if (!ClusterCalls.notFound(e)) {
        throw ClusterCalls.failure(context, "delete", ref, e);
      }
    }
  }

  private static void restore(Fault fault, AttackContext context) throws AttackException {
    ObjectRef ref = fault.object();
    JsonNode istio = JSON.readTree(fault.data(FAULT, "{}"));
    ObjectNode previous = (ObjectNode) JSON.readTree(fault.data(PREVIOUS, "{}"));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<ObjectNode> found = VirtualServiceCalls.current(context, fault);
      if (found.isEmpty()) {
        return; // gone, or another object now: nothing of ours to restore
      }
      ObjectNode current = found.get();
      ObjectNode next;
      if (!changedByOthers(fault, current)) {
        next = previous.deepCopy();
      } else if (VirtualServices.routesWithFault(current.path("spec"), istio) > 0) {
        LOG.log(
            System.Logger.Level.WARNING,
            "{0} was changed by someone else while fault {1} of run {2} was in place; rollback"
                + " takes out only the fault and keeps their change",
            ref.display(),
            fault.id(),
            fault.runId());
        next = current.deepCopy();
        next.set(
            "spec",
            VirtualServices.withoutFault(current.path("spec"), istio, previous.path("spec")));
        VirtualServices.setAnnotations(
            next, VirtualServices.unmarked(VirtualServices.annotationMap(current), fault));
      } else {
        // The fault is out already (never applied, or taken out by someone): only the mark may be
        // left.
        FaultMarks.remove(context, fault, fault.data(PodLookup.UID, ""));
        return;
      }
      ObjectNode metadata = next.withObjectProperty("metadata");
      metadata.put("resourceVersion", current.path("metadata").path("resourceVersion").asString());
      metadata.put("uid", current.path("metadata").path("uid").asString());
      try {
        VirtualServiceCalls.update(context, ref, next);
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

  /**
   * Whether the VirtualService is no longer what the fault made of it: the previous version with
   * the fault in its routes.
   */
  private static boolean changedByOthers(Fault fault, ObjectNode current) {
    ObjectNode expected = (ObjectNode) JSON.readTree(fault.data(PREVIOUS, "{}"));
    expected.set("spec", JSON.readTree(fault.data(FAULTED, "{}")));
    return !VirtualServices.same(
        VirtualServices.restorable(current), VirtualServices.restorable(expected));
  }

  private static boolean created(Fault fault) {
    return !fault.data(CREATE, "").isEmpty();
  }
}
