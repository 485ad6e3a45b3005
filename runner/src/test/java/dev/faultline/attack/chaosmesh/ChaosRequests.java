package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackRequest;
import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.ParamValues;
import dev.faultline.cluster.snapshot.ContainerView;
import dev.faultline.cluster.snapshot.PodView;
import dev.faultline.model.AttackStep;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Params;
import dev.faultline.model.Target;
import dev.faultline.model.TimeSpan;
import dev.faultline.target.SelectedPod;
import dev.faultline.target.TargetResolution;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Requests for the Chaos Mesh attacks over made-up pods, for tests that need no cluster. */
final class ChaosRequests {
  private ChaosRequests() {}

  /**
   * A running pod with containers {@code app} and {@code sidecar}, of which {@code hit} are hit.
   */
  static SelectedPod pod(String namespace, String name, String... hit) {
    var view =
        new PodView(
            namespace,
            name,
            "uid-" + name,
            Map.of("app", "db"),
            Map.of(),
            "Running",
            true,
            false,
            "node-1",
            "ReplicaSet",
            "db-1",
            "Deployment",
            "db",
            List.of(
                new ContainerView("app", true, "running", 0),
                new ContainerView("sidecar", true, "running", 0)));
    return new SelectedPod(view, List.of(hit));
  }

  static AttackRequest request(String attackId, Map<String, Object> with, SelectedPod... pods) {
    return request(attackId, with, "5m", null, NamespacePolicy.DEFAULT, pods);
  }

  /**
   * @param duration the step's duration, {@code null} for none
   * @param maxDuration the experiment's spec.safety.maxDuration, {@code null} for none
   */
  static AttackRequest request(
      String attackId,
      Map<String, Object> with,
      String duration,
      Duration maxDuration,
      NamespacePolicy policy,
      SelectedPod... pods) {
    var step =
        new AttackStep(
            "slow-db",
            List.of(),
            attackId,
            "db",
            Params.of(with),
            duration == null ? null : TimeSpan.of(duration),
            null);
    var descriptor = Catalog.builtIn().find(attackId).orElseThrow();
    var resolution =
        new TargetResolution(
            1,
            7,
            List.of(pods).stream().map(SelectedPod::pod).toList(),
            List.of(pods),
            List.of(),
            List.of(),
            List.of());
    return new AttackRequest(
        step,
        ParamValues.of(descriptor, Params.of(with)),
        "db",
        Target.pods("shop", "app=db"),
        resolution,
        policy,
        maxDuration);
  }
}
