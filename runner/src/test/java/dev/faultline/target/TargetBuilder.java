package dev.faultline.target;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.Extras;
import dev.faultline.model.OwnerKind;
import dev.faultline.model.OwnerSelector;
import dev.faultline.model.PodPhase;
import dev.faultline.model.Target;
import dev.faultline.model.TargetKind;
import java.util.List;

/** Targets for tests, one field at a time. */
final class TargetBuilder {
  private TargetKind kind;
  private List<String> namespaces = List.of();
  private String namespacePattern;
  private String labelSelector;
  private String annotationSelector;
  private String fieldSelector;
  private List<PodPhase> phases = List.of();
  private String nodeSelector;
  private OwnerSelector owner;
  private String podName;
  private List<String> containers = List.of();
  private BlastRadius blastRadius;

  static TargetBuilder target(String... namespaces) {
    var builder = new TargetBuilder();
    builder.namespaces = List.of(namespaces);
    return builder;
  }

  TargetBuilder kind(TargetKind kind) {
    this.kind = kind;
    return this;
  }

  TargetBuilder namespacePattern(String regex) {
    this.namespacePattern = regex;
    return this;
  }

  TargetBuilder labels(String selector) {
    this.labelSelector = selector;
    return this;
  }

  TargetBuilder annotations(String selector) {
    this.annotationSelector = selector;
    return this;
  }

  TargetBuilder fields(String selector) {
    this.fieldSelector = selector;
    return this;
  }

  TargetBuilder phases(PodPhase... phases) {
    this.phases = List.of(phases);
    return this;
  }

  TargetBuilder nodes(String selector) {
    this.nodeSelector = selector;
    return this;
  }

  TargetBuilder owner(OwnerKind kind, String name) {
    this.owner = OwnerSelector.of(kind, name);
    return this;
  }

  TargetBuilder podName(String regex) {
    this.podName = regex;
    return this;
  }

  TargetBuilder containers(String... regexes) {
    this.containers = List.of(regexes);
    return this;
  }

  TargetBuilder radius(BlastRadius.Mode mode, Integer value) {
    this.blastRadius = BlastRadius.of(mode, value);
    return this;
  }

  TargetBuilder radius(BlastRadius radius) {
    this.blastRadius = radius;
    return this;
  }

  Target build() {
    return new Target(
        kind,
        namespaces,
        namespacePattern,
        labelSelector,
        annotationSelector,
        fieldSelector,
        phases,
        nodeSelector,
        owner,
        podName,
        containers,
        blastRadius,
        Extras.NONE);
  }
}
