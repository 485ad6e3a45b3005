package dev.faultline.export.chaosmesh;

import dev.faultline.attack.chaosmesh.ChaosKind;
import dev.faultline.export.ImportException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the kind's own fields of a Chaos Mesh spec back into the parameters of our {@code
 * chaosmesh.*} attack: the inverse of the executor's spec writers. Keys it does not know stay
 * unread, so the importer lists them as warnings.
 */
final class ChaosSpecReader {
  private ChaosSpecReader() {}

  static Map<String, Object> read(ChaosKind kind, Doc spec) throws ImportException {
    var params = new LinkedHashMap<String, Object>();
    switch (kind) {
      case NETWORK -> network(spec, params);
      case STRESS -> stress(spec, params);
      case HTTP -> http(spec, params);
      case IO -> io(spec, params);
      case DNS -> {
        copy(spec, "action", params);
        list(spec, "patterns", params);
      }
      case TIME -> {
        copy(spec, "timeOffset", params);
        list(spec, "clockIds", params);
      }
    }
    return params;
  }

  private static void network(Doc spec, Map<String, Object> params) throws ImportException {
    String action = spec.required("action").string();
    params.put("action", action);
    switch (action) {
      case "delay" -> {
        Doc delay = spec.required("delay");
        duration(delay, "latency", "latency", params);
        duration(delay, "jitter", "jitter", params);
        number(delay, "correlation", "correlation", params);
        Optional<Doc> reorder = delay.get("reorder");
        if (reorder.isPresent()) {
          delay.read().remove(reorder.get().path()); // not ours: listed as left out
        }
      }
      case "loss", "duplicate", "corrupt" -> {
        Doc block = spec.required(action);
        number(block, action, "percent", params);
        number(block, "correlation", "correlation", params);
      }
      case "bandwidth" -> {
        Doc bandwidth = spec.required("bandwidth");
        params.put("rate", bandwidth.required("rate").string());
        integer(bandwidth, "limit", "limit", params);
        integer(bandwidth, "buffer", "buffer", params);
      }
      default -> {}
    }
    copy(spec, "direction", params);
    Optional<Doc> target = spec.get("target");
    if (target.isPresent()) {
      Doc selector = target.get().required("selector");
      list(selector, "namespaces", "peerNamespaces", params);
      var terms = new ArrayList<String>();
      Optional<Doc> labels = selector.get("labelSelectors");
      if (labels.isPresent()) {
        for (String key : labels.get().keys()) {
          terms.add(key + "=" + labels.get().required(key).string());
        }
      }
      if (!terms.isEmpty()) {
        params.put("peerLabelSelector", String.join(",", terms));
      }
      target.get().get("mode");
    }
    list(spec, "externalTargets", params);
  }

  private static void stress(Doc spec, Map<String, Object> params) throws ImportException {
    Optional<Doc> stressors = spec.get("stressors");
    if (stressors.isEmpty()) {
      return;
    }
    Optional<Doc> cpu = stressors.get().get("cpu");
    if (cpu.isPresent()) {
      integer(cpu.get(), "workers", "cpuWorkers", params);
      integer(cpu.get(), "load", "cpuLoad", params);
    }
    Optional<Doc> memory = stressors.get().get("memory");
    if (memory.isPresent()) {
      integer(memory.get(), "workers", "memoryWorkers", params);
      copy(memory.get(), "size", "memorySize", params);
    }
  }

