package dev.faultline.validate;

import dev.faultline.model.AttackStep;
import dev.faultline.model.ContinuousProbe;
import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import dev.faultline.model.StopWhen;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An attack's {@code stopWhen}: it names a continuous probe of {@code spec.probes}, counts at least
 * one failure, comes with a {@code duration} (without one the attack lasts until the run ends and
 * there is nothing to end early), and its probe runs while the attack lasts: a probe that only
 * starts after the attack, or stops before it, can never stop it (error); one whose span merely
 * might not cover the attack, because it starts or stops with a step of a parallel branch, gets a
 * warning. A probe whose {@code haltAfter} is not above {@code failures} halts the whole run first
 * (warning).
 */
final class StopWhenRule implements Rule {
  @Override
  public void check(Experiment experiment, ProblemSink sink) {
    List<Step> steps = experiment.spec().steps();
    Map<String, ContinuousProbe> probes = new HashMap<>();
    experiment.spec().probes().forEach(p -> probes.putIfAbsent(p.id(), p));
    Map<String, Step> byId = new HashMap<>();
    steps.forEach(s -> byId.putIfAbsent(s.id(), s));
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof AttackStep attack && attack.stopWhen() != null) {
        check(attack, StepPaths.step(i, "stopWhen"), probes, byId, sink);
      }
    }
  }

  private static void check(
      AttackStep attack,
      String path,
      Map<String, ContinuousProbe> probes,
      Map<String, Step> steps,
      ProblemSink sink) {
    StopWhen stop = attack.stopWhen();
    if (stop.failures() != null && stop.failures() < 1) {
      sink.error(
          Paths.child(path, "failures"),
          "stopWhen.failures must be 1 or more failures in a row; leave it out for 1");
    }
    if (attack.duration() == null) {
      sink.error(
          path,
          "stopWhen ends the attack early, so step '"
              + attack.id()
              + "' needs a 'duration' (how long the attack lasts while the probe passes), such as"
              + " 'duration: 2m'");
    }
    if (stop.probe() == null || stop.probe().isEmpty()) {
      return; // the reader reported the missing probe
    }
    String probePath = Paths.child(path, "probe");
    ContinuousProbe probe = probes.get(stop.probe());
    if (probe == null) {
      boolean isStep = steps.containsKey(stop.probe());
      sink.error(
          probePath,
          isStep
              ? "stopWhen names '"
                  + stop.probe()
                  + "', which is a step; it needs a continuous probe from spec.probes, which runs"
                  + " alongside the attack"
              : "stopWhen names probe '"
                  + stop.probe()
                  + "', which is not a continuous probe in spec.probes"
                  + (probes.isEmpty()
                      ? " (there are none; add one under spec.probes)"
                      : Suggestions.didYouMean(stop.probe(), probes.keySet())));
      return;
    }
    checkSpan(attack, probe, probePath, steps, sink);
    int failures = stop.effectiveFailures();
    if (probe.haltAfter() != null && failures >= 1 && probe.haltAfter() <= failures) {
      sink.warning(
          stop.failures() == null ? path : Paths.child(path, "failures"),
          "probe '"
              + probe.id()
              + "' halts the whole run after "
              + probe.haltAfter()
              + " failure"
              + (probe.haltAfter() == 1 ? "" : "s")
              + " in a row (haltAfter), so stopWhen after "
              + failures
              + " never stops just this attack; stopWhen.failures must be below haltAfter");
    }
  }

  /** The probe must be running from the attack's start to its end. */
  private static void checkSpan(
      AttackStep attack,
      ContinuousProbe probe,
      String path,
      Map<String, Step> steps,
      ProblemSink sink) {
    String from = probe.from();
    if (from != null && steps.containsKey(from) && !from.equals(attack.id())) {
      if (before(steps, from, attack.id())) {
        // started with an earlier step: running when the attack starts
      } else if (before(steps, attack.id(), from)) {
        sink.error(
            path,
            "probe '"
                + probe.id()
                + "' starts with step '"
                + from
                + "', which runs after '"
                + attack.id()
                + "', so it never watches this attack");
      } else {
        sink.warning(
            path,
            "probe '"
                + probe.id()
                + "' starts with step '"
                + from
                + "', which may start after '"
                + attack.id()
                + "'; its failures count only once it runs");
      }
    }
    String to = probe.to();
    if (to != null && steps.containsKey(to) && !to.equals(attack.id())) {
      if (before(steps, attack.id(), to)) {
        // stops with a later step: still running when the attack ends
      } else if (before(steps, to, attack.id())) {
        sink.error(
            path,
            "probe '"
                + probe.id()
                + "' stops when step '"
                + to
                + "' ends, before '"
                + attack.id()
                + "' starts, so it never watches this attack");
      } else {
        sink.warning(
            path,
            "probe '"
                + probe.id()
                + "' stops when step '"
                + to
                + "' ends, which may be before '"
                + attack.id()
                + "' ends; from then on nothing stops the attack early");
      }
    }
  }

  /** Whether step {@code earlier} must finish before {@code later} starts (through 'after'). */
  private static boolean before(Map<String, Step> steps, String earlier, String later) {
    Set<String> seen = new HashSet<>();
    var open = new ArrayDeque<String>();
    open.add(later);
    while (!open.isEmpty()) {
      Step step = steps.get(open.poll());
      if (step == null) {
        continue;
      }
      for (String previous : step.after()) {
        if (previous.equals(earlier)) {
          return true;
        }
        if (seen.add(previous)) {
          open.add(previous);
        }
      }
    }
    return false;
  }
}
