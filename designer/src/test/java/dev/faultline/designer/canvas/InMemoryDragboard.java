package dev.faultline.designer.canvas;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * A real {@link Dragboard} over an in-memory store, for drop tests on the headless platform.
 *
 * <p>JavaFX 26's headless glass platform has no drag and drop: its DnD clipboard throws {@code
 * UnsupportedOperationException("Not supported yet")} from {@code pushToSystem}/{@code
 * popFromSystem}, and its robot never starts a drag loop, so no {@code DragEvent} reaches a target
 * however the mouse moves. Tests therefore fire the {@code DragEvent}s the scene would fire, with a
 * dragboard made here through JavaFX's own factory ({@code DragboardHelper}, internal API, usable
 * because tests run JavaFX from the class path).
 */
final class InMemoryDragboard implements TKClipboard {

  private final Map<DataFormat, Object> content = new HashMap<>();

  static Dragboard with(DataFormat format, Object value) {
    InMemoryDragboard store = new InMemoryDragboard();
    store.content.put(format, value);
    return DragboardHelper.createDragboard(store);
  }

  @Override
  public Set<DataFormat> getContentTypes() {
    return Set.copyOf(content.keySet());
  }

  @Override
  @SafeVarargs
  public final boolean putContent(Pair<DataFormat, Object>... entries) {
    for (Pair<DataFormat, Object> entry : entries) {
      content.put(entry.getKey(), entry.getValue());
    }
    return true;
  }

  @Override
  public Object getContent(DataFormat format) {
    return content.get(format);
  }

  @Override
  public boolean hasContent(DataFormat format) {
    return content.containsKey(format);
  }

  @Override
  public Set<TransferMode> getTransferModes() {
    return Set.of(TransferMode.COPY);
  }

  @Override
  public void setDragView(Image image) {}

  @Override
  public void setDragViewOffsetX(double offsetX) {}

  @Override
  public void setDragViewOffsetY(double offsetY) {}

  @Override
  public Image getDragView() {
    return null;
  }

  @Override
  public double getDragViewOffsetX() {
    return 0;
  }

  @Override
  public double getDragViewOffsetY() {
    return 0;
  }
}
