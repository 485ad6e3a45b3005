package dev.faultline.catalog;

import dev.faultline.catalog.Descriptor.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All known attack and probe descriptors, by id. Immutable; build one with {@link #builtIn()}. */
public final class Catalog {
  private final Map<String, Descriptor> byId = new LinkedHashMap<>();

  public Catalog(Collection<Descriptor> descriptors) {
    for (Descriptor d : descriptors) {
      if (byId.putIfAbsent(d.id(), d) != null) {
        throw new IllegalArgumentException("two descriptors with id " + d.id());
      }
    }
  }

  private static final Catalog BUILT_IN = create();

  private static Catalog create() {
    var all = new ArrayList<Descriptor>(BuiltInAttacks.all());
    all.addAll(BuiltInProbes.all());
    return new Catalog(all);
  }

  /** The attacks and probes that ship with Faultline. */
  public static Catalog builtIn() {
    return BUILT_IN;
  }

  public Optional<Descriptor> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<Descriptor> find(Role role, String id) {
    return find(id).filter(d -> d.role() == role);
  }

  public List<Descriptor> all() {
    return List.copyOf(byId.values());
  }

  public List<Descriptor> attacks() {
    return byRole(Role.ATTACK);
  }

  public List<Descriptor> probes() {
    return byRole(Role.PROBE);
  }

  public List<String> ids(Role role) {
    return byRole(role).stream().map(Descriptor::id).toList();
  }

  private List<Descriptor> byRole(Role role) {
    return byId.values().stream().filter(d -> d.role() == role).toList();
  }
}
