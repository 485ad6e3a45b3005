package dev.faultline.designer.canvas;

import java.util.Optional;

/**
 * Keyboard navigation between cards: the nearest card in an arrow key's direction. Cards straight
 * ahead win over closer ones far off to the side, as in a spreadsheet or a file manager's icon
 * view.
 */
public final class Neighbours {

  /** How much sideways distance counts against a candidate, relative to distance ahead. */
  private static final double SIDEWAYS_PENALTY = 2;

  private Neighbours() {}

  public static Optional<StepCard> next(CanvasGraph graph, StepCard from, Direction direction) {
    double fx = from.bounds().centerX();
    double fy = from.bounds().centerY();
    StepCard best = null;
    double bestScore = Double.MAX_VALUE;
    for (StepCard card : graph.cards()) {
      if (card == from) {
        continue;
      }
      double dx = card.bounds().centerX() - fx;
      double dy = card.bounds().centerY() - fy;
      double ahead = dx * direction.dx() + dy * direction.dy();
      double sideways = Math.abs(dx * direction.dy()) + Math.abs(dy * direction.dx());
      // Strictly ahead, and within a 60° cone each side so "right" never jumps far down.
      if (ahead <= 0 || sideways > ahead * 1.8) {
        continue;
      }
      double score = ahead + SIDEWAYS_PENALTY * sideways;
      if (score < bestScore) {
        bestScore = score;
        best = card;
      }
    }
    return Optional.ofNullable(best);
  }
}
