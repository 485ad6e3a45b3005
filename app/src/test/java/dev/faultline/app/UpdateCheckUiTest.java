package dev.faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.app.connection.FakeClusterService;
import dev.faultline.app.prefs.UpdatePrefs;
import dev.faultline.designer.fx.FxTaskExecutor;
import dev.faultline.updates.UpdateFeed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The opt-in update check in the real main window, against a release feed on loopback: off by
 * default it never asks; on, with a stale last check, it asks once and shows a notice.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class UpdateCheckUiTest {

  private static final String RELEASE =
      """
      {"tag_name": "v0.2.0", "html_url": "https://example.org/releases/v0.2.0",
       "body": "Faster canvas.", "draft": false, "prerelease": false}
      """;

  @TempDir Path config;

  private HttpServer feed;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status = 200;
  private Stage stage;
  private MainWindow window;

  @BeforeEach
  void startFeed() throws IOException {
    feed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    feed.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    feed.createContext(
        "/",
        exchange -> {
          try (exchange) {
            requests.incrementAndGet();
            byte[] body = RELEASE.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    feed.start();
    System.setProperty(UpdateFeed.PROPERTY, feedUrl());
  }

  @AfterEach
  void stopFeed(FxRobot robot) {
    if (stage != null) {
      robot.interact(stage::close);
    }
    System.clearProperty(UpdateFeed.PROPERTY);
    feed.stop(0);
  }

  private String feedUrl() {
    return "http://127.0.0.1:" + feed.getAddress().getPort() + "/releases/latest";
  }

  private void show(FxRobot robot) throws Exception {
    UpdatePrefs prefs = UpdatePrefs.load(config).value();
    stage = FxToolkit.registerStage(Stage::new);
    robot.interact(
        () ->
            window =
                MainStage.show(
                    stage,
                    LaunchOptions.NONE,
                    new FxTaskExecutor(),
                    new FakeClusterService(),
                    AppState.none().withUpdates(prefs)));
  }

  private Hyperlink notice(FxRobot robot) {
    return robot.lookup("#update-notice").queryAs(Hyperlink.class);
  }

  private Menu help(FxRobot robot) {
    return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(4);
  }

  @Test
  void helpMenuHasTheCheckAndTheStartUpOptionOffByDefault(FxRobot robot) throws Exception {
    show(robot);

    List<MenuItem> items = help(robot).getItems();
    assertThat(items)
        .extracting(MenuItem::getId)
        .contains("menu-check-updates", "menu-check-updates-on-start");
    CheckMenuItem onStart =
        (CheckMenuItem)
            items.stream()
                .filter(i -> "menu-check-updates-on-start".equals(i.getId()))
                .findFirst()
                .orElseThrow();
    assertThat(onStart.isSelected()).isFalse();

    robot.interact(() -> onStart.setSelected(true));

    Await.until(5, "the option is saved", () -> UpdatePrefs.load(config).value().checkOnStart());
    assertThat(requests).hasValue(0);
  }

  @Test
  void offByDefaultStartingMakesNoRequest(FxRobot robot) throws Exception {
    show(robot);
    // Everything start() schedules has run: the fake cluster is connected, the leftovers scanned.
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(1_500);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(requests).hasValue(0);
    assertThat(notice(robot).isVisible()).isFalse();
    assertThat(config.resolve("updates.json")).doesNotExist();
  }

  @Test
  void onWithAStaleLastCheckAsksOnceAndShowsTheNotice(FxRobot robot) throws Exception {
    Instant stale = Instant.now().minus(Duration.ofDays(2));
    Files.writeString(
        config.resolve("updates.json"),
        "{\"checkOnStart\": true, \"lastCheck\": \"" + stale + "\"}");

    show(robot);

    Await.until(5, "the update notice", () -> notice(robot).isVisible());
    assertThat(notice(robot).getText()).isEqualTo("Faultline 0.2.0 is available");
    assertThat(requests).hasValue(1);
    assertThat(UpdatePrefs.load(config).value().lastCheck())
        .hasValueSatisfying(last -> assertThat(last).isAfter(stale.plus(Duration.ofDays(1))));
    // No dialog pops up by itself: only the notice.
    assertThat(robot.lookup("#update-dialog").tryQuery()).isEmpty();

    // Checked today: the next start does not ask again.
    robot.interact(stage::close);
    show(robot);
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(1_000);
    assertThat(requests).hasValue(1);
  }

  @Test
  void checkNowShowsTheNewReleaseAndOpensItsPageOnlyWhenAsked(FxRobot robot) throws Exception {
    show(robot);
    List<String> opened = new CopyOnWriteArrayList<>();
    robot.interact(() -> window.updates().setBrowser(opened::add));

    robot.interact(() -> window.actions().get("check-updates").run().run());

    Await.until(
        5, "the update dialog", () -> robot.lookup("#update-dialog").tryQuery().isPresent());
    DialogPane dialog = robot.lookup("#update-dialog").queryAs(DialogPane.class);
    assertThat(dialog.getHeaderText()).isEqualTo("Faultline 0.2.0 is available");
    assertThat(robot.lookup("#update-notes").queryTextInputControl().getText())
        .isEqualTo("Faster canvas.");
    assertThat(opened).isEmpty();

    robot.clickOn((Button) dialog.lookupButton(dialog.getButtonTypes().getFirst()));

    Await.until(5, "the page opened", () -> !opened.isEmpty());
    assertThat(opened).containsExactly("https://example.org/releases/v0.2.0");
    assertThat(requests).hasValue(1);
  }

  @Test
  void aFailedCheckNamesTheUrlAndTheCause(FxRobot robot) throws Exception {
    status = 404;
    show(robot);

    robot.interact(() -> window.actions().get("check-updates").run().run());

    Await.until(
        5, "the update dialog", () -> robot.lookup("#update-dialog").tryQuery().isPresent());
    DialogPane dialog = robot.lookup("#update-dialog").queryAs(DialogPane.class);
    assertThat(dialog.getHeaderText()).isEqualTo("Cannot check for updates");
    assertThat(dialog.getContentText()).isEqualTo(feedUrl() + " answered HTTP 404 (Not Found).");
    robot.interact(() -> ((javafx.stage.Stage) dialog.getScene().getWindow()).close());
  }
}
