package dev.faultline.model;

import java.util.List;
import java.util.Objects;

/**
 * Injects a fault.
 *
 * @param attack descriptor id, e.g. {@code k8s.pod.delete}
 * @param target name of an entry in {@code spec.targets}; {@code null} for attacks that need none
 * @param with parameters defined by the attack's descriptor
 * @param duration how long the fault stays before it is rolled back; {@code null}: until the run
 *     ends (instant attacks such as pod delete ignore it)
 */
public record AttackStep(
    String id,
    List<String> after,
    String attack,
    String target,
    Params with,
    TimeSpan duration,
    Extras extras)
    implements Step {

  public AttackStep {
    Objects.requireNonNull(id, "id");
    after = PlainData.strings(after);
    with = with == null ? Params.NONE : with;
    extras = extras == null ? Extras.NONE : extras;
  }

  @Override
  public String kindWord() {
    return "attack";
  }

  @Override
  public AttackStep withAfter(List<String> after) {
    return new AttackStep(id, after, attack, target, with, duration, extras);
  }
}
