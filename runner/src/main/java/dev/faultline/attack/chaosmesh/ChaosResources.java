package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackRequest;
import dev.faultline.target.SelectedPod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the Chaos Mesh resource of one step for one namespace: the selected pods by name ({@code
 * selector.pods}, {@code mode: all}), their selected containers where the kind has {@code
 * containerNames}, the fault's own end ({@code duration}) and the kind's fields from the step's
 * parameters. Labels and annotations that mark it as Faultline's are added on apply.
 */
final class ChaosResources {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_NAME = 63;
  private static final String PREFIX = "faultline-";

  private ChaosResources() {}

  /**
   * {@code faultline-<step>-<8 hex of the run id's hash>}: a DNS-1123 label (so also a valid
   * resource name), unique per run and step, and the same in every namespace of the step.
   */
  static String name(String stepId, String runId) {
    String suffix = "-" + hash(runId);
    String step =
        stepId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
    int room = MAX_NAME - PREFIX.length() - suffix.length();
    if (step.length() > room) {
      step = step.substring(0, room);
    }
    step = step.replaceAll("^-+|-+$", "");
    return PREFIX + (step.isEmpty() ? "step" : step) + suffix;
  }

  /**
   * The resource for the pods of one namespace.
   *
   * @param pods the selected pods, all in {@code namespace}
   * @throws ChaosParamException when the step's parameters cannot make the kind's spec
   */
  static ObjectNode build(
      ChaosKind kind, AttackRequest request, String namespace, List<SelectedPod> pods, String name)
      throws ChaosParamException {
    ObjectNode resource = JSON.createObjectNode();
    resource.put("apiVersion", ChaosKind.API_VERSION);
    resource.put("kind", kind.kind());
    ObjectNode metadata = resource.putObject("metadata");
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    ObjectNode spec = resource.putObject("spec");
    ArrayNode names = spec.putObject("selector").putObject("pods").putArray(namespace);
    var containers = new LinkedHashSet<String>();
    for (SelectedPod pod : pods) {
      names.add(pod.pod().name());
      containers.addAll(pod.containers());
    }
    spec.put("mode", "all");
    if (kind.hasContainers() && !containers.isEmpty()) {
      ArrayNode list = spec.putArray("containerNames");
      containers.forEach(list::add);
    }
    request.faultLimit().ifPresent(d -> spec.put("duration", ChaosValues.goDuration(d)));
    kind.spec().write(request, namespace, spec);
    return resource;
  }

  /**
   * Checks that the step's parameters make a valid spec, without pods: what the preflight asks
   * before anything is applied.
   */
  static void check(ChaosKind kind, AttackRequest request) throws ChaosParamException {
    kind.spec().write(request, "", JSON.createObjectNode());
  }

  private static String hash(String runId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(runId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
