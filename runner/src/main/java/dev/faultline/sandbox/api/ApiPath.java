package dev.faultline.sandbox.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Kubernetes API request path: {@code /apis/apps/v1/namespaces/shop/deployments/web/scale}
 * → group apps, version v1, namespace shop, resource deployments, name web, subresource scale.
 */
public record ApiPath(
    String raw,
    String path,
    Map<String, String> query,
    String group,
    String version,
    String namespace,
    String resource,
    String name,
    String subresource) {

  public static ApiPath parse(String raw) {
    int q = raw.indexOf('?');
    String path = q < 0 ? raw : raw.substring(0, q);
    Map<String, String> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : raw.substring(q + 1).split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    String group = null;
    String version = null;
    int i;
    if (parts.size() >= 2 && parts.get(0).equals("api")) {
      group = "";
      version = parts.get(1);
      i = 2;
    } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      version = parts.get(2);
      i = 3;
    } else {
      return new ApiPath(raw, path, query, null, null, null, null, null, null);
    }
    String namespace = null;
    if (parts.size() > i + 1 && parts.get(i).equals("namespaces") && parts.size() > i + 2) {
      namespace = parts.get(i + 1);
      i += 2;
    }
    String resource = parts.size() > i ? parts.get(i) : null;
    String name = parts.size() > i + 1 ? parts.get(i + 1) : null;
    String subresource = parts.size() > i + 2 ? parts.get(i + 2) : null;
    return new ApiPath(raw, path, query, group, version, namespace, resource, name, subresource);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  public boolean isResource() {
    return resource != null;
  }

  public Optional<ApiResource> type() {
    return resource == null ? Optional.empty() : ApiResources.find(group, version, resource);
  }

  public boolean isWatch() {
    String watch = query.get("watch");
    return "true".equals(watch) || "1".equals(watch);
  }

  /** The path of the object itself, without subresource and query. */
  public String objectPath() {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return prefix
        + (namespace == null ? "" : "/namespaces/" + namespace)
        + "/"
        + resource
        + "/"
        + name;
  }

  /** The path of the collection (no name), keeping the namespace. */
  public String collectionPath() {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return prefix + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + resource;
  }
}
