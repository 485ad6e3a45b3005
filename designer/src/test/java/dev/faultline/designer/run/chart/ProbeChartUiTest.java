package dev.faultline.designer.run.chart;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.designer.fx.Snapshots;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders a chart of a known series for real and looks at the pixels: a spike lights its column up
 * to the right height, a fault window is shaded, columns without the spike stay low.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ProbeChartUiTest {

  private static final long START = 1_700_000_000_000L;
  private static final int SECONDS = 600;

  private ProbeChart chart;
  private final TimeSeries series = new TimeSeries();

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    // Flat at 10 with one spike to 100 at second 300; one sample a second for 10 minutes.
    for (int s = 0; s < SECONDS; s++) {
      series.append(START + s * 1000L, s == 300 ? 100 : 10);
    }
    chart = new ProbeChart("checkout latency", series, () -> START + SECONDS * 1000L);
    chart.setUnit("ms");
    chart.showRange(START, START + SECONDS * 1000L);
    chart.addFaultWindow(START + 100_000, START + 200_000);
    StackPane root = new StackPane(chart);
    Scene scene = new Scene(root, 660, 260);
    scene.getStylesheets().add(ProbeChart.stylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void plainTheme() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null)).get();
  }

  @Test
  void theSpikeIsLitAtItsHeightAndTheFaultWindowIsShaded() throws Exception {
    WritableImage image =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  chart.paintIfDirty();
                  Snapshots.write(chart, "probe-chart");
                  return chart.snapshot(null, null);
                })
            .get();
    PixelReader pixels = image.getPixelReader();
    double[] axis = chart.yAxis();
    assertThat(axis[0]).isLessThanOrEqualTo(10);
    assertThat(axis[1]).isGreaterThanOrEqualTo(100);
    int plotX = (int) chart.plotX();
    int plotY = (int) chart.plotY();
    int plotHeight = chart.plotHeight();
    long perPixel = chart.millisPerPixel();
    int spikeX = plotX + (int) ((START + 300_000 - chart.visibleStart()) / perPixel);
    int quietX = plotX + (int) ((START + 450_000 - chart.visibleStart()) / perPixel);
    int rowOf100 = plotY + row(100, axis, plotHeight);
    int rowOf10 = plotY + row(10, axis, plotHeight);
    Color line = Color.web("#0969da"); // Primer Light's accent emphasis

    assertThat(near(pixels.getColor(spikeX, rowOf100), line)).as("spike's top lit").isTrue();
    assertThat(near(pixels.getColor(quietX, rowOf10), line)).as("flat line lit").isTrue();
    assertThat(near(pixels.getColor(quietX, rowOf100), line)).as("no spike elsewhere").isFalse();

    int faultX = plotX + (int) ((START + 150_000 - chart.visibleStart()) / perPixel);
    int midRow = (rowOf100 + rowOf10) / 2 + 3;
    Color shaded = pixels.getColor(faultX, midRow);
    Color plain = pixels.getColor(quietX, midRow);
    assertThat(shaded.getRed()).as("fault band tinted red").isGreaterThan(shaded.getBlue());
    assertThat(plain.getRed()).as("plain background").isEqualTo(plain.getBlue(), within());
  }

  @Test
  void appendedSamplesAppearOnTheNextPaintAndOnlyThen() throws Exception {
    boolean[] painted =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  chart.paintIfDirty();
                  boolean idle = chart.paintIfDirty();
                  series.append(START + SECONDS * 1000L - 1, 50);
                  boolean afterAppend = chart.paintIfDirty();
                  return new boolean[] {idle, afterAppend};
                })
            .get();
    assertThat(painted[0]).as("nothing new: no repaint").isFalse();
    assertThat(painted[1]).as("a new sample repaints").isTrue();
  }

  @Test
  void theDarkThemeRepaintsThePlotInItsColours() throws Exception {
    Color background =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
                  chart.getScene().getRoot().applyCss();
                  chart.paintIfDirty();
                  Snapshots.write(chart, "probe-chart-dark");
                  // Top-right of the plot: above the flat line, outside the fault band.
                  return chart
                      .snapshot(null, null)
                      .getPixelReader()
                      .getColor((int) chart.getWidth() - 20, (int) chart.plotY() + 5);
                })
            .get();
    assertThat(background.getBrightness()).as("dark plot background").isLessThan(0.3);
  }

  private static int row(double value, double[] axis, int height) {
    return new ChartRaster.YScale(axis[0], axis[1], height).row(value);
  }

  private static boolean near(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) < 0.08
        && Math.abs(a.getGreen() - b.getGreen()) < 0.08
        && Math.abs(a.getBlue() - b.getBlue()) < 0.08;
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.05);
  }
}
