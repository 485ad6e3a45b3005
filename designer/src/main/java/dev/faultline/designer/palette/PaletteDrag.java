package dev.faultline.designer.palette;

import dev.faultline.designer.document.StepDrag;
import dev.faultline.designer.document.StepTemplate;
import javafx.scene.input.ClipboardContent;

/** What a palette entry puts on the dragboard. */
final class PaletteDrag {

  private PaletteDrag() {}

  /**
   * The template's token under {@link StepDrag#FORMAT} for the canvas, and as plain text so a drop
   * into a text field or another application still carries something readable.
   */
  static ClipboardContent content(StepTemplate template) {
    ClipboardContent content = new ClipboardContent();
    content.put(StepDrag.FORMAT, template.token());
    content.putString(template.token());
    return content;
  }
}
