package dev.faultline.designer.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewportTest {

  private final Viewport viewport = new Viewport(2, 100, 50, 800, 600);

  @Test
  void screenAndCanvasCoordinatesAreInverse() {
    assertThat(viewport.toScreenX(10)).isEqualTo(120);
    assertThat(viewport.toScreenY(10)).isEqualTo(70);
    assertThat(viewport.toCanvasX(120)).isEqualTo(10);
    assertThat(viewport.toCanvasY(70)).isEqualTo(10);
    assertThat(viewport.visible()).isEqualTo(new Rect(-50, -25, 400, 300));
  }

  @Test
  void zoomingAtAPointKeepsThatPointUnderTheCursor() {
    double canvasX = viewport.toCanvasX(300);
    double canvasY = viewport.toCanvasY(200);

    Viewport zoomed = viewport.zoomedAt(0.5, 300, 200);

    assertThat(zoomed.zoom()).isEqualTo(0.5);
    assertThat(zoomed.toScreenX(canvasX)).isCloseTo(300, within(1e-9));
    assertThat(zoomed.toScreenY(canvasY)).isCloseTo(200, within(1e-9));
  }

  @Test
  void zoomStaysWithinItsRange() {
    assertThat(viewport.zoomedAt(100, 0, 0).zoom()).isEqualTo(Viewport.MAX_ZOOM);
    assertThat(viewport.zoomedAt(0.0001, 0, 0).zoom()).isEqualTo(Viewport.MIN_ZOOM);
  }

  @Test
  void fittingShowsEverythingAndNeverZoomsBeyondOneHundredPercent() {
    Rect big = new Rect(0, 0, 4000, 1000);
    Viewport fit = viewport.fitting(big, 40);
    assertThat(fit.visible().containsRect(big)).isTrue();
    assertThat(fit.zoom()).isCloseTo(720.0 / 4000, within(1e-9));

    Rect small = new Rect(500, 500, 200, 100);
    Viewport natural = viewport.fitting(small, 40);
    assertThat(natural.zoom()).isEqualTo(1);
    assertThat(natural.visible().centerX()).isCloseTo(600, within(1e-9));
  }

  @Test
  void revealingPansJustEnoughToShowATarget() {
    Viewport plain = new Viewport(1, 0, 0, 800, 600);
    assertThat(plain.revealing(new Rect(100, 100, 50, 50), 20)).isSameAs(plain);

    Viewport panned = plain.revealing(new Rect(900, 100, 100, 50), 20);
    assertThat(panned.toScreenX(1000)).isEqualTo(780);
    assertThat(panned.offsetY()).isZero();
  }
}
