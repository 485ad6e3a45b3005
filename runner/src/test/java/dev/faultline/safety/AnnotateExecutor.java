package dev.faultline.safety;

import dev.faultline.attack.AttackContext;
import dev.faultline.attack.AttackException;
import dev.faultline.attack.AttackExecutor;
import dev.faultline.attack.AttackRequest;
import dev.faultline.attack.Fault;
import dev.faultline.attack.FaultJson;
import dev.faultline.attack.FaultStatus;
import dev.faultline.attack.ObjectRef;
import dev.faultline.cluster.AccessCheck;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test-only attack: marks a deployment with an annotation (plus Faultline's own marks) and
 * removes them on rollback, standing in for the real executors.
 */
final class AnnotateExecutor implements AttackExecutor {
  static final String ID = "test.annotate";
  static final String MARK = "test.faultline.dev/frozen";

  final AtomicInteger rollbacks = new AtomicInteger();

  static Fault fault(String runId, String id, String context, String deployment) {
    return new Fault(
        id,
        runId,
        "freeze",
        ID,
        context,
        new ObjectRef("apps/v1", "Deployment", "shop", deployment, ""),
        "annotate " + deployment,
        true,
        Map.of());
  }

  @Override
  public String attackId() {
    return ID;
  }

  @Override
  public List<AccessCheck> accessNeeds(AttackRequest request) {
    return List.of(AccessCheck.of("patch", "apps", "deployments", "shop"));
  }

  @Override
  public List<Fault> prepare(AttackRequest request, AttackContext context) {
    return List.of();
  }

  @Override
  public void apply(Fault fault, AttackContext context) throws AttackException {
    ObjectNode patch = FaultJson.MAPPER.createObjectNode();
    ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
    annotations.put(MARK, "true");
    annotations.put(FaultAnnotations.RUN_ID, fault.runId());
    annotations.put(FaultAnnotations.FAULT, FaultJson.MAPPER.writeValueAsString(List.of(fault)));
    patch(fault, context, patch.toString());
  }

  @Override
  public FaultStatus status(Fault fault, AttackContext context) {
    return FaultStatus.active("");
  }

  @Override
  public void rollback(Fault fault, AttackContext context) throws AttackException {
    rollbacks.incrementAndGet();
    ObjectNode patch = FaultJson.MAPPER.createObjectNode();
    ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
    annotations.putNull(MARK);
    annotations.putNull(FaultAnnotations.RUN_ID);
    annotations.putNull(FaultAnnotations.FAULT);
    patch(fault, context, patch.toString());
  }

  private static void patch(Fault fault, AttackContext context, String patch)
      throws AttackException {
    try {
      context
          .client()
          .apps()
          .deployments()
          .inNamespace(fault.object().namespace())
          .withName(fault.object().name())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return; // gone: nothing to undo
      }
      throw new AttackException(
          "cannot patch " + fault.object().display() + ": " + e.getMessage(),
          e.getCode() == 0 || e.getCode() >= 500 || e.getCause() instanceof java.io.IOException,
          e);
    }
  }
}
