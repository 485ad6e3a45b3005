package dev.faultline.sandbox.api;

import io.fabric8.mockwebserver.http.MockResponse;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Kubernetes {@code Status} error responses, the form kubectl and clients print as messages. */
public final class Status {
  private Status() {}

  public static MockResponse error(int code, String reason, String message) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", message);
    status.put("reason", reason);
    status.put("code", code);
    return json(code, status.toString());
  }

  public static MockResponse notFound(String message) {
    return error(404, "NotFound", message);
  }

  public static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }
}
