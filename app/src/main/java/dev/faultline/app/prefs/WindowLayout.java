package dev.faultline.app.prefs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How the user left the main window: where it was, split-pane dividers, which panels were shown,
 * and the theme.
 *
 * @param bounds the window's bounds when not maximized (what to restore to when un-maximizing);
 *     empty on first start: the app picks a default size, centred
 * @param maximized whether the window was maximized
 * @param dividers split-pane divider positions (0–1) by divider; a missing one keeps the window's
 *     default
 * @param shownPanels the panels that were visible
 * @param theme the theme choice
 */
public record WindowLayout(
    Optional<WindowBounds> bounds,
    boolean maximized,
    Map<SplitDivider, Double> dividers,
    Set<Panel> shownPanels,
    ThemeChoice theme) {

  /** First start: default size, no remembered dividers, the text view hidden, the system theme. */
  public static final WindowLayout DEFAULT =
      new WindowLayout(
          Optional.empty(),
          false,
          Map.of(),
          EnumSet.of(Panel.PALETTE, Panel.INSPECTOR, Panel.PROBLEMS),
          ThemeChoice.SYSTEM);

  public WindowLayout {
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(theme, "theme");
    EnumMap<SplitDivider, Double> checked = new EnumMap<>(SplitDivider.class);
    dividers.forEach(
        (divider, position) -> {
          if (position < 0 || position > 1 || Double.isNaN(position)) {
            throw new IllegalArgumentException(divider.key() + " divider at " + position);
          }
          checked.put(divider, position);
        });
    dividers = Collections.unmodifiableMap(checked);
    shownPanels =
        Collections.unmodifiableSet(
            shownPanels.isEmpty() ? EnumSet.noneOf(Panel.class) : EnumSet.copyOf(shownPanels));
  }

  /** The remembered position of {@code divider}, if any. */
  public OptionalDouble divider(SplitDivider divider) {
    Double position = dividers.get(divider);
    return position == null ? OptionalDouble.empty() : OptionalDouble.of(position);
  }

  public boolean isShown(Panel panel) {
    return shownPanels.contains(panel);
  }

  public WindowLayout withBounds(WindowBounds newBounds, boolean nowMaximized) {
    return new WindowLayout(Optional.of(newBounds), nowMaximized, dividers, shownPanels, theme);
  }

  public WindowLayout withDivider(SplitDivider divider, double position) {
    var copy = new EnumMap<SplitDivider, Double>(SplitDivider.class);
    copy.putAll(dividers);
    copy.put(divider, Math.clamp(position, 0.0, 1.0));
    return new WindowLayout(bounds, maximized, copy, shownPanels, theme);
  }

  public WindowLayout withPanel(Panel panel, boolean shown) {
    var copy = shownPanels.isEmpty() ? EnumSet.noneOf(Panel.class) : EnumSet.copyOf(shownPanels);
    if (shown) {
      copy.add(panel);
    } else {
      copy.remove(panel);
    }
    return new WindowLayout(bounds, maximized, dividers, copy, theme);
  }

  public WindowLayout withTheme(ThemeChoice newTheme) {
    return new WindowLayout(bounds, maximized, dividers, shownPanels, newTheme);
  }
}
