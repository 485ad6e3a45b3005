package dev.faultline.model.edit;

import dev.faultline.model.Experiment;

/**
 * One change to an experiment, as a pure function with a name for the undo menu.
 *
 * <p>Edits never mutate: {@link #apply} returns a new experiment or throws {@link EditRefused} when
 * the edit does not fit the experiment it is applied to (a cycle, a missing step, a taken id).
 * Callers show the refusal's message to the user.
 */
public interface Edit {

  /**
   * The experiment after this edit.
   *
   * @throws EditRefused when the edit cannot apply to {@code experiment}; it is then unchanged
   */
  Experiment apply(Experiment experiment);

  /** What the edit does, for "Undo …" and "Redo …": {@code Move 3 Steps}, {@code Edit url}. */
  String description();

  /**
   * Successive edits with the same non-null key merge into one undo step, so typing a value is one
   * undo, not one per key stroke. {@code null}: never merges.
   */
  default String mergeKey() {
    return null;
  }
}
