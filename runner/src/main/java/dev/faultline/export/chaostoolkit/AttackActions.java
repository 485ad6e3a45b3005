package dev.faultline.export.chaostoolkit;

import static dev.faultline.export.chaostoolkit.Activities.ACTION;

import dev.faultline.model.AttackStep;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import dev.faultline.model.TimeSpan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Our attacks as chaostoolkit-kubernetes actions, each with the action that undoes it when the
 * fault lasts. Attacks without a function whose signature we are sure of (the Chaos Mesh, Istio and
 * manifest attacks, container kill) are left out with a warning rather than guessed.
 */
final class AttackActions {
  static final String POD_ACTIONS = "chaosk8s.pod.actions";
  static final String NODE_ACTIONS = "chaosk8s.node.actions";
  static final String DEPLOYMENT_ACTIONS = "chaosk8s.deployment.actions";
  static final String STATEFULSET_ACTIONS = "chaosk8s.statefulset.actions";

  /** The name of the action that undoes a fault in the method when its duration is over. */
  static final String UNDO_SUFFIX = "-rollback";

  /**
   * @param action the action in the method
   * @param undo the action that rolls the fault back; {@code null} for instant faults
   * @param configuration entries the actions refer to as {@code ${key}}
   */
  record Mapped(
      Map<String, Object> action, Map<String, Object> undo, Map<String, Object> configuration) {}

  private AttackActions() {}

  static Optional<Mapped> map(AttackStep step, Target target, String path, ExportLog log) {
    String targetPath = "spec.targets." + step.target();
    return switch (step.attack()) {
      case "k8s.pod.delete" -> podDelete(step, target, path, targetPath, log);
      case "process.signal" -> processSignal(step, target, path, targetPath, log);
      case "k8s.deployment.scale" -> scale(step, target, path, targetPath, log);
      case "k8s.node.drain" -> drain(step, target, path, targetPath, log);
      default -> {
        log.warn(path, leftOut(step.attack()));
        yield Optional.empty();
      }
    };
  }

  private static String leftOut(String attack) {
    String why =
        attack.startsWith("chaosmesh.")
            ? "chaostoolkit-kubernetes' chaosk8s.chaosmesh actions do not take this attack's"
                + " parameters one to one, and a kubectl apply of the resource would not be"
                + " rolled back with it"
            : "chaostoolkit-kubernetes has no action for it";
    return attack + " is left out: " + why;
  }

  private static Optional<Mapped> podDelete(
      AttackStep step, Target target, String path, String targetPath, ExportLog log) {
    Optional<String> ns = TargetArgs.namespace(target, targetPath, log);
    if (ns.isEmpty()) {
      return Optional.empty();
    }
    var args = TargetArgs.podSelection(target, targetPath, log);
    String grace = step.with().get("gracePeriod").map(String::valueOf).orElse("0s");
    args.put("grace_period", graceSeconds(TimeSpan.of(grace), path + ".with.gracePeriod", log));
    args.put("ns", ns.get());
    return Optional.of(
        new Mapped(
            Activities.python(ACTION, step.id(), POD_ACTIONS, "terminate_pods", args),
            null,
            Map.of()));
  }

  /**
   * terminate_pods takes whole seconds: a part second is rounded up, so the pods get at least the
   * time the experiment gives them, never less.
   */
  private static long graceSeconds(TimeSpan grace, String path, ExportLog log) {
    long millis = grace.toDuration().toMillis();
    long seconds = Math.ceilDiv(millis, 1000L);
    if (millis % 1000 != 0) {
      log.warn(
          path,
          "terminate_pods takes whole seconds: gracePeriod "
              + grace
              + " is rounded up to "
              + seconds
              + "s");
    }
    return seconds;
  }

