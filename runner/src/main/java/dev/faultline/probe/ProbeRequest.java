package dev.faultline.probe;

import dev.faultline.catalog.ParamValues;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Target;
import java.util.Objects;

/**
 * One probe of an experiment (a probe step or a continuous probe), ready to prepare.
 *
 * @param id the step or continuous probe id
 * @param params the probe's parameters with the descriptor's defaults
 * @param targetName {@code null} for probes without a target
 * @param target {@code null} for probes without a target
 */
public record ProbeRequest(
    String id, ParamValues params, String targetName, Target target, NamespacePolicy namespaces) {
  public ProbeRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(params, "params");
    namespaces = namespaces == null ? NamespacePolicy.DEFAULT : namespaces;
  }

  public String probeId() {
    return params.descriptor().id();
  }
}
