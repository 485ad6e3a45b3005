package dev.faultline.sandbox.api;

import java.util.List;

/**
 * One resource type the sandbox serves, as discovery describes it.
 *
 * @param group API group, empty for the core group
 * @param plural the resource name in paths ({@code pods})
 * @param subresources subresource names ({@code status}, {@code scale}, {@code log}...)
 */
public record ApiResource(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    boolean namespaced,
    List<String> shortNames,
    List<String> subresources) {

  public ApiResource {
    shortNames = List.copyOf(shortNames);
    subresources = List.copyOf(subresources);
  }

  /** {@code v1} for the core group, {@code apps/v1} otherwise. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Path prefix of the group version: {@code /api/v1} or {@code /apis/apps/v1}. */
  public String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  public boolean isCustom() {
    return ApiResources.CUSTOM_GROUPS.contains(group);
  }
}