  private static Optional<Mapped> processSignal(
      AttackStep step, Target target, String path, String targetPath, ExportLog log) {
    Optional<String> ns = TargetArgs.namespace(target, targetPath, log);
    List<String> literal =
        target.containers().stream().filter(c -> TargetArgs.literalName(c).isPresent()).toList();
    if (literal.isEmpty()) {
      log.warn(
          path,
          "process.signal is left out: exec_in_pods runs in the one container named"
              + " container_name and skips pods without it, and the target names no container"
              + (target.containers().isEmpty() ? "" : " plainly (" + target.containers() + ")"));
      return Optional.empty();
    }
    if (ns.isEmpty()) {
      return Optional.empty();
    }
    if (target.containers().size() > 1) {
      log.warn(
          targetPath + ".containers",
          "exec_in_pods runs in one container: only '"
              + literal.getFirst()
              + "' of "
              + target.containers()
              + " gets the signal");
    }
    String signal = String.valueOf(step.with().values().get("signal"));
    String process = String.valueOf(step.with().values().get("process"));
    var args = new LinkedHashMap<String, Object>();
    args.put("cmd", pkill(signal, process));
    args.putAll(TargetArgs.podSelection(target, targetPath, log));
    args.put("ns", ns.get());
    args.put("container_name", literal.getFirst());
    var action = Activities.python(ACTION, step.id(), POD_ACTIONS, "exec_in_pods", args);
    if (!signal.equals("SIGSTOP")) {
      return Optional.of(new Mapped(action, null, Map.of()));
    }
    // SIGCONT goes to every matching pod: the random choice of the freeze is not known here,
    // and continuing a process that is not stopped does nothing.
    var undoArgs = new LinkedHashMap<String, Object>();
    undoArgs.put("cmd", pkill("SIGCONT", process));
    args.forEach((key, value) -> keepSelection(key, value, undoArgs));
    undoArgs.put("all", true);
    undoArgs.put("ns", ns.get());
    undoArgs.put("container_name", literal.getFirst());
    return Optional.of(
        new Mapped(
            action,
            Activities.python(
                ACTION, step.id() + UNDO_SUFFIX, POD_ACTIONS, "exec_in_pods", undoArgs),
            Map.of()));
  }

  private static void keepSelection(String key, Object value, Map<String, Object> into) {
    if (key.equals("label_selector") || key.equals("name_pattern")) {
      into.put(key, value);
    }
  }

  static String pkill(String signal, String processRegex) {
    return "pkill -" + signal.replaceFirst("^SIG", "") + " -f " + Activities.quote(processRegex);
  }

  private static Optional<Mapped> scale(
      AttackStep step, Target target, String path, String targetPath, ExportLog log) {
    Optional<String> ns = TargetArgs.namespace(target, targetPath, log);
    if (ns.isEmpty()) {
      return Optional.empty();
    }
    TargetArgs.unsupported(target, targetPath, log);
    boolean statefulSet = target.effectiveKind() == TargetKind.STATEFUL_SET;
    String kind = statefulSet ? "statefulset" : "deployment";
    Object replicas = step.with().values().get("replicas");
    Optional<String> name = TargetArgs.literalName(target.podName());
    Optional<String> why = name.isPresent() ? Optional.empty() : whyNotScaled(target);
    if (why.isPresent()) {
      // A kubectl selection wider than the target's would scale (and scale back to one count)
      // objects the experiment never meant to touch: better no step than a wider one.
      log.warn(path, "k8s.deployment.scale is left out: " + why.get());
      return Optional.empty();
    }
    String objects =
        name.map(Activities::quote)
            .orElseGet(() -> "-l " + Activities.quote(target.labelSelector()));
    Map<String, Object> action;
    if (name.isPresent()) {
      if (target.labelSelector() != null) {
        log.warn(
            targetPath + ".labelSelector",
            "scale_"
                + kind
                + " takes the name only: the label selector '"
                + target.labelSelector()
                + "' is not checked");
      }
      var args = new LinkedHashMap<String, Object>();
      args.put("name", name.get());
      args.put("replicas", replicas);
      args.put("ns", ns.get());
      action =
          Activities.python(
              ACTION,
              step.id(),
              statefulSet ? STATEFULSET_ACTIONS : DEPLOYMENT_ACTIONS,
              "scale_" + kind,
              args);
    } else {
      action =
          Activities.process(
              ACTION,
              step.id(),
              "kubectl",
              "scale " + kind + " " + objects + " -n " + ns.get() + " --replicas=" + replicas);
    }
    String key = step.id().replaceAll("[^A-Za-z0-9]", "_") + "_replicas";
    String envVar = key.toUpperCase(Locale.ROOT);
    log.warn(
        path,
        "the replica count to scale back to is not known offline: the rollback scales to"
            + " ${"
            + key
            + "}, read from the environment variable "
            + envVar
            + " (chaos run refuses to start while it is unset)"
            + (name.isPresent()
                ? ""
                : "; every "
                    + kind
                    + " the label selector matches is scaled back to that one count, not to"
                    + " its own"));
    var undo =
        Activities.process(
            ACTION,
            step.id() + UNDO_SUFFIX,
            "kubectl",
            "scale " + kind + " " + objects + " -n " + ns.get() + " --replicas=${" + key + "}");
    var env = new LinkedHashMap<String, Object>();
    env.put("type", "env");
    env.put("key", envVar);
    return Optional.of(new Mapped(action, undo, Map.of(key, env)));
  }

