package dev.faultline.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the experiment does.
 *
 * @param safety limits for the whole run; {@code null} means {@link Safety#DEFAULT}
 * @param context the kubeconfig context to run against; {@code null}: the one the user picks (the
 *     current context). Only a name: the CLI and the app resolve it against the kubeconfig
 * @param targets named selections, in file order
 * @param steps the graph: steps plus their {@code after} edges
 * @param probes probes that run for the whole run (charts, halt conditions)
 * @param loop repeat the experiment; {@code null}: run once
 * @param schedule run at cron times; {@code null}: run when started
 * @param notifications webhooks and log files told about the run's start, gates, halts and finish
 */
public record Spec(
    Safety safety,
    String context,
    Map<String, Target> targets,
    List<Step> steps,
    List<ContinuousProbe> probes,
    Extras extras,
    Loop loop,
    Schedule schedule,
    List<Notification> notifications) {

  public Spec {
    targets =
        targets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    steps = steps == null ? List.of() : List.copyOf(steps);
    probes = probes == null ? List.of() : List.copyOf(probes);
    extras = extras == null ? Extras.NONE : extras;
    notifications = notifications == null ? List.of() : List.copyOf(notifications);
  }

  /** A spec with none of loop, schedule and notifications (the shape of the first format). */
  public Spec(
      Safety safety,
      String context,
      Map<String, Target> targets,
      List<Step> steps,
      List<ContinuousProbe> probes,
      Extras extras) {
    this(safety, context, targets, steps, probes, extras, null, null, null);
  }

  /** A spec without notifications. */
  public Spec(
      Safety safety,
      String context,
      Map<String, Target> targets,
      List<Step> steps,
      List<ContinuousProbe> probes,
      Extras extras,
      Loop loop,
      Schedule schedule) {
    this(safety, context, targets, steps, probes, extras, loop, schedule, null);
  }

  /** A spec without loop and schedule. */
  public Spec(
      Safety safety,
      String context,
      Map<String, Target> targets,
      List<Step> steps,
      List<ContinuousProbe> probes,
      Extras extras,
      List<Notification> notifications) {
    this(safety, context, targets, steps, probes, extras, null, null, notifications);
  }

  /** A copy with other targets, everything else kept. */
  public Spec withTargets(Map<String, Target> value) {
    return new Spec(safety, context, value, steps, probes, extras, loop, schedule, notifications);
  }

  /** A copy with other steps, everything else kept. */
  public Spec withSteps(List<Step> value) {
    return new Spec(safety, context, targets, value, probes, extras, loop, schedule, notifications);
  }

  /** A copy with other notifications. */
  public Spec withNotifications(List<Notification> value) {
    return new Spec(safety, context, targets, steps, probes, extras, loop, schedule, value);
  }

  public Spec withLoop(Loop newLoop) {
    return new Spec(
        safety, context, targets, steps, probes, extras, newLoop, schedule, notifications);
  }

  public Spec withSchedule(Schedule newSchedule) {
    return new Spec(
        safety, context, targets, steps, probes, extras, loop, newSchedule, notifications);
  }

  public Safety effectiveSafety() {
    return safety == null ? Safety.DEFAULT : safety;
  }

  public Optional<Step> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
