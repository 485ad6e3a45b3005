package dev.faultline.designer.document;

import dev.faultline.model.Experiment;
import dev.faultline.model.Step;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which steps are selected, shared by canvas, inspector, problems view and menus. The value is an
 * immutable set in selection order, replaced as a whole, so listeners see one change per gesture.
 * The last selected step is the primary one: the inspector shows it and arrow keys start there.
 *
 * <p>Follows the document: steps that disappear (delete, undo) drop out of the selection.
 */
public final class StepSelection {

  private final ReadOnlyObjectWrapper<Set<String>> ids =
      new ReadOnlyObjectWrapper<>(this, "ids", Set.of());

  public StepSelection(ExperimentDocument document) {
    document.experimentProperty().addListener((obs, old, now) -> prune(now));
  }

  /** The selected step ids, in the order they were selected. */
  public Set<String> ids() {
    return ids.get();
  }

  public ReadOnlyObjectProperty<Set<String>> idsProperty() {
    return ids.getReadOnlyProperty();
  }

  /** The step selected last, which the inspector shows. */
  public Optional<String> primary() {
    String last = null;
    for (String id : ids.get()) {
      last = id;
    }
    return Optional.ofNullable(last);
  }

  public boolean isSelected(String id) {
    return ids.get().contains(id);
  }

  /** Selects exactly {@code id}. */
  public void select(String id) {
    set(Set.of(id));
  }

  /** Selects exactly {@code selected}, keeping their order. */
  public void set(Collection<String> selected) {
    Set<String> copy = new LinkedHashSet<>(selected);
    if (!copy.equals(ids.get()) || !orderEquals(copy)) {
      ids.set(java.util.Collections.unmodifiableSet(copy));
    }
  }

  /** Adds {@code id} when it is not selected and removes it when it is (Ctrl/Cmd+click). */
  public void toggle(String id) {
    Set<String> copy = new LinkedHashSet<>(ids.get());
    if (!copy.remove(id)) {
      copy.add(id);
    }
    set(copy);
  }

  /** Adds {@code more} to the selection (Shift+rubber band). */
  public void add(Collection<String> more) {
    Set<String> copy = new LinkedHashSet<>(ids.get());
    copy.addAll(more);
    set(copy);
  }

  public void clear() {
    set(Set.of());
  }

  private boolean orderEquals(Set<String> other) {
    return java.util.List.copyOf(other).equals(java.util.List.copyOf(ids.get()));
  }

  private void prune(Experiment experiment) {
    if (ids.get().isEmpty()) {
      return;
    }
    Set<String> existing = new java.util.HashSet<>();
    for (Step step : experiment.spec().steps()) {
      existing.add(step.id());
    }
    Set<String> kept = new LinkedHashSet<>(ids.get());
    if (kept.retainAll(existing)) {
      ids.set(java.util.Collections.unmodifiableSet(kept));
    }
  }
}