  /**
   * Why a target without a plain name cannot be scaled as it says: kubectl scale selects by label
   * only and scales every object it selects. Empty when a label selector alone selects exactly what
   * the target does (blast radius all, nothing else to select by).
   */
  private static Optional<String> whyNotScaled(Target target) {
    if (target.podName() != null) {
      return Optional.of(
          "kubectl scale cannot select by the name regex '"
              + target.podName()
              + "', and scaling by label alone would touch more objects than the target");
    }
    if (target.labelSelector() == null) {
      return Optional.of(
          "the target has no plain name and no label selector, and kubectl scale --all would"
              + " scale every object in the namespace");
    }
    if (target.effectiveBlastRadius().mode() != BlastRadius.Mode.ALL) {
      return Optional.of(
          "kubectl scale scales every object the label selector matches; it cannot pick "
              + target.effectiveBlastRadius().mode().name().toLowerCase(Locale.ROOT)
              + " of them");
    }
    if (TargetArgs.hasUnkeptSelectors(target)) {
      return Optional.of(
          "kubectl scale selects by label only, and the target narrows the selection further");
    }
    return Optional.empty();
  }

  private static Optional<Mapped> drain(
      AttackStep step, Target target, String path, String targetPath, ExportLog log) {
    TargetArgs.unsupported(target, targetPath, log);
    var select = new LinkedHashMap<String, Object>();
    TargetArgs.literalName(target.podName()).ifPresent(n -> select.put("name", n));
    // Never drain more than the target selects: without the regex or the other selectors,
    // drain_nodes would pick from every node the label selector (or the whole cluster) matches.
    if (target.podName() != null && !select.containsKey("name")) {
      log.warn(
          path,
          "k8s.node.drain is left out: drain_nodes takes an exact node name, and without the"
              + " regex '"
              + target.podName()
              + "' it could drain nodes the target does not select");
      return Optional.empty();
    }
    if (TargetArgs.hasUnkeptSelectors(target)) {
      log.warn(
          path,
          "k8s.node.drain is left out: drain_nodes selects by name and label only, and the"
              + " target narrows the selection further");
      return Optional.empty();
    }
    if (target.labelSelector() != null) {
      select.put("label_selector", target.labelSelector());
    }
    var args = new LinkedHashMap<String, Object>(select);
    switch (target.effectiveBlastRadius().mode()) {
      case ALL -> {}
      case ONE -> args.put("count", 1L);
      case COUNT -> {
        args.put("count", (long) target.effectiveBlastRadius().value());
        log.warn(
            targetPath + ".blastRadius",
            "drain_nodes picks count nodes with random.choices, which may pick a node twice and"
                + " so drain fewer");
      }
      default -> {
        log.warn(
            path,
            "k8s.node.drain is left out: drain_nodes takes a count of nodes, not a percentage");
        return Optional.empty();
      }
    }
    if (Boolean.TRUE.equals(step.with().values().get("deleteEmptyDirData"))) {
      args.put("delete_pods_with_local_storage", true);
    }
    if (step.with().has("gracePeriod")) {
      log.warn(
          path + ".with.gracePeriod",
          "drain_nodes evicts with each pod's own grace period; gracePeriod is not kept");
    }
    if (Boolean.FALSE.equals(step.with().values().get("ignoreDaemonSets"))) {
      log.warn(
          path + ".with.ignoreDaemonSets",
          "drain_nodes always leaves DaemonSet pods in place; ignoreDaemonSets: false is not kept");
    }
    log.warn(
        path,
        "the rollback uncordons every node the selector matches, including nodes that were"
            + " cordoned before the experiment or not drained by it");
    return Optional.of(
        new Mapped(
            Activities.python(ACTION, step.id(), NODE_ACTIONS, "drain_nodes", args),
            Activities.python(
                ACTION, step.id() + UNDO_SUFFIX, NODE_ACTIONS, "uncordon_node", select),
            Map.of()));
  }
}
