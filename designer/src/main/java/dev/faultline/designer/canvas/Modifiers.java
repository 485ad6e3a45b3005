package dev.faultline.designer.canvas;

/**
 * The modifier keys held during a pointer gesture.
 *
 * @param shift adds to the selection
 * @param shortcut Ctrl on Linux and Windows, Cmd on macOS: toggles the selection
 * @param alt moves without snapping to the grid
 */
public record Modifiers(boolean shift, boolean shortcut, boolean alt) {
  public static final Modifiers NONE = new Modifiers(false, false, false);
  public static final Modifiers SHIFT = new Modifiers(true, false, false);
  public static final Modifiers SHORTCUT = new Modifiers(false, true, false);
  public static final Modifiers ALT = new Modifiers(false, false, true);
}
