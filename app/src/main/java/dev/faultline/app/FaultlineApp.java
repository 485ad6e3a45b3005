package dev.faultline.app;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.designer.fx.FxTaskExecutor;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: applies the theme and shows the main window. */
public final class FaultlineApp extends Application {

  @Override
  public void start(Stage stage) {
    MainStage.show(stage, fileArgument(getParameters().getUnnamed()), new FxTaskExecutor());
  }

  /** The first unnamed argument is the experiment to open; the rest are ignored for now. */
  static Optional<String> fileArgument(List<String> unnamed) {
    return unnamed.stream().filter(argument -> !argument.isBlank()).findFirst();
  }

  /** Installs the default theme; global to the JavaFX runtime, so call it before any window. */
  static void applyDefaultTheme() {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
  }
}
