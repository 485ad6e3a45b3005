package dev.faultline.sandbox.exec;

import dev.faultline.sandbox.api.ApiPath;
import dev.faultline.sandbox.api.Status;
import dev.faultline.sandbox.world.ClusterView;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pod exec over websockets, the channel protocol kubectl (v5) and fabric8 (v4) speak: each binary
 * frame starts with its channel (1 stdout, 2 stderr, 3 status). The command runs against {@link
 * SimulatedProcesses}; stdin and terminal resizing are not supported (the attacks need neither).
 */
public final class ExecHandler implements BiFunction<RecordedRequest, ApiPath, MockResponse> {
  private static final byte STDOUT = 1;
  private static final byte STDERR = 2;
  private static final byte STATUS = 3;

  private final ClusterView cluster;
  private final SimulatedProcesses processes;

  public ExecHandler(ClusterView cluster, SimulatedProcesses processes) {
    this.cluster = cluster;
    this.processes = processes;
  }

  @Override
  public MockResponse apply(RecordedRequest request, ApiPath path) {
    Optional<ObjectNode> pod = cluster.get("v1", "pods", path.namespace(), path.name());
    if (pod.isEmpty()) {
      return Status.notFound("pods \"" + path.name() + "\" not found");
    }
    List<String> command = parameters(request.getPath(), "command");
    String container = path.query().get("container");
    if (container == null) {
      container = pod.get().path("spec").path("containers").path(0).path("name").asString();
    }
    if (!hasContainer(pod.get(), container)) {
      return Status.error(
          400, "BadRequest", "container " + container + " is not valid for pod " + path.name());
    }
    if (!"Running".equals(pod.get().path("status").path("phase").asString())) {
      return Status.error(
          400,
          "BadRequest",
          "pod "
              + path.name()
              + " is not running; cannot exec into a "
              + pod.get().path("status").path("phase").asString("Pending")
              + " pod");
    }
    if (command.isEmpty()) {
      return Status.error(400, "BadRequest", "you must specify at least 1 command");
    }
    var commands = new ExecCommands(processes, path.namespace(), path.name(), container, pod.get());
    return new MockResponse().withWebSocketUpgrade(new Session(commands, command));
  }

  private static boolean hasContainer(JsonNode pod, String container) {
    for (JsonNode c : pod.path("spec").path("containers")) {
      if (c.path("name").asString().equals(container)) {
        return true;
      }
    }
    return false;
  }

  /** All values of a repeated query parameter, in order ({@code command=kill&command=-STOP}). */
  static List<String> parameters(String uri, String name) {
    var values = new ArrayList<String>();
    int q = uri.indexOf('?');
    if (q < 0) {
      return values;
    }
    for (String pair : uri.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        values.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  /** One exec: runs the command when the websocket opens, sends its output and status, closes. */
  private static final class Session extends WebSocketListener {
    private final ExecCommands commands;
    private final List<String> command;

    Session(ExecCommands commands, List<String> command) {
      this.commands = commands;
      this.command = command;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      ExecResult result;
      try {
        result = commands.run(command);
      } catch (RuntimeException e) {
        result = ExecResult.failed(126, "sandbox exec failed: " + e.getMessage() + "\n");
      }
      if (!result.stdout().isEmpty()) {
        webSocket.send(frame(STDOUT, result.stdout()));
      }
      if (!result.stderr().isEmpty()) {
        webSocket.send(frame(STDERR, result.stderr()));
      }
      webSocket.send(frame(STATUS, status(result, command).toString()));
      webSocket.close(1000, "");
    }

    private static byte[] frame(byte channel, String text) {
      byte[] data = text.getBytes(StandardCharsets.UTF_8);
      byte[] frame = new byte[data.length + 1];
      frame[0] = channel;
      System.arraycopy(data, 0, frame, 1, data.length);
      return frame;
    }

    private static ObjectNode status(ExecResult result, List<String> command) {
      ObjectNode status = JsonNodeFactory.instance.objectNode();
      status.putObject("metadata");
      if (result.exitCode() == 0) {
        status.put("status", "Success");
        return status;
      }
      status.put("status", "Failure");
      status.put(
          "message",
          "command terminated with non-zero exit code: error executing command "
              + command
              + ", exit code "
              + result.exitCode());
      status.put("reason", "NonZeroExitCode");
      ObjectNode cause = status.putObject("details").putArray("causes").addObject();
      cause.put("reason", "ExitCode");
      cause.put("message", String.valueOf(result.exitCode()));
      return status;
    }
  }
}
