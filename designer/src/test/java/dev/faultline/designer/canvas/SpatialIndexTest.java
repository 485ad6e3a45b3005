package dev.faultline.designer.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpatialIndexTest {

  private final SpatialIndex index = new SpatialIndex();

  @Test
  void findsWhatIntersectsAnAreaAcrossBuckets() {
    index.put("a", new Rect(0, 0, 200, 80));
    index.put("far", new Rect(5000, 5000, 200, 80));
    index.put("across", new Rect(250, 250, 200, 80)); // spans four buckets
    index.put("negative", new Rect(-600, -300, 200, 80));

    assertThat(index.query(new Rect(0, 0, 600, 600))).containsExactlyInAnyOrder("a", "across");
    assertThat(index.query(new Rect(-1000, -1000, 900, 900))).containsExactly("negative");
    assertThat(index.at(300, 300)).containsExactly("across");
    assertThat(index.at(230, 300)).isEmpty();
  }

  @Test
  void movingAndRemovingUpdateTheBuckets() {
    index.put("a", new Rect(0, 0, 200, 80));
    index.put("a", new Rect(1000, 1000, 200, 80));

    assertThat(index.at(10, 10)).isEmpty();
    assertThat(index.at(1010, 1010)).containsExactly("a");
    assertThat(index.size()).isEqualTo(1);

    index.remove("a");
    assertThat(index.query(new Rect(-5000, -5000, 10000, 10000))).isEmpty();
  }
}
