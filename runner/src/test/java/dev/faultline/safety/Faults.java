package dev.faultline.safety;

import dev.faultline.attack.Fault;
import dev.faultline.attack.ObjectRef;
import java.util.Map;

/** Faults for tests. */
final class Faults {
  private Faults() {}

  static Fault fault(String runId, String id) {
    return new Fault(
        id,
        runId,
        id.contains("#") ? id.substring(0, id.indexOf('#')) : id,
        "process.signal",
        "kind-dev",
        ObjectRef.container("shop", "checkout-" + id.hashCode(), "app"),
        "SIGSTOP /java/ in shop/checkout [app]",
        true,
        Map.of("signal", "SIGSTOP", "quote", "a \"b\"\nc"));
  }
}
