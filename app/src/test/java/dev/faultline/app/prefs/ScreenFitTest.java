package dev.faultline.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenFitTest {

  private static final WindowBounds LAPTOP = new WindowBounds(0, 0, 1920, 1050);
  private static final WindowBounds LEFT_MONITOR = new WindowBounds(-2560, 0, 2560, 1400);

  @Test
  void aWindowOnAScreenStaysWhereItWas() {
    var window = new WindowBounds(100, 80, 1200, 800);

    assertThat(ScreenFit.fit(window, List.of(LAPTOP, LEFT_MONITOR))).isEqualTo(window);
    var onTheLeft = new WindowBounds(-2000, 100, 1200, 800);
    assertThat(ScreenFit.fit(onTheLeft, List.of(LAPTOP, LEFT_MONITOR))).isEqualTo(onTheLeft);
  }

  @Test
  void aWindowLeftOnAnUnpluggedMonitorComesBackOnThePrimaryScreen() {
    var onTheLeft = new WindowBounds(-2000, 100, 1200, 800);

    assertThat(ScreenFit.fit(onTheLeft, List.of(LAPTOP)))
        .isEqualTo(new WindowBounds(0, 100, 1200, 800));
  }

  @Test
  void aWindowTooLargeForTheScreenShrinksToIt() {
    var huge = new WindowBounds(-50, -30, 2560, 1400);

    assertThat(ScreenFit.fit(huge, List.of(LAPTOP))).isEqualTo(LAPTOP);
  }

  @Test
  void aWindowHangingOffTheEdgeIsPulledBackIn() {
    var offBottomRight = new WindowBounds(1500, 900, 1000, 700);

    assertThat(ScreenFit.fit(offBottomRight, List.of(LAPTOP)))
        .isEqualTo(new WindowBounds(920, 350, 1000, 700));
  }

  @Test
  void aWindowAcrossTwoScreensMovesOntoTheOneShowingMostOfIt() {
    var mostlyLeft = new WindowBounds(-1000, 100, 1200, 800);

    assertThat(ScreenFit.fit(mostlyLeft, List.of(LAPTOP, LEFT_MONITOR)))
        .isEqualTo(new WindowBounds(-1200, 100, 1200, 800));
  }

  @Test
  void withoutScreensNothingChanges() {
    var window = new WindowBounds(5000, 5000, 800, 600);

    assertThat(ScreenFit.fit(window, List.of())).isEqualTo(window);
  }
}
