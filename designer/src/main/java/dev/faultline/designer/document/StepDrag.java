package dev.faultline.designer.document;

import javafx.scene.input.DataFormat;

/** The drag-and-drop format for palette entries: a {@link StepTemplate#token()} as a string. */
public final class StepDrag {
  /** One instance per JVM: JavaFX refuses a second {@code DataFormat} with the same id. */
  public static final DataFormat FORMAT = new DataFormat("application/x-faultline-step-template");

  private StepDrag() {}
}
