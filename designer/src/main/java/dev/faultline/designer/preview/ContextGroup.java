package dev.faultline.designer.preview;

import java.util.List;

/**
 * One cluster of a multi-cluster experiment's preview: a heading ("east (connected) · live", "west
 * · syncing…"), why it shows no pods if it cannot ("no kubeconfig context 'wset'; did you mean
 * 'west'?"), and one line per target that lives there.
 *
 * @param context the kubeconfig context
 * @param heading the context's name and state
 * @param message why the context's targets are not resolved, or null
 * @param targets the context's targets, in file order
 */
public record ContextGroup(
    String context, String heading, String message, List<TargetLine> targets) {

  public ContextGroup {
    targets = List.copyOf(targets);
  }

  /**
   * One target in a context.
   *
   * @param target the target's name
   * @param selected pods the target picks now; -1 while unknown
   * @param matched pods its selectors match; -1 while unknown
   * @param pods the names of the picked pods, in the resolution's order
   * @param error why it is unknown (invalid target), or null
   */
  public record TargetLine(
      String target, int selected, int matched, List<String> pods, String error) {
    public TargetLine {
      pods = List.copyOf(pods);
    }

    /** {@code checkout · 2 of 3 pods}, or the target with its error. */
    public String text() {
      if (error != null) {
        return target + " \u00b7 " + error;
      }
      if (selected < 0) {
        return target;
      }
      return target + " \u00b7 " + selected + " of " + matched + " pods";
    }
  }
}
