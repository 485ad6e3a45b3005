package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackRequest;
import dev.faultline.catalog.ParamValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code chaosmesh.http} → HTTPChaos: what to match ({@code target}, {@code port}, {@code path},
 * {@code method}, {@code code}) and what to do ({@code abort}, {@code delay}, {@code replace},
 * {@code patch}). The replaced body is bytes in the CRD, so it is written base64-encoded; patched
 * headers are name-value pairs; a patched body is a JSON merge patch.
 */
final class HttpChaosSpec implements ChaosSpec {
  private static final String ID = "chaosmesh.http";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> REQUEST_ONLY = List.of("replacePath", "replaceMethod");
  private static final List<String> RESPONSE_ONLY = List.of("code", "replaceCode");
  private static final List<String> ACTIONS =
      List.of(
          "abort",
          "delay",
          "replaceCode",
          "replaceBody",
          "replaceHeaders",
          "replacePath",
          "replaceMethod",
          "patchBody",
          "patchHeaders");

  @Override
  public void write(AttackRequest request, String namespace, ObjectNode spec)
      throws ChaosParamException {
    ParamValues params = request.params();
    String target = params.string("target");
    for (String param : target.equals("Request") ? RESPONSE_ONLY : REQUEST_ONLY) {
      if (params.raw(param).isPresent()) {
        throw problem(
            "'"
                + param
                + "' works with target "
                + (target.equals("Request") ? "Response" : "Request")
                + " only; this step changes "
                + target.toLowerCase(Locale.ROOT)
                + "s");
      }
    }
    if (ACTIONS.stream().noneMatch(a -> given(params, a))) {
      throw problem(
          "say what to do with the matching "
              + target.toLowerCase(Locale.ROOT)
              + "s: abort, delay, replace... or patch...");
    }
    spec.put("target", target);
    spec.put("port", params.longValue("port"));
    spec.put("path", params.string("path"));
    params
        .optionalString("method")
        .filter(m -> !m.isBlank())
        .ifPresent(m -> spec.put("method", m.strip().toUpperCase(Locale.ROOT)));
    params.optionalLong("code").ifPresent(c -> spec.put("code", c));
    if (params.optionalBoolean("abort").orElse(false)) {
      spec.put("abort", true);
    }
    params.optionalDuration("delay").ifPresent(d -> spec.put("delay", ChaosValues.goDuration(d)));
    replace(params, spec);
    patch(params, spec);
  }

  private static void replace(ParamValues params, ObjectNode spec) {
    ObjectNode replace = JSON.createObjectNode();
    params.optionalLong("replaceCode").ifPresent(c -> replace.put("code", c));
    params
        .optionalString("replaceBody")
        .ifPresent(
            body ->
                replace.put(
                    "body",
                    Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))));
    Map<String, String> headers = params.stringMap("replaceHeaders");
    if (!headers.isEmpty()) {
      ObjectNode h = replace.putObject("headers");
      headers.forEach(h::put);
    }
    params.optionalString("replacePath").ifPresent(p -> replace.put("path", p));
    params
        .optionalString("replaceMethod")
        .ifPresent(m -> replace.put("method", m.strip().toUpperCase(Locale.ROOT)));
    if (!replace.isEmpty()) {
      spec.set("replace", replace);
    }
  }

  private static void patch(ParamValues params, ObjectNode spec) throws ChaosParamException {
    ObjectNode patch = JSON.createObjectNode();
    if (params.optionalString("patchBody").isPresent()) {
      String body = params.string("patchBody");
      JsonNode parsed;
      try {
        parsed = JSON.readTree(body);
      } catch (JacksonException e) {
        throw problem("'patchBody' is not JSON: " + e.getOriginalMessage());
      }
      if (parsed == null || !parsed.isObject()) {
        throw problem("'patchBody' must be a JSON object (a merge patch), such as {\"ok\": false}");
      }
      ObjectNode b = patch.putObject("body");
      b.put("type", "JSON");
      b.put("value", parsed.toString());
    }
    Map<String, String> headers = params.stringMap("patchHeaders");
    if (!headers.isEmpty()) {
      ArrayNode pairs = patch.putArray("headers");
      headers.forEach((name, value) -> pairs.addArray().add(name).add(value));
    }
    if (!patch.isEmpty()) {
      spec.set("patch", patch);
    }
  }

  private static boolean given(ParamValues params, String name) {
    if (name.equals("abort")) {
      return params.optionalBoolean("abort").orElse(false);
    }
    if (name.endsWith("Headers")) {
      return !params.stringMap(name).isEmpty();
    }
    return params.raw(name).isPresent();
  }

  private static ChaosParamException problem(String message) {
    return new ChaosParamException(ID, message);
  }

  @Override
  public String summary(AttackRequest request) {
    ParamValues params = request.params();
    var actions = new ArrayList<String>();
    if (params.optionalBoolean("abort").orElse(false)) {
      actions.add("abort");
    }
    params.optionalString("delay").ifPresent(d -> actions.add("delay " + d));
    params.optionalLong("replaceCode").ifPresent(c -> actions.add("status " + c));
    if (ACTIONS.stream()
        .filter(a -> a.startsWith("replace") && !a.equals("replaceCode"))
        .anyMatch(a -> given(params, a))) {
      actions.add("replace");
    }
    if (given(params, "patchBody") || given(params, "patchHeaders")) {
      actions.add("patch");
    }
    return String.join(", ", actions)
        + " on "
        + params.string("target").toLowerCase(Locale.ROOT)
        + "s to port "
        + params.optionalLong("port").map(String::valueOf).orElse("?")
        + " "
        + params.optionalString("method").map(m -> m.toUpperCase(Locale.ROOT) + " ").orElse("")
        + params.string("path");
  }
}
