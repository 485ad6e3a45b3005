package dev.faultline.designer.preview;

/**
 * The badge of one attack step on the canvas, shown as {@code selected/matched} ("3/7").
 *
 * @param selected pods the blast radius picks
 * @param matched pods the target's selectors match in permitted namespaces
 */
public record PreviewCount(int selected, int matched) {
  /** {@code 3/7}. */
  public String text() {
    return selected + "/" + matched;
  }
}
