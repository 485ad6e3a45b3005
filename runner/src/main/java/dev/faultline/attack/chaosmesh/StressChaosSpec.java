package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackRequest;
import dev.faultline.catalog.ParamValues;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code chaosmesh.stress} → StressChaos: {@code stressors.cpu{workers, load}} and {@code
 * stressors.memory{workers, size}}; at least one, since the webhook rejects "missing stressors".
 */
final class StressChaosSpec implements ChaosSpec {
  private static final String ID = "chaosmesh.stress";
  private static final Pattern SIZE =
      Pattern.compile("\\d+(?:[KMGT]?B|%)", Pattern.CASE_INSENSITIVE);

  @Override
  public void write(AttackRequest request, String namespace, ObjectNode spec)
      throws ChaosParamException {
    ParamValues params = request.params();
    Optional<Long> cpuWorkers = params.optionalLong("cpuWorkers");
    Optional<Long> memoryWorkers = params.optionalLong("memoryWorkers");
    if (cpuWorkers.isEmpty() && params.raw("cpuLoad").isPresent()) {
      throw problem("'cpuLoad' needs 'cpuWorkers'");
    }
    if (memoryWorkers.isEmpty() && params.raw("memorySize").isPresent()) {
      throw problem("'memorySize' needs 'memoryWorkers'");
    }
    if (cpuWorkers.isEmpty() && memoryWorkers.isEmpty()) {
      throw problem("give 'cpuWorkers' or 'memoryWorkers' (or both), such as cpuWorkers: 2");
    }
    ObjectNode stressors = spec.putObject("stressors");
    if (cpuWorkers.isPresent()) {
      ObjectNode cpu = stressors.putObject("cpu");
      cpu.put("workers", positive("cpuWorkers", cpuWorkers.get()));
      params.optionalLong("cpuLoad").ifPresent(load -> cpu.put("load", load));
    }
    if (memoryWorkers.isPresent()) {
      ObjectNode memory = stressors.putObject("memory");
      memory.put("workers", positive("memoryWorkers", memoryWorkers.get()));
      Optional<String> size = params.optionalString("memorySize").map(String::strip);
      if (size.isPresent()) {
        if (!SIZE.matcher(size.get()).matches()) {
          throw problem(
              "'memorySize' is '" + size.get() + "'; write a size such as 256MB or 1GB, or 50%");
        }
        memory.put("size", size.get());
      }
    }
  }

  private static long positive(String param, long workers) throws ChaosParamException {
    if (workers <= 0) {
      throw problem("'" + param + "' is " + workers + "; it must be at least 1");
    }
    return workers;
  }

  private static ChaosParamException problem(String message) {
    return new ChaosParamException(ID, message);
  }

  @Override
  public String summary(AttackRequest request) {
    ParamValues params = request.params();
    var parts = new java.util.ArrayList<String>();
    params
        .optionalLong("cpuWorkers")
        .ifPresent(
            w ->
                parts.add(
                    "CPU × "
                        + w
                        + params.optionalLong("cpuLoad").map(l -> " at " + l + "%").orElse("")));
    params
        .optionalLong("memoryWorkers")
        .ifPresent(
            w ->
                parts.add(
                    "memory × "
                        + w
                        + params.optionalString("memorySize").map(s -> " of " + s).orElse("")));
    return "stress " + String.join(" and ", parts);
  }
}
