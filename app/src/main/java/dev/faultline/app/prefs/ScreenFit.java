package dev.faultline.app.prefs;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/**
 * Brings a remembered window rectangle back onto the screens there are now, so a window saved on a
 * monitor that has since been unplugged (or at a larger resolution) reopens visible and reachable.
 */
public final class ScreenFit {

  private ScreenFit() {}

  /**
   * {@code window} moved (and shrunk if needed) onto one screen: the screen showing most of it, or
   * the first (primary) screen when none shows any. A window already inside one screen is
   * unchanged. A window spanning two monitors ends up on the one with its larger part.
   *
   * @param screens the screens' visual bounds (without task bars and menu bars), primary first
   */
  public static WindowBounds fit(WindowBounds window, List<WindowBounds> screens) {
    if (screens.isEmpty()) {
      return window;
    }
    WindowBounds best = screens.getFirst();
    double bestArea = 0;
    for (WindowBounds screen : screens) {
      double area = window.overlapArea(screen);
      if (area > bestArea) {
        best = screen;
        bestArea = area;
      }
    }
    double width = Math.min(window.width(), best.width());
    double height = Math.min(window.height(), best.height());
    double x = Math.clamp(window.x(), best.x(), best.right() - width);
    double y = Math.clamp(window.y(), best.y(), best.bottom() - height);
    return new WindowBounds(x, y, width, height);
  }

  /** {@link #fit} on the current screens; call on the FX thread once the toolkit is up. */
  public static WindowBounds onCurrentScreens(WindowBounds window) {
    List<WindowBounds> screens = new ArrayList<>();
    Screen primary = Screen.getPrimary();
    screens.add(bounds(primary.getVisualBounds()));
    for (Screen screen : Screen.getScreens()) {
      if (!screen.equals(primary)) {
        screens.add(bounds(screen.getVisualBounds()));
      }
    }
    return fit(window, screens);
  }

  private static WindowBounds bounds(Rectangle2D r) {
    return new WindowBounds(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
  }
}
