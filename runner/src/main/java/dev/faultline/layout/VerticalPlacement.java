package dev.faultline.layout;

/**
 * Gives the nodes of one component their vertical positions, keeping the order within each layer
 * and at least {@code separation} between neighbours in a layer.
 *
 * <p>Alternating passes pull each node towards the mean of its predecessors (downwards) or
 * successors (upwards), so a chain lines up straight and a join sits between the branches it joins.
 * Within a layer the nodes take the positions closest to where they are pulled that keep their
 * order and spacing: an isotonic regression (pool adjacent violators), exact and linear in the
 * layer's size.
 */
final class VerticalPlacement {

  private static final int PASSES = 8;

  private VerticalPlacement() {}

  /**
   * Sets {@code y} of every node in {@code rows}, relative to the component: the top node is at 0,
   * every position is a multiple of {@code grid}.
   *
   * @param separation the least distance between the tops of two nodes in one layer; a multiple of
   *     {@code grid}
   */
  static void place(LayoutGraph graph, int[][] rows, double[] y, double separation, double grid) {
    for (int[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        y[row[i]] = i * separation;
      }
    }
    for (int pass = 0; pass < PASSES; pass++) {
      for (int l = 1; l < rows.length; l++) {
        align(rows[l], graph, y, separation, true);
      }
      for (int l = rows.length - 2; l >= 0; l--) {
        align(rows[l], graph, y, separation, false);
      }
    }
    snap(rows, y, separation, grid);
  }

  private static void align(
      int[] row, LayoutGraph graph, double[] y, double separation, boolean towardsPredecessors) {
    int k = row.length;
    double[] wanted = new double[k];
    double[] weight = new double[k];
    for (int i = 0; i < k; i++) {
      int node = row[i];
      int[] neighbours = towardsPredecessors ? graph.predecessors(node) : graph.successors(node);
      if (neighbours.length == 0) {
        wanted[i] = y[node];
        weight[i] = 1;
        continue;
      }
      double sum = 0;
      for (int other : neighbours) {
        sum += y[other];
      }
      wanted[i] = sum / neighbours.length;
      // A node held by many edges moves less when it has to make room.
      weight[i] = neighbours.length;
    }
    double[] fitted = orderedFit(wanted, weight, separation);
    for (int i = 0; i < k; i++) {
      y[row[i]] = fitted[i];
    }
  }

  /**
   * The positions closest to {@code wanted} (weighted least squares) with {@code p[i+1] - p[i] >=
   * separation}. Shifting by {@code i * separation} turns the spacing into plain monotonicity,
   * which pool-adjacent-violators solves exactly.
   */
  static double[] orderedFit(double[] wanted, double[] weight, double separation) {
    int k = wanted.length;
    double[] blockSum = new double[k];
    double[] blockWeight = new double[k];
    int[] blockLength = new int[k];
    int blocks = 0;
    for (int i = 0; i < k; i++) {
      blockSum[blocks] = weight[i] * (wanted[i] - i * separation);
      blockWeight[blocks] = weight[i];
      blockLength[blocks] = 1;
      blocks++;
      while (blocks > 1
          && blockSum[blocks - 2] / blockWeight[blocks - 2]
              > blockSum[blocks - 1] / blockWeight[blocks - 1]) {
        blockSum[blocks - 2] += blockSum[blocks - 1];
        blockWeight[blocks - 2] += blockWeight[blocks - 1];
        blockLength[blocks - 2] += blockLength[blocks - 1];
        blocks--;
      }
    }
    double[] fitted = new double[k];
    int i = 0;
    for (int b = 0; b < blocks; b++) {
      double level = blockSum[b] / blockWeight[b];
      for (int j = 0; j < blockLength[b]; j++, i++) {
        fitted[i] = level + i * separation;
      }
    }
    return fitted;
  }

  /** Rounds to the grid, restores the spacing rounding may have eaten, and moves the top to 0. */
  private static void snap(int[][] rows, double[] y, double separation, double grid) {
    double top = Double.POSITIVE_INFINITY;
    for (int[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        double snapped = Math.round(y[row[i]] / grid) * grid;
        if (i > 0) {
          snapped = Math.max(snapped, y[row[i - 1]] + separation);
        }
        y[row[i]] = snapped;
        top = Math.min(top, snapped);
      }
    }
    for (int[] row : rows) {
      for (int node : row) {
        y[node] -= top;
      }
    }
  }
}