  private static void http(Doc spec, Map<String, Object> params) throws ImportException {
    copy(spec, "target", params);
    integer(spec, "port", "port", params);
    copy(spec, "path", params);
    copy(spec, "method", params);
    integer(spec, "code", "code", params);
    Optional<Doc> abort = spec.get("abort");
    if (abort.isPresent()) {
      params.put("abort", abort.get().bool());
    }
    duration(spec, "delay", "delay", params);
    Optional<Doc> replace = spec.get("replace");
    if (replace.isPresent()) {
      integer(replace.get(), "code", "replaceCode", params);
      Optional<Doc> body = replace.get().get("body");
      if (body.isPresent()) {
        try {
          params.put(
              "replaceBody",
              new String(Base64.getDecoder().decode(body.get().string()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw body.get().error("the replaced body is not base64, as the CRD wants it");
        }
      }
      map(replace.get(), "headers", "replaceHeaders", params);
      copy(replace.get(), "path", "replacePath", params);
      copy(replace.get(), "method", "replaceMethod", params);
    }
    Optional<Doc> patch = spec.get("patch");
    if (patch.isPresent()) {
      Optional<Doc> body = patch.get().get("body");
      if (body.isPresent()) {
        body.get().get("type");
        params.put("patchBody", body.get().required("value").string());
      }
      Optional<Doc> headers = patch.get().get("headers");
      if (headers.isPresent()) {
        var pairs = new LinkedHashMap<String, Object>();
        for (Doc pair : headers.get().list()) {
          List<String> nameValue = pair.strings();
          if (nameValue.size() != 2) {
            throw pair.error("a patched header is a [name, value] pair");
          }
          pairs.put(nameValue.get(0), nameValue.get(1));
        }
        params.put("patchHeaders", pairs);
      }
    }
  }

  private static void io(Doc spec, Map<String, Object> params) throws ImportException {
    copy(spec, "volumePath", params);
    copy(spec, "action", params);
    copy(spec, "path", params);
    duration(spec, "delay", "delay", params);
    integer(spec, "errno", "errno", params);
    Optional<Doc> attr = spec.get("attr");
    if (attr.isPresent()) {
      integer(attr.get(), "perm", "attrPerm", params);
      integer(attr.get(), "size", "attrSize", params);
    }
    integer(spec, "percent", "percent", params);
    list(spec, "methods", params);
  }

  private static void copy(Doc map, String key, Map<String, Object> params) throws ImportException {
    copy(map, key, key, params);
  }

  private static void copy(Doc map, String key, String param, Map<String, Object> params)
      throws ImportException {
    Optional<Doc> value = map.get(key);
    if (value.isPresent()) {
      params.put(param, value.get().string());
    }
  }

  private static void list(Doc map, String key, Map<String, Object> params) throws ImportException {
    list(map, key, key, params);
  }

  private static void list(Doc map, String key, String param, Map<String, Object> params)
      throws ImportException {
    Optional<Doc> value = map.get(key);
    if (value.isPresent()) {
      params.put(param, value.get().strings());
    }
  }

  private static void map(Doc map, String key, String param, Map<String, Object> params)
      throws ImportException {
    Optional<Doc> value = map.get(key);
    if (value.isPresent()) {
      var entries = new LinkedHashMap<String, Object>();
      for (String k : value.get().keys()) {
        entries.put(k, value.get().required(k).string());
      }
      params.put(param, entries);
    }
  }

  private static void integer(Doc map, String key, String param, Map<String, Object> params)
      throws ImportException {
    Optional<Doc> value = map.get(key);
    if (value.isPresent()) {
      params.put(param, value.get().integer());
    }
  }

  /** Chaos Mesh's string percentages ({@code "25"}, {@code "12.5"}) as numbers. */
  private static void number(Doc map, String key, String param, Map<String, Object> params)
      throws ImportException {
    Optional<Doc> value = map.get(key);
    if (value.isPresent()) {
      String text = value.get().string();
      BigDecimal number;
      try {
        number = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw value.get().error("'" + text + "' is not a number");
      }
      params.put(
          param,
          number.stripTrailingZeros().scale() <= 0
              ? (Object) number.longValue()
              : number.doubleValue());
    }
  }

  private static void duration(Doc map, String key, String param, Map<String, Object> params)
      throws ImportException {
    Optional<Doc> value = map.get(key);
    if (value.isPresent()) {
      String text = value.get().string();
      params.put(
          param,
          GoDurations.timeSpan(text)
              .orElseThrow(() -> value.get().error("'" + text + "' is not a duration such as 90ms"))
              .text());
    }
  }
}
