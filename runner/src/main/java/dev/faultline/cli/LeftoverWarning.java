package dev.faultline.cli;

import dev.faultline.attack.AttackExecutors;
import dev.faultline.safety.Cleanup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The start-up warning of {@code faultline run}: faults crashed runs left in this machine's
 * journals ({@link Cleanup#scan}, no cluster call), e.g. {@code warning: 2 faults left by run r-1
 * (checkout) on context kind-dev; run faultline cleanup --context kind-dev}.
 */
final class LeftoverWarning {
  private LeftoverWarning() {}

  /**
   * Prints one warning per run that left faults, those in {@code context} first; says nothing when
   * there are none or the journals cannot be read.
   */
  static void print(Path stateDirectory, String context, PrintWriter err) {
    Cleanup.Scan scan;
    try {
      scan = new Cleanup(stateDirectory, AttackExecutors.builtIn()).scan(null);
    } catch (IOException e) {
      err.println("warning: cannot read the rollback journals: " + e.getMessage());
      return;
    }
    var warnings = new java.util.ArrayList<String>();
    var here =
        new Cleanup.Scan(
            scan.leftovers().stream().filter(l -> l.context().equals(context)).toList(),
            java.util.List.of(),
            java.util.List.of());
    var elsewhere =
        new Cleanup.Scan(
            scan.leftovers().stream().filter(l -> !l.context().equals(context)).toList(),
            java.util.List.of(),
            java.util.List.of());
    warnings.addAll(here.warnings());
    warnings.addAll(elsewhere.warnings());
    for (String warning : warnings) {
      err.println("warning: " + warning);
    }
    err.flush();
  }
}
