package dev.faultline.target;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.Extras;
import dev.faultline.model.OwnerKind;
import dev.faultline.model.OwnerSelector;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import java.util.List;

/**
 * Targets for tests, one field at a time, in the words the tests use; over {@link Target.Builder}.
 */
final class TargetBuilder {
  private final Target.Builder target;

  private TargetBuilder(Target.Builder target) {
    this.target = target;
  }

  static TargetBuilder target(String... namespaces) {
    Target empty =
        new Target(
            null,
            List.of(namespaces),
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            List.of(),
            null,
            Extras.NONE);
    return new TargetBuilder(empty.toBuilder());
  }

  TargetBuilder kind(TargetKind kind) {
    target.kind(kind);
    return this;
  }

  TargetBuilder namespacePattern(String regex) {
    target.namespacePattern(regex);
    return this;
  }

  TargetBuilder labels(String selector) {
    target.labelSelector(selector);
    return this;
  }

  TargetBuilder annotations(String selector) {
    target.annotationSelector(selector);
    return this;
  }

  TargetBuilder fields(String selector) {
    target.fieldSelector(selector);
    return this;
  }

  TargetBuilder phases(PodPhase... phases) {
    target.phases(List.of(phases));
    return this;
  }

  TargetBuilder nodes(String selector) {
    target.nodeSelector(selector);
    return this;
  }

  TargetBuilder owner(OwnerKind kind, String name) {
    target.owner(OwnerSelector.of(kind, name));
    return this;
  }

  TargetBuilder podName(String regex) {
    target.podName(regex);
    return this;
  }

  TargetBuilder containers(String... regexes) {
    target.containers(List.of(regexes));
    return this;
  }

  TargetBuilder radius(BlastRadius.Mode mode, Integer value) {
    target.blastRadius(BlastRadius.of(mode, value));
    return this;
  }

  TargetBuilder radius(BlastRadius radius) {
    target.blastRadius(radius);
    return this;
  }

  Target build() {
    return target.build();
  }
}
