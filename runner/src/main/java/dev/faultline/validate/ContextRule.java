package dev.faultline.validate;

import dev.faultline.model.ClusterContexts;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.ProbeStep;
import dev.faultline.model.Spec;
import dev.faultline.model.Step;
import java.util.List;

/**
 * The {@code context} fields of a multi-cluster experiment: a probe that names both a context and a
 * target must name its target's context (it reads the target's objects, which live in one cluster
 * only). Whether a context exists is the kubeconfig's business: the CLI and the app check it before
 * a run, the file does not.
 */
final class ContextRule implements Rule {
  @Override
  public void check(Experiment experiment, ProblemSink sink) {
    Spec spec = experiment.spec();
    List<Step> steps = spec.steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof ProbeStep p) {
        check(spec, p.id(), p.context(), p.target(), StepPaths.step(i, "context"), sink);
      }
    }
    List<ContinuousProbe> probes = spec.probes();
    for (int i = 0; i < probes.size(); i++) {
      ContinuousProbe p = probes.get(i);
      check(spec, p.id(), p.context(), p.target(), StepPaths.probe(i, "context"), sink);
    }
  }

  private static void check(
      Spec spec, String id, String context, String target, String path, ProblemSink sink) {
    if (context == null || target == null || !spec.targets().containsKey(target)) {
      return;
    }
    String targetContext = ClusterContexts.ofTarget(spec, target);
    if (!context.equals(ClusterContexts.resolve(targetContext, spec.context()))) {
      sink.error(
          path,
          "probe '"
              + id
              + "' reads context '"
              + context
              + "' but its target '"
              + target
              + "' lives in "
              + (targetContext != null
                  ? "context '" + targetContext + "'"
                  : spec.context() == null
                      ? "the run's context"
                      : "the run's context '" + spec.context() + "'")
              + "; leave 'context' out (the probe follows its target) or give the target the same"
              + " context");
    }
  }
}
