package dev.faultline.layout;

import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import java.util.Map;

/**
 * Computes canvas positions for every step of an experiment. The one seam for layout algorithms:
 * the designer depends on this interface only, so an implementation can be swapped without touching
 * the canvas or the document.
 *
 * <p>Implementations are pure functions of their input, safe to call on any thread, and must
 * terminate on any graph, including ones with cycles or dangling {@code after} ids that the
 * validator would refuse.
 */
public interface AutoLayout {

  /**
   * Positions for the steps of {@code experiment}.
   *
   * @param size the size of one step node in canvas units
   * @return the top-left corner of each step's node by step id, in the order of the steps
   */
  Map<String, Position> layout(Experiment experiment, NodeSize size);
}
