package dev.faultline.catalog;

import dev.faultline.model.TargetKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one attack or probe type is: its id as written in files ({@code k8s.pod.delete}), how the UI
 * names and draws it, its parameters, and which targets it accepts.
 *
 * @param category palette group ("Kubernetes", "Network", "HTTP"...)
 * @param iconId key into the icon set
 * @param targetUse whether steps of this type name a target
 * @param targetKinds the kinds of target accepted when a target is used
 */
public record Descriptor(
    Role role,
    String id,
    String title,
    String description,
    String category,
    String iconId,
    TargetUse targetUse,
    Set<TargetKind> targetKinds,
    List<Param> params) {

  public Descriptor {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(id, "id");
    targetKinds = Set.copyOf(targetKinds);
    params = List.copyOf(params);
  }

  public Optional<Param> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public List<String> paramNames() {
    return params.stream().map(Param::name).toList();
  }

  /** Whether the descriptor is an attack (fault) or a probe (check). */
  public enum Role {
    ATTACK,
    PROBE
  }
}
