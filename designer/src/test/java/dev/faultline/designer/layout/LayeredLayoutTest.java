package dev.faultline.designer.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.layout.AutoLayout;
import dev.faultline.layout.LayeredLayout;
import dev.faultline.layout.NodeSize;
import dev.faultline.model.Experiment;
import dev.faultline.model.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LayeredLayoutTest {

  private static final NodeSize SIZE = NodeSize.STANDARD;
  private final AutoLayout layout = new LayeredLayout();

  @Test
  void aChainRunsLeftToRightOnOneLine() {
    Map<String, Position> at = layout.layout(Graphs.of("a", "b<-a", "c<-b", "d<-c"), SIZE);

    assertThat(at.keySet()).containsExactly("a", "b", "c", "d");
    assertThat(at.get("a")).isEqualTo(new Position(40, 40));
    assertThat(List.of(at.get("b").x(), at.get("c").x(), at.get("d").x()))
        .containsExactly(340.0, 640.0, 940.0);
    assertThat(at.values()).extracting(Position::y).containsOnly(40.0);
  }

  @Test
  void parallelBranchesShareAColumnOnSeparateRowsAndTheJoinSitsRightOfBothBetweenThem() {
    Map<String, Position> at =
        layout.layout(Graphs.of("start", "left<-start", "right<-start", "join<-left,right"), SIZE);

    Position left = at.get("left");
    Position right = at.get("right");
    Position join = at.get("join");
    assertThat(left.x()).isEqualTo(right.x()).isGreaterThan(at.get("start").x());
    assertThat(Math.abs(left.y() - right.y())).isGreaterThanOrEqualTo(SIZE.height() + 40);
    assertThat(join.x()).isGreaterThan(left.x() + SIZE.width());
    assertThat(join.y()).isEqualTo((left.y() + right.y()) / 2);
    assertThat(at.get("start").y()).isEqualTo(join.y());
    assertNoOverlap(at);
  }

  @Test
  void aLongerBranchDoesNotPullTheJoinBackwards() {
    Map<String, Position> at =
        layout.layout(Graphs.of("a", "b<-a", "c<-b", "short<-a", "join<-c,short"), SIZE);

    assertThat(at.get("join").x()).isGreaterThan(at.get("c").x());
    assertThat(at.get("short").x()).isEqualTo(at.get("b").x());
    assertNoOverlap(at);
  }

  @Test
  void separateGraphsAreStackedWithoutOverlapInFileOrder() {
    Map<String, Position> at =
        layout.layout(Graphs.of("a", "b<-a", "x", "y<-x", "z<-x", "lonely"), SIZE);

    assertNoOverlap(at);
    double firstBottom = Math.max(at.get("a").y(), at.get("b").y()) + SIZE.height();
    double secondTop = Math.min(at.get("x").y(), Math.min(at.get("y").y(), at.get("z").y()));
    double secondBottom = Math.max(at.get("y").y(), at.get("z").y()) + SIZE.height();
    assertThat(secondTop).isGreaterThanOrEqualTo(firstBottom + 40);
    assertThat(at.get("lonely").y()).isGreaterThanOrEqualTo(secondBottom + 40);
    assertThat(at.get("x").x()).isEqualTo(40);
    assertThat(at.get("lonely").x()).isEqualTo(40);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void aCycleIsLaidOutInsteadOfLoopingForever() {
    Map<String, Position> at = layout.layout(Graphs.of("a<-c", "b<-a", "c<-b", "d<-d"), SIZE);

    assertThat(at.keySet()).containsExactly("a", "b", "c", "d");
    assertThat(at.get("a").x()).isLessThan(at.get("b").x());
    assertThat(at.get("b").x()).isLessThan(at.get("c").x());
    assertNoOverlap(at);
  }

  @Test
  void unknownAfterIdsAndRepeatedIdsAreIgnored() {
    Map<String, Position> at = layout.layout(Graphs.of("a<-ghost", "b<-a,a", "a"), SIZE);

    assertThat(at).containsOnlyKeys("a", "b");
    assertThat(at.get("a")).isEqualTo(new Position(40, 40));
    assertThat(at.get("b")).isEqualTo(new Position(340, 40));
  }

  @Test
  void noStepsNoPositions() {
    assertThat(layout.layout(Graphs.of(), SIZE)).isEmpty();
  }

  @Test
  void theSameGraphGivesTheSameLayout() {
    Experiment graph = Graphs.randomDag(300, 450, 12, 7);

    assertThat(layout.layout(graph, SIZE)).isEqualTo(new LayeredLayout().layout(graph, SIZE));
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void twoThousandStepsWithThreeThousandEdgesGetGridPositionsThatDoNotOverlap() {
    Experiment graph = Graphs.randomDag(2_000, 3_000, 30, 42);

    Map<String, Position> at = layout.layout(graph, SIZE);

    assertThat(at).hasSize(2_000);
    assertThat(at.values())
        .allSatisfy(
            p -> {
              assertThat(p.x() % LayeredLayout.GRID).isZero();
              assertThat(p.y() % LayeredLayout.GRID).isZero();
              assertThat(p.x()).isGreaterThanOrEqualTo(40);
              assertThat(p.y()).isGreaterThanOrEqualTo(40);
            });
    assertNoOverlap(at);
    for (var step : graph.spec().steps()) {
      for (String before : step.after()) {
        assertThat(at.get(step.id()).x()).isGreaterThan(at.get(before).x());
      }
    }
  }

  @Test
  void largerNodesGetMoreRoom() {
    NodeSize wide = new NodeSize(400, 200);
    Map<String, Position> at = layout.layout(Graphs.of("a", "b<-a", "c<-a"), wide);

    assertThat(at.get("b").x() - at.get("a").x()).isGreaterThanOrEqualTo(480);
    assertNoOverlap(at, wide);
  }

  private static void assertNoOverlap(Map<String, Position> at) {
    assertNoOverlap(at, SIZE);
  }

  /** Every two nodes are apart by at least the node size, sweeping left to right. */
  private static void assertNoOverlap(Map<String, Position> at, NodeSize size) {
    List<Map.Entry<String, Position>> nodes = new ArrayList<>(at.entrySet());
    nodes.sort(Comparator.comparingDouble(e -> e.getValue().x()));
    for (int i = 0; i < nodes.size(); i++) {
      Position a = nodes.get(i).getValue();
      for (int j = i + 1; j < nodes.size(); j++) {
        Position b = nodes.get(j).getValue();
        if (b.x() >= a.x() + size.width()) {
          break;
        }
        assertThat(Math.abs(a.y() - b.y()))
            .as("%s and %s overlap", nodes.get(i).getKey(), nodes.get(j).getKey())
            .isGreaterThanOrEqualTo(size.height());
      }
    }
  }
}
