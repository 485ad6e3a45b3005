package dev.faultline.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The launch benchmark's baseline: the smallest JavaFX program with a window, a Stage with a Label,
 * started the way Faultline starts ({@link Application#launch} from a plain main class).
 */
public final class HelloWorldLaunch {

  private HelloWorldLaunch() {}

  public static void main(String[] args) {
    Application.launch(App.class, args);
  }

  /** The hello-world application. */
  public static final class App extends Application {
    @Override
    public void start(Stage stage) {
      if (getParameters().getRaw().contains("--atlantafx")) {
        FaultlineApp.applyDefaultTheme();
      }
      LaunchProbe.watch(stage, 1);
      stage.setScene(new Scene(new StackPane(new Label("Hello, world")), 400, 200));
      stage.setTitle("Hello");
      stage.show();
    }
  }
}
