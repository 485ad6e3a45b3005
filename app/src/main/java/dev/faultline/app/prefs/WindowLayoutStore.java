package dev.faultline.app.prefs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the {@link WindowLayout} in {@code window.json} of the config directory. Each value is read
 * on its own: one bad value falls back to its default and the rest is kept. File IO: call off the
 * FX thread.
 */
public final class WindowLayoutStore {

  static final String FILE_NAME = "window.json";

  private final JsonSettingsFile file;

  public WindowLayoutStore(Path configDir) {
    this.file = new JsonSettingsFile(configDir.resolve(FILE_NAME));
  }

  /**
   * The layout saved last, or {@link WindowLayout#DEFAULT} with a warning if the file is damaged.
   */
  public Loaded<WindowLayout> load() {
    return file.read().map(WindowLayoutStore::fromJson);
  }

  public synchronized void save(WindowLayout layout) throws IOException {
    file.write(toJson(layout));
  }

  private static WindowLayout fromJson(JsonNode root) {
    WindowLayout defaults = WindowLayout.DEFAULT;
    JsonNode window = root.get("window");
    Optional<WindowBounds> bounds = Optional.empty();
    var x = JsonSettingsFile.number(window, "x");
    var y = JsonSettingsFile.number(window, "y");
    var width = JsonSettingsFile.number(window, "width");
    var height = JsonSettingsFile.number(window, "height");
    if (x.isPresent()
        && y.isPresent()
        && width.isPresent()
        && height.isPresent()
        && width.get() > 0
        && height.get() > 0) {
      bounds = Optional.of(new WindowBounds(x.get(), y.get(), width.get(), height.get()));
    }
    boolean maximized = JsonSettingsFile.bool(window, "maximized").orElse(defaults.maximized());

    var dividers = new EnumMap<SplitDivider, Double>(SplitDivider.class);
    JsonNode dividerNode = root.get("dividers");
    for (SplitDivider divider : SplitDivider.values()) {
      JsonSettingsFile.number(dividerNode, divider.key())
          .filter(p -> p >= 0 && p <= 1)
          .ifPresent(p -> dividers.put(divider, p));
    }

    var shown = EnumSet.noneOf(Panel.class);
    JsonNode panels = root.get("panels");
    for (Panel panel : Panel.values()) {
      boolean visible = JsonSettingsFile.bool(panels, panel.key()).orElse(defaults.isShown(panel));
      if (visible) {
        shown.add(panel);
      }
    }

    ThemeChoice theme =
        JsonSettingsFile.string(root, "theme")
            .flatMap(WindowLayoutStore::theme)
            .orElse(defaults.theme());
    return new WindowLayout(bounds, maximized, dividers, shown, theme);
  }

  private static Optional<ThemeChoice> theme(String name) {
    for (ThemeChoice choice : ThemeChoice.values()) {
      if (choice.name().equalsIgnoreCase(name)) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }

  private static Map<String, Object> toJson(WindowLayout layout) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", 1);
    Map<String, Object> window = new LinkedHashMap<>();
    layout
        .bounds()
        .ifPresent(
            b -> {
              window.put("x", b.x());
              window.put("y", b.y());
              window.put("width", b.width());
              window.put("height", b.height());
            });
    window.put("maximized", layout.maximized());
    root.put("window", window);
    Map<String, Object> dividers = new LinkedHashMap<>();
    layout.dividers().forEach((divider, position) -> dividers.put(divider.key(), position));
    root.put("dividers", dividers);
    Map<String, Object> panels = new LinkedHashMap<>();
    for (Panel panel : Panel.values()) {
      panels.put(panel.key(), layout.isShown(panel));
    }
    root.put("panels", panels);
    root.put("theme", layout.theme().name().toLowerCase(Locale.ROOT));
    return root;
  }
}
