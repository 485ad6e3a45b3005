package dev.faultline.attack.chaosmesh;

import dev.faultline.attack.AttackRequest;
import dev.faultline.catalog.ParamValues;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code chaosmesh.io} → IOChaos on one volume ({@code volumePath}, required): {@code latency} with
 * {@code delay}, {@code fault} with {@code errno}, {@code attrOverride} with {@code attr}.
 */
final class IoChaosSpec implements ChaosSpec {
  private static final String ID = "chaosmesh.io";

  /** The file system calls Chaos Mesh's IOChaos can intercept (its IoMethod values). */
  static final Set<String> METHODS =
      new TreeSet<>(
          List.of(
              "lookup",
              "forget",
              "getattr",
              "setattr",
              "readlink",
              "mknod",
              "mkdir",
              "unlink",
              "rmdir",
              "symlink",
              "rename",
              "link",
              "open",
              "read",
              "write",
              "statfs",
              "release",
              "fsync",
              "setxattr",
              "getxattr",
              "listxattr",
              "removexattr",
              "flush",
              "opendir",
              "readdir",
              "releasedir",
              "fsyncdir",
              "access",
              "create",
              "getlk",
              "setlk",
              "bmap"));

  @Override
  public void write(AttackRequest request, String namespace, ObjectNode spec)
      throws ChaosParamException {
    ParamValues params = request.params();
    String action = params.string("action");
    String volumePath = params.optionalString("volumePath").map(String::strip).orElse("");
    if (!volumePath.startsWith("/")) {
      throw problem(
          "'volumePath' must be the absolute mount path of a volume in the container, such as"
              + " /var/lib/data");
    }
    onlyFor(params, action, "delay", "latency");
    onlyFor(params, action, "errno", "fault");
    onlyFor(params, action, "attrPerm", "attrOverride");
    onlyFor(params, action, "attrSize", "attrOverride");
    spec.put("action", action);
    spec.put("volumePath", volumePath);
    params.optionalString("path").filter(p -> !p.isBlank()).ifPresent(p -> spec.put("path", p));
    spec.put("percent", params.longValue("percent"));
    switch (action) {
      case "latency" ->
          spec.put(
              "delay",
              ChaosValues.goDuration(
                  params
                      .optionalDuration("delay")
                      .orElseThrow(() -> problem("action latency needs 'delay', such as 100ms"))));
      case "fault" ->
          spec.put(
              "errno",
              params
                  .optionalLong("errno")
                  .orElseThrow(
                      () -> problem("action fault needs 'errno', such as 5 (EIO) or 28 (ENOSPC)")));
      case "attrOverride" -> {
        if (params.raw("attrPerm").isEmpty() && params.raw("attrSize").isEmpty()) {
          throw problem("action attrOverride needs 'attrPerm' or 'attrSize'");
        }
        ObjectNode attr = spec.putObject("attr");
        params.optionalLong("attrPerm").ifPresent(p -> attr.put("perm", p));
        params.optionalLong("attrSize").ifPresent(s -> attr.put("size", s));
      }
      default -> throw problem("'action' is '" + action + "'; use latency, fault or attrOverride");
    }
    List<String> methods = params.stringList("methods");
    if (!methods.isEmpty()) {
      ArrayNode list = spec.putArray("methods");
      for (String method : methods) {
        if (!METHODS.contains(method)) {
          throw problem(
              "'methods' has '"
                  + method
                  + "', which IOChaos cannot intercept; use some of "
                  + String.join(", ", METHODS));
        }
        list.add(method);
      }
    }
  }

  private static void onlyFor(ParamValues params, String action, String param, String wanted)
      throws ChaosParamException {
    if (params.raw(param).isPresent() && !action.equals(wanted)) {
      throw problem(
          "'" + param + "' applies to action " + wanted + ", not " + action + "; remove it");
    }
  }

  private static ChaosParamException problem(String message) {
    return new ChaosParamException(ID, message);
  }

  @Override
  public String summary(AttackRequest request) {
    ParamValues params = request.params();
    String action = params.string("action");
    String what =
        switch (action) {
          case "latency" -> "delay " + params.optionalString("delay").orElse("?");
          case "fault" -> "errno " + params.optionalString("errno").orElse("?");
          default -> "override attributes";
        };
    long percent = params.optionalLong("percent").orElse(100L);
    return "file I/O "
        + what
        + " in "
        + params.optionalString("volumePath").orElse("?")
        + (percent < 100 ? " (" + percent + "% of calls)" : "");
  }
}
