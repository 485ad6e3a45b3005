package dev.faultline.probe;

import dev.faultline.catalog.Catalog;
import dev.faultline.catalog.ParamValues;
import dev.faultline.model.NamespacePolicy;
import dev.faultline.model.Params;
import dev.faultline.model.Target;
import java.util.Map;

/** Test helpers: probe requests as a file would give them. */
final class Probes {
  private Probes() {}

  static ProbeRequest request(String probeId, Map<String, ?> with) {
    return request(probeId, with, null);
  }

  static ProbeRequest request(String probeId, Map<String, ?> with, Target target) {
    return new ProbeRequest(
        "probe-under-test",
        ParamValues.of(Catalog.builtIn().find(probeId).orElseThrow(), Params.of(with)),
        target == null ? null : "target",
        target,
        NamespacePolicy.DEFAULT);
  }
}
